import { prepare } from '../_lib/calendarIndex.js';
import { fromDayNumber } from '../_lib/day.js';
import { seekWorkingDay } from '../_lib/step.js';
import type { WorkingCalendar } from '../types.js';

/**
 * `day` itself if it is a working day, else the last working day before it.
 *
 * @throws RangeError if `day` is malformed or the search leaves `calendar.coverage`
 * @throws TypeError if `calendar` was not made by `makeCalendar`
 *
 * @example
 * const calendar = makeCalendar();
 * previousWorkingDay('2026-04-06', calendar) //=> '2026-04-02' (before Easter Monday, the weekend, Good Friday)
 * previousWorkingDay('2026-04-07', calendar) //=> '2026-04-07'
 */
export function previousWorkingDay(day: string, calendar: WorkingCalendar): string {
  const { index, dayNumber } = prepare(day, calendar);
  return fromDayNumber(seekWorkingDay(index, dayNumber, -1));
}
