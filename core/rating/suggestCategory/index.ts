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
  // Plain loops, no per-call closures: this runs once per school on sheets of thousands.
  let totalWeight = 0;
  let weighted = 0;
  let reds = 0;
  let ambers = 0;
  for (const r of ratings) {
    totalWeight += r.indicator.weight;
    weighted += r.indicator.weight * ragScore[r.rag];
    if (r.rag === 'R') reds++;
    else if (r.rag === 'A') ambers++;
  }
  const score = totalWeight === 0 ? 0 : weighted / totalWeight;
  let bestFitIndex = 0;
  for (const c of categoryRule.cutoffs) if (score >= c) bestFitIndex++;

  const drivers: Driver[] = [];
  let index = bestFitIndex;
  for (const o of categoryRule.overrides) {
    const hits: string[] = [];
    for (const c of o.anyOf) {
      const r = ratingOf(ratings, c.indicator);
      if (r !== undefined && atLeastAsBad(r.rag, c.rag)) hits.push(c.indicator);
    }
    if (hits.length === 0) continue;
    drivers.push({ kind: 'override', reason: o.reason, indicatorIds: hits, atLeast: o.atLeast });
    index = Math.max(index, categoryIndex(framework, o.atLeast));
  }
  for (const rc of categoryRule.redCount) {
    if (reds >= rc.atLeast) {
      drivers.push({ kind: 'red-count', reds, atLeast: rc.category });
      index = Math.max(index, categoryIndex(framework, rc.category));
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
  const counts = { G: ratings.length - reds - ambers, A: ambers, R: reds };
  return {
    status: 'category',
    category,
    index,
    bestFitIndex,
    score,
    rated: ratings.length,
    drivers,
    rationale: explain(category.code, index, drivers, ratings, counts, framework),
  };
}

function ratingOf(ratings: readonly IndicatorRating[], id: string): IndicatorRating | undefined {
  for (const r of ratings) if (r.indicator.id === id) return r;
  return undefined;
}

function categoryIndex(framework: Framework, code: string): number {
  const { categories } = framework;
  for (let i = 0; i < categories.length; i++) if (categories[i]?.code === code) return i;
  return -1;
}

const byWorstFirst = (a: IndicatorRating, b: IndicatorRating): number =>
  ragScore[b.rag] - ragScore[a.rag] || b.indicator.weight - a.indicator.weight;

function explain(
  code: string,
  index: number,
  drivers: readonly Driver[],
  ratings: readonly IndicatorRating[],
  counts: Readonly<Record<Rag, number>>,
  framework: Framework,
): string {
  // Name only the overrides that decided the category: one that asked for a better category
  // than the final one did not change the outcome.
  const parts: string[] = [];
  const named: string[] = [];
  let deciding = 0;
  for (const d of drivers) {
    if (d.kind === 'best-fit' || categoryIndex(framework, d.atLeast) !== index) continue;
    deciding++;
    if (d.kind === 'override') {
      const critical = d.indicatorIds.some((id) => ratingOf(ratings, id)?.indicator.critical);
      parts.push(critical ? `${d.reason} (critical)` : d.reason);
      named.push(...d.indicatorIds);
    } else {
      parts.push(`${d.reds} indicators red`);
    }
  }
  const worst: IndicatorRating[] = [];
  for (const r of ratings) if (r.rag !== 'G' && !named.includes(r.indicator.id)) worst.push(r);
  worst.sort(byWorstFirst);
  const shown = Math.min(worst.length, MAX_NAMED);
  for (let i = 0; i < shown; i++) {
    const r = worst[i] as IndicatorRating;
    parts.push(`${labelInSentence(r.indicator.label)} ${r.display} (${ragWord[r.rag]})`);
  }
  if (worst.length > MAX_NAMED) parts.push(`and ${worst.length - MAX_NAMED} more`);
  if (parts.length === 0) {
    parts.push(`all ${ratings.length} rated indicators green`);
  } else if (deciding === 0) {
    const tally: string[] = [];
    for (const g of ['G', 'A', 'R'] as const) if (counts[g] > 0) tally.push(`${counts[g]} ${ragWord[g]}`);
    parts.unshift(`best fit of ${ratings.length} indicators (${tally.join(', ')})`);
  }
  return `${code}: ${parts.join('; ')}`;
}
