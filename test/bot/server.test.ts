import { OPEN } from '../../bot/commands/access.js';
// The bot over real HTTP on an ephemeral port, replying to a loopback fake Bot Connector.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HELP_EXAMPLES } from '../../bot/commands/help.js';
import { help } from '../../bot/commands/help.js';
import type { Command } from '../../bot/commands/types.js';
import { memoryLogger } from '../../bot/log.js';
import type { Store } from '../../bot/store/store.js';
import { APOLOGY } from '../../bot/teams/bot.js';
import { startServer, type RunningServer } from '../../bot/teams/server.js';
import { startFakeConnector, type FakeConnector } from '../fakes/bot-connector.js';
import { memoryStore, messageActivity, testConfig } from './helpers.js';

const explode: Command = {
  name: 'explode',
  matches: (t) => t.startsWith('explode'),
  access: OPEN,
  handle: (input) => {
    throw new Error(`failed for ${input.user.name} (jane.testperson@la.gov.uk) asking "${input.text}"`);
  },
};

let store: Store;
let cleanup: () => Promise<void>;
let connector: FakeConnector;
let server: RunningServer;
const log = memoryLogger();

beforeAll(async () => {
  ({ store, cleanup } = await memoryStore());
  connector = await startFakeConnector();
  server = await startServer({ config: testConfig({ HOST: '0.0.0.0' }), store, port: 0, log, commands: [explode, help] });
});
afterAll(async () => {
  await server?.close();
  await connector?.close();
  await cleanup?.();
});
afterEach(() => connector.reset());

