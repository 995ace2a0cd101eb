import { tzOffset } from '@date-fns/tz';
import { toDayNumber } from '../_lib/day.js';
import { LONDON } from '../_lib/london.js';

const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * The instant at which London's clocks show `time` on `day`, correct on both sides of the
 * BST switches, whatever the machine's time zone. Returns a plain `Date`.
 *
 * On the two switch days some wall-clock times are not one instant, and the choice is
 * deliberate (it is the `'compatible'` rule of Temporal and of iCalendar):
 * - a time that does not exist (01:00–01:59 on the spring-forward day, e.g. 2026-03-29) is
 *   read with the offset before the switch, so it lands an hour later on the clock:
 *   01:30 → 02:30 BST (01:30Z);
 * - a time that happens twice (01:00–01:59 on the fall-back day, e.g. 2026-10-25) gives the
 *   first occurrence, in BST: 01:30 → 00:30Z.
 *
 * @param day - 'yyyy-MM-dd'
 * @param time - 'HH:mm', 24-hour, 00:00–23:59
 * @throws RangeError if `day` or `time` is malformed
 *
 * @example
 * londonDateTime('2026-03-28', '09:00').toISOString() //=> '2026-03-28T09:00:00.000Z' (GMT)
 * londonDateTime('2026-03-30', '09:00').toISOString() //=> '2026-03-30T08:00:00.000Z' (BST)
 */
export function londonDateTime(day: string, time: string): Date {
  const match = TIME_PATTERN.exec(time);
  if (!match) throw new RangeError(`time must be HH:mm (00:00–23:59), got ${JSON.stringify(time)}`);
  const dayNumber = toDayNumber(day);

  // The wall-clock reading as if London were on UTC. The real instant is this minus London's
  // offset; the offset to use is one in force within a few hours either side (London switches
  // at most once a day), so try both and keep those that read back as the asked-for time.
  // (Arithmetic rather than Date.UTC, which would read years 0–99 as 1900–1999.)
  const wall = dayNumber * 24 * HOUR + Number(match[1]) * HOUR + Number(match[2]) * MINUTE;
  const offsetBefore = tzOffset(LONDON, new Date(wall - 12 * HOUR));
  const offsetAfter = tzOffset(LONDON, new Date(wall + 12 * HOUR));
  const matches = [...new Set([offsetBefore, offsetAfter])]
    .map((offset) => wall - offset * MINUTE)
    .filter((instant) => instant + tzOffset(LONDON, new Date(instant)) * MINUTE === wall)
    .sort((a, b) => a - b);

  // Two matches: the repeated hour, take the first. None: the skipped hour, use the offset
  // that applied before the switch so the time moves forward by the gap.
  return new Date(matches[0] ?? wall - offsetBefore * MINUTE);
}
