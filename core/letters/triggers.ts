/**
 * The seeds' letter triggers as data: each bullet quoted, with the test on the school's facts
 * that shows it holds. A bullet with no test (the workbook has nothing for it) is listed as
 * "not checked" rather than silently ignored.
 */
import type { IndicatorFact, LetterFacts, LetterKind, LetterReason } from './types.js';

export interface Trigger {
  /** The seed's bullet, verbatim. */
  readonly text: string;
  /** Evidence words when it holds, undefined when it does not; absent when it cannot be checked. */
  readonly test?: (facts: LetterFacts) => string | undefined;
  /** Which indicator ids the test reads (for "not checked" when the workbook has none of them). */
  readonly reads?: readonly string[];
}

const OFSTED = ['', 'outstanding', 'good', 'requires improvement', 'inadequate'];
const ofstedWords = (g: number) => `${OFSTED[g] ?? `grade ${g}`} (${g})`;
const ragWords = { R: 'red', A: 'amber', G: 'green' } as const;
const show = (i: IndicatorFact) => `${i.label}: ${i.display} (${ragWords[i.rag]})`;

const find = (facts: LetterFacts, id: string) => facts.indicators.find((i) => i.id === id);
/** Holds when the indicator is rated one of `rags`. */
const rated = (id: string, rags: readonly IndicatorFact['rag'][]) => (facts: LetterFacts) => {
  const i = find(facts, id);
  return i && rags.includes(i.rag) ? show(i) : undefined;
};
/**
 * A "combination of concerns": at least `min` of `ids` amber or red, or two of them red. Two
 * ambers are an ordinary school's wobble, not a significant concern.
 */
const several = (ids: readonly string[], min: number) => (facts: LetterFacts) => {
  const hits = ids.map((id) => find(facts, id)).filter((i): i is IndicatorFact => i !== undefined && i.rag !== 'G');
  return hits.length >= min || hits.filter((i) => i.rag === 'R').length >= 2 ? hits.map(show).join('; ') : undefined;
};

const CAMBRIDGESHIRE = '004 Cambridgeshire, "LETTERS TO SCHOOLS"';

