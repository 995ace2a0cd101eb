// Issue 8, findings 8 and 9: the server reads no body before the token is checked (with
// credentials), cuts off clients that stall, says where it really listens, and gives up on a
// connector that does not answer a reply, saying so in the log.
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { help } from '../../bot/commands/help.js';
import { memoryLogger } from '../../bot/log.js';
import type { Store } from '../../bot/store/store.js';
import { startServer, TIMEOUTS, type RunningServer } from '../../bot/teams/server.js';
import { memoryStore, messageActivity, testConfig } from './helpers.js';

let store: Store;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ store, cleanup } = await memoryStore());
});
afterAll(() => cleanup());

const AUTH = { MicrosoftAppId: '00000000-0000-0000-0000-0000000000aa', MicrosoftAppPassword: 'not-a-real-secret', MicrosoftAppTenantId: 't-1' };

/** Sends raw bytes; resolves with everything received once the server closes the connection. */
function raw(url: string, bytes: string): Promise<{ text: string; closed: boolean }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    let text = '';
    socket.on('data', (d) => (text += d.toString()));
    socket.on('error', reject);
    socket.on('close', () => resolve({ text, closed: true }));
  });
}

const shortBody = (auth: string) => {
  const body = JSON.stringify(messageActivity({ text: 'help', serviceUrl: 'http://127.0.0.1:1/' }));
  return `POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n${auth}\r\n${body.slice(0, -10)}`;
};

describe('with credentials: the token before the body', () => {
  let server: RunningServer;
  const log = memoryLogger();
  beforeAll(async () => {
    server = await startServer({ config: testConfig({ ...AUTH, HOST: '0.0.0.0' }), store, port: 0, log });
  });
  afterAll(() => server?.close());

  it('says in the log where it really listens: all interfaces', () => {
    expect(server.listening).toBe(`0.0.0.0:${server.port}`);
    const line = log.lines.find((l) => l.includes('server listening'));
    expect(line).toContain(`"address":"0.0.0.0:${server.port}"`);
    expect(line).toContain('"interfaces":"all"');
  });

  it.each([
    ['a 1 MB body', 'x'.repeat(1024 * 1024)],
    ['text that is not JSON', '{not json'],
  ])('answers 401, not 413 or 400, to %s without a token', async (_what, body) => {
    const res = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'Unauthorized.' });
  });

  it('answers 401 at once to a body 10 bytes short of its Content-Length, and closes the connection', async () => {
    const { text, closed } = await raw(server.url, shortBody('Authorization: Bearer abc.def.ghi\r\n'));
    expect(text).toMatch(/^HTTP\/1\.1 401/);
    expect(closed).toBe(true);
  });
});

describe('local mode: timeouts and the real address', () => {
  let server: RunningServer;
  const log = memoryLogger();
  beforeAll(async () => {
    server = await startServer({
      config: testConfig(),
      store,
      port: 0,
      log,
      commands: [help],
      timeouts: { requestTimeout: 1_000, headersTimeout: 1_000, connectionsCheckingInterval: 100, replyMs: 500 },
    });
  });
  afterAll(() => server?.close());

  it('sets header, request and keep-alive timeouts by default', () => {
    expect(TIMEOUTS.headersTimeout).toBeGreaterThan(0);
    expect(TIMEOUTS.requestTimeout).toBeGreaterThan(0);
    expect(TIMEOUTS.keepAliveTimeout).toBeGreaterThan(0);
    expect(TIMEOUTS.requestTimeout).toBeLessThanOrEqual(30_000);
  });

  it('says it listens on loopback only', () => {
    expect(server.listening).toBe(`127.0.0.1:${server.port}`);
    expect(log.lines.find((l) => l.includes('server listening'))).toContain('"interfaces":"this one only"');
  });

  it('cuts off a body 10 bytes short of its Content-Length (408), instead of holding the connection', async () => {
    const { text, closed } = await raw(server.url, shortBody(''));
    expect(closed).toBe(true);
    expect(text).toMatch(/^HTTP\/1\.1 408/);
  });

  it('gives up on a connector that does not answer a reply, and logs the outcome', async () => {
    // A connector that accepts the connection and never answers.
    const held: import('node:http').ServerResponse[] = [];
    const slow: Server = createHttpServer((_req, res) => void held.push(res));
    await new Promise<void>((r) => slow.listen(0, '127.0.0.1', () => r()));
    const serviceUrl = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/`;
    try {
      const res = await fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(messageActivity({ text: 'help', serviceUrl })),
      });
      expect(res.status).toBeLessThan(500);
      const line = log.lines.find((l) => l.includes('reply not delivered'));
      expect(line).toContain('"outcome":"timeout"');
      expect(line).toContain('"command":"help"');
      expect(held.length).toBeGreaterThan(0);
    } finally {
      for (const r of held) r.destroy();
      slow.closeAllConnections();
      await new Promise<void>((r) => slow.close(() => r()));
    }
  });
});
