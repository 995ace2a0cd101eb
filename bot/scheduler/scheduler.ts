/**
 * The reminder scheduler: on each tick (node-cron, working days only) it sends the outbox rows
 * that are due, each exactly once across ticks, restarts and replicas.
 *
 * How a row is sent once (the SQL for each step is in bot/outbox/claims.ts, which owns the
 * outbox's states; this module decides when to send and what an answer means):
 * 1. Claim: `INSERT INTO deliveries (key, …) … ON CONFLICT (key) DO NOTHING RETURNING key`
 *    and outbox status pending → claimed, in one transaction. Only one claimer can win a key.
 * 2. Fence, before each HTTP attempt: in one statement, check the claim is still ours (same
 *    generation, no outcome) and the row still claimed and not cancelled, and renew it. Then,
 *    as the request leaves (after the token, from the sender's beforeRequest hook), the same
 *    check sets sending_at: "a request may have left". A holder whose lease was re-taken, or
 *    whose row was cancelled meanwhile (Outbox.cancel closes a claim whose request is not
 *    out), fails either check and sends nothing.
 * 3. Record the outcome (sent, failed, blocked, no-route, skipped) at once after the answer.
 *
 * A Retry-After longer than maxRetryWaitMs is not waited out here: the claim is handed back
 * (deliveries.outcome 'returned', the row pending again with not_before set, attempts kept) and
 * a later tick claims it afresh with the next generation. stop() cuts every wait short the
 * same way, so shutting down never waits for a service's Retry-After.
 *
 * Before sending, a step about a meeting that has already started (the bot was down, or a
 * retry ran long) is recorded as skipped with the reason; minutes reminders still go.
 *
 * Leases are taken and aged by the database's clock (now()), so replicas with skewed clocks
 * agree. A claim with no outcome older than the lease (a crash, a kill) is re-taken with
 * `UPDATE … SET generation = generation + 1 WHERE generation = $n`, so only one re-taker
 * wins. If its sending_at is empty, nothing went out (a crash before the token, say): it is
 * sent. If sending_at is set, the process died between the request and recording the answer:
 * the message may have gone, so it is never sent again but marked failed "in doubt" for
 * officers to see (at most once, never silently lost).
 */
import { setMaxListeners } from 'node:events';
import cron from 'node-cron';
import { isWorkingDay, londonDay, type WorkingCalendar } from '../../core/calendar/index.js';
import { stepOutdated } from '../../core/meetings/index.js';
import { systemClock, type Clock } from '../delivery/clock.js';
import { Pacer, type Limit } from '../delivery/pacer.js';
import {
  backoffMs,
  DEFAULT_MAX_RETRY_WAIT_MS,
  GATEWAY_STATUSES,
  MAX_GATEWAY_RETRIES,
  parseRetryAfter,
  RETRYABLE_CODES,
  RETRYABLE_STATUSES,
  type BackoffOptions,
} from '../delivery/retry.js';
import { createRouter, type Route } from '../delivery/route.js';
import type { MailSender, SendResult, TeamsSender } from '../delivery/types.js';
import { createLogger, errorFields, type Logger } from '../log.js';
import { createClaims, type Outcome } from '../outbox/claims.js';
import type { OutboxRow } from '../outbox/types.js';
import type { Store } from '../store/store.js';

export const DEFAULT_SCHEDULE = '*/15 8-17 * * 1-5';
export const LONDON = 'Europe/London';