export const CAMBRIDGESHIRE_TRIGGERS: Record<'congratulations' | 'significant-concerns' | 'warning-notice', readonly Trigger[]> = {
  congratulations: [
    {
      text: 'Where a school has improved its Ofsted grade or sustained good/outstanding overall effectiveness',
      test: ({ ofsted }) => {
        if (ofsted?.current === undefined || ofsted.previous === undefined) return undefined;
        if (ofsted.current < ofsted.previous) return `Ofsted: improved from ${ofstedWords(ofsted.previous)} to ${ofstedWords(ofsted.current)}`;
        if (ofsted.current <= 2 && ofsted.previous <= 2) return `Ofsted: ${ofstedWords(ofsted.current)} sustained (previously ${ofstedWords(ofsted.previous)})`;
        return undefined;
      },
      reads: ['ofsted-grade'],
    },
    {
      text: 'Where there has been a significant improvement in pupil performance',
      test: (facts) => {
        const i = find(facts, 'data-trend');
        return i && i.rag === 'G' && /improv|↑|up|rising/i.test(i.display) ? show(i) : undefined;
      },
      reads: ['data-trend'],
    },
    { text: 'Where a school has significantly accelerated the achievement of disadvantaged groups' },
  ],
  'significant-concerns': [
    { text: 'Risk assessment confirms a declining trend in pupil performance', test: rated('data-trend', ['R']), reads: ['data-trend'] },
    // Red only: amber safeguarding already makes a school Medium; a letter is for a real concern.
    { text: 'Safeguarding Concerns', test: rated('safeguarding', ['R']), reads: ['safeguarding'] },
    { text: 'Management of the Schools Finances', test: rated('finance', ['R']), reads: ['finance'] },
    { text: "Leadership does not have the capacity to address the school's problems in a timely manner", test: rated('leadership', ['R']), reads: ['leadership'] },
    { text: 'There are concerns that the Governing Body is not effective in holding the school to account', test: rated('governance', ['R']), reads: ['governance'] },
    {
      text: 'A drop in Ofsted rating',
      test: ({ ofsted }) =>
        ofsted?.current !== undefined && ofsted.previous !== undefined && ofsted.current > ofsted.previous
          ? `Ofsted: from ${ofstedWords(ofsted.previous)} to ${ofstedWords(ofsted.current)}`
          : undefined,
      reads: ['ofsted-grade'],
    },
    {
      text: 'There is a combination of concerns relating to, for example, parental complaints, moderation, attendance, exclusions, inclusion practice, and staff turnover',
      test: several(['complaints', 'attendance', 'staffing-stability', 'behaviour'], 3),
      reads: ['complaints', 'attendance', 'staffing-stability', 'behaviour'],
    },
    { text: 'There are consistently wide attainment/progress gaps between disadvantaged pupils and their peers' },
    { text: 'There are persistent concerns about achievement and/or teaching quality in one or more key stages', test: rated('quality-of-education', ['R']), reads: ['quality-of-education'] },
    { text: 'Self-evaluation is not robust or realistic enough and engagement with school improvement is weak', test: rated('self-evaluation', ['R']), reads: ['self-evaluation'] },
  ],
  'warning-notice': [
    { text: 'Evidence of unacceptably low standards, i.e. school has been below the floor standard', test: rated('floor-standard', ['R']), reads: ['floor-standard'] },
    {
      text: 'Evidence of a breakdown in leadership or management, e.g. declining school popularity (school rolls falling more rapidly than might reasonably be expected from demographic changes), high/increasing absence rates, high rates of staff turnover or numbers of staff grievances, significant/increasing numbers of parental complaints',
      test: (facts) => {
        const leadership = find(facts, 'leadership');
        if (leadership?.rag !== 'R') return undefined;
        const signs = ['attendance', 'staffing-stability', 'complaints'].map((id) => find(facts, id)).filter((i): i is IndicatorFact => i?.rag === 'R');
        return signs.length > 0 ? [leadership, ...signs].map(show).join('; ') : undefined;
      },
      reads: ['leadership', 'attendance', 'staffing-stability', 'complaints'],
    },
    { text: 'School leaders are not taking urgent and appropriate action to resolve the problem' },
    { text: 'Governors are not acknowledging the seriousness of the position nor challenging school leaders to secure rapid improvements', test: rated('governance', ['R']), reads: ['governance'] },
    { text: 'School is at risk of being put in Serious Weaknesses or Special Measures', test: rated('inspection-risk', ['R']), reads: ['inspection-risk'] },
    { text: 'School is subject to Required to Improve monitoring and/or a Local Authority Improvement Plan but is not making sufficient progress' },
  ],
};

export const SOURCES: Record<LetterKind, string> = {
  congratulations: `${CAMBRIDGESHIRE}, Congratulations letter`,
  'significant-concerns': `${CAMBRIDGESHIRE}, Significant concerns letter (Appendix 6)`,
  'warning-notice': `${CAMBRIDGESHIRE}, Warning notice (Appendix 5); the notice's contents and periods from 003 Tri-borough 5.8`,
  'category-change': '001 Reading, "a letter will be sent to the Governing Body confirming the re-categorisation and outlining the improvement plan process"; exit: "communicated in writing to the School\'s Governing Body and Headteacher"',
};

/** Applies `triggers` to the facts: the reasons that hold and the bullets that could not be checked. */
export function applyTriggers(triggers: readonly Trigger[], facts: LetterFacts): { reasons: LetterReason[]; unchecked: string[] } {
  const reasons: LetterReason[] = [];
  const unchecked: string[] = [];
  const has = (id: string) => (id === 'ofsted-grade' ? facts.ofsted?.current !== undefined || find(facts, id) !== undefined : find(facts, id) !== undefined);
  for (const t of triggers) {
    if (!t.test || !(t.reads ?? []).some(has)) {
      unchecked.push(t.text);
      continue;
    }
    const evidence = t.test(facts);
    if (evidence) reasons.push({ trigger: t.text, evidence });
  }
  return { reasons, unchecked };
}
