import { previousWorkingDay, type WorkingCalendar } from '../../calendar/index.js';
import { fail, ok, type Result } from '../../result.js';
import { schoolTerms, type Period } from './schoolTerms.js';

/**
 * The school year a London day falls in: its first September.
 *
 * @example
 * schoolYearOf('2027-01-04') //=> 2026
 */
export const schoolYearOf = (day: string): number => Number(day.slice(0, 4)) - (Number(day.slice(5, 7)) < 9 ? 1 : 0);

/**
 * The last working day of a period (a month may end on a weekend or in a holiday).
 *
 * @example
 * lastWorkingDayOf({ name: 'December 2026', start: '2026-12-01', end: '2026-12-31' }, calendar) //=> '2026-12-18' (Christmas holiday from 21 Dec)
 */
export const lastWorkingDayOf = (period: Period, calendar: WorkingCalendar): string => previousWorkingDay(period.end, calendar);

/**
 * The half term or term `today` is in, else (in a holiday) the next one: what "this half term"
 * means to an officer. Fails without the LA's term dates.
 *
 * @example
 * periodAround('half-term', '2026-12-22', calendar) //=> ok({ name: 'Half term 3 (…)', start: '2027-01-04', end: '2027-02-12' }) (in the Christmas holiday: the next one)
 */
export function periodAround(kind: 'half-term' | 'term', today: string, calendar: WorkingCalendar): Result<Period, string> {
  const year = schoolYearOf(today);
  for (const y of [year, year + 1]) {
    const terms = schoolTerms(y, calendar);
    if (!terms.ok) return terms;
    const found = (kind === 'term' ? terms.value.terms : terms.value.halfTerms).find((p) => p.end >= today);
    if (found) return ok(found);
  }
  return fail(`no ${kind === 'term' ? 'term' : 'half term'} after ${today} in the LA's term dates (WAYMARK_TERMS)`);
}
