import { addWorkingDays, nextWorkingDay, previousWorkingDay, type WorkingCalendar } from '../../calendar/index.js';
import { fail, ok, type Result } from '../../result.js';

/** A stretch of the school year, both ends inclusive, 'yyyy-MM-dd'. */
export interface Period {
  readonly name: string;
  readonly start: string;
  readonly end: string;
}

export interface SchoolYear {
  readonly terms: readonly Period[];
  readonly halfTerms: readonly Period[];
  readonly months: readonly Period[];
}

const DAY = 86_400_000;
const days = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY) + 1;
const TERM_NAMES = ['Autumn', 'Spring', 'Summer'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * The terms, half terms and months of the school year starting in September of `startYear`,
 * from the LA's term holidays in `calendar` (WAYMARK_TERMS): half terms are the stretches of
 * school days between holidays; a holiday of 10 days or more (Christmas, Easter, summer) ends a
 * term, a shorter one (a half-term week) only a half term. Bank holidays split nothing.
 *
 * Fails when the calendar has no term holidays for that year: the terms cannot be guessed.
 *
 * @example
 * const calendar = makeCalendar({ closures: [
 *   { start: '2026-10-26', end: '2026-10-30' }, { start: '2026-12-21', end: '2027-01-01' },
 *   { start: '2027-02-15', end: '2027-02-19' }, { start: '2027-03-29', end: '2027-04-09' },
 *   { start: '2027-05-31', end: '2027-06-04' }, { start: '2027-07-22', end: '2027-08-31' }] });
 * schoolTerms(2026, calendar).value.terms[1] //=> { name: 'Spring 2027', start: '2027-01-04', end: '2027-03-25' } (Fri 26 Mar is Good Friday)
 */
export function schoolTerms(startYear: number, calendar: WorkingCalendar): Result<SchoolYear, string> {
  const first = `${startYear}-09-01`;
  const last = `${startYear + 1}-08-31`;
  const closures = calendar.closures.filter((c) => c.end >= first && c.start <= last);
  if (closures.length === 0) return fail(`no term holidays for ${startYear}/${String(startYear + 1).slice(2)} in the calendar: give the LA's term dates (WAYMARK_TERMS) to count terms and half terms`);
  try {
    const halfTerms: { start: string; end: string; endsTerm: boolean }[] = [];
    let start = nextWorkingDay(first, calendar);
    for (const c of [...closures, { start: `${startYear + 1}-09-01`, end: `${startYear + 1}-09-01` }]) {
      if (c.start <= start) {
        if (c.end >= start) start = addWorkingDays(c.end, 1, calendar);
        continue;
      }
      const end = previousWorkingDay(c.start, calendar);
      if (end >= start && end <= last) halfTerms.push({ start, end, endsTerm: days(c.start, c.end) >= 10 || c.start > last });
      start = addWorkingDays(c.end, 1, calendar);
      if (start > last) break;
    }
    const terms: Period[] = [];
    let termStart: string | undefined;
    for (const h of halfTerms) {
      termStart ??= h.start;
      if (h.endsTerm) {
        const year = Number(termStart.slice(0, 4));
        terms.push({ name: `${TERM_NAMES[terms.length] ?? `Term ${terms.length + 1}`} ${year}`, start: termStart, end: h.end });
        termStart = undefined;
      }
    }
    const named = halfTerms.map((h, i) => ({ name: `Half term ${i + 1} (${h.start} to ${h.end})`, start: h.start, end: h.end }));
    const months: Period[] = [];
    for (let m = 0; m < 11; m++) {
      const y = m < 4 ? startYear : startYear + 1;
      const month = ((8 + m) % 12) + 1;
      const mStart = `${y}-${String(month).padStart(2, '0')}-01`;
      const mEnd = new Date(Date.UTC(y, month, 0)).toISOString().slice(0, 10);
      // Only months with school days in them (not a month that is all holiday).
      if (halfTerms.some((h) => h.start <= mEnd && h.end >= mStart)) months.push({ name: `${MONTHS[month - 1]} ${y}`, start: mStart, end: mEnd });
    }
    return ok({ terms, halfTerms: named, months });
  } catch (e) {
    if (e instanceof RangeError) return fail(`the working-day calendar cannot count ${startYear}/${startYear + 1}: ${e.message}`);
    throw e;
  }
}

