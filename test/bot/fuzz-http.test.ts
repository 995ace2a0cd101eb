// Issue 8: random activities through the HTTP server: never a 5xx, never a crash, memory
// steady. The default run sends WAYMARK_FUZZ_ACTIVITIES (default 2,000, to stay quick on a busy
// machine); set it to 10000 for the full run. The figures are printed.
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../bot/commands/router.js';
import { staticDirectory } from '../../bot/directory/directory.js';
import { createLogger } from '../../bot/log.js';
import type { Store } from '../../bot/store/store.js';
import { startServer, type RunningServer } from '../../bot/teams/server.js';
import { startFakeConnector, type FakeConnector } from '../fakes/bot-connector.js';
import { BOT, memoryStore, messageActivity, testConfig } from './helpers.js';
import { exampleSchools } from './schools-fixture.js';

// Heap figures mean something only after a full collection; the test worker is not started
// with --expose-gc, so expose it here (a V8 flag set at run time, read by a fresh context).
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const collectGarbage = (): void => {
  gc();
  gc();
};

const COUNT = Number(process.env.WAYMARK_FUZZ_ACTIVITIES ?? 2_000);

/** A small seeded generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

let store: Store;
let cleanup: () => Promise<void>;
let connector: FakeConnector;
let server: RunningServer;
beforeAll(async () => {
  ({ store, cleanup } = await memoryStore());
  connector = await startFakeConnector();
  server = await startServer({ config: testConfig(), store, port: 0, log: createLogger({ write: () => {} }), directory: staticDirectory(await exampleSchools()), timeouts: { replyMs: 2_000 } });
});
afterAll(async () => {
  await server?.close();
  await connector?.close();
  await cleanup?.();
});

describe('fuzz: random activities through the HTTP server', () => {
  it(`answers ${COUNT} random activities with no 5xx, and memory stays steady`, async () => {
    const random = rng(8);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
    const junk = (): unknown => pick([null, 0, -1, 1e308, '', 'x'.repeat(Math.floor(random() * 300)), [], {}, [1, 'a'], { a: { b: {} } }, true, '\u0000\ud800', '<at>Waymark</at>']);
    const texts = ['help', 'category of 101234', 'meetings for 101234', 'evidence received for Oakfield', 'use this channel for Waymark', 'head links', '', '   ', 'x'.repeat(2000), '\u202e101234', 'schedule a RAP for 101234 on 31 Feb at 25:00', ...COMMANDS.map((c) => c.name)];
    const activity = (): unknown => {
      const base = messageActivity({ text: pick(texts), serviceUrl: connector.serviceUrl, conversationType: pick(['personal', 'channel', 'groupChat'] as const), mention: random() < 0.5 });
      const r = random();
      if (r < 0.35) return base;
      if (r < 0.7) {
        // One field replaced by junk, at the top or one level down.
        const key = pick(['type', 'id', 'serviceUrl', 'channelId', 'conversation', 'from', 'recipient', 'text', 'entities', 'attachments', 'value', 'channelData', 'timestamp', 'locale']);
        return random() < 0.5 ? { ...base, [key]: junk() } : { ...base, [key]: { ...(base[key] as object), id: junk(), conversationType: junk(), aadObjectId: junk() } };
      }
      if (r < 0.85) return { ...base, type: pick(['invoke', 'conversationUpdate', 'event', 'messageReaction', 'typing', 'installationUpdate']), value: junk(), name: pick(['adaptiveCard/action', 'x', undefined]) };
      return junk();
    };
    const statuses = new Map<number, number>();
    collectGarbage();
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    let heapMid = heapBefore;
    let sends = 0;
    for (let i = 0; i < COUNT; i++) {
      const raw = random() < 0.03 ? '{"type": "message", "text": "unterminated' : JSON.stringify(activity());
      const res = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: raw });
      await res.arrayBuffer();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      // The fake connector keeps every send; only the server's own memory is measured.
      if (i % 100 === 99) {
        sends += connector.received.length;
        connector.reset();
      }
      if (i === Math.floor(COUNT / 2)) {
        collectGarbage();
        heapMid = process.memoryUsage().heapUsed;
      }
    }
    const seconds = (performance.now() - started) / 1000;
    collectGarbage();
    const heapAfter = process.memoryUsage().heapUsed;
    const health = await fetch(`${server.url}/healthz`);
    const mb = (n: number) => Math.round(n / 1024 / 1024);
    console.log(
      `fuzz: ${COUNT} activities in ${seconds.toFixed(1)} s; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}; ` +
        `heap ${mb(heapBefore)} MB → ${mb(heapMid)} MB (half-way) → ${mb(heapAfter)} MB; connector received ${sends + connector.received.length} sends`,
    );
    expect([...statuses.keys()].filter((s) => s >= 500)).toEqual([]);
    expect(health.status).toBe(200);
    // Steady: the second half adds no more than a bounded amount (no growth with each request).
    expect(heapAfter - heapMid).toBeLessThan(64 * 1024 * 1024);
  }, 600_000);
});
