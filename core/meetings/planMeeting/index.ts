import {
  addWorkingDays,
  londonDateTime,
  subWorkingDays,
  type WorkingCalendar,
} from '../../calendar/index.js';
import { fail, ok, type Result } from '../../result.js';
import { checkClock, checkDeadlines, checkMeeting } from '../_lib/checks.js';
import { longStart } from '../_lib/format.js';
import { firstSlot } from '../_lib/sendSlot.js';
import { startInstant } from '../_lib/startsAt.js';
import { stepKey } from '../_lib/stepKey.js';
import type {
  DeadlineOverrides,
  Meeting,
  MeetingStepId,
  PlanStep,
  Recipient,
  SendingHours,
  StepCondition,
} from '../types.js';
import { calendarErrorsAsValues } from '../_lib/calendarErrors.js';

export interface PlanMeetingOptions extends SendingHours {
  readonly meeting: Meeting;
  /** Today in London, 'yyyy-MM-dd'. */
  readonly today: string;
  /**
   * The current instant (on `today` in London). Omitted: the start of `today`, so nothing
   * dated today counts as past.
   */
  readonly now?: Date;
  readonly calendar: WorkingCalendar;
  /** Per-LA working days per step, over the meeting type's. */
  readonly deadlines?: DeadlineOverrides;
  /** 0 for a first plan (the default); `replanMeeting` passes the next one. */
  readonly revision?: number;
}

const ORDER: readonly string[] = ['agenda', 'evidence-request', 'evidence-reminder', 'evidence-due', 'escalation', 'minutes'];
const RECIPIENT_ORDER: readonly Recipient[] = ['channel', 'members', 'head', 'officer'];

/** Steps before the meeting: which, to whom, and whether a late one is brought forward or dropped. */
const BEFORE: readonly {
  step: MeetingStepId;
  recipient: Recipient;
  condition: StepCondition;
  /** Late: bring forward to the first moment possible (true) or drop (false). */
  bringForward: boolean;
}[] = [
  { step: 'agenda', recipient: 'channel', condition: 'always', bringForward: true },
  { step: 'agenda', recipient: 'members', condition: 'always', bringForward: true },
  { step: 'evidence-request', recipient: 'head', condition: 'always', bringForward: true },
  { step: 'evidence-reminder', recipient: 'head', condition: 'no-evidence', bringForward: false },
  { step: 'evidence-due', recipient: 'head', condition: 'no-evidence', bringForward: false },
  { step: 'escalation', recipient: 'officer', condition: 'no-evidence', bringForward: false },
];

/**
 * The messages a meeting sends, each on a working day at a set time (London), from the
 * meeting type's deadlines in working days:
 *
 * | step | to | when (default) | condition |
 * | --- | --- | --- | --- |
 * | `agenda` | `channel` and `members` (two steps) | 10 working days before | always |
 * | `evidence-request` | `head` | 10 before; `dueDay` is the evidence deadline | always |
 * | `evidence-reminder` | `head` | 7 before | no evidence yet |
 * | `evidence-due` | `head` | 5 before, the deadline day ("by 5pm today") | no evidence yet |
 * | `escalation` | `officer` (in the channel) | 4 before | no evidence yet |
 * | `minutes` | `officer` | the working day after; `dueDay` 10 working days after | always |
 *
 * Steps go out at `sendTime` (08:00) on their day. A meeting set up (or moved) late never
 * dates a step in the past. "The first moment possible" is now, on a working day between
 * `sendTime` and `lastSendTime` (08:00–17:00); `sendTime` today if that is still to come;
 * else `sendTime` on the next working day. Then:
 * - the agenda and the evidence request, if their time has passed, go at that first moment
 *   (`late: true`, `plannedDay` keeps the deadline's day). If the evidence deadline has
 *   passed too, the request still goes (its `dueDay` is then before its `day`: the text says
 *   "as soon as possible");
 * - the reminder, the deadline-day message and the escalation are dropped if their time has
 *   passed, or if they would not come after the evidence request: a head is never chased
 *   before, or together with, being asked;
 * - nothing before the meeting is sent at or after its start (a day-only meeting lasts all
 *   day).
 * Sorted by send time. Every key is unique.
 *
 * Errors (values, not throws): a malformed start or today, a meeting on a non-working day,
 * a meeting that has started (or a day-only one before today), deadlines out of order, days
 * outside the calendar's coverage.
 *
 * @example
 * const calendar = makeCalendar();
 * const rap = findMeetingType('rap');
 * planMeeting({
 *   meeting: { id: 'm1', schoolUrn: '100001', schoolName: 'Oakfield Primary', type: rap.value.meetingType, startsAt: '2027-01-12T10:00' },
 *   today: '2026-12-01',
 *   calendar,
 * }).value.map((s) => `${s.day} ${s.step} ${s.recipient}`);
 * //=> ['2026-12-24 agenda channel', '2026-12-24 agenda members', '2026-12-24 evidence-request head',
 * //    '2026-12-31 evidence-reminder head', '2027-01-05 evidence-due head',
 * //    '2027-01-06 escalation officer', '2027-01-13 minutes officer']
 */
