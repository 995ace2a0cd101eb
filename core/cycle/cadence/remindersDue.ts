import { isWorkingDay, subWorkingDays, type WorkingCalendar } from '../../calendar/index.js';
import type { CadenceRule } from './data.js';
import { lastWorkingDayOf, schoolYearOf } from './periods.js';
import type { Period } from './schoolTerms.js';
import { REVIEW_POINTS, VISIT_CADENCE } from './data.js';
import { reviewsDue, visitsDue, type DueList } from './visitsDue.js';


/** One reminder to give a school's officer today. */
export interface CadenceReminder {
  /** Unique per school, kind, period and moment: the outbox key, so it is sent once. */
  readonly key: string;
  readonly kind: 'visit' | 'review';
  /** 'start': the period has begun and nothing is recorded; 'closing': it ends soon and still nothing. */
  readonly when: 'start' | 'closing';
  readonly period: Period;
  /** The period's last working day: the visit or review is due by then. */
  readonly by: string;
  readonly rule: CadenceRule;
}

export interface ReminderSchool {
  readonly urn: string;
  /** The category that stands (the officer's, else Waymark's suggestion). */
  readonly categoryCode?: string | undefined;
  /** Days visits were held, and days the category was reviewed. */
  readonly visits: readonly string[];
  readonly reviews: readonly string[];
}

export interface ReminderOptions {
  /** 'yyyy-MM-dd', London. */
  readonly today: string;
  /** The LA's calendar, with its term holidays. */
  readonly calendar: WorkingCalendar;
  /** The closing reminder goes this many working days before the period's last working day. */
  readonly closingDays: number;
}

function forList(kind: 'visit' | 'review', urn: string, list: DueList, o: ReminderOptions): CadenceReminder[] {
  const current = list.items.find((i) => i.status === 'due');
  if (!current) return [];
  const by = lastWorkingDayOf(current.period, o.calendar);
  if (o.today > by) return [];
  const closing = subWorkingDays(by, o.closingDays, o.calendar);
  const when = o.today >= closing ? 'closing' : 'start';
  return [{ key: `cadence:${kind}:${urn}:${current.period.start}:${when}`, kind, when, period: current.period, by, rule: list.rule }];
}

/**
 * The visit and review reminders a school's officer should have by `today`: one when its
 * current period has begun with nothing recorded, another `closingDays` working days before the
 * period's last working day if still nothing is recorded. None on a day that is not a working
 * day (weekends, bank holidays, the LA's term holidays), none once a visit or review is
 * recorded in the period. Planning again on a later day of the same stretch gives the same
 * key, so a reminder missed while the bot was down is given late, never twice.
 *
 * @example
 * // Cambridgeshire, High support (monthly), nothing recorded in January 2027; the LA's
 * // Christmas holiday ends Fri 1 Jan, so Mon 4 Jan is the month's first working day.
 * remindersDueToday('cambridgeshire', { urn: '101234', categoryCode: 'High', visits: [], reviews: [] },
 *   { today: '2027-01-04', calendar, closingDays: 5 }).map((r) => r.key)
 * //=> ['cadence:visit:101234:2027-01-01:start', 'cadence:review:101234:2027-01-04:start']
 */
export function remindersDueToday(frameworkId: string, school: ReminderSchool, o: ReminderOptions): CadenceReminder[] {
  if (!isWorkingDay(o.today, o.calendar)) return [];
  const input = { startYear: schoolYearOf(o.today), today: o.today, calendar: o.calendar };
  const out: CadenceReminder[] = [];
  if (school.categoryCode !== undefined && VISIT_CADENCE[frameworkId]?.[school.categoryCode]) {
    const visits = visitsDue(frameworkId, school.categoryCode, { ...input, held: school.visits });
    if (visits.ok) out.push(...forList('visit', school.urn, visits.value, o));
  }
  if (REVIEW_POINTS[frameworkId]) {
    const reviews = reviewsDue(frameworkId, { ...input, held: school.reviews });
    if (reviews.ok) out.push(...forList('review', school.urn, reviews.value, o));
  }
  return out;
}
