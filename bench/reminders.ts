/**
 * Reminders under Teams' limits: 1,000 due reminders to 200 conversations, through the real
 * scheduler (claim, fence, record in the store; the real botbuilder proactive sender) and a
 * loopback Bot Connector that enforces 7 sends per second per conversation and the overall
 * rate, answering 429 with Retry-After when either is crossed. The figure to watch is elapsed
 * time against the bound the limits allow (target at most 1.1x), with none lost or doubled.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { makeCalendar } from '../core/calendar/index.js';
import type { Clock } from '../bot/delivery/clock.js';
import { createOutbox } from '../bot/outbox/outbox.js';
import { createScheduler } from '../bot/scheduler/scheduler.js';
import { startFakeTeamsWorker } from '../test/scheduler/fake-teams-worker.js';
import { headItems, localTeamsSender, memoryStore, quietLog, saveHeadReferences, WEDNESDAY } from '../test/scheduler/helpers.js';
import pg from 'pg';
import { openStore, type Store } from '../bot/store/store.js';
import { PG_URL } from '../test/support/postgres.js';
import { table } from './lib.js';

const REMINDERS = 1_000;
const CONVERSATIONS = 200;
const RATE = 50; // WAYMARK_SEND_RATE for the run (default 30); higher keeps the section short
const PER_CONVERSATION = 7;

/**
 * PostgreSQL when one is reachable (as replicas run), else embedded PGlite. PGlite runs in
 * this thread and blocks the event loop during queries, which delays sends unevenly: expect
 * some 429s and a worse ratio there.
 */
async function benchStore(): Promise<{ store: Store; kind: string; drop: () => Promise<void> }> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 1_500 });
  try {
    await client.connect();
    const schema = `waymark_bench_${process.pid}_${Date.now().toString(36)}`;
    const store = await openStore({ dataDir: '/nonexistent', databaseUrl: PG_URL, schema });
    return {
      store,
      kind: 'PostgreSQL',
      drop: async () => {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      },
    };
  } catch {
    await client.end().catch(() => {});
    return { store: await memoryStore(), kind: 'PGlite (no PostgreSQL reachable)', drop: async () => {} };
  }
}

export async function benchReminders(): Promise<void> {
  const teams = await startFakeTeamsWorker({
    perConversation: { limit: PER_CONVERSATION, windowMs: 1_000 },
    overall: { limit: RATE, windowMs: 1_000 },
  });
  const { store, kind, drop } = await benchStore();
  try {
    await saveHeadReferences(store, teams.serviceUrl, CONVERSATIONS);
    const items = headItems(REMINDERS, new Date(Date.parse(WEDNESDAY) - 60_000), { heads: CONVERSATIONS });
    await createOutbox(store.db).enqueue(items);
    // Real time, but on a working day whatever today is.
    const origin = Date.now();
    const clock: Clock = { now: () => new Date(Date.parse(WEDNESDAY) + (Date.now() - origin)), sleep: (ms) => (ms > 0 ? delay(ms) : Promise.resolve()) };
    const scheduler = createScheduler({ store, calendar: makeCalendar(), clock, log: quietLog, teams: localTeamsSender(), sendRate: RATE });
    const t0 = performance.now();
    const report = await scheduler.tick();
    const elapsed = (performance.now() - t0) / 1000;

    const { counts, throttled } = await teams.results();
    const lost = items.filter((i) => !counts.has(i.key)).length;
    const duplicates = [...counts.values()].filter((n) => n > 1).length;
    const perConversation = Math.ceil(REMINDERS / CONVERSATIONS);
    const bound = Math.max(REMINDERS / RATE, perConversation / PER_CONVERSATION);
    table(`reminders: ${REMINDERS} to ${CONVERSATIONS} conversations, ${RATE}/s overall, ${PER_CONVERSATION}/s per conversation (real scheduler, loopback Bot Connector)`, [
      ['elapsed', `${elapsed.toFixed(1)} s`],
      ['rate bound', `${bound.toFixed(1)} s (${REMINDERS} / ${RATE} per s)`],
      ['elapsed / bound', `${(elapsed / bound).toFixed(2)}x (target ≤ 1.10x)`],
      ['store', kind],
      ['sent', String(report.sent)],
      ['lost', String(lost)],
      ['duplicates', String(duplicates)],
      ['429s from the connector', String(throttled)],
    ]);
  } finally {
    await store.close();
    await drop();
    await teams.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchReminders();
