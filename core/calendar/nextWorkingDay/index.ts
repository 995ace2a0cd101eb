import { prepare } from '../_lib/calendarIndex.js';
import { fromDayNumber } from '../_lib/day.js';
import { seekWorkingDay } from '../_lib/step.js';
import type { WorkingCalendar } from '../types.js';

/**
 * `day` itself if it is a working day, else the first working day after it.
 *
 * @throws RangeError if `day` is malformed or the search leaves `calendar.coverage`
 * @throws TypeError if `calendar` was not made by `makeCalendar`
 *
 * @example
 * const calendar = makeCalendar();
 * nextWorkingDay('2026-12-24', calendar) //=> '2026-12-24' (Thursday, working)
 * nextWorkingDay('2026-12-25', calendar) //=> '2026-12-29' (past Christmas, the weekend, the Boxing Day substitute)
 */
export function nextWorkingDay(day: string, calendar: WorkingCalendar): string {
  const { index, dayNumber } = prepare(day, calendar);
  return fromDayNumber(seekWorkingDay(index, dayNumber, 1));
}
