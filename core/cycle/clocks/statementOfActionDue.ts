import { addWorkingDays, isDay, type WorkingCalendar } from '../../calendar/index.js';
import { fail, ok, type Result } from '../../result.js';
import { statutoryCalendar } from './statutoryCalendar.js';
import { CLOCK_SOURCES } from './sources.js';
import type { ClockDate } from './types.js';
import { dayWords } from './words.js';

/**
 * When the LA's statement of action is due after an inadequate inspection report: within ten
 * working days of the report's publication (Tri-borough seed 003, 5.28; DOMAIN.md).
 *
 * @example
 * const calendar = makeCalendar();
 * // Published Wed 24 Mar 2027: Good Friday (26 Mar) and Easter Monday (29 Mar) do not count.
 * const due = statementOfActionDue('2027-03-24', calendar);
 * due.ok && due.value.day //=> '2027-04-09'
 */
export function statementOfActionDue(reportPublishedOn: string, calendar: WorkingCalendar): Result<ClockDate, string> {
  if (!isDay(reportPublishedOn)) return fail(`the report's publication date "${reportPublishedOn}" is not a date (expected yyyy-MM-dd)`);
  try {
    return ok({
      id: 'statementOfAction',
      day: addWorkingDays(reportPublishedOn, 10, statutoryCalendar(calendar)),
      label: "the LA's statement of action due with the DfE and Ofsted",
      rule: `within 10 working days of the inspection report's publication (${dayWords(reportPublishedOn)})`,
      seed: CLOCK_SOURCES.statementOfAction.seed,
      quote: CLOCK_SOURCES.statementOfAction.text,
    });
  } catch (e) {
    if (e instanceof RangeError) return fail(`the working-day calendar cannot count these days: ${e.message}`);
    throw e;
  }
}
