/**
 * Calendar days as integers.
 *
 * A day is passed around as an ISO 'yyyy-MM-dd' string, but arithmetic on it goes through a
 * plain day number (days since 1970-01-01) computed with integer arithmetic. No Date object
 * is involved, so neither the machine's time zone nor a DST switch can shift a day.
 */

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `year` is a Gregorian leap year. */
const isLeapYear = (year: number): boolean =>
  (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Whether `value` is a real calendar day written 'yyyy-MM-dd'.
 *
 * @example
 * isDay('2028-02-29') //=> true
 * isDay('2027-02-29') //=> false (not a leap year)
 * isDay('2026-1-5')   //=> false (must be zero-padded)
 */
export function isDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Day number (days since 1970-01-01) of a civil date, by Howard Hinnant's `days_from_civil`.
 * Integer-only, so it is exact for every year the string format allows.
 */
export function dayNumberFromParts(year: number, month: number, day: number): number {
  // Count years from March so the leap day falls at the end of the counted year.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Inverse of {@link dayNumberFromParts} (Hinnant's `civil_from_days`). */
export function partsFromDayNumber(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** 'yyyy-MM-dd' for year, month (1–12) and day of month. */
export const formatDayParts = (year: number, month: number, day: number): string =>
  `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;

/**
 * Day number of an ISO day string.
 *
 * @throws RangeError if `value` is not a real 'yyyy-MM-dd' day; a malformed day is a
 *   programming error here (user input is validated at the edge, e.g. by `daySchema`).
 */
export function toDayNumber(value: string, argumentName = 'day'): number {
  if (!isDay(value)) {
    throw new RangeError(`${argumentName} must be a real day written yyyy-MM-dd, got ${JSON.stringify(value)}`);
  }
  return dayNumberFromParts(Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10)));
}

/** ISO day string of a day number. */
export function fromDayNumber(dayNumber: number): string {
  const { year, month, day } = partsFromDayNumber(dayNumber);
  return formatDayParts(year, month, day);
}

/** Day of the week of a day number: 0 = Sunday … 6 = Saturday, as `Date#getDay`. */
export function weekdayOf(dayNumber: number): number {
  // 1970-01-01 (day 0) was a Thursday; the double modulo keeps pre-1970 days non-negative.
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** Whether a day number falls on a Saturday or Sunday. */
export const isWeekendDayNumber = (dayNumber: number): boolean => {
  const weekday = weekdayOf(dayNumber);
  return weekday === 0 || weekday === 6;
};
