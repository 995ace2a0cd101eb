/** How the meeting commands say days, times, meetings and plans (en-GB, no commas). */
import { londonDay, londonTime } from '../../core/calendar/index.js';
import { describeStep, recipientWords } from '../../core/meetings/describeStep/index.js';
import type { Meeting, PlanStep } from '../../core/meetings/types.js';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function parts(day: string) {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return { y, m, d, w: new Date(Date.UTC(y, m - 1, d, 12)).getUTCDay() };
}

/** 'Wednesday 9 December 2026'. */
export function longDay(day: string): string {
  const p = parts(day);
  return `${WEEKDAYS[p.w]} ${p.d} ${MONTHS[p.m - 1]} ${p.y}`;
}

/** 'Wed 9 Dec 2026'. */
export function shortDay(day: string): string {
  const p = parts(day);
  return `${WEEKDAYS[p.w]?.slice(0, 3)} ${p.d} ${MONTHS[p.m - 1]?.slice(0, 3)} ${p.y}`;
}

/** 'Wednesday 9 December 2026 at 10:00' (or the day alone when no time is set). */
export function longStart(startsAt: string): string {
  const [day = '', time] = startsAt.split('T');
  return time ? `${longDay(day)} at ${time}` : longDay(day);
}

/** 'Wed 9 Dec 2026 10:00' (or the day alone). */
export function shortStart(startsAt: string): string {
  const [day = '', time] = startsAt.split('T');
  return time ? `${shortDay(day)} ${time}` : shortDay(day);
}

/** An instant in London: 'Wed 9 Dec 2026 08:00'. */
export function shortInstant(at: Date): string {
  return `${shortDay(londonDay(at))} ${londonTime(at)}`;
}

/** 'Oakfield Primary School (URN 101234)'. */
export const schoolWords = (s: { schoolName: string; schoolUrn: string }): string => `${s.schoolName} (URN ${s.schoolUrn})`;

/** What each step is called in lists and statuses. */
export const STEP_WORDS: Readonly<Record<string, string>> = {
  agenda: 'Agenda',
  'evidence-request': 'Evidence request',
  'evidence-reminder': 'Evidence reminder',
  'evidence-due': 'Deadline-day reminder',
  escalation: 'Escalation',
  minutes: 'Minutes',
  moved: 'Moved notice',
  cancelled: 'Cancelled notice',
  'evidence-received': 'Evidence received notice',
};

/**
 * One line per step: when it goes, what it does and to whom; a step to a recipient in
 * `noRoute` is marked, so nobody reads it as a promise.
 */
export function planLines(steps: readonly PlanStep[], meeting: Meeting, noRoute: ReadonlySet<string> = new Set()): string[] {
  return steps.map(
    (s) => `- ${shortInstant(new Date(s.sendAt))}: ${describeStep(s, meeting)} → ${recipientWords[s.recipient]}${noRoute.has(s.recipient) ? ' (**no route now**: not sent unless fixed)' : ''}`,
  );
}
