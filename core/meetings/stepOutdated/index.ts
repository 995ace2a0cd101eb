import { parseStartsAt, startInstant } from '../_lib/startsAt.js';

/**
 * Steps whose purpose is still served once the meeting has started: the minutes reminder is
 * meant for after it. Every other step (agenda, evidence chasing, escalation, moved and
 * cancelled notices) is about the meeting to come, so once it has started (a bot down for a
 * while, a long retry) sending it would only confuse.
 */
const AFTER_THE_MEETING: ReadonlySet<string> = new Set(['minutes']);

/**
 * Whether a reminder step due now is no longer worth sending because its meeting has started.
 * A day-only meeting counts as starting at the end of its day; a malformed start never makes a
 * step outdated (the step is sent rather than silently dropped).
 *
 * @example
 * stepOutdated('evidence-request', '2026-12-09T10:00', new Date('2026-12-09T10:30:00Z')); // true
 * stepOutdated('minutes', '2026-12-09T10:00', new Date('2026-12-10T08:00:00Z')); // false
 * stepOutdated('agenda', '2026-12-09', new Date('2026-12-09T15:00:00Z')); // false (same day)
 */
export function stepOutdated(step: string, meetingStartsAt: string, now: Date): boolean {
  if (AFTER_THE_MEETING.has(step)) return false;
  const start = parseStartsAt(meetingStartsAt);
  if (!start) return false;
  return now.getTime() >= startInstant(start).getTime();
}
