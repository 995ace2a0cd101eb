// "import meetings": the workbook's "Meetings" sheet (School/URN, Type, Date, Time) becomes
// scheduled meetings, once: importing again (or on every workbook reload) adds nothing.
import { rmSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { watchMeetingsSheet } from '../../bot/meetings/import-command.js';
import { readMeetingsSheet } from '../../bot/meetings/import-sheet.js';
import { memoryLogger } from '../../bot/log.js';
import { openPgliteDb } from '../../bot/store/db.js';
import { migrate, MIGRATIONS } from '../../bot/store/migrations.js';
import { exampleCopy } from '../bot/schools-fixture.js';
import { harness, type Harness } from './fakes.js';

let h: Harness | undefined;
let dir: string | undefined;
afterEach(async () => {
  await h?.cleanup();
  h = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The example workbook with a "Meetings" sheet of these rows (School, URN, Type, Date, Time). */
async function workbookWith(rows: readonly (readonly ExcelJS.CellValue[])[]): Promise<string> {
  const copy = exampleCopy();
  dir = copy.dir;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(copy.file);
  const ws = wb.addWorksheet('Meetings');
  ws.addRow(['Planned meetings, autumn term']);
  ws.addRow(['School', 'URN', 'Type', 'Date', 'Time']);
  for (const row of rows) ws.addRow([...row]);
  await wb.xlsx.writeFile(copy.file);
  return copy.file;
}

const ROWS: readonly (readonly ExcelJS.CellValue[])[] = [
  ['Oakfield Primary School', '101234', 'RAP', new Date(Date.UTC(2027, 0, 12)), '10:00'],
  ['Thornbury Primary School', null, 'RAP review meeting', '19/01/2027', 10.5 / 24],
  [null, '999999', 'RAP', '26/01/2027', '10:00'],
  ['Oakfield Primary School', '101234', 'LAIG', '26/01/2027', '10:00'],
  ['Oakfield Primary School', '101234', 'RAP', new Date(Date.UTC(2026, 10, 2)), '10:00'],
  ['Oakfield Primary School', '101234', 'RAP', '28/12/2026', '10:00'],
  ['Oakfield', null, 'RAP', '2/2/2027', '10:00'],
  [],
];

describe('import meetings', () => {
  it('reads a date typed as an Excel serial day like any other date', async () => {
    const file = await workbookWith([['Oakfield Primary School', '101234', 'RAP', 46_399, '10:00']]);
    const sheet = await readMeetingsSheet(file);
    expect(sheet.ok && sheet.value?.map((r) => r.date)).toEqual(['2027-01-12']);
  });

  it('reads the sheet, imports each meeting once, and reports rows it cannot use by number', async () => {
    const file = await workbookWith(ROWS);
    h = await harness({ workbookFile: file });
    h.at('2026-12-01T10:00:00Z');
    const sheet = await readMeetingsSheet(file);
    expect(sheet.ok && sheet.value?.map((r) => [r.row, r.date, r.time])).toEqual([
      [3, '2027-01-12', '10:00'],
      [4, '19/01/2027', '10:30'],
      [5, '26/01/2027', '10:00'],
      [6, '26/01/2027', '10:00'],
      [7, '2026-11-02', '10:00'],
      [8, '28/12/2026', '10:00'],
      [9, '2/2/2027', '10:00'],
    ]);

    const first = await h.say('import meetings');
    expect(first.command).toBe('import-meetings');
    expect(first.reply.text).toContain('2 meetings imported from the "Meetings" sheet; 1 in the past skipped.');
    expect(first.reply.text).toContain('- row 5: no school with URN 999999 in the workbook');
    expect(first.reply.text).toContain("- row 6: A LAIG is not one of this team's meetings");
    expect(first.reply.text).toContain('- row 8: Monday 28 December 2026 (2026-12-28) is not a working day: it is a bank holiday');
    expect(first.reply.text).toContain('- row 9: the school name matches several schools: add a URN column');
    expect((await h.meetings()).map((m) => [m.school_urn, m.starts_at])).toEqual([
      ['101234', '2027-01-12T10:00'],
      ['110057', '2027-01-19T10:30'],
    ]);
    const [oakfield] = await h.meetings();
    expect(await h.outbox.forMeeting(oakfield!.id)).toHaveLength(7);

    const again = await h.say('import the meetings from the workbook');
    expect(again.reply.text).toMatch(/^0 meetings imported from the "Meetings" sheet; 2 already there; 1 in the past skipped\./);
    expect(await h.meetings()).toHaveLength(2);

    // A cancelled meeting is not brought back by importing again.
    await h.say('cancel the RAP for 110057');
    await h.say('import meetings');
    expect((await h.meetings()).map((m) => m.status)).toEqual(['scheduled', 'cancelled']);
  });

  it('does not import a row again after its meeting was moved (or moved and cancelled) in chat', async () => {
    const file = await workbookWith(ROWS.slice(0, 2));
    h = await harness({ workbookFile: file });
    h.at('2026-12-01T10:00:00Z');
    expect((await h.say('import meetings')).reply.text).toMatch(/^2 meetings imported/);
    const [oakfield, thornbury] = await h.meetings();
    await h.say('move the RAP for 101234 to 14 Jan');
    await h.say('move the RAP for 110057 to 21 Jan');
    await h.say('cancel the RAP for 110057');
    const rows = (await h.outbox.forMeeting(oakfield!.id)).length;
    const again = await h.say('import meetings');
    expect(again.reply.text).toMatch(/^0 meetings imported from the "Meetings" sheet; 2 already there\./);
    expect((await h.meetings()).map((m) => [m.id, m.starts_at, m.status])).toEqual([
      [oakfield!.id, '2027-01-14T10:00', 'scheduled'],
      [thornbury!.id, '2027-01-21T10:30', 'cancelled'],
    ]);
    // No fresh evidence request to the head.
    expect(await h.outbox.forMeeting(oakfield!.id)).toHaveLength(rows);
  });

  it('migration 40 records meetings stored before it by the day they were first planned for', async () => {
    const db = await openPgliteDb(undefined);
    try {
      await migrate(db, MIGRATIONS.filter((m) => m.id < 40));
      await db.query(
        `INSERT INTO meetings (id, school_urn, school_name, framework_id, type_id, starts_at, revision, created_by)
         VALUES ('moved', '101234', 'Oakfield', 'reading', 'rap', '2027-01-14T10:00', 1, 'workbook'),
                ('plain', '110057', 'Thornbury', 'reading', 'rap', '2027-01-19T10:30', 0, 'workbook')`,
      );
      await db.query(
        `INSERT INTO meeting_steps (key, meeting_id, revision, step) VALUES
           ('moved:evidence-request:head', 'moved', 0, '{"meetingStartsAt": "2027-01-12T10:00"}'),
           ('moved:moved:head:r1', 'moved', 1, '{"meetingStartsAt": "2027-01-14T10:00"}')`,
      );
      expect(await migrate(db)).toEqual(MIGRATIONS.filter((m) => m.id >= 40).map((m) => m.id));
      const { rows } = await db.query('SELECT school_urn, type_id, sheet_day, meeting_id FROM meeting_imports ORDER BY meeting_id');
      expect(rows).toEqual([
        { school_urn: '101234', type_id: 'rap', sheet_day: '2027-01-12', meeting_id: 'moved' },
        { school_urn: '110057', type_id: 'rap', sheet_day: '2027-01-19', meeting_id: 'plain' },
      ]);
    } finally {
      await db.close();
    }
  });

  it('imports when the workbook is (re)loaded, idempotently', async () => {
    const file = await workbookWith(ROWS.slice(0, 2));
    h = await harness({ workbookFile: file });
    h.at('2026-12-01T10:00:00Z');
    let loadedAt = new Date('2026-12-01T09:00:00Z');
    const snapshot = () => ({ ...h!.directory.current(), loadedAt });
    const log = memoryLogger();
    const watch = watchMeetingsSheet({ directory: { current: snapshot }, services: h.services, db: h.store.db, log, now: h.now, pollMs: 60_000 });
    try {
      await watch.check();
      expect(await h.meetings()).toHaveLength(2);
      expect(log.lines.some((l) => l.includes('meetings imported from the workbook') && l.includes('"imported":2'))).toBe(true);
      loadedAt = new Date('2026-12-01T09:30:00Z');
      await watch.check();
      expect(await h.meetings()).toHaveLength(2);
      // Counts only: no school names or addresses in the log.
      expect(log.lines.join('\n')).not.toMatch(/Oakfield|Thornbury|@/);
    } finally {
      await watch.stop();
    }
  });

  it('says what to do when the workbook has no Meetings sheet', async () => {
    const copy = exampleCopy();
    dir = copy.dir;
    h = await harness({ workbookFile: copy.file });
    expect((await h.say('import meetings')).reply.text).toMatch(/^The workbook has no "Meetings" sheet\. Add one with the columns School \(or URN\), Type, Date and Time/);
  });
});
