import type { Category, Framework } from '../frameworks/schema.js';
import { labelInSentence } from './displayValue.js';
import { ragScore, ragWord } from './ragWords.js';
import { suggestCategory } from './suggestCategory/index.js';
import type { IndicatorRating } from './types.js';

export interface CategoryExplanation {
  /** The suggested category; null when there is too little data for one. */
  readonly category: Category | null;
  /** The rule that decided it, with the seed's words for the category and where they are. */
  readonly rule: { readonly kind: string; readonly quote: string; readonly source: string; readonly summary: string };
  /** The indicators behind it, worst first: those the rule names, then the other reds and ambers. */
  readonly indicators: readonly IndicatorRating[];
  /** All of it in one paragraph, for a reply. */
  readonly text: string;
}

const worstFirst = (a: IndicatorRating, b: IndicatorRating): number =>
  ragScore[b.rag] - ragScore[a.rag] || b.indicator.weight - a.indicator.weight;

/**
 * Why a school's ratings give the category they do: the deciding rule (a critical override,
 * a count of reds, or the best fit of the weighted ratings) with the seed's description of the
 * category and its source, then the indicators that weigh most.
 *
 * @example
 * explainCategory([{ indicator: safeguarding, rag: 'R', display: 'ineffective' }, …], reading).rule
 * //=> { kind: 'override', summary: 'safeguarding ineffective (critical): at least C', quote: '…', source: '…' }
 */
export function explainCategory(ratings: readonly IndicatorRating[], framework: Framework): CategoryExplanation {
  const s = suggestCategory(ratings, framework);
  if (s.status !== 'category') {
    const summary = s.rationale;
    return {
      category: null,
      rule: { kind: 'insufficient-data', quote: '', source: framework.source, summary },
      indicators: [...ratings].sort(worstFirst),
      text: `No suggestion: ${summary.replace(/^Insufficient data: /, 'insufficient data, ')}.`,
    };
  }
  const category = s.category;
  const decidingIndex = (code: string) => framework.categories.findIndex((c) => c.code === code);
  const deciding = s.drivers.find((d) => d.kind !== 'best-fit' && decidingIndex(d.atLeast) === s.index && s.index > s.bestFitIndex);
  const named: string[] = [];
  let rule: CategoryExplanation['rule'];
  if (deciding?.kind === 'override') {
    const override = framework.categoryRule.overrides.find((o) => o.reason === deciding.reason && o.atLeast === deciding.atLeast);
    const critical = deciding.indicatorIds.some((id) => ratings.find((r) => r.indicator.id === id)?.indicator.critical);
    named.push(...deciding.indicatorIds);
    rule = {
      kind: 'override',
      quote: category.description,
      source: override?.source ?? framework.source,
      summary: `${deciding.reason}${critical ? ' (critical)' : ''}, which puts a school in ${deciding.atLeast} or worse whatever the other indicators say`,
    };
  } else if (deciding?.kind === 'red-count') {
    rule = {
      kind: 'red-count',
      quote: category.description,
      source: framework.source,
      summary: `${deciding.reds} indicators are red, which puts a school in ${deciding.atLeast} or worse`,
    };
  } else {
    const counts = (['R', 'A', 'G'] as const)
      .map((g) => [g, ratings.filter((r) => r.rag === g).length] as const)
      .filter(([, n]) => n > 0)
      .map(([g, n]) => `${n} ${ragWord[g]}`);
    rule = {
      kind: 'best-fit',
      quote: category.description,
      source: framework.source,
      summary: `best fit of ${s.rated} rated indicators (${counts.join(', ')}): a weighted score of ${s.score.toFixed(2)} on the 0 (all green) to 2 (all red) scale, in the band for ${category.code}`,
    };
  }
  const first = ratings.filter((r) => named.includes(r.indicator.id)).sort(worstFirst);
  const rest = ratings.filter((r) => !named.includes(r.indicator.id) && r.rag !== 'G').sort(worstFirst);
  const indicators = [...first, ...rest];
  const listed = indicators.slice(0, 6).map((r) => `${labelInSentence(r.indicator.label)} ${r.display} (${ragWord[r.rag]})`);
  const more = indicators.length > 6 ? `, and ${indicators.length - 6} more` : '';
  const text =
    `${category.code} — ${category.label}: ${rule.summary}. ` +
    `The framework describes ${category.code} as "${rule.quote.replace(/\.$/, '')}" (${rule.source}).` +
    (listed.length > 0 ? ` Weighing most: ${listed.join('; ')}${more}.` : ` Every rated indicator is green.`);
  return { category, rule, indicators, text };
}
