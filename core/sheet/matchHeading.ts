import type { Indicator } from '../frameworks/schema.js';
import { IGNORED_HEADINGS, roleAliases, roles, type Role } from './roles.js';
import { headingWords } from './vocabulary.js';

/** What a column can be: an indicator to rate, an identity column, or one read past on purpose. */
export type Target =
  | { readonly type: 'indicator'; readonly indicator: Indicator }
  | { readonly type: 'role'; readonly role: Role }
  | { readonly type: 'ignore' };

/** One way a heading meets a target, scored 0–1 (1: the same field words). */
export interface HeadingMatch {
  readonly target: Target;
  readonly score: number;
  /** The indicator's or role's own name that the heading met, for the evidence. */
  readonly name: string;
}

interface Name {
  readonly target: Target;
  readonly words: readonly string[];
  readonly written: string;
}

/**
 * How well a heading's field words meet a name's: 1 when they are the same; less when the
 * heading says more ("New head" against "Head") or less ("KS2" against "KS2 RWM").
 */
function score(heading: readonly string[], name: readonly string[]): number {
  if (name.length === 0 || heading.length === 0) return 0;
  let shared = 0;
  for (const w of name) if (heading.includes(w)) shared++;
  if (shared === 0) return 0;
  // A hundredth per shared word breaks ties towards the fuller match.
  const bonus = shared / 100;
  if (shared === name.length && heading.length === name.length) return 1;
  if (shared === name.length) return Math.max(0.6, 0.85 - 0.1 * (heading.length - name.length - 1)) + bonus;
  if (shared === heading.length) return (0.6 * shared) / name.length + bonus;
  return (0.5 * shared) / (heading.length + name.length - shared) + bonus;
}

const targetKey = (t: Target): string => (t.type === 'indicator' ? `i:${t.indicator.id}` : t.type === 'role' ? `r:${t.role}` : 'ignore');

/** The same target, compared by what it names. */
export const sameTarget = (a: Target, b: Target): boolean => targetKey(a) === targetKey(b);

interface Names {
  /** Names by word: a heading is scored only against names it shares a word with. */
  readonly byWord: ReadonlyMap<string, readonly Name[]>;
}

/**
 * Every name of a set of indicators (and of the roles and ignored headings) in field words, worked
 * out once per set: a sheet is planned many times over the same framework (each reload, each
 * sync, the fuzz's 10,000 grids), and this was most of planning a small sheet.
 */
const namesCache = new WeakMap<readonly Indicator[], Names>();

function namesFor(indicators: readonly Indicator[]): Names {
  const known = namesCache.get(indicators);
  if (known) return known;
  const names: Name[] = [];
  const add = (target: Target, written: string) => {
    const words = headingWords(written).words;
    if (words.length > 0) names.push({ target, words, written });
  };
  for (const role of roles) for (const alias of roleAliases[role]) add({ type: 'role', role }, alias);
  for (const indicator of indicators) {
    const target: Target = { type: 'indicator', indicator };
    for (const name of [indicator.label, indicator.id.replace(/-/g, ' '), ...indicator.aliases]) add(target, name);
  }
  for (const text of IGNORED_HEADINGS) add({ type: 'ignore' }, text);
  const byWord = new Map<string, Name[]>();
  for (const name of names) {
    for (const w of name.words) {
      const list = byWord.get(w);
      if (list) list.push(name);
      else byWord.set(w, [name]);
    }
  }
  const built: Names = { byWord };
  namesCache.set(indicators, built);
  return built;
}

/**
 * A heading matcher for one set of indicators: every heading it is asked about is answered
 * once, with every target it meets, best first.
 *
 * @example
 * const match = headingMatcher(reading.indicators);
 * match('PA %')[0] //=> { target: { type: 'indicator', indicator: <persistent-absence> }, score: 1, name: 'PA' }
 * match('Ofsted judgement')[0].score //=> 1
 */
export function headingMatcher(indicators: readonly Indicator[]): (heading: string) => readonly HeadingMatch[] {
  const { byWord } = namesFor(indicators);
  const cache = new Map<string, readonly HeadingMatch[]>();
  return (heading) => {
    const known = cache.get(heading);
    if (known) return known;
    const words = headingWords(heading).words;
    const best = new Map<string, HeadingMatch>();
    const candidates = new Set<Name>();
    for (const w of words) for (const name of byWord.get(w) ?? []) candidates.add(name);
    if (words.length > 0) {
      for (const name of candidates) {
        let s = score(words, name.words);
        if (s === 0) continue;
        // Notes, contacts and context win a tie: reading a note as data is the worse mistake.
        if (name.target.type === 'ignore' && s < 1) s += 0.05;
        const key = targetKey(name.target);
        const seen = best.get(key);
        if (!seen || s > seen.score) best.set(key, { target: name.target, score: Math.min(1, s), name: name.written });
      }
    }
    const found = [...best.values()].sort((a, b) => b.score - a.score);
    cache.set(heading, found);
    return found;
  };
}
