/**
 * "my visits this half term": the visits and category reviews a list of schools is due,
 * overdue and done, with the seed sentence behind each frequency, as text and a card; and
 * the words of the officer's reminders. Pure.
 */
import { format, parseISO } from 'date-fns';
import type { WorkingCalendar } from '../calendar/index.js';
import { dayWords, lastWorkingDayOf, type CadenceReminder, type CadenceRule, type DueItem, type DueList, type Period } from '../cycle/index.js';
import type { Result } from '../result.js';
import { textCard, type AdaptiveCard } from './card.js';

export interface SchoolCadence {
  readonly name: string;
  readonly urn: string;
  /** The category that stands, if any. */
  readonly categoryCode?: string | undefined;
  /** Visits by the school's category: absent when it has no category. */
  readonly visits?: Result<DueList, string>;
  /** Reviews of its category: absent when the framework has no review points. */
  readonly reviews?: Result<DueList, string>;
}

export interface VisitsReplyInput {
  /** 'half term' or 'term', and the one meant (today's, or the next after a holiday). */
  readonly window: { readonly kind: 'half term' | 'term'; readonly period: Period };
  /** Whose schools these are, in a sentence ("Schools whose officer is A. Patel …"). */
  readonly whose: string;
  readonly schools: readonly SchoolCadence[];
  readonly calendar: WorkingCalendar;
}

const EVERY_WORDS: Record<CadenceRule['every'], string> = { month: 'monthly', 'half-term': 'half-termly', term: 'termly', year: 'yearly' };
const short = (day: string) => format(parseISO(day), 'EEE d MMM');

/**
 * A period in words: months and terms by name; a half term by its number and days.
 *
 * @example
 * periodWords({ name: 'Half term 2 (2026-11-02 to 2026-12-18)', start: '2026-11-02', end: '2026-12-18' })
 * //=> 'half term 2 (Mon 2 Nov to Fri 18 Dec 2026)'
 */
export function periodWords(period: Period): string {
  if (!period.name.startsWith('Half term')) return period.name;
  return `${period.name.split(' (')[0]?.toLowerCase() ?? 'half term'} (${short(period.start)} to ${dayWords(period.end)})`;
}

const schoolWords = (s: SchoolCadence) => `${s.name} (URN ${s.urn}${s.categoryCode ? `, ${s.categoryCode}` : ''})`;
const inWindow = (i: DueItem, w: Period) => i.period.start <= w.end && i.period.end >= w.start;

interface Lines {
  overdue: string[];
  due: string[];
  done: string[];
}

function collect(kind: 'visit' | 'review', s: SchoolCadence, list: DueList, input: VisitsReplyInput, into: Lines): void {
  const w = input.window.period;
  const what = kind === 'visit' ? `${EVERY_WORDS[list.rule.every]} visit` : `${EVERY_WORDS[list.rule.every]} category review`;
  const overdue = list.items.filter((i) => i.status === 'overdue');
  if (overdue.length > 0) into.overdue.push(`${schoolWords(s)}: no ${what} in ${overdue.map((i) => periodWords(i.period)).join(', ')}`);
  for (const i of list.items) {
    if (i.status === 'due') into.due.push(`${schoolWords(s)}: ${what} for ${periodWords(i.period)}, by ${dayWords(lastWorkingDayOf(i.period, input.calendar))}`);
    else if (i.status === 'upcoming' && i.period.start <= w.end) into.due.push(`${schoolWords(s)}: ${what} for ${periodWords(i.period)} (from ${dayWords(i.period.start)})`);
    else if (i.status === 'done' && inWindow(i, w)) into.done.push(`${schoolWords(s)}: ${kind === 'visit' ? 'visited' : 'reviewed'} ${i.held.map(dayWords).join(', ')} (${periodWords(i.period)})`);
  }
}