export interface SchedulerOptions {
  readonly store: Pick<Store, 'db' | 'conversations'>;
  readonly calendar: WorkingCalendar;
  readonly teams?: TeamsSender;
  readonly mail?: MailSender;
  readonly clock?: Clock;
  readonly log?: Logger;
  /** Who claims (recorded in deliveries.claimed_by). Default host:pid:random. */
  readonly id?: string;
  /** A claim with no outcome older than this is re-taken. Default 5 minutes. */
  readonly leaseMs?: number;
  /**
   * The clock leases are taken and aged by. Default: the database's (now() in SQL), so
   * replicas whose clocks disagree still agree on a lease's age. Only a simulation whose time
   * jumps ahead passes its fake clock here.
   */
  readonly leaseClock?: Clock;
  /** HTTP attempts per row before it is marked failed. Default 5. */
  readonly maxAttempts?: number;
  /** Sends per second overall (WAYMARK_SEND_RATE). Default 30. */
  readonly sendRate?: number;
  /** Per Teams conversation. Default 7 per second. */
  readonly perConversation?: Limit;
  /** Per mailbox. Default 30 per minute (Exchange Online's sending limit). */
  readonly perMailbox?: Limit;
  /** Rows between claim and outcome at once in this process. Default 64. */
  readonly concurrency?: number;
  /** Rows read per query. Default 100. */
  readonly batchSize?: number;
  readonly backoff?: BackoffOptions;
  /**
   * The longest wait before a retry spent in-process (and the longest a 429 shuts the shared
   * gate). A longer Retry-After hands the row back for a later tick. Default 60 s.
   */
  readonly maxRetryWaitMs?: number;
  /** Maps a head's e-mail to an AAD id with a stored Teams chat. */
  readonly aadIdForEmail?: (email: string) => Promise<string | undefined>;
  /** A school's head e-mail in the workbook now (see RouteOptions.headEmailOf). */
  readonly headEmailOf?: (schoolUrn: string) => string | undefined;
  /** Whether the workbook has been loaded (see RouteOptions.workbookLoaded). */
  readonly workbookLoaded?: () => boolean;
  /** WAYMARK_TEAM_ID: without a chosen channel, channel steps go only to a channel of this team. */
  readonly teamId?: string | undefined;
  /**
   * Store upkeep run at the start of every tick, working day or not (e.g. purging expired file
   * offers): the scheduler's cron is the bot's one controlled timer, stopped on shutdown. Its
   * failure is logged and never stops reminders.
   */
  readonly housekeeping?: (now: Date) => Promise<unknown>;
  /** Called after each attempt (tests and the benchmark watch pacing with it). */
  readonly onAttempt?: (event: { key: string; at: Date; result: SendResult }) => void;
}

export interface TickReport {
  readonly ran: boolean;
  readonly reason?: string;
  claimed: number;
  retaken: number;
  sent: number;
  skipped: number;
  failed: number;
  blocked: number;
  noRoute: number;
  inDoubt: number;
  lost: number;
  /** Claimed, then cancelled before its request went out: not sent. */
  cancelled: number;
  /** Handed back for a later tick (a long Retry-After, or stop()). */
  deferred: number;
}

export interface Scheduler {
  /** Sends everything due now (and re-takes expired claims). Concurrent calls do not overlap. */
  tick(): Promise<TickReport>;
  /** Ticks on `schedule` (cron, Europe/London) until stop(). */
  start(schedule?: string): void;
  /** Stops the cron and ends a running tick: waits are cut short, waiting rows handed back. */
  stop(): Promise<void>;
  readonly pacer: Pacer;
}


const emptyReport = (ran: boolean, reason?: string): TickReport => ({
  ran,
  ...(reason ? { reason } : {}),
  claimed: 0,
  retaken: 0,
  sent: 0,
  skipped: 0,
  failed: 0,
  blocked: 0,
  noRoute: 0,
  inDoubt: 0,
  lost: 0,
  cancelled: 0,
  deferred: 0,
});

