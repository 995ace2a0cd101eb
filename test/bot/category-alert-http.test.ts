// The category change alert end to end, over real HTTP: the team edits a school's category in
// the workbook, the bot reloads it, and the reminder scheduler posts exactly one alert to the
// improvement team's channel through the (loopback fake) Bot Connector. Reloading the same
// content, or restarting the bot on the same data, posts nothing more; no head is sent anything.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeClock } from '../../bot/delivery/clock.js';
import { memoryLogger } from '../../bot/log.js';
import { startBot, type RunningBot } from '../../bot/start.js';
import { startFakeConnector, type FakeConnector } from '../fakes/bot-connector.js';
import { channelReference, userReference } from '../scheduler/helpers.js';
import { exampleCopy, setCategory } from './schools-fixture.js';

const TEAM_CHANNEL = '19:team@thread.tacv2';
// Far enough ahead that every alert enqueued now is due, and a working day (the scheduler sends
// on working days only): a Wednesday, 10:00 in London.
const WORKING_DAY = '2030-01-09T10:00:00.000Z';

let connector: FakeConnector;
let workbook: { dir: string; file: string };
let dataDir: string;
const running: RunningBot[] = [];
beforeEach(async () => {
  connector = await startFakeConnector();
  workbook = exampleCopy();
  dataDir = mkdtempSync(join(tmpdir(), 'waymark-alert-'));
});
afterEach(async () => {
  for (const bot of running.splice(0)) await bot.close();
  await connector.close();
  rmSync(workbook.dir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(): Promise<RunningBot> {
  const env = {
    PORT: '0',
    WAYMARK_DATA_DIR: dataDir,
    WAYMARK_WORKBOOK: workbook.file,
    WAYMARK_FRAMEWORK: 'reading',
    WAYMARK_TEAM_ID: TEAM_CHANNEL,
    // Never fires during the test: the test ticks the scheduler itself.
    WAYMARK_SCHEDULE: '0 3 1 1 *',
  };
  const bot = await startBot(env, memoryLogger(), { clock: fakeClock(WORKING_DAY) });
  running.push(bot);
  return bot;
}

async function stop(bot: RunningBot): Promise<void> {
  running.splice(running.indexOf(bot), 1);
  await bot.close();
}

const alertRows = async (bot: RunningBot) =>
  (await bot.store.db.query<{ key: string; status: string }>(`SELECT key, status FROM outbox WHERE step = 'category-change' ORDER BY key`)).rows;

describe('category change alert through the Bot Connector', () => {
  it('one alert in the team channel with the school and old → new category; a second reload or a restart sends nothing more; nothing to the head', async () => {
    const first = await start();
    // The team channel (as "use this channel for Waymark" keeps it) and the school's head's 1:1 chat.
    await first.store.conversations.save(TEAM_CHANNEL, 'channel', channelReference(connector.serviceUrl, TEAM_CHANNEL));
    await first.store.conversations.save('aad-head-parkside', 'user', userReference(connector.serviceUrl, 'a:head-parkside', 'aad-head-parkside'));
    // The first load at start-up is a first sight: nothing to announce.
    expect((await first.reminders.tick()).ran).toBe(true);
    expect(connector.messages()).toHaveLength(0);

    await setCategory(workbook.file, '110048', 'C');
    await first.directory.reload();
    expect(first.directory.current().schools.find((s) => s.urn === '110048')?.category?.category.code).toBe('C');
    await first.reminders.tick();
    const [alert] = await connector.waitForMessages(1);
    expect(alert!.conversationId).toBe(TEAM_CHANNEL);
    // One bubble: the card alone, its words as the fallback and the notification summary.
    expect(alert!.activity.text).toBeUndefined();
    expect(alert!.activity.summary).toMatch(/^Category change: Parkside Infant School \(URN 110048\): officer category G → C\. Reason: /);
    expect(alert!.activity.attachments).toHaveLength(1);
    const sent = JSON.stringify(alert!.activity.attachments);
    expect(sent).toContain('Parkside Infant School (URN 110048)');
    expect(sent).toContain('G → C');

    // The same content read again (the file watcher may read it too): nothing new to send.
    await first.directory.reload();
    await first.reminders.tick();
    expect(connector.messages()).toHaveLength(1);

    // A restart on the same data loads the same workbook: its first load announces nothing.
    await stop(first);
    const second = await start();
    expect(second.directory.current().schools.find((s) => s.urn === '110048')?.category?.category.code).toBe('C');
    await second.reminders.tick();
    expect(connector.messages()).toHaveLength(1);
    expect(await alertRows(second)).toEqual([{ key: 'category-change:110048:2', status: 'sent' }]);

    // Every activity went to the team channel: none to the head's chat, none elsewhere.
    expect(new Set(connector.received.map((r) => r.conversationId))).toEqual(new Set([TEAM_CHANNEL]));
  }, 120_000);
});
