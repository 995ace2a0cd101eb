import type { Category, Framework } from '../frameworks/schema.js';
import { ragScore } from './ragWords.js';
import { suggestCategory } from './suggestCategory/index.js';
import type { IndicatorRating } from './types.js';

/** The rule that decided a suggestion, with the seed's words for it. */
export interface DecidingRule {
  /** 'override', 'red-count', 'best-fit' or 'insufficient-data'. */
  readonly kind: string;
  /** The seed's own sentence, where the framework quotes it; else the category's description. */
  readonly quote: string;
  /** Where the seed says it. */
  readonly source: string;
  /** The rule in a few plain words, e.g. "safeguarding ineffective puts a school in C or worse". */
  readonly summary: string;
}

export interface CategoryExplanation {
  readonly category: Category | null;
  readonly rule: DecidingRule;
  /** The indicators behind it: the rule's own first, then the rest worst first. */
  readonly indicators: readonly IndicatorRating[];
  /** The whole explanation as one sentence, as the rationale column has it. */
  readonly text: string;
}

/** The first "…" or “…” quotation in a source note, if any. */
function quoteIn(source: string): string {
  const m = /[“"]([^”"]+)[”"]/.exec(source);
  return m?.[1]?.trim() ?? '';
}

const worstFirst = (a: IndicatorRating, b: IndicatorRating): number =>
  ragScore[b.rag] - ragScore[a.rag] || b.indicator.weight - a.indicator.weight;

/**
 * Why a school gets the category it is suggested: the deciding rule (an override, a count of
 * reds, or the best fit), the seed's words for it, and the indicators behind it.
 *
 * @example
 * explainCategory(ratings, reading).rule
 * //=> { kind: 'override', quote: '', source: 'Definitions of the Four LA categories: Category LA4 (C)',
 * //     summary: 'safeguarding ineffective puts a school in C or worse' }
 */
export function explainCategory(ratings: readonly IndicatorRating[], framework: Framework): CategoryExplanation {
  const s = suggestCategory(ratings, framework);
  if (s.status === 'insufficient-data') {
    return {
      category: null,
      rule: { kind: 'insufficient-data', quote: '', source: framework.source, summary: `at least ${s.needed} rated indicators are needed for a suggestion` },
      indicators: [...ratings].sort(worstFirst),
      text: s.rationale,
    };
  }
  const { category } = s;
  // The deciding driver asked for exactly the category given; an override that asked for a
  // better one changed nothing.
  const deciding = s.drivers.find((d) => d.kind !== 'best-fit' && d.atLeast === category.code);
  let rule: DecidingRule;
  const first: string[] = [];
  if (deciding?.kind === 'override') {
    const o = framework.categoryRule.overrides.find((x) => x.reason === deciding.reason && x.atLeast === deciding.atLeast);
    const source = o?.source ?? framework.source;
    rule = { kind: 'override', quote: quoteIn(source) || category.description, source, summary: `${deciding.reason} puts a school in ${deciding.atLeast} or worse` };
    first.push(...deciding.indicatorIds);
  } else if (deciding?.kind === 'red-count') {
    const rc = framework.categoryRule.redCount.find((r) => r.category === deciding.atLeast);
    rule = {
      kind: 'red-count',
      quote: category.description,
      source: framework.source,
      summary: `${rc?.atLeast ?? deciding.reds} or more red indicators put a school in ${deciding.atLeast} or worse (${deciding.reds} red)`,
    };
    for (const r of ratings) if (r.rag === 'R') first.push(r.indicator.id);
  } else {
    const counts = { G: 0, A: 0, R: 0 };
    for (const r of ratings) counts[r.rag]++;
    rule = {
      kind: 'best-fit',
      quote: category.description,
      source: framework.source,
      summary: `best fit of ${s.rated} rated indicators (${counts.G} green, ${counts.A} amber, ${counts.R} red)`,
    };
  }
  const lead = ratings.filter((r) => first.includes(r.indicator.id)).sort(worstFirst);
  const rest = ratings.filter((r) => !first.includes(r.indicator.id)).sort(worstFirst);
  return { category, rule, indicators: [...lead, ...rest], text: s.rationale };
}