export function createScheduler(options: SchedulerOptions): Scheduler {
  const { store, calendar } = options;
  const db = store.db;
  const clock = options.clock ?? systemClock;
  const log = options.log ?? createLogger();
  const id = options.id ?? `${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const maxAttempts = options.maxAttempts ?? 5;
  const concurrency = options.concurrency ?? 64;
  const batchSize = options.batchSize ?? 100;
  const backoff = options.backoff ?? { baseMs: 1_000, maxMs: 60_000 };
  const maxRetryWaitMs = options.maxRetryWaitMs ?? DEFAULT_MAX_RETRY_WAIT_MS;
  const perConversation = options.perConversation ?? { limit: 7, windowMs: 1_000 };
  const perMailbox = options.perMailbox ?? { limit: 30, windowMs: 60_000 };
  const pacer = new Pacer({
    clock,
    overall: { limit: options.sendRate ?? 30, windowMs: 1_000 },
    perKey: (key) => (key.startsWith('teams:') ? perConversation : perMailbox),
  });
  const route = createRouter({
    store,
    db,
    mail: options.mail !== undefined,
    ...(options.aadIdForEmail ? { aadIdForEmail: options.aadIdForEmail } : {}),
    ...(options.headEmailOf ? { headEmailOf: options.headEmailOf } : {}),
    ...(options.workbookLoaded ? { workbookLoaded: options.workbookLoaded } : {}),
    teamId: options.teamId,
  });

  // The outbox's states are changed only through bot/outbox/claims.ts.
  const claims = createClaims({ db, id, clock, log, leaseClock: options.leaseClock });
  const { claim, fence, requestStarted, closedWhy: fenceFailed, handBack, notSent } = claims;
  const record = (key: string, generation: number, outcome: Outcome, reason: string | null, via?: Route & { kind: 'teams' | 'email' }) =>
    claims.record(key, generation, outcome, reason, via ? (via.kind === 'email' ? 'email' : via.via) : null);

  /** When the row's meeting starts ('yyyy-MM-ddTHH:mm' London, or a day), if it is stored. */
  async function meetingStart(meetingId: string): Promise<string | undefined> {
    const { rows } = await db.query<{ starts_at: string }>('SELECT starts_at FROM meetings WHERE id = $1', [meetingId]);
    return rows[0]?.starts_at;
  }

  async function hasEvidence(meetingId: string): Promise<boolean> {
    const { rows } = await db.query('SELECT 1 FROM evidence WHERE meeting_id = $1 LIMIT 1', [meetingId]);
    return rows.length > 0;
  }

  function send(r: Route & { kind: 'teams' | 'email' }, row: OutboxRow, beforeRequest: () => Promise<void>): Promise<SendResult> {
    const { subject, text, card } = row.message;
    const attempt =
      r.kind === 'email'
        ? options.mail!.send(r.to, { subject, text }, { beforeRequest })
        : options.teams!.send(r.reference, { subject, text, ...(card ? { card } : {}), ...(r.mention ? { mention: r.mention } : {}) }, { beforeRequest });
    return attempt.catch((err: unknown): SendResult => ({ ok: false, reason: `send threw: ${errorFields(err).message as string}` }));
  }

  /**
   * Sends one claimed row; returns its outcome ('lost' when the claim was re-taken, 'deferred'
   * when handed back for a later tick). `signal` aborts on stop(): every wait ends at once.
   */
  async function deliver(row: OutboxRow, generation: number, signal: AbortSignal): Promise<Outcome | 'lost' | 'deferred'> {
    const key = row.key;
    /** Records a final outcome; if the claim was closed meanwhile (cancelled, re-taken), says which. */
    const finish = async (outcome: Exclude<Outcome, 'sent'>, reason: string, via?: Route & { kind: 'teams' | 'email' }, maybeDelivered = false) =>
      (await record(key, generation, outcome, reason, via)) ? outcome : fenceFailed(key, generation, maybeDelivered);
    // After downtime (or a long retry) a step about a meeting that has started is pointless.
    const startsAt = await meetingStart(row.meetingId);
    const outdated = () => startsAt !== undefined && stepOutdated(row.step, startsAt, clock.now());
    const OUTDATED = `not sent: the meeting had already started (${startsAt ?? ''}) when this could be sent`;
    if (outdated()) return finish('skipped', OUTDATED);
    if (row.condition === 'no-evidence' && (await hasEvidence(row.meetingId))) return finish('skipped', 'evidence received');
    const r = await route(row);
    if (r.kind === 'none' || (r.kind === 'teams' && !options.teams) || (r.kind === 'email' && !options.mail)) {
      return finish('no-route', r.kind === 'none' ? r.reason : `${r.kind === 'teams' ? 'Teams' : 'e-mail'} sending is not configured`);
    }
    /** Stopping: hand the row back untouched (unless a gateway error left it maybe delivered). */
    const stopped = async (notBefore: Date, maybeDelivered: boolean) => {
      if (maybeDelivered) {
        return finish('failed', 'stopped while retrying after a gateway error (502/504); not retried, as it may have been delivered', r, true);
      }
      return (await handBack(key, generation, notBefore, 'handed back when the scheduler stopped')) ? 'deferred' : fenceFailed(key, generation, false);
    };
    let gatewayRetries = 0;
    let maybeDelivered = false;
    // attempts counts across claims: a row handed back keeps its count.
    for (let attempt = row.attempts + 1; ; attempt++) {
      const permit = await pacer.acquire(r.pacingKey, signal).catch(() => undefined);
      if (!permit) return stopped(clock.now(), maybeDelivered);
      // Evidence may have arrived, or the meeting started, while this waited for its turn.
      if (row.condition === 'no-evidence' && (await hasEvidence(row.meetingId))) {
        permit.release();
        return finish('skipped', 'evidence received', undefined, maybeDelivered);
      }
      if (outdated()) {
        permit.release();
        return finish('skipped', OUTDATED, undefined, maybeDelivered);
      }
      // Another send's 429 may have shut the gate: wait before the fence, not after it, so a
      // row cancelled meanwhile is still stopped rather than found "in flight".
      await pacer.gateOpen(signal);
      if (signal.aborted) {
        permit.release();
        return stopped(clock.now(), maybeDelivered);
      }
      if (!(await fence(key, generation))) {
        permit.release();
        const why = await fenceFailed(key, generation, maybeDelivered);
        if (why === 'lost') log.warn('reminder claim was re-taken by another scheduler; not sending', { key });
        else log.info('reminder cancelled before it was sent', { key });
        return why;
      }
      // Counted against the limits only as the request leaves (and not while the gate is shut).
      let started = false;
      let refused = false;
      const result = await send(r, row, async () => {
        started = true;
        await permit.start();
        if (!(await requestStarted(key, generation))) {
          refused = true;
          throw new ClaimClosed();
        }
      });
      if (!started) permit.release();
      if (refused) {
        const why = await fenceFailed(key, generation, maybeDelivered);
        log.info('reminder claim closed just before its request; not sent', { key, why });
        return why;
      }
      options.onAttempt?.({ key, at: clock.now(), result });
      if (result.ok) {
        await record(key, generation, 'sent', null, r);
        return 'sent';
      }
      const status = result.status;
      if (status === 403 && r.kind === 'teams') return finish('blocked', 'the recipient has blocked or removed the bot (403)', r);
      const retryable = status !== undefined ? RETRYABLE_STATUSES.has(status) : result.code !== undefined && RETRYABLE_CODES.has(result.code);
      const why = `${status ?? result.code ?? 'error'}: ${result.reason}`;
      if (!retryable) return finish('failed', why, r, maybeDelivered);
      // 502/504: the service may have acted on it (see GATEWAY_STATUSES): one retry at most,
      // and the claim keeps sending_at, so a crash from here on leaves it in doubt.
      const gateway = status !== undefined && GATEWAY_STATUSES.has(status);
      if (gateway && gatewayRetries >= MAX_GATEWAY_RETRIES) {
        return finish('failed', `${why}; not retried again, as a gateway error may come after the message was delivered`, r, true);
      }
      const now = clock.now();
      const retryAfterMs = parseRetryAfter(result.retryAfter, now);
      const wait = backoffMs(attempt, backoff, retryAfterMs);
      // One gate for every send, as Company Communicator does: a 429 pauses everything, but
      // for no longer than a sender waits in-process (rows due later are handed back).
      if (status === 429) pacer.throttle(new Date(now.getTime() + Math.min(retryAfterMs ?? wait, maxRetryWaitMs)));
      if (gateway) {
        gatewayRetries++;
        maybeDelivered = true;
      } else if (!maybeDelivered) await notSent(key, generation);
      if (attempt >= maxAttempts) return finish('failed', `gave up after ${attempt} attempts; last ${why}`, r, maybeDelivered);
      const retryAt = new Date(now.getTime() + wait);
      if (wait > maxRetryWaitMs && !maybeDelivered) {
        // Too long to hold a claim, the gate and shutdown: a later tick retries it.
        if (await handBack(key, generation, retryAt, `${why}; retrying after ${retryAt.toISOString()}`)) {
          log.info('reminder send handed back for a later tick', { key, status, attempt, waitMs: wait });
          return 'deferred';
        }
        return fenceFailed(key, generation, false);
      }
      log.info('reminder send will be retried', { key, status, attempt, waitMs: wait });
      await clock.sleep(Math.min(wait, maxRetryWaitMs), signal);
      if (signal.aborted) return stopped(retryAt, maybeDelivered);
    }
  }

  // ---- the tick ----

  async function retake(report: TickReport, launch: (p: Promise<unknown>) => Promise<void>, signal: AbortSignal) {
    for (const s of await claims.expired(leaseMs, batchSize * 10)) {
      if (signal.aborted) return;
      const won = await claims.retake(s.key, s.generation, leaseMs);
      if (!won) continue;
      report.retaken++;
      if (won.requestMayHaveLeft) {
        report.inDoubt++;
        report.failed++;
        log.warn('reminder in doubt after a crash; not re-sent', { key: s.key });
        continue;
      }
      const row = await claims.read(s.key);
      if (!row) continue;
      await launch(deliver(row, won.generation, signal).then((o) => count(report, o)));
    }
  }

  function count(report: TickReport, o: Outcome | 'lost' | 'deferred') {
    if (o === 'sent') report.sent++;
    else if (o === 'cancelled') report.cancelled++;
    else if (o === 'deferred') report.deferred++;
    else if (o === 'skipped') report.skipped++;
    else if (o === 'failed') report.failed++;
    else if (o === 'blocked') report.blocked++;
    else if (o === 'no-route') report.noRoute++;
    else report.lost++;
  }

  async function runTick(signal: AbortSignal): Promise<TickReport> {
    const started = clock.now();
    await options.housekeeping?.(started).catch((err: unknown) => log.error('scheduler housekeeping failed', { error: errorFields(err) }));
    let working: boolean;
    try {
      working = isWorkingDay(londonDay(started), calendar);
    } catch (err) {
      log.error('reminder tick: the calendar does not cover today; nothing sent', { error: errorFields(err) });
      return emptyReport(false, 'outside the calendar');
    }
    if (!working) return emptyReport(false, 'not a working day');
    const report = emptyReport(true);
    const inProgress = new Set<Promise<unknown>>();
    let firstError: unknown;
    const launch = async (p: Promise<unknown>) => {
      const tracked = p.catch((err: unknown) => {
        firstError ??= err;
        log.error('reminder delivery failed', { error: errorFields(err) });
      });
      inProgress.add(tracked);
      void tracked.finally(() => inProgress.delete(tracked));
      while (inProgress.size >= concurrency) await Promise.race(inProgress);
    };

    await retake(report, launch, signal);
    const tried: string[] = [];
    while (!signal.aborted) {
      const keys = await claims.dueKeys(started, tried, batchSize);
      if (keys.length === 0) break;
      for (const key of keys) {
        if (signal.aborted) break;
        tried.push(key);
        const claimed = await claim(key);
        if (!claimed) continue;
        report.claimed++;
        await launch(deliver(claimed.row, claimed.generation, signal).then((o) => count(report, o)));
      }
    }
    await Promise.all(inProgress);
    if (firstError !== undefined) log.warn('reminder tick finished with errors; open claims are retried after the lease', {});
    return report;
  }

  let running: Promise<TickReport> | undefined;
  let task: ReturnType<typeof cron.schedule> | undefined;
  // One signal for every wait of a tick (each waiting row listens to it): no listener limit.
  const newStopSignal = () => {
    const c = new AbortController();
    setMaxListeners(0, c.signal);
    return c;
  };
  let stopping = newStopSignal();

  function tick(): Promise<TickReport> {
    if (running) return Promise.resolve(emptyReport(false, 'previous tick still running'));
    running = runTick(stopping.signal).finally(() => (running = undefined));
    return running;
  }

  return {
    pacer,
    tick,
    start(schedule = DEFAULT_SCHEDULE) {
      if (task) return;
      task = cron.schedule(
        schedule,
        async () => {
          try {
            const r = await tick();
            if (r.ran && r.claimed + r.retaken > 0) log.info('reminder tick', { ...r });
          } catch (err) {
            log.error('reminder tick failed', { error: errorFields(err) });
          }
        },
        { timezone: LONDON, name: 'waymark-reminders', noOverlap: true },
      );
    },
    async stop() {
      if (task) {
        await task.stop();
        await task.destroy();
        task = undefined;
      }
      // Cut every wait short (retries, the shared gate, the pacer's queue): waiting rows are
      // handed back to the outbox, and only requests already out are waited for.
      stopping.abort();
      await running?.catch(() => {});
      stopping = newStopSignal();
    },
  };
}

/** Thrown from beforeRequest when the claim was closed: the request must not leave. */
class ClaimClosed extends Error {}
