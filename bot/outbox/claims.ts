/**
 * The outbox's claims (the deliveries table, migration 41): every state change a sender makes
 * to an outbox row, and the SQL that makes each one safe against other replicas and against
 * Outbox.cancel. The scheduler (bot/scheduler) decides when to send; this module owns the
 * states: pending → claimed → sent | failed | blocked | no-route | skipped | cancelled, or
 * back to pending (handed back). See bot/scheduler/scheduler.ts for the protocol as a whole.
 *
 * Leases are taken and aged by the database's clock (now() in SQL) unless a `leaseClock` is
 * given (a simulation whose time jumps ahead of the database's).
 */
import type { Clock } from '../delivery/clock.js';
import type { Logger } from '../log.js';
import type { Db } from '../store/db.js';
import { toOutboxRow, type OutboxDbRow } from './outbox.js';
import type { DeliveryStatus, OutboxRow } from './types.js';

/** What a claim can end in (deliveries.outcome and the outbox row's status). */
export type Outcome = Exclude<DeliveryStatus, 'pending' | 'claimed'>;

export interface ClaimsOptions {
  readonly db: Db;
  /** Who claims (deliveries.claimed_by). */
  readonly id: string;
  /** For the times shown to officers (updated_at, sent_at, not_before checks). */
  readonly clock: Clock;
  /** Leases by this clock instead of the database's (see the module comment). */
  readonly leaseClock?: Clock | undefined;
  readonly log: Logger;
}

/** A claim re-taken after its lease: its new generation, and whether a request may have left. */
export interface Retaken {
  readonly generation: number;
  readonly requestMayHaveLeft: boolean;
}

export type Claims = ReturnType<typeof createClaims>;