export function planMeeting(options: PlanMeetingOptions): Result<PlanStep[], string> {
  return calendarErrorsAsValues(() => plan(options));
}

function plan(options: PlanMeetingOptions): Result<PlanStep[], string> {
  const { meeting, today, now, calendar } = options;
  const revision = options.revision ?? 0;
  const clock = checkClock(today, now, options);
  if (!clock.ok) return clock;
  const { sendTime, lastSendTime } = clock.value;
  const started = checkMeeting(meeting, calendar);
  if (!started.ok) return started;
  const start = started.value;
  const deadlines = checkDeadlines(meeting.type.deadlines, options.deadlines);
  if (!deadlines.ok) return deadlines;
  const d = deadlines.value;

  const startsAt = startInstant(start);
  const reference = now ?? londonDateTime(today, '00:00');
  if (startsAt.getTime() <= reference.getTime()) {
    return fail(`the meeting on ${longStart(start)} is in the past (today is ${today})`);
  }

  const first = firstSlot({ today, now, sendTime, lastSendTime, calendar });
  const evidenceDue = subWorkingDays(start.day, d['evidence-due'], calendar);
  const make = (
    step: MeetingStepId,
    recipient: Recipient,
    condition: StepCondition,
    plannedDay: string,
    slot: { day: string; at: Date },
    dueDay: string | undefined,
    late = false,
  ): PlanStep =>
    Object.freeze({
      key: stepKey(meeting.id, step, recipient, revision),
      meetingId: meeting.id,
      meetingStartsAt: meeting.startsAt,
      revision,
      step,
      recipient,
      condition,
      day: slot.day,
      sendAt: slot.at.toISOString(),
      plannedDay,
      late,
      ...(dueDay === undefined ? {} : { dueDay }),
    });

  const steps: PlanStep[] = [];
  let requestAt: number | undefined;
  for (const { step, recipient, condition, bringForward } of BEFORE) {
    const plannedDay = subWorkingDays(start.day, d[step], calendar);
    let slot = { day: plannedDay, at: londonDateTime(plannedDay, sendTime) };
    const late = slot.at.getTime() < first.at.getTime();
    if (late) {
      if (!bringForward) continue;
      slot = first;
    }
    if (slot.at.getTime() >= startsAt.getTime()) continue;
    if (step === 'evidence-request') requestAt = slot.at.getTime();
    else if (condition === 'no-evidence' && requestAt !== undefined && slot.at.getTime() <= requestAt) continue;
    steps.push(make(step, recipient, condition, plannedDay, slot, step === 'agenda' ? undefined : evidenceDue, late));
  }

  const minutesDay = addWorkingDays(start.day, 1, calendar);
  steps.push(
    make('minutes', 'officer', 'always', minutesDay, { day: minutesDay, at: londonDateTime(minutesDay, sendTime) },
      addWorkingDays(start.day, d.minutes, calendar)),
  );

  steps.sort(
    (a, b) =>
      a.sendAt.localeCompare(b.sendAt) ||
      ORDER.indexOf(a.step) - ORDER.indexOf(b.step) ||
      RECIPIENT_ORDER.indexOf(a.recipient) - RECIPIENT_ORDER.indexOf(b.recipient),
  );
  return ok(steps);
}
