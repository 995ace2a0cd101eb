import type { Framework } from '../../frameworks/schema.js';
import { decidingRule, pushingIndicators, ratingWords } from '../_lib/describe.js';
import { describeMissing, evaluate } from '../_lib/evaluate.js';
import type { Explanation, IndicatorRating } from '../types.js';

/** How many indicators the paragraph names before "and N more". */
const MAX_NAMED = 5;

/**
 * Why a school has its suggested category: the seed rule that decided it (with its quote and
 * the LA document), then the indicators that pushed it there, worst first, and any evidence
 * a better category asks for that the sheet does not show.
 *
 * @example
 * explainCategory(ratings, southwark).text
 * //=> 'D (Inadequate or at risk of a category) because safeguarding is ineffective. Southwark … (Appendix 1, D)
 * //    says: "Safeguarding is ineffective". Pushed by: safeguarding ineffective (red, critical).'
 */
export function explainCategory(ratings: readonly IndicatorRating[], framework: Framework): Explanation {
  const e = evaluate(ratings, framework);
  const rule = decidingRule(e, framework);
  const category = e.index === null ? null : (framework.categories[e.index] ?? null);
  const indicators = e.index === null ? [] : pushingIndicators(e);
  const missing = e.pushes.flatMap((p) => p.missing.map((c) => describeMissing(c, framework, e.byId)));
  const head =
    category === null
      ? `No category: insufficient data (${rule.summary}).`
      : `${category.code} (${category.label}) because ${rule.summary}. ${rule.source} (${rule.section}) says: "${rule.quote}".`;
  const shown = indicators.filter((r) => r.rag !== 'G' || e.pushes.length > 0);
  const named = shown.slice(0, MAX_NAMED).map(ratingWords);
  if (shown.length > MAX_NAMED) named.push(`and ${shown.length - MAX_NAMED} more`);
  const pushed = named.length > 0 ? ` Pushed by: ${named.join('; ')}.` : category !== null ? ` All ${e.rated} rated indicators are green.` : '';
  return { category, index: e.index, rule, indicators, missing, text: `${head}${pushed}` };
}
