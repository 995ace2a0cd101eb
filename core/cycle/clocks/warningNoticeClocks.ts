import { addWorkingDays, isDay, isWorkingDay, type WorkingCalendar } from '../../calendar/index.js';
import { fail, ok, type Result } from '../../result.js';
import { statutoryCalendar } from './statutoryCalendar.js';
import { CLOCK_SOURCES, type ClockId } from './sources.js';
import type { ClockDate, WarningNoticeClocks, WarningNoticeInput } from './types.js';
import { dayWords } from './words.js';

const clock = (id: ClockId, day: string, label: string, rule: string, expected = false): ClockDate => ({
  id,
  day,
  label,
  rule,
  seed: CLOCK_SOURCES[id].seed,
  quote: CLOCK_SOURCES[id].text,
  ...(expected ? { expected: true } : {}),
});

/**
 * The last day of a period of `n` working days "beginning with" `day`: `day` counts as the
 * first when it is a working day (5.12's wording), unlike "n working days following" (5.8),
 * which starts counting the day after.
 */
function lastOfPeriodBeginningWith(day: string, n: number, calendar: WorkingCalendar): string {
  return isWorkingDay(day, calendar) ? addWorkingDays(day, n - 1, calendar) : addWorkingDays(day, n, calendar);
}

/**
 * The statutory clocks of a warning notice (Tri-borough seed 003, 5.8–5.16), on working days
 * (weekends and `calendar`'s bank holidays do not count; its term closures are ignored, see
 * `statutoryCalendar`: a school holiday does not stop a statutory period).
 *
 * - compliance deadline: 15 working days following the day the notice is given (5.8);
 * - representations to Ofsted: within 15 working days of receipt (5.11);
 * - Ofsted's decision: usually within 10 working days after it receives representations (5.12);
 * - earliest intervention: the working day after the 15 working days beginning with the day
 *   Ofsted confirms (5.12); with no confirmation known, the working day after the compliance
 *   period, if the LA concludes the school has not complied (5.16).
 *
 * Returns an error (never throws) for a malformed day, a day before the notice, or a day the
 * calendar does not cover.
 *
 * @example
 * const calendar = makeCalendar();
 * const c = warningNoticeClocks({ issuedOn: '2026-12-14' }, calendar);
 * // 15 working days following Mon 14 Dec 2026, skipping 25 and 28 Dec and 1 Jan:
 * c.ok && c.value.complianceDeadline.day //=> '2027-01-07'
 */
export function warningNoticeClocks(input: WarningNoticeInput, calendar: WorkingCalendar): Result<WarningNoticeClocks, string> {
  const named: [string, string | undefined][] = [
    ['the day the notice was issued', input.issuedOn],
    ['the day it was received', input.receivedOn],
    ['the day Ofsted received representations', input.representationsReceivedOn],
    ['the day Ofsted confirmed the notice', input.ofstedConfirmedOn],
  ];
  for (const [what, day] of named) {
    if (day !== undefined && !isDay(day)) return fail(`${what} "${day}" is not a date (expected yyyy-MM-dd)`);
  }
  for (const [what, day] of named.slice(1)) {
    if (day !== undefined && day < input.issuedOn) return fail(`${what} (${dayWords(day)}) is before the notice was issued (${dayWords(input.issuedOn)})`);
  }
  if (input.ofstedConfirmedOn && input.representationsReceivedOn && input.ofstedConfirmedOn < input.representationsReceivedOn) {
    return fail(`Ofsted cannot confirm the notice (${dayWords(input.ofstedConfirmedOn)}) before it received the representations (${dayWords(input.representationsReceivedOn)})`);
  }
  const cal = statutoryCalendar(calendar);
  try {
    const issued = input.issuedOn;
    const received = input.receivedOn ?? issued;
    const complianceDeadline = clock(
      'compliance',
      addWorkingDays(issued, 15, cal),
      'last day of the compliance period: the governing body addresses the concerns or makes representations to Ofsted',
      `15 working days following ${dayWords(issued)}, the day the notice was given`,
    );
    const representationsDeadline = clock(
      'representations',
      addWorkingDays(received, 15, cal),
      'last day for the governing body to make written representations to Ofsted',
      `within 15 working days of receipt (${dayWords(received)})`,
    );
    const reps = input.representationsReceivedOn;
    const ofstedDecisionExpected = reps
      ? clock('ofstedDecision', addWorkingDays(reps, 10, cal), "Ofsted's decision on the representations expected", `usually within 10 working days after Ofsted received them (${dayWords(reps)})`, true)
      : undefined;
    const confirmed = input.ofstedConfirmedOn;
    const earliestIntervention = confirmed
      ? clock(
          'interventionAfterConfirmation',
          addWorkingDays(lastOfPeriodBeginningWith(confirmed, 15, cal), 1, cal),
          'earliest day the school is eligible for intervention',
          `after the 15 working days beginning with ${dayWords(confirmed)}, when Ofsted confirmed the notice (the last of them is ${dayWords(lastOfPeriodBeginningWith(confirmed, 15, cal))})`,
        )
      : clock(
          'interventionAfterNonCompliance',
          addWorkingDays(complianceDeadline.day, 1, cal),
          'earliest day the school is eligible for intervention, if the LA concludes it has not complied',
          `the working day after the compliance period ends (${dayWords(complianceDeadline.day)})`,
        );
    const dates = [complianceDeadline, representationsDeadline, ...(ofstedDecisionExpected ? [ofstedDecisionExpected] : []), earliestIntervention].sort((a, b) =>
      a.day < b.day ? -1 : a.day > b.day ? 1 : 0,
    );
    return ok({ issuedOn: issued, dates, complianceDeadline, representationsDeadline, ...(ofstedDecisionExpected ? { ofstedDecisionExpected } : {}), earliestIntervention });
  } catch (e) {
    if (e instanceof RangeError) return fail(`the working-day calendar cannot count these days: ${e.message}`);
    throw e;
  }
}
