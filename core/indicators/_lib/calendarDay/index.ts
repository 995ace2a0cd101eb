/**
 * Calendar arithmetic on UTC time values only. A date in a cell has no zone, and local-time
 * Date objects (date-fns's default, and TZDate too) make the answer depend on the machine:
 * Samoa skipped 30 December 2011, so in Pacific/Apia that day cannot be built locally.
 */

const MS_PER_DAY = 86_400_000;

/** A day of the proleptic Gregorian calendar; month 1–12, weekday 0 (Sunday) to 6. */
export type CalendarDay = { year: number; month: number; day: number; weekday: number };

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

function fromTime(time: number): CalendarDay {
  const date = new Date(time);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    weekday: date.getUTCDay(),
  };
}

/**
 * The day so many days after 1 January 1970 (negative for before).
 *
 * @example
 * dayFromEpochDays(19997) // { year: 2024, month: 10, day: 1, weekday: 2 }
 */
export function dayFromEpochDays(days: number): CalendarDay {
  return fromTime(days * MS_PER_DAY);
}

/**
 * The day with these numbers, or `undefined` when there is no such day (31 February).
 * Years from 100 up only, since `Date.UTC` reads 0–99 as 1900–1999.
 *
 * @example
 * calendarDay(2024, 2, 29) // { year: 2024, month: 2, day: 29, weekday: 4 }
 * calendarDay(2023, 2, 29) // undefined
 */
export function calendarDay(year: number, month: number, day: number): CalendarDay | undefined {
  if (year < 100 || month < 1 || month > 12 || day < 1) return undefined;
  const found = fromTime(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 31 February over into March; a real day comes back unchanged.
  return found.year === year && found.month === month && found.day === day ? found : undefined;
}

/**
 * How many days a month has.
 *
 * @example
 * daysInMonth(2024, 2) // 29
 */
export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * ISO calendar date, yyyy-MM-dd.
 *
 * @example
 * isoDate({ year: 2024, month: 9, day: 1, weekday: 0 }) // '2024-09-01'
 */
export function isoDate({ year, month, day }: CalendarDay): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * English month name for reasons; month 1 is January.
 *
 * @example
 * monthName(9) // 'September'
 */
export function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? String(month);
}

/**
 * English weekday name; 0 is Sunday, as `Date.prototype.getUTCDay` counts.
 *
 * @example
 * weekdayName(0) // 'Sunday'
 */
export function weekdayName(weekday: number): string {
  return WEEKDAY_NAMES[weekday] ?? String(weekday);
}
