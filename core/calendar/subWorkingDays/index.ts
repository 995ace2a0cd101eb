import { addWorkingDays } from '../addWorkingDays/index.js';
import type { WorkingCalendar } from '../types.js';

/**
 * The day `amount` working days before `day`: `addWorkingDays(day, -amount, calendar)`.
 * Typical use: the day to chase a head, N working days before a meeting.
 *
 * Same rules as `addWorkingDays`: the start day is not counted, a non-zero `amount` lands on
 * a working day, and `amount` 0 returns `day` unchanged.
 *
 * @throws RangeError if `day` is malformed, `amount` is not an integer, or the walk leaves
 *   `calendar.coverage`
 *
 * @example
 * const calendar = makeCalendar();
 * subWorkingDays('2026-04-07', 5, calendar) //=> '2026-03-27' (skips Easter Monday and Good Friday)
 */
export function subWorkingDays(day: string, amount: number, calendar: WorkingCalendar): string {
  // `0 - amount` rather than `-amount` so that 0 stays 0 rather than becoming -0.
  return addWorkingDays(day, 0 - amount, calendar);
}