/**
 * The reply to "my visits this half term": overdue first, then due (this period, and later
 * periods starting in the window), then done, each visit and review by school; why each
 * frequency (the seed's sentence); and what was not counted (no category, no frequency).
 *
 * @example
 * visitsReply({ window: { kind: 'half term', period }, whose: 'Schools whose officer is A. Patel.', schools, calendar }).text
 * //=> 'Visits and reviews this half term (Mon 4 Jan to Fri 12 Feb 2027)\nSchools whose officer is A. Patel.\n\nOverdue:\n- …'
 */
export function visitsReply(input: VisitsReplyInput): { text: string; card: AdaptiveCard } {
  const lines: Lines = { overdue: [], due: [], done: [] };
  const rules = new Map<string, CadenceRule>();
  // One line per reason (a framework without visit frequencies is said once, not per school).
  const notCounted = new Map<string, string[]>();
  for (const s of input.schools) {
    if (s.visits?.ok) {
      collect('visit', s, s.visits.value, input, lines);
      rules.set(s.visits.value.rule.quote, s.visits.value.rule);
    } else {
      const why = s.visits ? s.visits.error : 'no category in the workbook';
      notCounted.set(why, [...(notCounted.get(why) ?? []), schoolWords(s)]);
    }
    if (s.reviews?.ok) {
      collect('review', s, s.reviews.value, input, lines);
      rules.set(s.reviews.value.rule.quote, s.reviews.value.rule);
    }
  }
  const p = input.window.period;
  const title = `Visits and reviews this ${input.window.kind} (${short(p.start)} to ${dayWords(p.end)})`;
  const section = (head: string, list: string[]) => (list.length > 0 ? [`${head}\n${list.map((l) => `- ${l}`).join('\n')}`] : []);
  const paragraphs = [
    input.whose,
    ...section('Overdue:', lines.overdue),
    ...section('Due:', lines.due),
    ...section('Done:', lines.done),
    ...(lines.overdue.length + lines.due.length === 0 && input.schools.length > 0 ? ['Nothing is due or overdue.'] : []),
    ...section('No visits counted:', [...notCounted].map(([why, names]) => `${why}: ${names.length <= 5 ? names.join('; ') : `${names.length} schools`}`)),
    ...section('Why:', [...rules.values()].map((r) => `${EVERY_WORDS[r.every]}: "${r.quote}" [${r.seed}]`)),
    'Counted from the visits and reviews recorded with Waymark ("visited Oakfield today", "reviewed Oakfield\'s category today") and, for reviews, changes of the officer\'s category in the workbook.',
  ];
  const text = [title, ...paragraphs].join('\n\n');
  return { text, card: textCard({ title, paragraphs, fallbackText: text }) };
}

/**
 * The words of a reminder to the school's officer.
 *
 * @example
 * reminderText('Oakfield Primary School', '101234', reminder).text
 * //=> 'Oakfield Primary School (URN 101234) is due its monthly visit for January 2027, by Fri 29 Jan 2027. …'
 */
export function reminderText(schoolName: string, urn: string, r: CadenceReminder): { subject: string; text: string } {
  const what = r.kind === 'visit' ? `${EVERY_WORDS[r.rule.every]} visit` : `${EVERY_WORDS[r.rule.every]} category review`;
  const lead = r.when === 'closing' ? `Still to do: ${schoolName} (URN ${urn}) has had no ${what} for ${periodWords(r.period)}; it is due by ${dayWords(r.by)}.` : `${schoolName} (URN ${urn}) is due its ${what} for ${periodWords(r.period)}, by ${dayWords(r.by)}.`;
  const say = r.kind === 'visit' ? `visited ${schoolName} today` : `reviewed ${schoolName}'s category today`;
  return {
    subject: `${r.kind === 'visit' ? 'Visit' : 'Category review'} due: ${schoolName}`,
    text: `${lead} "${r.rule.quote}" [${r.rule.seed}] When it is done, tell me: "${say}".`,
  };
}
