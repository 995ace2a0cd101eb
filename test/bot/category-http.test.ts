// Category questions over real HTTP: the bot on an ephemeral port, the example workbook's
// directory, and the loopback fake Bot Connector receiving the replies.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDirectory, type WorkbookDirectory } from '../../bot/directory/directory.js';
import { memoryLogger } from '../../bot/log.js';
import type { Store } from '../../bot/store/store.js';
import { ADAPTIVE_CARD } from '../../bot/teams/convert.js';
import { startServer, type RunningServer } from '../../bot/teams/server.js';
import { startFakeConnector, type FakeConnector } from '../fakes/bot-connector.js';
import { memoryStore, messageActivity, testConfig } from './helpers.js';
import { EXAMPLE, reading } from './schools-fixture.js';

let store: Store;
let cleanup: () => Promise<void>;
let connector: FakeConnector;
let server: RunningServer;
let directory: WorkbookDirectory;
const log = memoryLogger();

beforeAll(async () => {
  ({ store, cleanup } = await memoryStore());
  connector = await startFakeConnector();
  directory = await openDirectory({ file: EXAMPLE, framework: reading(), log, watch: false });
  server = await startServer({ config: testConfig(), store, port: 0, log, directory });
});
afterAll(async () => {
  await server?.close();
  await directory?.close();
  await connector?.close();
  await cleanup?.();
});
afterEach(() => connector.reset());

const post = (body: unknown) =>
  fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const card = (a: Record<string, unknown>) =>
  (a.attachments as { contentType: string; content: unknown }[] | undefined)?.find((x) => x.contentType === ADAPTIVE_CARD)?.content;

describe('category questions over HTTP (local mode: everyone is an officer)', () => {
  it('answers an @mention in a channel with the card, as a reply in the thread', async () => {
    const activity = messageActivity({ text: "what is Oakfield Primary School's category?", mention: true, conversationType: 'channel', serviceUrl: connector.serviceUrl });
    expect((await post(activity)).status).toBe(200);
    const [reply] = await connector.waitForMessages(1);
    expect(reply!.conversationId).toBe('19:general@thread.tacv2;messageid=1');
    expect(reply!.replyToId).toBe(activity.id);
    expect(reply!.activity.summary).toMatch(/^Oakfield Primary School \(URN 101234\): G — Strengthening Good Schools/);
    const content = JSON.stringify(card(reply!.activity));
    expect(content).toContain('"type":"AdaptiveCard"');
    expect(content).toContain('G — Strengthening Good Schools');
    // No typing in a channel thread: it makes Teams drop the reply.
    expect(connector.accepted().map((r) => r.activity.type)).toEqual(['message']);
  });

  it('answers a URN in a personal chat', async () => {
    const activity = messageActivity({ text: '101234', serviceUrl: connector.serviceUrl });
    expect((await post(activity)).status).toBe(200);
    const [reply] = await connector.waitForMessages(1);
    expect(reply!.conversationId).toBe('a:personal-1');
    expect(reply!.replyToId).toBe(activity.id);
    expect(card(reply!.activity)).toBeDefined();
  });

  it('offers a choice card with buttons when several schools match', async () => {
    await post(messageActivity({ text: 'category of st marys', mention: true, conversationType: 'channel', serviceUrl: connector.serviceUrl }));
    const [reply] = await connector.waitForMessages(1);
    const actions = (card(reply!.activity) as { actions: { title: string }[] }).actions;
    expect(actions.map((a) => a.title)).toEqual([
      "St Mary's CE Primary School (URN 101235)",
      "St Mary's CE Primary School (URN 101299)",
      "St Mary's CE Primary (URN 110053)",
    ]);
  });

  it('writes the audit row and reports the workbook in /healthz without school details', async () => {
    const [row] = await store.audit.recent(1);
    expect(row).toMatchObject({ actorId: 'aad-0001', actorRole: 'officer', question: 'category of st marys', outcome: 'allowed', conversationType: 'channel' });
    const health = (await (await fetch(`${server.url}/healthz`)).json()) as { workbook: unknown };
    expect(health.workbook).toMatchObject({ schools: 36, lastLoadFailed: false });
    expect(JSON.stringify(health)).not.toMatch(/Oakfield|St Mary/);
  });
});
