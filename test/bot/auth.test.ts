// With credentials configured, botbuilder must reject unauthenticated or forged requests.
// These requests are refused before any OpenID metadata fetch, so they run offline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../bot/log.js';
import type { Store } from '../../bot/store/store.js';
import { startServer, type RunningServer } from '../../bot/teams/server.js';
import { startFakeConnector, type FakeConnector } from '../fakes/bot-connector.js';
import { memoryStore, messageActivity, testConfig } from './helpers.js';

let store: Store;
let cleanup: () => Promise<void>;
let connector: FakeConnector;
let server: RunningServer;
const log = memoryLogger();

beforeAll(async () => {
  ({ store, cleanup } = await memoryStore());
  connector = await startFakeConnector();
  const config = testConfig({ MicrosoftAppId: '00000000-0000-0000-0000-0000000000aa', MicrosoftAppPassword: 'not-a-real-secret', MicrosoftAppTenantId: 't-1', HOST: '127.0.0.1' });
  server = await startServer({ config, store, port: 0, log });
});
afterAll(async () => {
  await server?.close();
  await connector?.close();
  await cleanup?.();
});

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
/** A well-formed but unsigned JWT. */
const jwt = (payload: object) => `${b64({ alg: 'RS256', typ: 'JWT', kid: 'k1' })}.${b64(payload)}.${b64({ sig: 'forged' })}`;

async function timedPost(authorization: string | undefined) {
  const started = performance.now();
  const res = await fetch(`${server.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(messageActivity({ text: 'help', serviceUrl: connector.serviceUrl })),
  });
  return { status: res.status, ms: performance.now() - started };
}

describe('bot server with credentials', () => {
  it('does not log local mode', () => {
    expect(server.mode).toBe('authenticated');
    expect(log.lines.join('\n')).not.toContain('local mode');
  });

  it.each([
    ['no Authorization header', undefined],
    ['a garbage bearer token', 'Bearer abc.def.ghi'],
    ['a non-bearer scheme', 'Basic dXNlcjpwYXNz'],
    ['an unsigned JWT from an unknown issuer', `Bearer ${jwt({ iss: 'https://evil.example/', aud: '00000000-0000-0000-0000-0000000000aa', exp: 4102444800 })}`],
  ])('answers 401 quickly, offline, to %s', async (_what, authorization) => {
    const { status, ms } = await timedPost(authorization);
    expect(status).toBe(401);
    expect(ms).toBeLessThan(1_000);
    expect(connector.received).toEqual([]);
    expect(log.lines.at(-1)).toContain('rejected unauthenticated request');
  });

  it('answers 401 to an unsigned JWT claiming the Bot Framework issuer (signing keys unreachable offline)', async () => {
    const token = jwt({ iss: 'https://api.botframework.com', aud: '00000000-0000-0000-0000-0000000000aa', exp: 4102444800, serviceurl: connector.serviceUrl });
    const { status } = await timedPost(`Bearer ${token}`);
    expect(status).toBe(401);
    expect(connector.received).toEqual([]);
  });

  it.each([
    ['missing conversation', { ...messageActivity({ serviceUrl: 'http://127.0.0.1:1/' }), conversation: undefined }],
    ['a non-http serviceUrl', messageActivity({ serviceUrl: 'file:///etc/passwd' })],
    ['a JSON array', []],
    ['a JSON string', 'hello'],
  ])('answers 401, not a 400 naming the field, to an unauthenticated body with %s', async (_what, body) => {
    for (const authorization of [undefined, 'Bearer abc.def.ghi']) {
      const res = await fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: 'Unauthorized.' });
    }
    expect(connector.received).toEqual([]);
  });

  it('still serves health checks', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(await res.json()).toMatchObject({ status: 'ok', mode: 'authenticated' });
  });
});
