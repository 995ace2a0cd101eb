import { assertCovered, isWorkingDayNumber, prepare } from '../_lib/calendarIndex.js';
import { toDayNumber } from '../_lib/day.js';
import type { WorkingCalendar } from '../types.js';

/**
 * The number of working days after `from` up to and including `to`; negative (the count
 * after `to` up to and including `from`, negated) when `to` is before `from`.
 *
 * So `workingDaysBetween(a, b) === -workingDaysBetween(b, a)`, and when `from` and `to` are
 * both working days, `addWorkingDays(from, workingDaysBetween(from, to, cal), cal)` is `to`.
 * (From a non-working `from`, that round trip only holds going forward: back from Saturday,
 * Friday is 0 working days away by this count but 1 by `addWorkingDays`, which never counts
 * its start day.)
 *
 * @throws RangeError if either day is malformed or outside `calendar.coverage`
 * @throws TypeError if `calendar` was not made by `makeCalendar`
 *
 * @example
 * const calendar = makeCalendar();
 * workingDaysBetween('2026-04-02', '2026-04-07', calendar) //=> 1 (only Tue 7 Apr)
 * workingDaysBetween('2026-04-07', '2026-04-02', calendar) //=> -1
 * workingDaysBetween('2026-04-07', '2026-04-07', calendar) //=> 0
 */
export function workingDaysBetween(from: string, to: string, calendar: WorkingCalendar): number {
  const { index, dayNumber: start } = prepare(from, calendar, 'from');
  const end = toDayNumber(to, 'to');
  // Check both ends up front so the answer never depends on which end is out of range.
  assertCovered(index, start);
  assertCovered(index, end);
  const [low, high, sign] = start <= end ? [start, end, 1] : [end, start, -1];
  let count = 0;
  for (let dayNumber = low + 1; dayNumber <= high; dayNumber++) {
    if (isWorkingDayNumber(index, dayNumber)) count++;
  }
  // `count * sign` would give -0 for an empty reversed range.
  return count === 0 ? 0 : count * sign;
}
