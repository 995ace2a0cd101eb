/**
 * A school's exit-criteria checklist: the framework's criteria with the officer's ticks. Pure:
 * the ticks come from the caller (the bot's store), dates are 'yyyy-MM-dd' London days.
 */
import { format, parseISO } from 'date-fns';
import { fail, ok, type Result } from '../../result.js';
import { EXIT_CRITERIA, type ExitCriteriaSet, type ExitCriterion } from './data.js';

/** The latest tick or untick of one criterion, as stored. */
export interface ExitTick {
  readonly number: number;
  readonly ticked: boolean;
  /** Who ticked or unticked it (a name, never an id). */
  readonly by: string;
  /** 'yyyy-MM-dd', the London day it was ticked or unticked. */
  readonly on: string;
}

export interface ExitChecklistItem extends ExitCriterion {
  readonly ticked: boolean;
  /** The last change, when there was one (an untick keeps who and when). */
  readonly last?: ExitTick;
}

export interface ExitChecklist {
  readonly set: ExitCriteriaSet;
  readonly items: readonly ExitChecklistItem[];
  readonly tickedCount: number;
}

/**
 * The exit criteria a school in `categoryCode` of framework `frameworkId` works towards, or why
 * there are none: the framework names none, or the school is not in intervention.
 *
 * @example
 * exitCriteriaFor('reading', 'R').ok //=> true
 * exitCriteriaFor('reading', 'G') //=> { ok: false, error: 'exit criteria are for RAP schools (category R or C) …' }
 * exitCriteriaFor('camden', 'universal') //=> { ok: false, error: 'the camden framework has no exit criteria …' }
 */
export function exitCriteriaFor(frameworkId: string, categoryCode: string | undefined): Result<ExitCriteriaSet, string> {
  const set = EXIT_CRITERIA[frameworkId];
  if (!set) {
    const which = Object.keys(EXIT_CRITERIA).join(', ');
    return fail(`the ${frameworkId} framework has no exit criteria: its seed names none (exit criteria come from the seeds of: ${which})`);
  }
  if (categoryCode === undefined || !set.forCategories.includes(categoryCode)) {
    return fail(
      `exit criteria are for ${set.schoolsWord} (category ${set.forCategories.join(' or ')}), and this school is ${categoryCode === undefined ? 'in no category' : `in category ${categoryCode}`}`,
    );
  }
  return ok(set);
}

/**
 * The checklist: each criterion ticked or not by its latest tick (a later untick wins).
 *
 * @example
 * const c = exitChecklist(EXIT_CRITERIA.reading!, [{ number: 3, ticked: true, by: 'A. Patel', on: '2027-01-11' }]);
 * c.tickedCount //=> 1
 * c.items[2]?.ticked //=> true
 */
export function exitChecklist(set: ExitCriteriaSet, ticks: readonly ExitTick[]): ExitChecklist {
  const latest = new Map<number, ExitTick>();
  for (const t of ticks) {
    const seen = latest.get(t.number);
    if (!seen || seen.on <= t.on) latest.set(t.number, t);
  }
  const items = set.criteria.map((c): ExitChecklistItem => {
    const last = latest.get(c.number);
    return { ...c, ticked: last?.ticked ?? false, ...(last ? { last } : {}) };
  });
  return { set, items, tickedCount: items.filter((i) => i.ticked).length };
}

const dayWords = (day: string): string => format(parseISO(day), 'd MMM yyyy');

/**
 * "ticked by A. Patel on 11 Jan 2027", "unticked by … on …", or "not ticked".
 *
 * @example
 * tickWords({ ...criterion, ticked: true, last: { number: 3, ticked: true, by: 'A. Patel', on: '2027-01-11' } })
 * //=> 'ticked by A. Patel on 11 Jan 2027'
 */
export function tickWords(item: ExitChecklistItem): string {
  if (!item.last) return 'not ticked';
  return `${item.ticked ? 'ticked' : 'unticked'} by ${item.last.by} on ${dayWords(item.last.on)}`;
}

/**
 * The checklist as plain lines, for an agenda or a chat reply: a heading with the count, then
 * each criterion "[x] 1. <the seed's words> (ticked by … on …)", then the seed.
 *
 * @example
 * exitChecklistLines(exitChecklist(EXIT_CRITERIA.reading!, []))[0]
 * //=> 'Exit criteria (0 of 5 met):'
 */
export function exitChecklistLines(checklist: ExitChecklist): string[] {
  const n = checklist.items.length;
  return [
    `Exit criteria (${checklist.tickedCount} of ${n} met):`,
    ...checklist.items.map((i) => `[${i.ticked ? 'x' : ' '}] ${i.number}. ${i.quote}${i.last ? ` (${tickWords(i)})` : ''}`),
    `Source: ${checklist.set.seed}.`,
  ];
}

/**
 * The criterion numbered `n` of `set`, or a message naming the numbers there are.
 *
 * @example
 * exitCriterion(EXIT_CRITERIA.reading!, 2).ok //=> true
 * exitCriterion(EXIT_CRITERIA.reading!, 6) //=> { ok: false, error: 'there are 5 exit criteria, numbered 1 to 5; there is no criterion 6' }
 */
export function exitCriterion(set: ExitCriteriaSet, n: number): Result<ExitCriterion, string> {
  const c = set.criteria.find((x) => x.number === n);
  return c ? ok(c) : fail(`there are ${set.criteria.length} exit criteria, numbered 1 to ${set.criteria.length}; there is no criterion ${n}`);
}
