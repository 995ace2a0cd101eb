import type { Framework, Rag } from '../../frameworks/schema.js';
import { labelInSentence } from '../displayValue.js';
import { ragScore, ragWord } from '../ragWords.js';
import type { Driver, IndicatorRating, Suggestion } from '../types.js';

const atLeastAsBad = (rag: Rag, threshold: 'A' | 'R'): boolean => ragScore[rag] >= ragScore[threshold];

/** How many red and amber findings the rationale names before it says "and N more". */
const MAX_NAMED = 4;

/**
 * Suggests a school's category by best fit, then applies the framework's critical overrides.
 *
 * Best fit is the weighted mean of G=0, A=1, R=2 over the rated indicators, placed against the
 * framework's cut-offs. Each override and red-count rule can only push a school to a worse
 * category, never a better one, so worsening any one indicator never improves the category.
 * With fewer rated indicators than the framework's `minRated`, and nothing critical, the
 * answer is "insufficient data" rather than a guess.
 *
 * @example
 * suggestCategory(
 *   [{ indicator: safeguarding, rag: 'R', display: 'ineffective' }, …],
 *   reading,
 * )
 * //=> { status: 'category', category: { code: 'C', … },
 * //     rationale: 'C: safeguarding ineffective (critical); attendance 89.1% (red)', … }
 */
export function suggestCategory(ratings: readonly IndicatorRating[], framework: Framework): Suggestion {
  const { categories, categoryRule } = framework;
  // A linear scan beats building a map per school: a framework has a few dozen indicators.
  const ratingOf = (id: string): IndicatorRating | undefined => {
    for (const r of ratings) if (r.indicator.id === id) return r;
    return undefined;
  };
  const indexOf = (code: string): number => categories.findIndex((c) => c.code === code);

  let totalWeight = 0;
  let weighted = 0;
  for (const r of ratings) {
    totalWeight += r.indicator.weight;
    weighted += r.indicator.weight * ragScore[r.rag];
  }
  const score = totalWeight === 0 ? 0 : weighted / totalWeight;
  const bestFitIndex = categoryRule.cutoffs.filter((c) => score >= c).length;

  const drivers: Driver[] = [];
  let index = bestFitIndex;
  for (const o of categoryRule.overrides) {
    const hits = o.anyOf.filter((c) => {
      const r = ratingOf(c.indicator);
      return r !== undefined && atLeastAsBad(r.rag, c.rag);
    });
    if (hits.length === 0) continue;
    drivers.push({ kind: 'override', reason: o.reason, indicatorIds: hits.map((h) => h.indicator), atLeast: o.atLeast });
    index = Math.max(index, indexOf(o.atLeast));
  }
  const reds = ratings.filter((r) => r.rag === 'R').length;
  for (const rc of categoryRule.redCount) {
    if (reds >= rc.atLeast) {
      drivers.push({ kind: 'red-count', reds, atLeast: rc.category });
      index = Math.max(index, indexOf(rc.category));
    }
  }

  if (ratings.length < categoryRule.minRated && drivers.length === 0) {
    return {
      status: 'insufficient-data',
      rated: ratings.length,
      needed: categoryRule.minRated,
      rationale: `Insufficient data: ${ratings.length} of the ${categoryRule.minRated} rated indicators needed for a suggestion`,
    };
  }

  const category = categories[index];
  if (category === undefined) throw new Error(`category index ${index} out of range for ${framework.id}`);
  drivers.push({ kind: 'best-fit', score });
  return {
    status: 'category',
    category,
    index,
    bestFitIndex,
    score,
    rated: ratings.length,
    drivers,
    rationale: explain(category.code, index, drivers, ratings, indexOf),
  };
}

function explain(
  code: string,
  index: number,
  drivers: readonly Driver[],
  ratings: readonly IndicatorRating[],
  indexOf: (code: string) => number,
): string {
  // Name only the overrides that decided the category: one that asked for a better category
  // than the final one did not change the outcome.
  const deciding = drivers.filter(
    (d): d is Extract<Driver, { kind: 'override' | 'red-count' }> =>
      d.kind !== 'best-fit' && indexOf(d.atLeast) === index,
  );
  const parts: string[] = [];
  const named: string[] = [];
  for (const d of deciding) {
    if (d.kind === 'override') {
      const critical = d.indicatorIds.some((id) => ratings.find((r) => r.indicator.id === id)?.indicator.critical);
      parts.push(`${d.reason}${critical ? ' (critical)' : ''}`);
      named.push(...d.indicatorIds);
    } else {
      parts.push(`${d.reds} indicators red`);
    }
  }
  const worst = ratings
    .filter((r) => r.rag !== 'G' && !named.includes(r.indicator.id))
    .sort((a, b) => ragScore[b.rag] - ragScore[a.rag] || b.indicator.weight - a.indicator.weight);
  for (const r of worst.slice(0, MAX_NAMED)) {
    parts.push(`${labelInSentence(r.indicator.label)} ${r.display} (${ragWord[r.rag]})`);
  }
  if (worst.length > MAX_NAMED) parts.push(`and ${worst.length - MAX_NAMED} more`);
  if (parts.length === 0) {
    parts.push(`all ${ratings.length} rated indicators green`);
  } else if (deciding.length === 0) {
    const counts = (['G', 'A', 'R'] as const)
      .map((g) => [g, ratings.filter((r) => r.rag === g).length] as const)
      .filter(([, n]) => n > 0)
      .map(([g, n]) => `${n} ${ragWord[g]}`)
      .join(', ');
    parts.unshift(`best fit of ${ratings.length} indicators (${counts})`);
  }
  return `${code}: ${parts.join('; ')}`;
}
