/**
 * What the meeting commands do, apart from reading words and writing replies: schedule,
 * move and cancel a meeting (store + plan + outbox), and record evidence. Expected failures
 * are status values; only real faults throw.
 *
 * Writes: the meeting, its plan and its outbox rows (cancelled and new) change in ONE
 * transaction (`outbox.withTx(tx)`), so a crash or a database error part-way leaves either the
 * old meeting with its old reminders or the new one with its new reminders, never a mix: no
 * stale reminder left pending, no new one lost, nothing stored that will not be sent.
 */
import { randomBytes } from 'node:crypto';
import type { MeetingType } from '../../core/frameworks/index.js';
import { cancelMeeting } from '../../core/meetings/cancelMeeting/index.js';
import { planMeeting } from '../../core/meetings/planMeeting/index.js';
import { replanMeeting } from '../../core/meetings/replanMeeting/index.js';
import type { Meeting, PlanStep } from '../../core/meetings/types.js';
import { agendaChecklist } from '../exit-criteria/repo.js';
import { lockTakenKeys } from '../outbox/outbox.js';
import type { NewOutboxItem, OutboxRow } from '../outbox/types.js';
import type { Db, Queryable } from '../store/db.js';
import { reachOf, splitByRoute, stillToSend, type Reach } from './reach.js';
import { outboxItems, type SchoolPeople } from './render.js';
import {
  evidenceFor,
  insertEvidence,
  insertMeeting,
  insertSteps,
  isUniqueViolation,
  moveMeetingRow,
  planInForce,
  recordImport,
  retireSteps,
  setMeetingStatus,
  type EvidenceHow,
  type MeetingRow,
} from './repo.js';
import { coreMeeting, todayOf, type MeetingServices } from './services.js';
import { longStart, schoolWords } from './words.js';

export interface ActionDeps {
  readonly db: Db;
  readonly services: MeetingServices;
  readonly now: Date;
}

export type Refused = { readonly status: 'refused'; readonly reason: string };

const newMeetingId = () => `mtg-${randomBytes(5).toString('hex')}`;

function planOptions(deps: ActionDeps) {
  const { services, now } = deps;
  return { today: todayOf(now), now, calendar: services.calendar, ...services.sendingHours };
}

export type ScheduleResult =
  | {
      readonly status: 'scheduled';
      readonly meeting: Meeting;
      readonly steps: readonly PlanStep[];
      /** Who can be reached now (undefined when no router is configured). */
      readonly reach?: readonly Reach[];
    }
  | { readonly status: 'duplicate' }
  | Refused;

/**
 * Stores the meeting and its plan, and puts every step in the outbox. `importedFrom` (a row of
 * the workbook's "Meetings" sheet: its day) is recorded with it, so that row is never imported
 * again whatever becomes of the meeting; a row already recorded is a duplicate.
 */
