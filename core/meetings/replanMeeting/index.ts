import { londonDateTime, subWorkingDays, type WorkingCalendar } from '../../calendar/index.js';
import { fail, ok, type Result } from '../../result.js';
import { checkClock, checkDeadlines } from '../_lib/checks.js';
import { longStart } from '../_lib/format.js';
import { latestStep, pendingSteps, revisionOf } from '../_lib/pending.js';
import { firstSlot } from '../_lib/sendSlot.js';
import { parseStartsAt, startInstant } from '../_lib/startsAt.js';
import { stepKey } from '../_lib/stepKey.js';
import { planMeeting } from '../planMeeting/index.js';
import type { DeadlineOverrides, Meeting, PlanStep, SendingHours } from '../types.js';
import { calendarErrorsAsValues } from '../_lib/calendarErrors.js';

export interface ReplanMeetingOptions extends SendingHours {
  /**
   * The meeting's plan in force: every step sent or pending (after an earlier move, the
   * steps it kept and added, not the ones it cancelled).
   */
  readonly plan: readonly PlanStep[];
  /** The meeting as it is now: same id, new `startsAt` (and type, if that changed too). */
  readonly meeting: Meeting;
  readonly today: string;
  readonly now?: Date;
  readonly calendar: WorkingCalendar;
  readonly deadlines?: DeadlineOverrides;
  /**
   * Keys the outbox has already sent. Omitted: steps whose send time has passed count as
   * sent.
   */
  readonly sent?: readonly string[];
}

/** What a move changes in the outbox. */
export interface Replan {
  /** Keys of the old plan's pending steps: stop them. */
  readonly cancel: string[];
  /** The new plan's steps, less those already sent under the old plan. New keys (`:r<n>`). */
  readonly add: PlanStep[];
  /** The notice to the head (`step: 'moved'`), at the first moment possible. */
  readonly notifyHead: PlanStep;
}

/**
 * Re-plans a moved meeting. Sent steps stay sent: every pending step of the old plan is
 * cancelled, and the new plan (revision + 1, so its keys never clash with the cancelled
 * ones) is added less the (step, recipient) pairs already sent: a head who has had the
 * evidence request is not asked again, but is told of the move by `notifyHead`, which
 * carries the new evidence deadline (`dueDay`). The new plan follows every rule of
 * `planMeeting` (late steps brought forward or dropped, never in the past).
 *
 * Errors: anything `planMeeting` refuses for the new start; an empty plan; a plan for
 * another meeting id; a meeting that has already started.
 *
 * @example
 * const moved = replanMeeting({ plan, meeting: { ...meeting, startsAt: '2027-01-19T10:00' }, today: '2026-12-29', calendar });
 * // moved.value.cancel: the old reminder, deadline, escalation and minutes keys
 * // moved.value.add: new reminder, deadline, escalation and minutes, keys ending ':r1'
 * // moved.value.notifyHead: { step: 'moved', recipient: 'head', movedFrom: '2027-01-12T10:00', dueDay: '2027-01-12', … }
 */
export function replanMeeting(options: ReplanMeetingOptions): Result<Replan, string> {
  return calendarErrorsAsValues(() => replan(options));
}

function replan(options: ReplanMeetingOptions): Result<Replan, string> {
  const { plan, meeting, today, now, calendar } = options;
  const old = latestStep(plan);
  if (old === undefined) return fail('the plan is empty: plan the meeting with planMeeting first');
  if (plan.some((s) => s.meetingId !== meeting.id)) {
    return fail(`the plan is for meeting "${old.meetingId}", not "${meeting.id}"`);
  }
  const clock = checkClock(today, now, options);
  if (!clock.ok) return clock;
  const oldStart = parseStartsAt(old.meetingStartsAt);
  if (oldStart === null) return fail(`the plan's meeting start "${old.meetingStartsAt}" is malformed`);
  if (startInstant(oldStart).getTime() <= (now ?? londonDateTime(today, '00:00')).getTime()) {
    return fail(`the meeting on ${longStart(oldStart)} has already taken place: schedule a new one instead`);
  }

  const revision = revisionOf(plan) + 1;
  const next = planMeeting({
    meeting,
    today,
    now,
    calendar,
    deadlines: options.deadlines,
    sendTime: options.sendTime,
    lastSendTime: options.lastSendTime,
    revision,
  });
  if (!next.ok) return next;

  const pending = pendingSteps(plan, today, now, options.sent);
  const pendingKeys = new Set(pending.map((s) => s.key));
  const sentKinds = new Set(plan.filter((s) => !pendingKeys.has(s.key)).map((s) => `${s.step}:${s.recipient}`));

  const newStart = parseStartsAt(meeting.startsAt);
  const deadlines = checkDeadlines(meeting.type.deadlines, options.deadlines);
  if (newStart === null || !deadlines.ok) return fail('unreachable: planMeeting checked these');
  const slot = firstSlot({ today, now, calendar, ...clock.value });
  const notifyHead: PlanStep = Object.freeze({
    key: stepKey(meeting.id, 'moved', 'head', revision),
    meetingId: meeting.id,
    meetingStartsAt: meeting.startsAt,
    revision,
    step: 'moved',
    recipient: 'head',
    condition: 'always',
    day: slot.day,
    sendAt: slot.at.toISOString(),
    plannedDay: slot.day,
    late: false,
    dueDay: subWorkingDays(newStart.day, deadlines.value['evidence-due'], calendar),
    movedFrom: old.meetingStartsAt,
  });

  return ok({
    cancel: pending.map((s) => s.key),
    add: next.value.filter((s) => !sentKinds.has(`${s.step}:${s.recipient}`)),
    notifyHead,
  });
}
