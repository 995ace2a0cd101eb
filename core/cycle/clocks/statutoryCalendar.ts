import { makeCalendar, type WorkingCalendar } from '../../calendar/index.js';

const cache = new WeakMap<WorkingCalendar, WorkingCalendar>();

/**
 * The calendar statutory periods are counted on: the same bank holidays and coverage, without
 * the LA's term closures. A warning notice's "working days" are weekdays other than bank
 * holidays; a school's Christmas fortnight does not stop the clock, so a team's term calendar
 * (WAYMARK_TERMS) must not move these deadlines.
 *
 * @example
 * const withTerms = makeCalendar({ closures: [{ start: '2026-12-21', end: '2027-01-01' }] });
 * isWorkingDay('2026-12-22', statutoryCalendar(withTerms)) //=> true
 */
export function statutoryCalendar(calendar: WorkingCalendar): WorkingCalendar {
  if (calendar.closures.length === 0) return calendar;
  const known = cache.get(calendar);
  if (known) return known;
  const made = makeCalendar({ bankHolidays: calendar.bankHolidays, coverage: calendar.coverage });
  cache.set(calendar, made);
  return made;
}
