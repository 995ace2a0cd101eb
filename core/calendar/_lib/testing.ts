/**
 * Test helper: day of the week of an ISO day, worked out with the built-in Date in UTC,
 * independently of `_lib/day.ts`, so tests check weekdays by a second method.
 */
const NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
export function weekdayName(day: string): (typeof NAMES)[number] {
  const name = NAMES[new Date(`${day}T12:00:00Z`).getUTCDay()];
  if (name === undefined) throw new RangeError(`not a day: ${day}`);
  return name;
}
