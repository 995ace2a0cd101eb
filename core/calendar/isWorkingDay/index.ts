import { isWorkingDayNumber, prepare } from '../_lib/calendarIndex.js';
import type { WorkingCalendar } from '../types.js';

/**
 * Whether `day` is a working day: Monday to Friday, not a bank holiday, not in a closure.
 *
 * @param day - 'yyyy-MM-dd', a day in Europe/London (see `londonDay` for an instant's day)
 * @throws RangeError if `day` is malformed or outside `calendar.coverage`
 * @throws TypeError if `calendar` was not made by `makeCalendar`
 *
 * @example
 * const calendar = makeCalendar();
 * isWorkingDay('2026-12-24', calendar) //=> true  (Thursday)
 * isWorkingDay('2026-12-28', calendar) //=> false (Boxing Day substitute)
 * isWorkingDay('2026-12-27', calendar) //=> false (Sunday)
 */
export function isWorkingDay(day: string, calendar: WorkingCalendar): boolean {
  const { index, dayNumber } = prepare(day, calendar);
  return isWorkingDayNumber(index, dayNumber);
}