export function createClaims(options: ClaimsOptions) {
  const { db, id, clock, log } = options;
  /** A parameter for the lease SQL: null means the database's clock. */
  const leaseAt = () => options.leaseClock?.now() ?? null;
  const cutoff = (at: string, ms: string) => `COALESCE(${at}::timestamptz, now()) - ${ms}::double precision * interval '1 millisecond'`;

  /** Claims a pending, due row: the row and the claim's generation, or undefined if another won. */
  async function claim(key: string): Promise<{ row: OutboxRow; generation: number } | undefined> {
    const now = clock.now();
    return db.transaction(async (tx) => {
      // A row handed back earlier has a 'returned' claim: it is taken over with the next
      // generation, so the holder that handed it back can never pass a fence again.
      const won = await tx.query<{ generation: number }>(
        `INSERT INTO deliveries (key, claimed_by, claimed_at)
         SELECT key, $2, COALESCE($4::timestamptz, now()) FROM outbox WHERE key = $1 AND status = 'pending' AND (not_before IS NULL OR not_before <= $3)
         ON CONFLICT (key) DO UPDATE SET claimed_by = EXCLUDED.claimed_by, claimed_at = EXCLUDED.claimed_at,
           generation = deliveries.generation + 1, sending_at = NULL, outcome = NULL, finished_at = NULL
         WHERE deliveries.outcome = 'returned'
         RETURNING generation`,
        [key, id, now, leaseAt()],
      );
      if (!won.rows[0]) return undefined;
      const { rows } = await tx.query<OutboxDbRow>(
        `UPDATE outbox SET status = 'claimed', not_before = NULL, updated_at = $2 WHERE key = $1 AND status = 'pending' RETURNING *`,
        [key, now],
      );
      // Cancelled between the two statements: give the claim back (the transaction rolls back).
      if (!rows[0]) throw new LostRace();
      return { row: toOutboxRow(rows[0]), generation: Number(won.rows[0].generation) };
    }).catch((err: unknown) => {
      if (err instanceof LostRace) return undefined;
      throw err;
    });
  }

  /**
   * True if the claim is still ours and the row still to send (claimed, not cancelled); renews
   * the claim and counts the attempt. Outbox.cancel closes the claim under the same row lock,
   * so a cancel and a fence never both win. It does not mark the request as started: getting
   * a token and waiting for the pacer come after it, and a crash there sent nothing.
   */
  async function fence(key: string, generation: number): Promise<boolean> {
    const now = clock.now();
    const { rows } = await db.query(
      `WITH d AS (
         UPDATE deliveries SET claimed_at = COALESCE($4::timestamptz, now())
         WHERE key = $1 AND generation = $2 AND outcome IS NULL
           AND EXISTS (SELECT 1 FROM outbox WHERE key = $1 AND status = 'claimed' AND cancel_reason IS NULL)
         RETURNING key)
       UPDATE outbox o SET attempts = o.attempts + 1, updated_at = $3 FROM d WHERE o.key = d.key RETURNING o.key`,
      [key, generation, now, leaseAt()],
    );
    return rows.length > 0;
  }

  /**
   * Run by the sender as its HTTP request leaves (after the token): marks the request as
   * started (sending_at), so only from here on can a crash leave the row "in doubt". Fenced
   * like fence(): false if the claim was closed (cancelled, re-taken) since, and then the
   * request must not leave.
   */
  async function requestStarted(key: string, generation: number): Promise<boolean> {
    const { rows } = await db.query(
      `UPDATE deliveries SET sending_at = now()
       WHERE key = $1 AND generation = $2 AND outcome IS NULL
         AND EXISTS (SELECT 1 FROM outbox WHERE key = $1 AND status = 'claimed' AND cancel_reason IS NULL)
       RETURNING key`,
      [key, generation],
    );
    return rows.length > 0;
  }

  /**
   * Why a fence failed: the row was cancelled (and the claim closed, or closed now if the
   * cancel came while an earlier attempt was out), or the claim was re-taken ('lost').
   */
  async function fenceFailed(key: string, generation: number, earlierMaybeDelivered: boolean): Promise<'cancelled' | 'lost'> {
    const { rows } = await db.query<{ status: DeliveryStatus; cancel_reason: string | null }>(
      'SELECT status, cancel_reason FROM outbox WHERE key = $1',
      [key],
    );
    const row = rows[0];
    if (row?.status === 'cancelled') return 'cancelled';
    if (row?.cancel_reason) {
      const note = earlierMaybeDelivered ? `; an earlier attempt may have been delivered` : '';
      if (await record(key, generation, 'cancelled', `${row.cancel_reason}${note}`)) return 'cancelled';
    }
    return 'lost';
  }

  /**
   * Gives a claimed row back to the outbox for a later tick: pending, not claimed before
   * `notBefore`, attempts kept (cancelled instead, if a cancel came while it was out). Only
   * while no request is out (sending_at empty). False if the claim is no longer ours.
   */
  async function handBack(key: string, generation: number, notBefore: Date, why: string): Promise<boolean> {
    const now = clock.now();
    const { rows } = await db.query(
      `WITH d AS (
         UPDATE deliveries SET outcome = 'returned', finished_at = $3
         WHERE key = $1 AND generation = $2 AND outcome IS NULL AND sending_at IS NULL
         RETURNING key)
       UPDATE outbox o SET status = CASE WHEN o.cancel_reason IS NULL THEN 'pending' ELSE 'cancelled' END,
         not_before = $4, last_error = COALESCE(o.cancel_reason, $5), updated_at = $3
       FROM d WHERE o.key = d.key RETURNING o.key`,
      [key, generation, now, notBefore, why],
    );
    return rows.length > 0;
  }

  /** After a definite "not delivered" answer: a crash from here on is safe to re-send. */
  async function notSent(key: string, generation: number): Promise<void> {
    await db.query(`UPDATE deliveries SET sending_at = NULL WHERE key = $1 AND generation = $2 AND outcome IS NULL`, [key, generation]);
  }

  /** Records the outcome if the claim is still ours; true if it was recorded. */
  async function record(key: string, generation: number, outcome: Outcome, reason: string | null, via: OutboxRow['via'] | null = null): Promise<boolean> {
    const now = clock.now();
    const params = [key, generation, outcome, now, reason, outcome === 'sent' ? now : null, via];
    // Sent although cancelled while the request was out: it could not be recalled; say so.
    const lastError = `CASE WHEN $3 = 'sent' AND o.cancel_reason IS NOT NULL
         THEN 'delivered before it could be stopped (' || o.cancel_reason || ': the request had already gone)' ELSE $5 END`;
    const { rows } = await db.query(
      `WITH d AS (
         UPDATE deliveries SET outcome = $3, finished_at = $4
         WHERE key = $1 AND generation = $2 AND outcome IS NULL
         RETURNING key)
       UPDATE outbox o SET status = $3, last_error = ${lastError}, sent_at = $6, via = $7, updated_at = $4
       FROM d WHERE o.key = d.key RETURNING o.key`,
      params,
    );
    if (rows.length === 0 && outcome === 'sent') {
      // Our lease was re-taken while the request was out (a very long stall): the truth wins.
      log.warn('reminder sent after its claim was re-taken', { key });
      await db.query(
        `WITH d AS (UPDATE deliveries SET outcome = $3, finished_at = $4 WHERE key = $1 RETURNING key)
         UPDATE outbox o SET status = $3, last_error = ${lastError}, sent_at = $6, via = $7, updated_at = $4 FROM d WHERE o.key = d.key`,
        params,
      );
    }
    return rows.length > 0;
  }

  /** Keys of pending rows due at `at` (and not handed back until later), except `tried`. */
  async function dueKeys(at: Date, tried: readonly string[], limit: number): Promise<string[]> {
    const { rows } = await db.query<{ key: string }>(
      `SELECT key FROM outbox WHERE status = 'pending' AND send_at <= $1 AND (not_before IS NULL OR not_before <= $1)
         AND key <> ALL($2::text[])
       ORDER BY send_at, key LIMIT $3`,
      [at, [...tried], limit],
    );
    return rows.map((r) => r.key);
  }

  /** Open claims whose lease (leaseMs, by the lease clock) has run out, oldest first. */
  async function expired(leaseMs: number, limit: number): Promise<{ key: string; generation: number }[]> {
    const { rows } = await db.query<{ key: string; generation: number }>(
      `SELECT key, generation FROM deliveries WHERE outcome IS NULL AND claimed_at < ${cutoff('$2', '$3')}
       ORDER BY claimed_at, key LIMIT $1`,
      [limit, leaseAt(), leaseMs],
    );
    return rows.map((r) => ({ key: r.key, generation: Number(r.generation) }));
  }

  /**
   * Re-takes an expired claim: only one re-taker wins a generation. If a request may have
   * left (sending_at set), the row is recorded failed "in doubt" and never sent again.
   */
  async function retake(key: string, generation: number, leaseMs: number): Promise<Retaken | undefined> {
    const { rows } = await db.query<{ generation: number; sending_at: Date | null }>(
      `UPDATE deliveries SET claimed_by = $3, claimed_at = COALESCE($4::timestamptz, now()), generation = generation + 1
       WHERE key = $1 AND generation = $2 AND outcome IS NULL AND claimed_at < ${cutoff('$4', '$5')}
       RETURNING generation, sending_at`,
      [key, generation, id, leaseAt(), leaseMs],
    );
    const won = rows[0];
    if (!won) return undefined;
    const taken = { generation: Number(won.generation), requestMayHaveLeft: won.sending_at !== null };
    if (taken.requestMayHaveLeft) {
      await record(key, taken.generation, 'failed', 'in doubt: the sender stopped before the answer was recorded; it may have been delivered, so it is not sent again');
    }
    return taken;
  }

  /** The row as stored now. */
  async function read(key: string): Promise<OutboxRow | undefined> {
    const { rows } = await db.query<OutboxDbRow>('SELECT * FROM outbox WHERE key = $1', [key]);
    return rows[0] ? toOutboxRow(rows[0]) : undefined;
  }

  return { claim, fence, requestStarted, closedWhy: fenceFailed, handBack, notSent, record, dueKeys, expired, retake, read };
}

class LostRace extends Error {}
