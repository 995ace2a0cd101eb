import { londonDateTime, type WorkingCalendar } from '../../calendar/index.js';
import { fail, ok, type Result } from '../../result.js';
import { checkClock } from '../_lib/checks.js';
import { longStart } from '../_lib/format.js';
import { latestStep, pendingSteps, revisionOf } from '../_lib/pending.js';
import { firstSlot } from '../_lib/sendSlot.js';
import { parseStartsAt, startInstant } from '../_lib/startsAt.js';
import { stepKey } from '../_lib/stepKey.js';
import type { PlanStep, SendingHours } from '../types.js';
import { calendarErrorsAsValues } from '../_lib/calendarErrors.js';

export interface CancelMeetingOptions extends SendingHours {
  /** The meeting's plan in force: every step sent or pending. */
  readonly plan: readonly PlanStep[];
  readonly today: string;
  readonly now?: Date;
  readonly calendar: WorkingCalendar;
  /** Keys the outbox has already sent. Omitted: steps whose send time has passed count as sent. */
  readonly sent?: readonly string[];
}

/** What a cancellation changes in the outbox. */
export interface Cancellation {
  /** Keys of the pending steps: stop them. */
  readonly cancel: string[];
  /** The notice to the head (`step: 'cancelled'`), at the first moment possible. */
  readonly notifyHead: PlanStep;
}

/**
 * Cancels a meeting: every pending step stops and the head is told.
 *
 * Errors: an empty plan, steps of two meetings, a meeting that has already started.
 *
 * @example
 * cancelMeeting({ plan, today: '2026-12-29', calendar }).value
 * //=> { cancel: ['m1:evidence-reminder:head', 'm1:evidence-due:head', 'm1:escalation:officer', 'm1:minutes:officer'],
 * //     notifyHead: { key: 'm1:cancelled:head', step: 'cancelled', recipient: 'head', day: '2026-12-29', … } }
 */
export function cancelMeeting(options: CancelMeetingOptions): Result<Cancellation, string> {
  return calendarErrorsAsValues(() => cancel(options));
}

function cancel(options: CancelMeetingOptions): Result<Cancellation, string> {
  const { plan, today, now, calendar } = options;
  const last = latestStep(plan);
  if (last === undefined) return fail('the plan is empty: there is nothing to cancel');
  if (plan.some((s) => s.meetingId !== last.meetingId)) return fail('the plan mixes steps of several meetings');
  const clock = checkClock(today, now, options);
  if (!clock.ok) return clock;
  const start = parseStartsAt(last.meetingStartsAt);
  if (start === null) return fail(`the plan's meeting start "${last.meetingStartsAt}" is malformed`);
  if (startInstant(start).getTime() <= (now ?? londonDateTime(today, '00:00')).getTime()) {
    return fail(`the meeting on ${longStart(start)} has already taken place`);
  }
  const slot = firstSlot({ today, now, calendar, ...clock.value });
  const revision = revisionOf(plan);
  return ok({
    cancel: pendingSteps(plan, today, now, options.sent).map((s) => s.key),
    notifyHead: Object.freeze({
      key: stepKey(last.meetingId, 'cancelled', 'head', revision),
      meetingId: last.meetingId,
      meetingStartsAt: last.meetingStartsAt,
      revision,
      step: 'cancelled',
      recipient: 'head',
      condition: 'always',
      day: slot.day,
      sendAt: slot.at.toISOString(),
      plannedDay: slot.day,
      late: false,
    }),
  });
}
