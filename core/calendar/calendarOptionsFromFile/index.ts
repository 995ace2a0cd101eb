import type { CalendarFile } from '../calendarFileSchema/index.js';
import type { WorkingCalendarOptions } from '../types.js';

/**
 * Turns a validated calendar file into `makeCalendar` options. A file without
 * `bankHolidays` keeps the built-in England and Wales list; one with it replaces the list.
 *
 * @example
 * const file = parseCalendarFile(JSON.parse(text));
 * if (file.ok) {
 *   const calendar = makeCalendar(calendarOptionsFromFile(file.value));
 * }
 */
export function calendarOptionsFromFile(file: CalendarFile): WorkingCalendarOptions {
  return {
    // Leave the key out, rather than set it to undefined, when the file has none: the
    // difference is the difference between "default list" and an explicit choice.
    ...(file.bankHolidays && { bankHolidays: file.bankHolidays.map((holiday) => holiday.date) }),
    closures: (file.termHolidays ?? []).map(({ name, start, end }) =>
      name === undefined ? { start, end } : { start, end, name },
    ),
  };
}
