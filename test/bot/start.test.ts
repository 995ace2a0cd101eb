// Start-up: the workbook and framework are checked first, with messages naming the variable;
// a running bot answers from the workbook and closes everything it opened.
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../bot/log.js';
import { startBot, StartupError } from '../../bot/start.js';
import { openStore } from '../../bot/store/store.js';
import { EXAMPLE } from './schools-fixture.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
// One embedded database is created (initdb, migrations) for the file; each test starts the bot
// on a copy of it, as on a redeploy: a first start's initdb is store.test.ts's subject, and
// here it cost seconds per test.
let template: string;
beforeAll(async () => {
  template = mkdtempSync(join(tmpdir(), 'waymark-start-template-'));
  await (await openStore({ dataDir: template })).close();
}, 60_000);
afterAll(() => rmSync(template, { recursive: true, force: true }));
const dataDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'waymark-start-'));
  dirs.push(d);
  return d;
};
/** A data directory holding the embedded database, for a bot that starts. */
const storeDir = () => {
  const d = dataDir();
  cpSync(template, d, { recursive: true });
  return d;
};

describe('startBot', () => {
  it('names WAYMARK_WORKBOOK when the file is missing', async () => {
    const p = startBot({ PORT: '0', WAYMARK_DATA_DIR: dataDir(), WAYMARK_WORKBOOK: '/nonexistent/team.xlsx' }, memoryLogger());
    await expect(p).rejects.toThrow(StartupError);
    await expect(p).rejects.toThrow(/^WAYMARK_WORKBOOK: cannot read \/nonexistent\/team\.xlsx \(ENOENT\)/);
  });

  it('names WAYMARK_FRAMEWORK when it is unknown', async () => {
    await expect(startBot({ PORT: '0', WAYMARK_DATA_DIR: dataDir(), WAYMARK_FRAMEWORK: 'nowhere' }, memoryLogger())).rejects.toThrow(/^WAYMARK_FRAMEWORK: /);
  });

  it('names WAYMARK_SHEET_CONFIG when its thresholds are invalid', async () => {
    const file = join(dataDir(), 'sheet.json');
    writeFileSync(file, JSON.stringify({ thresholds: { attendance: { green: 90, amber: 95 } } }));
    await expect(startBot({ PORT: '0', WAYMARK_DATA_DIR: dataDir(), WAYMARK_WORKBOOK: EXAMPLE, WAYMARK_SHEET_CONFIG: file }, memoryLogger())).rejects.toThrow(
      /^WAYMARK_SHEET_CONFIG: invalid thresholds: .*attendance/,
    );
  });

  it('rates a Southwark sheet as Southwark when WAYMARK_FRAMEWORK is unset, and says why; a named framework wins', async () => {
    const southwark = join(EXAMPLE, '..', 'southwark.xlsx');
    const log = memoryLogger();
    const bot = await startBot({ PORT: '0', WAYMARK_DATA_DIR: storeDir(), WAYMARK_WORKBOOK: southwark }, log);
    try {
      expect(bot.config.framework).toBe('southwark');
      const codes = new Set(bot.directory.current().schools.flatMap((s) => (s.category ? [s.category.category.code] : [])));
      expect([...codes].every((c) => ['A', 'B', 'C', 'D'].includes(c))).toBe(true);
      expect(log.lines.some((l) => l.includes('framework detected from the workbook') && l.includes('southwark'))).toBe(true);
    } finally {
      await bot.close();
    }
    const named = await startBot({ PORT: '0', WAYMARK_DATA_DIR: storeDir(), WAYMARK_WORKBOOK: southwark, WAYMARK_FRAMEWORK: 'reading' }, memoryLogger());
    try {
      expect(named.config.framework).toBe('reading');
    } finally {
      await named.close();
    }
  }, 120_000);

  it('rates with the workbook’s own thresholds from WAYMARK_SHEET_CONFIG', async () => {
    const file = join(dataDir(), 'sheet.json');
    writeFileSync(file, JSON.stringify({ thresholds: { attendance: { green: 99.9, amber: 99.8 } } }));
    const bot = await startBot({ PORT: '0', WAYMARK_DATA_DIR: storeDir(), WAYMARK_WORKBOOK: EXAMPLE, WAYMARK_SHEET_CONFIG: file }, memoryLogger());
    try {
      const rated = bot.directory.current().schools.flatMap((s) => s.indicators.filter((i) => i.label === 'Attendance' && i.rag));
      expect(rated.length).toBeGreaterThan(20);
      expect(rated.every((i) => i.rag === 'R')).toBe(true);
    } finally {
      await bot.close();
    }
  });

  it('serves the workbook, then closes the server, the store and the watch', async () => {
    const dir = storeDir();
    const bot = await startBot({ PORT: '0', WAYMARK_DATA_DIR: dir, WAYMARK_WORKBOOK: EXAMPLE }, memoryLogger());
    const health = (await (await fetch(`${bot.server.url}/healthz`)).json()) as { workbook: { schools: number } };
    expect(health.workbook.schools).toBe(36);
    expect(bot.directory.current().schools).toHaveLength(36);
    await bot.close();
    expect(existsSync(join(dir, 'waymark.lock'))).toBe(false);
    await expect(fetch(`${bot.server.url}/healthz`)).rejects.toThrow();
  });
});
