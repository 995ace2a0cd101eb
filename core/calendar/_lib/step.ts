import { type CalendarIndex, isWorkingDayNumber } from './calendarIndex.js';

/**
 * Moves `count` working days from `dayNumber` in direction `step` (+1 or -1), not counting
 * the start day. Terminates because closures are finite and weekdays recur, and
 * `isWorkingDayNumber` throws on leaving the calendar's coverage.
 */
export function stepWorkingDays(index: CalendarIndex, dayNumber: number, count: number, step: 1 | -1): number {
  let current = dayNumber;
  let remaining = count;
  while (remaining > 0) {
    current += step;
    if (isWorkingDayNumber(index, current)) remaining--;
  }
  return current;
}

/** Moves from `dayNumber` (inclusive) in direction `step` to the first working day. */
export function seekWorkingDay(index: CalendarIndex, dayNumber: number, step: 1 | -1): number {
  let current = dayNumber;
  while (!isWorkingDayNumber(index, current)) current += step;
  return current;
}
