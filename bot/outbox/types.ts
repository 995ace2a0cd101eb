/**
 * The durable reminder outbox (issue 4, §5–§6). Each (meeting, recipient, step) is one row with a
 * unique key; the scheduler claims a due row before sending it, so it is sent at most once, and a
 * claim that never recorded an outcome is re-taken after a lease, so it is not lost.
 *
 * This file is the stable API other code (Teams commands for meetings and evidence) builds on.
 */

import type { Queryable } from '../store/db.js';

export type RecipientRole = 'channel' | 'members' | 'head' | 'officer';

export interface NewOutboxItem {
  /** Unique per (meeting, recipient, step); enqueueing the same key twice is a no-op. */
  key: string;
  meetingId: string;
  schoolUrn: string;
  step: string;
  recipientRole: RecipientRole;
  /** Who, for head/officer: an AAD object id and/or e-mail from the workbook; absent for the channel. Never logged. */
  recipient?: { aadObjectId?: string; email?: string; name?: string };
  condition: 'always' | 'no-evidence';
  sendAt: Date;
  message: { subject: string; text: string; card?: object };
}

export type DeliveryStatus = 'pending' | 'claimed' | 'sent' | 'failed' | 'blocked' | 'no-route' | 'skipped' | 'cancelled';

export interface OutboxRow extends NewOutboxItem {
  status: DeliveryStatus;
  attempts: number;
  lastError?: string;
  sentAt?: Date;
  via?: 'teams' | 'email' | 'channel';
  /** Cancelled while its request was out (it could not be recalled): never sent again. */
  cancelReason?: string;
  /** Handed back by the scheduler (a long Retry-After): not claimed again before this. */
  notBefore?: Date;
}

export interface Outbox {
  /** Idempotent: INSERT … ON CONFLICT (key) DO NOTHING. Returns how many rows were new. */
  enqueue(items: readonly NewOutboxItem[]): Promise<number>;
  /**
   * Stops rows with `reason`: pending rows, and rows a scheduler has claimed but not yet sent
   * (e.g. waiting out a Retry-After), become cancelled. A row whose request is already out
   * cannot be recalled: it is marked (cancelReason) so it is never retried, and if Teams or
   * Graph accepted it, it is recorded as sent with a note saying so. Finished rows are left
   * alone. Returns how many rows were stopped for certain.
   */
  cancel(keys: readonly string[], reason: string): Promise<number>;
  /** All rows of a meeting, ordered by send time. */
  forMeeting(meetingId: string): Promise<OutboxRow[]>;
  /** All rows of a school (by URN), ordered by send time. */
  forSchool(urn: string): Promise<OutboxRow[]>;
  /** Keys of the meeting's rows that were sent (so a re-plan keeps them and does not re-send). */
  sentKeys(meetingId: string): Promise<string[]>;
  /** The same outbox on `tx`, so its writes commit or roll back with the caller's other writes. */
  withTx(tx: Queryable): Outbox;
}
