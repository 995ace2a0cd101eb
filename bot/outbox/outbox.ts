/**
 * The outbox in the store (migrations 10 and 41): enqueue, cancel and read reminder rows.
 * Sending is the scheduler's job (bot/scheduler); this module never sends anything. The state
 * changes a sender makes (claim, fence, record, hand back, re-take) are in ./claims.ts.
 * `createOutbox(db).withTx(tx)` writes in the caller's transaction.
 */
import type { Queryable } from '../store/db.js';
import type { DeliveryStatus, NewOutboxItem, Outbox, OutboxRow, RecipientRole } from './types.js';

export type { DeliveryStatus, NewOutboxItem, Outbox, OutboxRow, RecipientRole } from './types.js';

/** A row as PostgreSQL returns it. */
export interface OutboxDbRow {
  key: string;
  meeting_id: string;
  school_urn: string;
  step: string;
  recipient_role: RecipientRole;
  recipient: NewOutboxItem['recipient'] | null;
  condition: NewOutboxItem['condition'];
  send_at: Date;
  message: NewOutboxItem['message'];
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  sent_at: Date | null;
  via: OutboxRow['via'] | null;
  cancel_reason?: string | null;
  not_before?: Date | null;
}

export function toOutboxRow(r: OutboxDbRow): OutboxRow {
  return {
    key: r.key,
    meetingId: r.meeting_id,
    schoolUrn: r.school_urn,
    step: r.step,
    recipientRole: r.recipient_role,
    ...(r.recipient ? { recipient: r.recipient } : {}),
    condition: r.condition,
    sendAt: new Date(r.send_at),
    message: r.message,
    status: r.status,
    attempts: Number(r.attempts),
    ...(r.last_error !== null ? { lastError: r.last_error } : {}),
    ...(r.sent_at !== null ? { sentAt: new Date(r.sent_at) } : {}),
    ...(r.via !== null ? { via: r.via } : {}),
    ...(r.cancel_reason ? { cancelReason: r.cancel_reason } : {}),
    ...(r.not_before ? { notBefore: new Date(r.not_before) } : {}),
  };
}

const ROLES: ReadonlySet<string> = new Set(['channel', 'members', 'head', 'officer']);

function check(item: NewOutboxItem): void {
  if (!item.key) throw new TypeError('outbox: an item needs a key');
  if (!ROLES.has(item.recipientRole)) throw new TypeError(`outbox: unknown recipient role for ${item.key}`);
  if (!(item.sendAt instanceof Date) || Number.isNaN(item.sendAt.getTime())) throw new TypeError(`outbox: bad sendAt for ${item.key}`);
}

export function createOutbox(db: Queryable): Outbox {
  return {
    async enqueue(items) {
      if (items.length === 0) return 0;
      items.forEach(check);
      // One statement: atomic, and a repeated key (here or already stored) is skipped.
      const { rows } = await db.query<{ key: string }>(
        `INSERT INTO outbox (key, meeting_id, school_urn, step, recipient_role, recipient, condition, send_at, message)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::text[], $8::timestamptz[], $9::jsonb[])
         ON CONFLICT (key) DO NOTHING
         RETURNING key`,
        [
          items.map((i) => i.key),
          items.map((i) => i.meetingId),
          items.map((i) => i.schoolUrn),
          items.map((i) => i.step),
          items.map((i) => i.recipientRole),
          items.map((i) => (i.recipient ? JSON.stringify(i.recipient) : null)),
          items.map((i) => i.condition),
          items.map((i) => i.sendAt.toISOString()),
          items.map((i) => JSON.stringify(i.message)),
        ],
      );
      return rows.length;
    },
    async cancel(keys, reason) {
      if (keys.length === 0) return 0;
      const list = [...keys];
      // Three statements, each safe against a scheduler working on the same rows (see
      // bot/scheduler): a claim takes a row pending → claimed, and the fence sets
      // deliveries.sending_at just before a request, both under row locks these also take.
      // 1. Pending rows. (One being claimed at this moment is caught by 2.)
      const pending = await db.query<{ key: string }>(
        `UPDATE outbox SET status = 'cancelled', last_error = $2, updated_at = now()
         WHERE key = ANY($1::text[]) AND status = 'pending'
         RETURNING key`,
        [list, reason],
      );
      // 2. Claimed, request not out (waiting for its turn or out a Retry-After): the claim is
      //    closed, so the holder's next fence fails and it sends nothing.
      const claimed = await db.query<{ key: string }>(
        `WITH d AS (
           UPDATE deliveries SET outcome = 'cancelled', finished_at = now()
           WHERE key = ANY($1::text[]) AND outcome IS NULL AND sending_at IS NULL
           RETURNING key)
         UPDATE outbox o SET status = 'cancelled', last_error = $2, updated_at = now()
         FROM d WHERE o.key = d.key AND o.status = 'claimed'
         RETURNING o.key`,
        [list, reason],
      );
      // 3. Still claimed: its request is out and cannot be recalled. Marked, so it is never
      //    retried (the fence checks cancel_reason) and its outcome says what happened.
      await db.query(
        `UPDATE outbox SET cancel_reason = $2, updated_at = now()
         WHERE key = ANY($1::text[]) AND status = 'claimed' AND cancel_reason IS NULL`,
        [list, reason],
      );
      return pending.rows.length + claimed.rows.length;
    },
    async forMeeting(meetingId) {
      const { rows } = await db.query<OutboxDbRow>('SELECT * FROM outbox WHERE meeting_id = $1 ORDER BY send_at, key', [meetingId]);
      return rows.map(toOutboxRow);
    },
    async forSchool(urn) {
      const { rows } = await db.query<OutboxDbRow>('SELECT * FROM outbox WHERE school_urn = $1 ORDER BY send_at, key', [urn]);
      return rows.map(toOutboxRow);
    },
    async sentKeys(meetingId) {
      const { rows } = await db.query<{ key: string }>(
        `SELECT key FROM outbox WHERE meeting_id = $1 AND status = 'sent' ORDER BY send_at, key`,
        [meetingId],
      );
      return rows.map((r) => r.key);
    },
    withTx(tx) {
      return createOutbox(tx);
    },
  };
}

/**
 * Inside a transaction: locks a meeting's outbox rows (so no claim can change them until the
 * transaction ends) and returns the keys that are already sent or being sent ('claimed'). A
 * move or cancel re-plans around these: a claimed row is not pending, so it is never planned
 * again. A claim that started first has committed 'claimed' by the time this lock is granted;
 * one that starts later finds the row no longer pending once the move commits.
 */
export async function lockTakenKeys(tx: Queryable, meetingId: string): Promise<string[]> {
  const { rows } = await tx.query<{ key: string; status: string }>(
    'SELECT key, status FROM outbox WHERE meeting_id = $1 ORDER BY key FOR UPDATE',
    [meetingId],
  );
  return rows.filter((r) => r.status === 'sent' || r.status === 'claimed').map((r) => r.key);
}
