import type { Framework } from '../../frameworks/schema.js';
import { decidingRule, pushingIndicators } from '../_lib/describe.js';
import { decidingHit, type Evaluation } from '../_lib/evaluate.js';
import { describeMissing, evaluate } from '../_lib/evaluate.js';
import { labelInSentence } from '../displayValue.js';
import { ragWord } from '../ragWords.js';
import type { DecidingRule, IndicatorRating, Suggestion, UnreadValue } from '../types.js';

/** A seed sentence in the Why column: whole when short, cut at a word near 90 characters. */
const QUOTE_MAX = 90;
function cite(quote: string): string {
  const q = quote.trim();
  if (q.length <= QUOTE_MAX) return `"${q}"`;
  const cut = q.slice(0, QUOTE_MAX);
  return `"${cut.slice(0, Math.max(cut.lastIndexOf(' '), 60)).replace(/[\s,;:.]+$/, '')}…"`;
}

/**
 * The deciding rule in the Why column: its plain words and the seed's own sentence (for a best
 * fit, the bullets met; for missing evidence, what is missing). The section and the LA
 * document are in explainCategory, so the column stays short enough for sheets of thousands.
 */
function lead(e: Evaluation, rule: DecidingRule, framework: Framework): string {
  const hit = e.pushes.length === 0 ? decidingHit(e) : undefined;
  if (rule.kind === 'best-fit' && hit) {
    const r = hit.compiled.rule;
    const shown = hit.bullets.slice(0, 2).map(cite);
    if (hit.bullets.length > 2) shown.push(`and ${hit.bullets.length - 2} more`);
    return `${r.kind === 'best-fit' ? r.summary : rule.summary}, ${hit.bullets.length} of its bullets: ${shown.join('; ')}`;
  }
  const push = e.pushes[e.pushes.length - 1];
  if (rule.kind === 'requirement' && push) {
    const missing = push.missing.map((alts) => describeMissing(alts, framework, e.byId)).join(', ');
    return `not ${push.compiled.rule.category}, which asks ${cite(rule.quote)}: missing ${missing}`;
  }
  return `${rule.summary}: ${cite(rule.quote)}`;
}

/** How many other amber and red findings the rationale names before it says "and N more". */
const MAX_NAMED = 4;

export interface SuggestOptions {
  /** Cells of this school's row that could not be read: named in the rationale, not ignored. */
  readonly unreadable?: readonly UnreadValue[];
}

/**
 * Suggests a school's category from its framework's seed rules: floors (a critical criterion
 * holds the school at no better than a category), combinations, best fit against each
 * category's own bullets, and the evidence the top categories ask for (without it, one
 * category down). Fewer rated indicators than the framework's `minRated`, with no rule
 * applying, gives "insufficient data" rather than a guess. The rationale names the deciding
 * seed sentence.
 *
 * @example
 * suggestCategory([{ indicator: safeguarding, rag: 'R', display: 'ineffective' }, …], reading)
 * //=> { status: 'category', category: { code: 'C', … }, rule: { kind: 'floor', quote: 'Safeguarding is ineffective.', … },
 * //     rationale: 'C: safeguarding is ineffective: "Safeguarding is ineffective."; safeguarding ineffective (red, critical)' }
 */
export function suggestCategory(
  ratings: readonly IndicatorRating[],
  framework: Framework,
  options: SuggestOptions = {},
): Suggestion {
  const e = evaluate(ratings, framework);
  const unread = (options.unreadable ?? []).map((u) => `${labelInSentence(u.label)} "${u.raw}"`);
  const unreadText = unread.length > 0 ? `; not read, so not counted: ${unread.join(', ')}` : '';
  const rule = decidingRule(e, framework);
  if (e.index === null) {
    return {
      status: 'insufficient-data',
      rated: e.rated,
      needed: framework.categoryRule.minRated,
      rationale: `Insufficient data: ${e.rated} of the ${framework.categoryRule.minRated} rated indicators needed for a suggestion${unreadText}`,
    };
  }
  const category = framework.categories[e.index];
  if (category === undefined) throw new Error(`category index ${e.index} out of range for ${framework.id}`);
  const missing = e.pushes.flatMap((p) => p.missing.map((c) => `${p.compiled.rule.category}: ${describeMissing(c, framework, e.byId)}`));
  const parts: string[] = [lead(e, rule, framework)];
  const named: string[] = [];
  const others = pushingIndicators(e).filter((r) => r.rag !== 'G');
  for (const r of others.slice(0, MAX_NAMED)) named.push(`${labelInSentence(r.indicator.label)} ${r.display} (${ragWord[r.rag]}${r.indicator.critical ? ', critical' : ''})`);
  if (others.length > MAX_NAMED) named.push(`and ${others.length - MAX_NAMED} more`);
  if (named.length === 0) named.push(`all ${e.rated} rated indicators green`);
  return {
    status: 'category',
    category,
    index: e.index,
    rated: e.rated,
    rule,
    missing,
    rationale: `${category.code}: ${[...parts, ...named].join('; ')}${unreadText}`,
  };
}
