/**
 * Exactly once on PostgreSQL: two schedulers racing over one database, and a sender killed
 * mid-run. Skipped (with a message) where no PostgreSQL is reachable; under CI it must run.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCalendar } from '../../core/calendar/index.js';
import { fakeClock, systemClock, type Clock } from '../../bot/delivery/clock.js';
import { createOutbox } from '../../bot/outbox/outbox.js';
import { createScheduler } from '../../bot/scheduler/scheduler.js';
import { openStore, type Store } from '../../bot/store/store.js';
import { PG_URL, postgresForTests } from '../support/postgres.js';
import { startFakeTeams, type FakeTeams } from './fake-teams.js';
import { headItems, localTeamsSender, quietLog, saveHeadReferences, statuses, WEDNESDAY } from './helpers.js';

const pgUp = await postgresForTests('scheduler exactly-once tests (two schedulers racing, a killed sender)');
const calendar = makeCalendar();

describe.skipIf(!pgUp)(`reminders on PostgreSQL (${PG_URL})`, () => {
  const schemas: string[] = [];
  let teams: FakeTeams;
  const stores: Store[] = [];
  const open = async (schema: string) => {
    const s = await openStore({ dataDir: '/nonexistent', databaseUrl: PG_URL, schema });
    stores.push(s);
    return s;
  };
  const newSchema = (what: string) => {
    const s = `waymark_sched_${what}_${process.pid}_${Date.now().toString(36)}`;
    schemas.push(s);
    return s;
  };

  beforeAll(async () => {
    teams = await startFakeTeams();
  });
  afterAll(async () => {
    for (const s of stores) await s.close().catch(() => {});
    await teams.close();
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    for (const s of schemas) await c.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    await c.end();
  });

  it('two schedulers on one database racing over 100 due reminders deliver each exactly once', async () => {
    teams.reset();
    const schema = newSchema('race');
    const a = await open(schema);
    const b = await open(schema);
    const clock = fakeClock(WEDNESDAY);
    await saveHeadReferences(a, teams.serviceUrl, 25);
    await createOutbox(a.db).enqueue(headItems(100, new Date(Date.parse(WEDNESDAY) - 60_000), { heads: 25 }));
    const make = (store: Store, id: string) =>
      createScheduler({ store, calendar, clock, log: quietLog, teams: localTeamsSender(), id, concurrency: 16, batchSize: 20 });
    const [ra, rb] = await Promise.all([make(a, 'replica-a').tick(), make(b, 'replica-b').tick()]);
    expect(ra.claimed + rb.claimed).toBe(100);
    expect(ra.sent + rb.sent).toBe(100);
    // Both took part (the race is real), and each key reached Teams once.
    expect(Math.min(ra.claimed, rb.claimed)).toBeGreaterThan(0);
    const counts = teams.counts();
    expect(counts.size).toBe(100);
    expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
    expect(new Set((await statuses(a.db)).values())).toEqual(new Set(['sent']));
    // And again: nothing is left to send.
    const [again1, again2] = await Promise.all([make(a, 'replica-a').tick(), make(b, 'replica-b').tick()]);
    expect(again1.claimed + again2.claimed).toBe(0);
    expect(teams.delivered()).toHaveLength(100);
  });

  it('cancels racing two schedulers: a cancelled row is never delivered, a delivered one never cancelled', async () => {
    teams.reset();
    const schema = newSchema('cancel');
    const a = await open(schema);
    const b = await open(schema);
    // Real time (from a working day), so claimed rows really wait out the Retry-After.
    const origin = Date.now();
    const clock: Clock = { now: () => new Date(Date.parse(WEDNESDAY) + (Date.now() - origin)), sleep: systemClock.sleep };
    await saveHeadReferences(a, teams.serviceUrl, 20);
    const items = headItems(120, new Date(Date.parse(WEDNESDAY) - 60_000), { heads: 20 });
    const outbox = createOutbox(a.db);
    await outbox.enqueue(items);
    teams.throttle(4, 1); // some rows wait out a Retry-After while claimed (fewer than maxAttempts)
    const make = (store: Store, id: string) =>
      createScheduler({ store, calendar, clock, log: quietLog, teams: localTeamsSender(), id, concurrency: 8, batchSize: 10 });
    // Every other row is cancelled, in small batches over ~1 s, some inside a transaction, while both tick.
    const toCancel = items.filter((_, i) => i % 2 === 1).map((i) => i.key);
    let stopped = 0;
    const askedAt = new Map<string, number>();
    const cancelling = (async () => {
      for (let i = 0; i < toCancel.length; i += 6) {
        const batch = toCancel.slice(i, i + 6);
        for (const key of batch) askedAt.set(key, clock.now().getTime());
        stopped += i % 12 === 0 ? await b.db.transaction((tx) => createOutbox(b.db).withTx(tx).cancel(batch, 'meeting cancelled')) : await outbox.cancel(batch, 'meeting cancelled');
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const [ra, rb] = await Promise.all([make(a, 'replica-a').tick(), make(b, 'replica-b').tick(), cancelling]);
    const counts = teams.counts();
    const rows = new Map((await outbox.forSchool('100000')).concat(...(await Promise.all(Array.from({ length: 19 }, (_, i) => outbox.forSchool(String(100001 + i)))))).map((r) => [r.key, r]));
    expect(rows.size).toBe(120);
    for (const item of items) {
      const row = rows.get(item.key)!;
      if (row.status === 'cancelled') expect(counts.get(item.key) ?? 0, item.key).toBe(0);
      else {
        expect(row.status, `${item.key}: ${row.lastError}`).toBe('sent');
        expect(counts.get(item.key), item.key).toBe(1);
        // Delivered although a cancel was asked for: only if it was done before, or its request
        // was already out (and then the row says so).
        if (toCancel.includes(item.key) && row.sentAt!.getTime() > askedAt.get(item.key)!) {
          expect(row.cancelReason, item.key).toBe('meeting cancelled');
          expect(row.lastError, item.key).toMatch(/^delivered before it could be stopped/);
        }
      }
    }
    const cancelled = [...rows.values()].filter((r) => r.status === 'cancelled');
    expect(cancelled.every((r) => toCancel.includes(r.key))).toBe(true);
    expect(stopped + ra.cancelled + rb.cancelled).toBeGreaterThanOrEqual(cancelled.length);
    expect(ra.sent + rb.sent).toBe(120 - cancelled.length);
    expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
  });

  it('a sender killed mid-run: a fresh scheduler resumes without duplicates and without losses', async () => {
    teams.reset();
    const schema = newSchema('kill');
    const store = await open(schema);
    await saveHeadReferences(store, teams.serviceUrl, 50);
    const items = headItems(100, new Date(Date.parse(WEDNESDAY) - 60_000), { heads: 50 });
    await createOutbox(store.db).enqueue(items);
    // Teams accepts 30, then holds every request unanswered: the child is mid-request when killed.
    teams.holdAfter(30);
    const script = fileURLToPath(new URL('./child-scheduler.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script, PG_URL, schema], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    await teams.waitForRequests(35, 30_000); // 30 answered + 5 held (the child's concurrency)
    await new Promise((r) => setTimeout(r, 200));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const before = await statuses(store.db);
    const claimedByChild = [...before.values()].filter((s) => s === 'claimed').length;
    expect(claimedByChild).toBeGreaterThan(0);
    expect([...before.values()].filter((s) => s === 'sent').length).toBeGreaterThan(0);

    teams.holdAfter(Infinity);
    // A fresh scheduler after the lease (aged by the database's clock): re-takes the child's
    // claims and sends the rest.
    await store.db.query(`UPDATE deliveries SET claimed_at = claimed_at - interval '6 minutes' WHERE outcome IS NULL`);
    const clock = fakeClock(new Date(Date.parse(WEDNESDAY) + 6 * 60_000));
    const report = await createScheduler({ store, calendar, clock, log: quietLog, teams: localTeamsSender(), id: 'fresh' }).tick();
    expect(report.retaken).toBe(claimedByChild);

    const counts = teams.counts();
    expect([...counts.entries()].filter(([, n]) => n !== 1)).toEqual([]); // no duplicates
    expect(items.filter((i) => !counts.has(i.key)).map((i) => i.key)).toEqual([]); // no losses
    const after = await statuses(store.db);
    const inDoubt = [...after.entries()].filter(([, s]) => s !== 'sent');
    // The held requests are "in doubt": reached Teams, never re-sent, reported as failed.
    expect(inDoubt.length).toBe(report.inDoubt);
    expect(inDoubt.every(([, s]) => s === 'failed')).toBe(true);
    expect(report.inDoubt).toBeGreaterThanOrEqual(1);
  });
});