export async function scheduleMeeting(
  deps: ActionDeps,
  input: {
    school: { name: string; urn: string } & SchoolPeople;
    type: MeetingType;
    frameworkId: string;
    startsAt: string;
    createdBy: string;
    importedFrom?: { readonly sheetDay: string };
    /**
     * Records where the meeting came from (e.g. the calendar event) in the same transaction;
     * false when another import recorded it first: the meeting is then not stored (duplicate).
     */
    claim?: (tx: Queryable, meetingId: string) => Promise<boolean>;
  },
): Promise<ScheduleResult> {
  const meeting: Meeting = { id: newMeetingId(), schoolUrn: input.school.urn, schoolName: input.school.name, type: input.type, startsAt: input.startsAt };
  const plan = planMeeting({ meeting, ...planOptions(deps) });
  if (!plan.ok) return { status: 'refused', reason: plan.error };
  // A RAP school's agenda lists its exit criteria as they stand (ticking one writes it again).
  const exitCriteria = await agendaChecklist(deps.db, meeting, input.frameworkId);
  const items = outboxItems(plan.value, meeting, input.school, exitCriteria ? { exitCriteria } : {});
  if (!items.ok) return { status: 'refused', reason: items.error };

  const { outbox } = deps.services;
  const stored = await deps.db
    .transaction(async (tx) => {
      const inserted = await insertMeeting(tx, {
        id: meeting.id,
        schoolUrn: meeting.schoolUrn,
        schoolName: meeting.schoolName,
        frameworkId: input.frameworkId,
        typeId: input.type.id,
        startsAt: meeting.startsAt,
        createdBy: input.createdBy,
      });
      if (!inserted) return false;
      if (input.importedFrom) {
        const source = { schoolUrn: meeting.schoolUrn, typeId: input.type.id, sheetDay: input.importedFrom.sheetDay, meetingId: meeting.id };
        // Imported meanwhile (another import at the same moment): undo this one.
        if (!(await recordImport(tx, source))) throw new AlreadyImported();
      }
      if (input.claim && !(await input.claim(tx, meeting.id))) throw new AlreadyImported();
      await insertSteps(tx, plan.value);
      await outbox.withTx(tx).enqueue(items.value);
      return true;
    })
    .catch((error: unknown) => {
      if (error instanceof AlreadyImported) return false;
      throw error;
    });
  if (!stored) return { status: 'duplicate' };
  const reach = await reachOf(deps.services.route, items.value, meeting);
  return { status: 'scheduled', meeting, steps: plan.value, ...(reach ? { reach } : {}) };
}

export type MoveResult =
  | {
      readonly status: 'moved';
      readonly meeting: Meeting;
      readonly from: string;
      /** The new plan's steps put in the outbox (less any already sent), and the head's notice. */
      readonly added: readonly PlanStep[];
      readonly notifyHead: PlanStep;
      readonly cancelled: readonly string[];
      /** Of `cancelled`, the rows that were still to send, split by whether they had a route. */
      readonly stopped: number;
      readonly stoppedNoRoute: number;
      readonly reach?: readonly Reach[];
    }
  | { readonly status: 'unchanged' }
  | { readonly status: 'duplicate' }
  | Refused;

