import { formatDayParts } from '../_lib/day.js';
import { inLondon } from '../_lib/london.js';

/**
 * The calendar day in London ('yyyy-MM-dd') at an instant, whatever the machine's time zone.
 * Use it to turn "now" (from a clock the caller passes in) into a day for the calendar
 * functions.
 *
 * @throws RangeError for an Invalid Date
 *
 * @example
 * londonDay(new Date('2026-03-29T23:30:00Z')) //=> '2026-03-30' (00:30 BST)
 * londonDay(new Date('2026-01-15T23:30:00Z')) //=> '2026-01-15' (23:30 GMT)
 */
export function londonDay(instant: Date): string {
  const london = inLondon(instant);
  return formatDayParts(london.getFullYear(), london.getMonth() + 1, london.getDate());
}
