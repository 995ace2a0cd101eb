import type { WorkingCalendar } from '../types.js';
import { fromDayNumber, isWeekendDayNumber, toDayNumber } from './day.js';

/**
 * The fast lookup behind a calendar: the day numbers of every bank holiday and closure day,
 * plus the coverage bounds as day numbers.
 *
 * It lives in a WeakMap rather than on the calendar because a Set cannot be frozen
 * (`Object.freeze(set)` still allows `set.add`), and the calendar must be immutable.
 */
export interface CalendarIndex {
  readonly closedDays: ReadonlySet<number>;
  readonly first: number;
  readonly last: number;
}

const indexes = new WeakMap<WorkingCalendar, CalendarIndex>();

export function registerIndex(calendar: WorkingCalendar, index: CalendarIndex): void {
  indexes.set(calendar, index);
}

export function indexOf(calendar: WorkingCalendar): CalendarIndex {
  const index = indexes.get(calendar);
  if (!index) {
    throw new TypeError('calendar must be an object returned by makeCalendar (copies are not accepted)');
  }
  return index;
}

/** Throws if a day number is outside the calendar's coverage. */
export function assertCovered(index: CalendarIndex, dayNumber: number): void {
  if (dayNumber < index.first || dayNumber > index.last) {
    throw new RangeError(
      `${fromDayNumber(dayNumber)} is outside the calendar's coverage ` +
        `${fromDayNumber(index.first)} to ${fromDayNumber(index.last)}: its bank holidays are ` +
        'not known. Supply bankHolidays for that year (e.g. in the calendar file) or set coverage.',
    );
  }
}

/** Working-day test on a day number, after its coverage is checked. */
export function isWorkingDayNumber(index: CalendarIndex, dayNumber: number): boolean {
  assertCovered(index, dayNumber);
  return !isWeekendDayNumber(dayNumber) && !index.closedDays.has(dayNumber);
}

/** Parses the day and looks up the calendar's index in one step, validating both. */
export function prepare(day: string, calendar: WorkingCalendar, argumentName = 'day'): {
  index: CalendarIndex;
  dayNumber: number;
} {
  return { index: indexOf(calendar), dayNumber: toDayNumber(day, argumentName) };
}
