import { isDay, isWorkingDay, londonDay, type WorkingCalendar } from '../../calendar/index.js';
import { fail, ok, type Result } from '../../result.js';
import type { DeadlineOverrides, Meeting, MeetingStepId, SendingHours } from '../types.js';
import { longDay } from './format.js';
import { isTime, parseStartsAt, type Start } from './startsAt.js';

export const DEFAULT_SEND_TIME = '08:00';
export const DEFAULT_LAST_SEND_TIME = '17:00';

/** Checks `today`, `now` and the sending hours; returns the hours with defaults filled in. */
export function checkClock(
  today: string,
  now: Date | undefined,
  hours: SendingHours,
): Result<{ sendTime: string; lastSendTime: string }, string> {
  if (!isDay(today)) return fail(`today must be a real day written yyyy-MM-dd, got "${today}"`);
  if (now !== undefined) {
    if (Number.isNaN(now.getTime())) return fail('now is an Invalid Date');
    if (londonDay(now) !== today) {
      return fail(`now (${now.toISOString()}) is on ${londonDay(now)} in London, not on today (${today})`);
    }
  }
  const sendTime = hours.sendTime ?? DEFAULT_SEND_TIME;
  const lastSendTime = hours.lastSendTime ?? DEFAULT_LAST_SEND_TIME;
  for (const [name, value] of [['sendTime', sendTime], ['lastSendTime', lastSendTime]] as const) {
    if (!isTime(value)) return fail(`${name} must be HH:mm (00:00–23:59), got "${value}"`);
  }
  if (lastSendTime <= sendTime) return fail(`lastSendTime (${lastSendTime}) must be after sendTime (${sendTime})`);
  return ok({ sendTime, lastSendTime });
}

/** Why a day is not a working day, in words: 'a Saturday', 'a bank holiday', 'in Christmas'. */
function whyNotWorking(day: string, calendar: WorkingCalendar): string {
  const weekday = longDay(day).split(' ')[0] ?? '';
  if (weekday === 'Saturday' || weekday === 'Sunday') return 'a weekend';
  if (calendar.bankHolidays.includes(day)) return 'a bank holiday';
  const closure = calendar.closures.find((c) => c.start <= day && day <= c.end);
  return closure ? `in a school holiday${closure.name ? ` (${closure.name})` : ''}` : 'not a working day';
}

/** Parses the meeting's start and checks it is on a working day. */
export function checkMeeting(meeting: Meeting, calendar: WorkingCalendar): Result<Start, string> {
  const start = parseStartsAt(meeting.startsAt);
  if (start === null) {
    return fail(`meeting start must be yyyy-MM-ddTHH:mm or yyyy-MM-dd (a real day, time 00:00–23:59), got "${meeting.startsAt}"`);
  }
  if (!isWorkingDay(start.day, calendar)) {
    return fail(`${longDay(start.day)} (${start.day}) is not a working day: it is ${whyNotWorking(start.day, calendar)}`);
  }
  return ok(start);
}

export type Deadlines = Record<MeetingStepId, number>;

/**
 * The meeting type's deadlines with overrides applied, checked: whole numbers, the chase in
 * order (request before reminder before the evidence deadline before the escalation), and
 * minutes at least one working day after.
 */
export function checkDeadlines(base: Deadlines, overrides: DeadlineOverrides = {}): Result<Deadlines, string> {
  const d: Deadlines = { ...base };
  for (const [step, value] of Object.entries(overrides) as [MeetingStepId, number | undefined][]) {
    if (value === undefined) continue;
    if (!(step in base)) return fail(`deadlines: unknown step "${step}" (steps: ${Object.keys(base).join(', ')})`);
    d[step] = value;
  }
  for (const [step, value] of Object.entries(d)) {
    if (!Number.isSafeInteger(value) || value < 0) {
      return fail(`deadlines.${step} must be a whole number of working days, 0 or more, got ${value}`);
    }
  }
  const chase = [d['evidence-request'], d['evidence-reminder'], d['evidence-due'], d.escalation];
  if (!chase.every((v, i) => i === 0 || v < (chase[i - 1] ?? 0))) {
    return fail(
      'deadlines: the evidence request, reminder, deadline and escalation must come in that order, ' +
        `each fewer working days before the meeting than the last (got ${chase.join(', ')})`,
    );
  }
  if (d.minutes < 1) return fail(`deadlines.minutes must be at least 1 working day after the meeting, got ${d.minutes}`);
  return ok(d);
}
