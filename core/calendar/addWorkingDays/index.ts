import { prepare } from '../_lib/calendarIndex.js';
import { fromDayNumber } from '../_lib/day.js';
import { stepWorkingDays } from '../_lib/step.js';
import type { WorkingCalendar } from '../types.js';

/**
 * The day `amount` working days after `day` (before it when `amount` is negative).
 *
 * The start day is not counted, whether or not it is a working day, and a non-zero `amount`
 * always lands on a working day: 1 working day after Friday 24 Dec 2027 is Wednesday 29 Dec.
 *
 * `amount` 0 returns `day` unchanged, even if it is not a working day (use `nextWorkingDay`
 * or `previousWorkingDay` to move onto one). The calendar is not consulted then.
 *
 * @param day - 'yyyy-MM-dd'
 * @param amount - a whole number of working days, may be negative
 * @throws RangeError if `day` is malformed, `amount` is not an integer, or the walk leaves
 *   `calendar.coverage`
 * @throws TypeError if `calendar` was not made by `makeCalendar`
 *
 * @example
 * const calendar = makeCalendar();
 * addWorkingDays('2026-04-02', 1, calendar)  //=> '2026-04-07' (skips Good Friday, the weekend, Easter Monday)
 * addWorkingDays('2027-01-04', -10, calendar) //=> '2026-12-16'
 */
export function addWorkingDays(day: string, amount: number, calendar: WorkingCalendar): string {
  const { index, dayNumber } = prepare(day, calendar);
  if (!Number.isSafeInteger(amount)) {
    throw new RangeError(`amount must be a whole number of working days, got ${amount}`);
  }
  if (amount === 0) return day;
  return fromDayNumber(stepWorkingDays(index, dayNumber, Math.abs(amount), amount > 0 ? 1 : -1));
}
