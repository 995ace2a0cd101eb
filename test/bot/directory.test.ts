// The school directory follows the workbook file: a save is picked up without a restart; a
// broken file keeps the last good copy and the failure is kept for officers to be told.
import { copyFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { answerCategoryQuestion } from '../../bot/commands/category-query.js';
import { openDirectory, type WorkbookDirectory } from '../../bot/directory/directory.js';
import { loadWorkbook } from '../../workbook/source/file.js';
import { memoryLogger } from '../../bot/log.js';
import { EXAMPLE, exampleCopy, reading, setCategory } from './schools-fixture.js';

const opened: { dir: WorkbookDirectory; folder: string }[] = [];
afterEach(async () => {
  for (const { dir, folder } of opened.splice(0)) {
    await dir.close();
    rmSync(folder, { recursive: true, force: true });
  }
});

async function open(options: { watch?: boolean; pollMs?: number } = {}) {
  const { dir: folder, file } = exampleCopy();
  const log = memoryLogger();
  const dir = await openDirectory({ file, framework: reading(), log, debounceMs: 50, pollMs: options.pollMs ?? 5_000, watch: options.watch ?? true });
  opened.push({ dir, folder });
  return { dir, file, folder, log };
}

async function until(check: () => boolean, timeoutMs = 8_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

const categoryOf = (dir: WorkbookDirectory, urn: string) => dir.current().schools.find((s) => s.urn === urn)?.category?.category.code;
const officerAnswer = (dir: WorkbookDirectory, q: string) => answerCategoryQuestion(q, dir.current(), { role: 'officer', headOf: [], conversation: 'personal', teamOnly: true }).reply.text;

describe('school directory', () => {
  it('loads the workbook through the core', async () => {
    const { dir, log } = await open();
    const now = dir.current();
    expect(now.schools).toHaveLength(36);
    expect(now.sheet).toBe('Categorisation');
    expect(now.error).toBeUndefined();
    expect(now.loadedAt).toBeInstanceOf(Date);
    expect(categoryOf(dir, '101234')).toBe('G');
    // Counts, never names.
    expect(log.lines.join('\n')).toContain('"schools":36');
    expect(log.lines.join('\n')).not.toMatch(/Oakfield|example\.sch\.uk/);
  });

  it('picks up a save (written beside it and renamed over it) without a restart', async () => {
    const { dir, file } = await open();
    expect(officerAnswer(dir, '101234')).toMatch(/: G — /);
    await setCategory(file, '101234', 'C');
    await until(() => categoryOf(dir, '101234') === 'C');
    expect(officerAnswer(dir, '101234')).toMatch(/^Oakfield Primary School \(URN 101234\): C — /);
  });

  it('picks up a change by polling when watching is unavailable', async () => {
    const { dir, file } = await open({ watch: false, pollMs: 100 });
    await setCategory(file, '101234', 'R');
    await until(() => categoryOf(dir, '101234') === 'R');
  });

  it('keeps the last good copy when the file is broken, tells officers, and recovers', async () => {
    const { dir, file, log } = await open();
    const goodAt = dir.current().loadedAt!;
    // Half-saved: a zip header and nothing else.
    writeFileSync(file, Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    await until(() => dir.current().error !== undefined);
    const now = dir.current();
    expect(now.schools).toHaveLength(36);
    expect(now.loadedAt).toEqual(goodAt);
    expect(now.error!.reason).toBe('the file is damaged or still being saved: it is not a readable .xlsx');
    expect(officerAnswer(dir, '101234')).toMatch(
      /^The workbook could not be reloaded at \d\d:\d\d: the file is damaged or still being saved: it is not a readable \.xlsx; answers use the copy loaded at \d\d:\d\d\.\n\nOakfield Primary School/,
    );
    expect(log.lines.join('\n')).toContain('keeping the last good copy');

    copyFileSync(EXAMPLE, `${file}.new`);
    rmSync(file);
    await until(() => dir.current().error?.reason.includes('missing') ?? false);
    expect(dir.current().schools).toHaveLength(36);
    const { renameSync } = await import('node:fs');
    renameSync(`${file}.new`, file);
    await until(() => dir.current().error === undefined);
    expect(dir.current().loadedAt!.getTime()).toBeGreaterThanOrEqual(goodAt.getTime());
  });

  it('starts with no schools and the reason when the file cannot be read at all', async () => {
    const { dir: folder, file } = exampleCopy();
    writeFileSync(file, 'not a workbook');
    const dir = await openDirectory({ file, framework: reading(), log: memoryLogger(), watch: false });
    opened.push({ dir, folder });
    expect(dir.current()).toMatchObject({ schools: [], loadedAt: undefined, error: { reason: 'the file is not an .xlsx workbook' } });
    copyFileSync(EXAMPLE, file);
    await dir.reload();
    expect(dir.current().schools).toHaveLength(36);
    expect(dir.current().error).toBeUndefined();
  });
});

describe('loadWorkbook', () => {
  it.each([
    ['an empty file', Buffer.alloc(0), 'the file is empty (perhaps still being saved)'],
    ['an encrypted workbook', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), 'the file is password-protected or an old .xls file; save it as an unencrypted .xlsx'],
  ])('explains %s', async (_what, bytes, reason) => {
    const { dir: folder, file } = exampleCopy();
    try {
      writeFileSync(file, bytes);
      expect(await loadWorkbook(file, { framework: reading(), now: new Date() })).toEqual({ ok: false, error: reason });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('explains a missing file', async () => {
    expect(await loadWorkbook(join('/nonexistent', 'x.xlsx'), { framework: reading(), now: new Date() })).toEqual({
      ok: false,
      error: 'the file is missing (moved, renamed or being replaced)',
    });
  });

  it("dates the data by the sheet's data-date column, else by the file's London day", async () => {
    const { dir: folder, file } = exampleCopy();
    try {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Schools');
      ws.addRow(['School', 'URN', 'Attendance %', 'Safeguarding', 'Data date']);
      ws.addRow(['Oakfield Primary School', 101234, 0.95, 'Effective', new Date(Date.UTC(2026, 9 /* Oct */, 15))]);
      ws.addRow(['Brookside Academy', 101236, 0.9, 'Effective', null]);
      await wb.xlsx.writeFile(file);
      // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST).
      utimesSync(file, new Date('2026-06-30T23:30:00Z'), new Date('2026-06-30T23:30:00Z'));
      const r = await loadWorkbook(file, { framework: reading(), now: new Date('2026-11-24T10:00:00Z') });
      if (!r.ok) throw new Error(r.error);
      expect(r.value.schools.map((s) => [s.urn, s.dataDate])).toEqual([
        ['101234', '2026-10-15'],
        ['101236', '2026-07-01'],
      ]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('dates the data by the title row\'s "Data as at" before the file\'s day', async () => {
    const { dir: folder, file } = exampleCopy();
    try {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Schools');
      ws.addRow(['Schools causing concern — data as at 1 November 2026']);
      ws.addRow(['School', 'URN', 'Attendance %', 'Safeguarding']);
      ws.addRow(['Oakfield Primary School', 101234, 0.95, 'Effective']);
      await wb.xlsx.writeFile(file);
      utimesSync(file, new Date('2026-11-20T10:00:00Z'), new Date('2026-11-20T10:00:00Z'));
      const r = await loadWorkbook(file, { framework: reading(), now: new Date('2026-11-24T10:00:00Z') });
      if (!r.ok) throw new Error(r.error);
      expect(r.value.schools.map((s) => s.dataDate)).toEqual(['2026-11-01']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
