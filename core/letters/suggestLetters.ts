import { applyTriggers, CAMBRIDGESHIRE_TRIGGERS, SOURCES } from './triggers.js';
import type { LetterFacts, LetterKind, LetterReason, LetterSuggestion } from './types.js';

export const LETTER_TITLES: Record<LetterKind, string> = {
  congratulations: 'Congratulations letter',
  'significant-concerns': 'Significant concerns letter',
  'warning-notice': 'Warning notice',
  'category-change': 'Letter confirming a change of category',
};

/** Reading's categories of concern: R and C are "LA intervention" (seed 001). */
const READING_INTERVENTION: ReadonlySet<string> = new Set(['R', 'C']);

/** Which letters each framework's seed describes. */
export const LETTER_KINDS: Record<string, readonly LetterKind[]> = {
  cambridgeshire: ['congratulations', 'significant-concerns', 'warning-notice'],
  reading: ['category-change'],
};

function categoryChange(facts: LetterFacts): LetterReason[] {
  const previous = facts.category?.previous;
  const current = facts.category?.current;
  if (!previous || !current || previous.code === current.code) return [];
  const from = `${previous.code} ${previous.label}`;
  const to = `${current.code} ${current.label}`;
  if (READING_INTERVENTION.has(current.code) && !READING_INTERVENTION.has(previous.code)) {
    return [{ trigger: 'The school is placed in LA intervention (category R or C)', evidence: `re-categorised from ${from} to ${to}` }];
  }
  if (READING_INTERVENTION.has(previous.code) && !READING_INTERVENTION.has(current.code)) {
    return [{ trigger: 'The school exits LA intervention', evidence: `re-categorised from ${from} to ${to}` }];
  }
  return [{ trigger: 'The school’s LA category has changed', evidence: `re-categorised from ${from} to ${to}` }];
}

/**
 * Why `kind` is suggested for this school: the seed's triggers that hold, and those that could
 * not be checked. Empty `reasons` means the seed gives no reason for this letter now.
 */
export function letterReasons(kind: LetterKind, facts: LetterFacts): LetterSuggestion {
  const { reasons, unchecked } =
    kind === 'category-change' ? { reasons: categoryChange(facts), unchecked: [] } : applyTriggers(CAMBRIDGESHIRE_TRIGGERS[kind], facts);
  return { kind, title: LETTER_TITLES[kind], reasons, unchecked, source: SOURCES[kind] };
}

/**
 * The letters the school's framework describes whose triggers hold now, each with its
 * reasons (Cambridgeshire: congratulations, significant concerns, warning notice, "where one or
 * more of the following indicators apply"; Reading: a change of category). A suggestion only:
 * the officer decides, and nothing is sent to the school.
 *
 * @example
 * suggestLetters({
 *   frameworkId: 'cambridgeshire',
 *   school: { name: 'Fenland Primary' },
 *   indicators: [{ id: 'safeguarding', label: 'Safeguarding', rag: 'R', display: 'not met' }],
 * })
 * //=> [{ kind: 'significant-concerns', reasons: [{ trigger: 'Safeguarding Concerns',
 * //      evidence: 'Safeguarding: not met (red)' }], … }]
 */
export function suggestLetters(facts: LetterFacts): LetterSuggestion[] {
  return (LETTER_KINDS[facts.frameworkId] ?? []).map((kind) => letterReasons(kind, facts)).filter((s) => s.reasons.length > 0);
}
