/**
 * Working days for England: which days heads can be chased on, and when "N working days
 * before a meeting" falls.
 *
 * A day is an ISO 'yyyy-MM-dd' string meaning a day in Europe/London. Keeping days as strings
 * (not Dates) means no machine time zone or DST switch can move one; `londonDay`,
 * `londonDateTime` and `londonTime` convert to and from instants. Everything here is pure:
 * pass "now" in as a Date.
 */
export type { Closure, WorkingCalendar, WorkingCalendarOptions } from './types.js';
export { isDay } from './_lib/day.js';
export {
  BANK_HOLIDAYS_COVERAGE,
  BANK_HOLIDAYS_SOURCE,
  type BankHoliday,
  englandAndWalesBankHolidays,
} from './englandAndWalesBankHolidays/index.js';
export { makeCalendar } from './makeCalendar/index.js';
export { type CalendarFile, calendarFileSchema, daySchema } from './calendarFileSchema/index.js';
export { parseCalendarFile } from './parseCalendarFile/index.js';
export { calendarOptionsFromFile } from './calendarOptionsFromFile/index.js';
export { isWorkingDay } from './isWorkingDay/index.js';
export { addWorkingDays } from './addWorkingDays/index.js';
export { subWorkingDays } from './subWorkingDays/index.js';
export { workingDaysBetween } from './workingDaysBetween/index.js';
export { nextWorkingDay } from './nextWorkingDay/index.js';
export { previousWorkingDay } from './previousWorkingDay/index.js';
export { londonDay } from './londonDay/index.js';
export { londonDateTime } from './londonDateTime/index.js';
export { londonTime } from './londonTime/index.js';