/** Re-plans a meeting at a new start: pending steps are cancelled, the new ones added, the head told. */
export async function moveMeeting(
  deps: ActionDeps,
  input: { row: MeetingRow; type: MeetingType; startsAt: string; people: SchoolPeople | undefined },
): Promise<MoveResult> {
  const { row, type } = input;
  if (row.startsAt === input.startsAt) return { status: 'unchanged' };
  const { outbox } = deps.services;
  const meeting = { ...coreMeeting(row, type), startsAt: input.startsAt };
  let stopping: OutboxRow[] = [];
  // The read and the re-plan run in the same transaction as the writes, with the meeting's
  // outbox rows locked: a reminder being sent (claimed) is kept as sent, never planned again.
  let enqueued: readonly NewOutboxItem[] = [];
  let result: MoveResult;
  try {
    result = await deps.db.transaction(async (tx): Promise<MoveResult> => {
      const sent = await lockTakenKeys(tx, row.id);
      const [plan, evidence] = [await planInForce(tx, row.id), await evidenceFor(tx, row.id)];
      const replan = replanMeeting({ plan, meeting, sent, ...planOptions(deps) });
      if (!replan.ok) return { status: 'refused', reason: replan.error };
      const { cancel, add, notifyHead } = replan.value;
      const evidenceReceived = evidence.length > 0;
      // Evidence already in: nothing conditional on its absence needs to go out at all.
      const toSend = evidenceReceived ? add.filter((s) => s.condition !== 'no-evidence') : add;
      const exitCriteria = await agendaChecklist(tx, meeting, row.frameworkId);
      const items = outboxItems([...toSend, notifyHead], meeting, input.people, { evidenceReceived, ...(exitCriteria ? { exitCriteria } : {}) });
      if (!items.ok) return { status: 'refused', reason: items.error };
      await moveMeetingRow(tx, row.id, input.startsAt, notifyHead.revision);
      await retireSteps(tx, cancel);
      await insertSteps(tx, [...add, notifyHead]);
      const txOutbox = outbox.withTx(tx);
      const stoppedKeys = (await txOutbox.forMeeting(row.id)).filter((r) => stillToSend(r) && cancel.includes(r.key));
      await txOutbox.cancel(cancel, 'meeting moved');
      await txOutbox.enqueue(items.value);
      enqueued = items.value;
      stopping = stoppedKeys;
      return { status: 'moved', meeting, from: row.startsAt, added: toSend, notifyHead, cancelled: cancel, stopped: 0, stoppedNoRoute: 0 };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { status: 'duplicate' };
    throw error;
  }
  if (result.status !== 'moved') return result;
  // Counted after the commit: only reminders that were still to go and had somewhere to go.
  const split = await splitByRoute(deps.services.route, stopping, meeting);
  const reach = await reachOf(deps.services.route, enqueued, meeting);
  return { ...result, stopped: split.live.length, stoppedNoRoute: split.noRoute.length, ...(reach ? { reach } : {}) };
}

export type CancelResult =
  | {
      readonly status: 'cancelled';
      readonly meeting: Meeting;
      readonly cancelled: readonly string[];
      readonly notifyHead: PlanStep;
      /** Reminders that were still to go and had a route: the ones really stopped. */
      readonly stopped: number;
      /** Reminders still pending that had no route (they would have failed when due). */
      readonly stoppedNoRoute: number;
      /** Whether the head's notice can reach them now (undefined when no router is configured). */
      readonly reach?: readonly Reach[];
    }
  | Refused;

/** Stops every pending step and tells the head; the meeting is kept, marked cancelled. */
export async function cancelScheduledMeeting(
  deps: ActionDeps,
  input: { row: MeetingRow; type: MeetingType; people: SchoolPeople | undefined },
): Promise<CancelResult> {
  const { row } = input;
  const { outbox } = deps.services;
  const [plan, sent] = await Promise.all([planInForce(deps.db, row.id), outbox.sentKeys(row.id)]);
  const meeting = coreMeeting(row, input.type);
  const result = cancelMeeting({ plan, sent, ...planOptions(deps) });
  if (!result.ok) return { status: 'refused', reason: result.error };
  const { cancel, notifyHead } = result.value;
  const items = outboxItems([notifyHead], meeting, input.people);
  if (!items.ok) return { status: 'refused', reason: items.error };
  const stopping = await deps.db.transaction(async (tx) => {
    await setMeetingStatus(tx, row.id, 'cancelled');
    await retireSteps(tx, cancel);
    await insertSteps(tx, [notifyHead]);
    const txOutbox = outbox.withTx(tx);
    // The core cancels every step not sent, including ones that already failed: count only
    // those still to go.
    const live = (await txOutbox.forMeeting(row.id)).filter((r) => stillToSend(r) && cancel.includes(r.key));
    await txOutbox.cancel(cancel, 'meeting cancelled');
    await txOutbox.enqueue(items.value);
    return live;
  });
  const split = await splitByRoute(deps.services.route, stopping, meeting);
  const reach = await reachOf(deps.services.route, items.value, meeting);
  return { status: 'cancelled', meeting, cancelled: cancel, notifyHead, stopped: split.live.length, stoppedNoRoute: split.noRoute.length, ...(reach ? { reach } : {}) };
}

export interface EvidenceResult {
  /** True for the meeting's first evidence (the channel is told then). */
  readonly first: boolean;
  /** Pending chasers stopped now that had a route to the head (would really have gone). */
  readonly stopped: number;
  /** Pending chasers stopped that had no route (they would have failed when due). */
  readonly stoppedNoRoute: number;
  /** Whether the channel's "evidence received" notice can go now (first evidence only, with a router). */
  readonly channel?: Reach;
}

/** A short description of what arrived, for the channel: no file contents, no addresses. */
export function evidenceDetailWords(how: EvidenceHow, detail: { files?: readonly string[]; links?: readonly string[] }, by: string): string {
  switch (how) {
    case 'files': {
      const files = detail.files ?? [];
      return `${files.length === 1 ? '1 file' : `${files.length} files`} from ${by}${files.length > 0 ? ` (${files.slice(0, 5).join(', ')}${files.length > 5 ? ', …' : ''})` : ''}`;
    }
    case 'link': {
      const links = detail.links ?? [];
      return `${links.length === 1 ? 'a link' : `${links.length} links`} from ${by}${links.length > 0 ? ` (${links.slice(0, 3).join(' ')})` : ''}`;
    }
    case 'button':
      return `${by} pressed "Evidence sent"`;
    case 'officer':
      return `recorded by ${by}`;
  }
}

/**
 * Records evidence for a meeting: chasing stops at once (the meeting's pending "if no
 * evidence" rows are cancelled; the scheduler also checks the evidence table when a row falls
 * due), and the team channel is told, once per meeting.
 */
export async function recordEvidence(
  deps: ActionDeps,
  input: {
    row: MeetingRow;
    type: MeetingType;
    recordedBy: string;
    /** Who, in words, for the channel ("the headteacher", "Jane Smith"). */
    byWords: string;
    how: EvidenceHow;
    detail: { files?: readonly string[]; links?: readonly string[] };
  },
): Promise<EvidenceResult> {
  const { row } = input;
  // The evidence, the chasers it stops and the channel's notice: one transaction.
  const school = { schoolName: row.schoolName, schoolUrn: row.schoolUrn };
  const done = await deps.db.transaction(async (tx) => {
    const outbox = deps.services.outbox.withTx(tx);
    const before = await evidenceFor(tx, row.id);
    await insertEvidence(tx, {
      meetingId: row.id,
      recordedBy: input.recordedBy,
      how: input.how,
      detail: { ...(input.detail.files ? { files: input.detail.files } : {}), ...(input.detail.links ? { links: input.detail.links } : {}) },
      at: deps.now,
    });
    const rows = await outbox.forMeeting(row.id);
    const chasingRows = rows.filter((r) => stillToSend(r) && r.condition === 'no-evidence');
    const chasing = chasingRows.map((r) => r.key);
    if (chasing.length > 0) await outbox.cancel(chasing, 'evidence received');
    const first = before.length === 0;
    if (first) {
      const meeting = coreMeeting(row, input.type);
      const what = evidenceDetailWords(input.how, input.detail, input.byWords);
      const notice: NewOutboxItem = {
        key: `${row.id}:evidence-received:channel`,
        meetingId: row.id,
        schoolUrn: row.schoolUrn,
        step: 'evidence-received',
        recipientRole: 'channel',
        condition: 'always',
        sendAt: deps.now,
        message: {
          subject: `Evidence received: ${row.schoolName}`,
          text: [
            `Evidence received from ${schoolWords(row)} for the ${input.type.name} on ${longStart(meeting.startsAt)}: ${what}.`,
            'Reminders to the headteacher have stopped.',
          ].join('\n'),
        },
      };
      await outbox.enqueue([notice]);
    }
    return { first, chasingRows };
  });
  const split = await splitByRoute(deps.services.route, done.chasingRows, school);
  const channel = done.first ? (await reachOf(deps.services.route, [{ recipientRole: 'channel' }], school))?.[0] : undefined;
  return { first: done.first, stopped: split.live.length, stoppedNoRoute: split.noRoute.length, ...(channel ? { channel } : {}) };
}

/** A sheet row another import recorded first: the transaction is undone, the row a duplicate. */
class AlreadyImported extends Error {}
