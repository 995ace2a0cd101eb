import { inLondon } from '../_lib/london.js';

/**
 * The wall-clock time in London ('HH:mm', 24-hour) at an instant, whatever the machine's
 * time zone. Seconds are dropped, not rounded, so the time never reads as a later minute
 * than the clock shows.
 *
 * @throws RangeError for an Invalid Date
 *
 * @example
 * londonTime(new Date('2026-07-01T08:00:00Z')) //=> '09:00' (BST)
 * londonTime(new Date('2026-01-15T08:00:59Z')) //=> '08:00' (GMT)
 */
export function londonTime(instant: Date): string {
  const london = inLondon(instant);
  return `${String(london.getHours()).padStart(2, '0')}:${String(london.getMinutes()).padStart(2, '0')}`;
}
