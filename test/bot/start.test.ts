// Start-up: the workbook and framework are checked first, with messages naming the variable;
// a running bot answers from the workbook and closes everything it opened.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../bot/log.js';
import { startBot, StartupError } from '../../bot/start.js';
import { EXAMPLE } from './schools-fixture.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const dataDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'waymark-start-'));
  dirs.push(d);
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

  it('serves the workbook, then closes the server, the store and the watch', async () => {
    const dir = dataDir();
    const bot = await startBot({ PORT: '0', WAYMARK_DATA_DIR: dir, WAYMARK_WORKBOOK: EXAMPLE }, memoryLogger());
    const health = (await (await fetch(`${bot.server.url}/healthz`)).json()) as { workbook: { schools: number } };
    expect(health.workbook.schools).toBe(36);
    expect(bot.directory.current().schools).toHaveLength(36);
    await bot.close();
    expect(existsSync(join(dir, 'waymark.lock'))).toBe(false);
    await expect(fetch(`${bot.server.url}/healthz`)).rejects.toThrow();
  });
});
