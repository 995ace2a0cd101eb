import type { WorkingCalendar } from '../../calendar/index.js';
import { fail, ok, type Result } from '../../result.js';
import { REVIEW_POINTS, VISIT_CADENCE, type CadenceRule, type Every } from './data.js';
import { schoolTerms, type Period } from './schoolTerms.js';

/** One period's visit (or review): done, due now, overdue, or still to come. */
export interface DueItem {
  readonly period: Period;
  readonly status: 'done' | 'due' | 'overdue' | 'upcoming';
  /** The days in the period when one was held. */
  readonly held: readonly string[];
}

export interface DueList {
  readonly rule: CadenceRule;
  readonly items: readonly DueItem[];
  /** Only the items needing action: due now and overdue. */
  readonly outstanding: readonly DueItem[];
}

export interface CadenceInput {
  /** The school year's first September, e.g. 2026 for 2026/27. */
  readonly startYear: number;
  /** 'yyyy-MM-dd' */
  readonly today: string;
  /** Days on which a visit (or review) was held. */
  readonly held: readonly string[];
  /** The LA's calendar, with its term holidays. */
  readonly calendar: WorkingCalendar;
}

function periodsFor(every: Every, input: CadenceInput): Result<readonly Period[], string> {
  if (every === 'year') return ok([{ name: `${input.startYear}/${String(input.startYear + 1).slice(2)}`, start: `${input.startYear}-09-01`, end: `${input.startYear + 1}-08-31` }]);
  const year = schoolTerms(input.startYear, input.calendar);
  if (!year.ok) return year;
  return ok(every === 'month' ? year.value.months : every === 'half-term' ? year.value.halfTerms : year.value.terms);
}

function dueList(rule: CadenceRule, input: CadenceInput): Result<DueList, string> {
  const periods = periodsFor(rule.every, input);
  if (!periods.ok) return periods;
  const items = periods.value.map((period): DueItem => {
    const held = input.held.filter((d) => d >= period.start && d <= period.end).sort();
    const status = held.length > 0 ? 'done' : input.today > period.end ? 'overdue' : input.today >= period.start ? 'due' : 'upcoming';
    return { period, status, held };
  });
  return ok({ rule, items, outstanding: items.filter((i) => i.status === 'due' || i.status === 'overdue') });
}

/**
 * The school improvement visits a school's category calls for this school year, period by
 * period (Cambridgeshire: monthly for High, half-termly for Medium, termly for Low support),
 * each done, due, overdue or upcoming given the visits held.
 *
 * @example
 * const list = visitsDue('cambridgeshire', 'Medium', { startYear: 2026, today: '2026-11-16', held: ['2026-09-22'], calendar });
 * list.ok && list.value.outstanding.map((i) => i.status) //=> ['due'] (the second half term)
 */
export function visitsDue(frameworkId: string, categoryCode: string, input: CadenceInput): Result<DueList, string> {
  const rule = VISIT_CADENCE[frameworkId]?.[categoryCode];
  if (!rule) {
    const known = Object.keys(VISIT_CADENCE[frameworkId] ?? {});
    return fail(known.length ? `the ${frameworkId} framework sets no visit frequency for category "${categoryCode}" (only ${known.join(', ')})` : `the ${frameworkId} framework's seed sets no visit frequency`);
  }
  return dueList(rule, input);
}

/**
 * The category reviews the framework's seed calls for this school year (Reading: on three
 * occasions each year, one a term; Cambridgeshire: direction of travel at least termly).
 *
 * @example
 * const list = reviewsDue('reading', { startYear: 2026, today: '2027-05-10', held: ['2026-10-05'], calendar });
 * list.ok && list.value.outstanding.map((i) => [i.period.name, i.status])
 * //=> [['Spring 2027', 'overdue'], ['Summer 2027', 'due']]
 */
export function reviewsDue(frameworkId: string, input: CadenceInput): Result<DueList, string> {
  const rule = REVIEW_POINTS[frameworkId];
  if (!rule) return fail(`the ${frameworkId} framework's seed sets no review points`);
  return dueList(rule, input);
}