const post = (body: unknown, init: { raw?: string; headers?: Record<string, string> } = {}) =>
  fetch(`${server.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...init.headers },
    body: init.raw ?? JSON.stringify(body),
  });

describe('bot server (local mode)', () => {
  it('listens on loopback only, whatever HOST says, and says so once', () => {
    expect(server.host).toBe('127.0.0.1');
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const lines = log.lines.filter((l) => l.includes('local mode'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/NOT authenticated.*loopback.*every user is treated as an officer/);
    expect(lines[0]).toContain('"ignoredHost":"0.0.0.0"');
  });

  it('answers GET /healthz with no personal data', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', mode: 'local', store: 'pglite' });
  });

  it('answers help in a personal chat via the connector', async () => {
    const activity = messageActivity({ text: 'help', serviceUrl: connector.serviceUrl });
    const res = await post(activity);
    expect(res.status).toBe(200);
    const [reply] = await connector.waitForMessages(1);
    expect(reply!.conversationId).toBe('a:personal-1');
    expect(reply!.replyToId).toBe(activity.id);
    expect(reply!.activity.summary).toContain(HELP_EXAMPLES[0]);
    // Typing went first, to the same conversation.
    expect(connector.accepted().map((r) => r.activity.type)).toEqual(['typing', 'message']);
  });

  it('answers a channel message that @mentions it, without typing', async () => {
    const res = await post(messageActivity({ text: 'help', mention: true, conversationType: 'channel', serviceUrl: connector.serviceUrl }));
    expect(res.status).toBe(200);
    await connector.waitForMessages(1);
    expect(connector.accepted().map((r) => r.activity.type)).toEqual(['message']);
  });

  it('ignores a channel message without a mention', async () => {
    const res = await post(messageActivity({ text: 'help', conversationType: 'channel', serviceUrl: connector.serviceUrl }));
    expect(res.status).toBe(200);
    // The turn has finished when the response arrives: nothing was sent.
    expect(connector.received).toEqual([]);
  });

  it.each([
    ['non-JSON body', undefined, 'not json at all {', 400],
    ['a JSON array', [], undefined, 400],
    ['a JSON string', 'hello', undefined, 400],
    ['JSON null', null, undefined, 400],
    ['missing type', { ...messageActivity({ serviceUrl: 'http://127.0.0.1:1/' }), type: undefined }, undefined, 400],
    ['missing conversation', { ...messageActivity({ serviceUrl: 'http://127.0.0.1:1/' }), conversation: undefined }, undefined, 400],
    ['missing serviceUrl', { ...messageActivity({ serviceUrl: 'http://127.0.0.1:1/' }), serviceUrl: undefined }, undefined, 400],
    ['a non-http serviceUrl', messageActivity({ serviceUrl: 'file:///etc/passwd' }), undefined, 400],
    ['a 1 MB text', messageActivity({ serviceUrl: 'http://127.0.0.1:1/', text: 'x'.repeat(1024 * 1024) }), undefined, 413],
    ['a 100 kB text', messageActivity({ serviceUrl: 'http://127.0.0.1:1/', text: 'x'.repeat(100 * 1024) }), undefined, 400],
  ])('rejects %s with a short JSON error, then still serves', async (_what, body, raw, status) => {
    const res = await post(body, raw === undefined ? {} : { raw });
    expect(res.status).toBe(status);
    const json = (await res.json()) as { error: string };
    expect(json.error.length).toBeLessThan(120);
    expect(JSON.stringify(json)).not.toContain('xxxx');

    const ok = await post(messageActivity({ text: 'help', serviceUrl: connector.serviceUrl }));
    expect(ok.status).toBe(200);
    await connector.waitForMessages(1);
  });

  it('names the missing field', async () => {
    const res = await post({ ...messageActivity({ serviceUrl: 'http://127.0.0.1:1/' }), serviceUrl: undefined });
    expect(await res.json()).toEqual({ error: 'Invalid Activity: serviceUrl is missing.' });
  });

  it('apologises when a handler throws and keeps personal data out of the log', async () => {
    const before = log.lines.length;
    const res = await post(messageActivity({ text: "explode St Mary's", fromName: 'Jane Testperson', serviceUrl: connector.serviceUrl }));
    expect(res.status).toBe(200);
    const [reply] = await connector.waitForMessages(1);
    expect(reply!.activity.text).toBe(APOLOGY);
    const logged = log.lines.slice(before).join('\n');
    expect(logged).toContain('turn failed');
    expect(logged).toMatch(/"activityId":"act-\d+"/);
    expect(logged).toContain('"conversationType":"personal"');
    expect(logged).not.toMatch(/Jane|Testperson|jane\.testperson|St Mary|explode St/);

    const ok = await post(messageActivity({ text: 'help', serviceUrl: connector.serviceUrl }));
    expect(ok.status).toBe(200);
  });

  it('still answers when the connector throttles the typing indicator', async () => {
    connector.throttle(1, 1);
    const res = await post(messageActivity({ text: 'help', serviceUrl: connector.serviceUrl }));
    expect(res.status).toBe(200);
    const replies = await connector.waitForMessages(1);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.activity.summary).toContain(HELP_EXAMPLES[0]);
    expect(connector.received[0]!.activity.type).toBe('typing');
    expect(connector.received[0]!.status).toBe(429);
  });

  it('lets botbuilder retry a throttled reply after Retry-After, delivering it once', async () => {
    connector.throttle(2, 1);
    const started = performance.now();
    const res = await post(messageActivity({ text: 'help', mention: true, conversationType: 'channel', serviceUrl: connector.serviceUrl }));
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(1_900);
    expect(connector.received.map((r) => [r.activity.type, r.status])).toEqual([
      ['message', 429],
      ['message', 429],
      ['message', 200],
    ]);
  });

  it('answers 404 JSON for unknown paths', async () => {
    const res = await fetch(`${server.url}/nope`);
    expect(res.status).toBe(404);
  });
});

describe('fake Bot Connector', () => {
  it('answers 429 with Retry-After the requested number of times, then {id}', async () => {
    const fake = await startFakeConnector();
    try {
      fake.throttle(2, 7);
      const send = () =>
        fetch(`${fake.serviceUrl}v3/conversations/c1/activities/r1`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'message', text: 'hi' }),
        });
      const [a, b, c] = [await send(), await send(), await send()];
      expect([a.status, b.status, c.status]).toEqual([429, 429, 200]);
      expect(a.headers.get('retry-after')).toBe('7');
      expect(await c.json()).toEqual({ id: 'activity-1' });
      expect(fake.received.map((r) => [r.conversationId, r.replyToId, r.status])).toEqual([
        ['c1', 'r1', 429],
        ['c1', 'r1', 429],
        ['c1', 'r1', 200],
      ]);
      expect(fake.messages()).toHaveLength(1);
    } finally {
      await fake.close();
    }
  });
});
