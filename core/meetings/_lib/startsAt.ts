import { isDay, londonDateTime } from '../../calendar/index.js';

const STARTS_AT = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A meeting's start, split. `time` is null when only the day is known. */
export interface Start {
  readonly day: string;
  readonly time: string | null;
}

/** Parses 'yyyy-MM-ddTHH:mm' or 'yyyy-MM-dd'; null when malformed. */
export function parseStartsAt(startsAt: string): Start | null {
  const match = STARTS_AT.exec(startsAt);
  if (!match) return null;
  const day = match[1] ?? '';
  const time = match[2] ?? null;
  if (!isDay(day)) return null;
  if (time !== null && !TIME.test(time)) return null;
  return { day, time };
}

/** Whether `value` is 'HH:mm', 00:00–23:59. */
export const isTime = (value: string): boolean => TIME.test(value);

/**
 * The instant the meeting starts; for a day-only meeting, the end of that day, so that
 * nothing on the day itself counts as "after the meeting".
 */
export function startInstant(start: Start): Date {
  return start.time === null
    ? new Date(londonDateTime(start.day, '23:59').getTime() + 59_999)
    : londonDateTime(start.day, start.time);
}
