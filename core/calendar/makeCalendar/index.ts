import { registerIndex } from '../_lib/calendarIndex.js';
import { toDayNumber } from '../_lib/day.js';
import { englandAndWalesBankHolidays } from '../englandAndWalesBankHolidays/index.js';
import type { Closure, WorkingCalendar, WorkingCalendarOptions } from '../types.js';

const DEFAULT_BANK_HOLIDAYS: readonly string[] = Object.freeze(
  englandAndWalesBankHolidays.map((holiday) => holiday.date),
);

/**
 * Builds a frozen working-day calendar: Monday to Friday, less bank holidays (England and
 * Wales 2024–2030 unless `bankHolidays` is given) and closures.
 *
 * The inputs are copied, never changed, so frozen arrays are fine.
 *
 * @throws RangeError if a day is not a real 'yyyy-MM-dd' day or a closure ends before it
 *   starts. (Validate user files with `calendarFileSchema` first to get these as messages.)
 *
 * @example
 * // England and Wales bank holidays only:
 * const calendar = makeCalendar();
 *
 * // Plus the LA's Christmas holiday:
 * const withTerm = makeCalendar({
 *   closures: [{ name: 'Christmas', start: '2026-12-21', end: '2027-01-01' }],
 * });
 * isWorkingDay('2026-12-22', withTerm) //=> false
 */
export function makeCalendar(options: WorkingCalendarOptions = {}): WorkingCalendar {
  // Validate before removing duplicates so an error names the caller's own index.
  const bankHolidayDays = (options.bankHolidays ?? DEFAULT_BANK_HOLIDAYS)
    .map((day, i) => ({ day, dayNumber: toDayNumber(day, `bankHolidays[${i}]`) }))
    .filter((holiday, i, all) => all.findIndex((other) => other.dayNumber === holiday.dayNumber) === i)
    .sort((a, b) => a.dayNumber - b.dayNumber);

  const closures = (options.closures ?? []).map((closure, i) => {
    const start = toDayNumber(closure.start, `closures[${i}].start`);
    const end = toDayNumber(closure.end, `closures[${i}].end`);
    if (end < start) {
      throw new RangeError(`closures[${i}] ends (${closure.end}) before it starts (${closure.start})`);
    }
    // Copy rather than keep the caller's object: freezing it would change their data.
    const copy: Closure =
      closure.name === undefined
        ? { start: closure.start, end: closure.end }
        : { start: closure.start, end: closure.end, name: closure.name };
    return { closure: Object.freeze(copy), start, end };
  });
  closures.sort((a, b) => a.start - b.start);

  const closedDays = new Set<number>(bankHolidayDays.map((holiday) => holiday.dayNumber));
  for (const { start, end } of closures) {
    for (let dayNumber = start; dayNumber <= end; dayNumber++) closedDays.add(dayNumber);
  }

  const coverage = resolveCoverage(options, bankHolidayDays.map((holiday) => holiday.day));

  const calendar: WorkingCalendar = Object.freeze({
    bankHolidays: Object.freeze(bankHolidayDays.map((holiday) => holiday.day)),
    closures: Object.freeze(closures.map(({ closure }) => closure)),
    coverage,
  });
  registerIndex(calendar, {
    closedDays,
    first: coverage ? toDayNumber(coverage.start) : Number.NEGATIVE_INFINITY,
    last: coverage ? toDayNumber(coverage.end) : Number.POSITIVE_INFINITY,
  });
  return calendar;
}

/** The coverage a calendar gets: explicit, or the whole years its bank holidays span. */
function resolveCoverage(
  options: WorkingCalendarOptions,
  sortedBankHolidays: readonly string[],
): WorkingCalendar['coverage'] {
  if (options.coverage === null) return null;
  if (options.coverage !== undefined) {
    const start = toDayNumber(options.coverage.start, 'coverage.start');
    const end = toDayNumber(options.coverage.end, 'coverage.end');
    if (end < start) {
      throw new RangeError(`coverage ends (${options.coverage.end}) before it starts (${options.coverage.start})`);
    }
    return Object.freeze({ start: options.coverage.start, end: options.coverage.end });
  }
  const first = sortedBankHolidays[0];
  const last = sortedBankHolidays.at(-1);
  if (first === undefined || last === undefined) return null;
  // A bank-holiday list is compiled a year at a time, so it vouches for whole years.
  return Object.freeze({ start: `${first.slice(0, 4)}-01-01`, end: `${last.slice(0, 4)}-12-31` });
}
