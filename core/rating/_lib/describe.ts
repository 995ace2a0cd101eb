import type { Framework } from '../../frameworks/schema.js';
import { labelInSentence } from '../displayValue.js';
import { ragScore, ragWord } from '../ragWords.js';
import type { DecidingRule, IndicatorRating } from '../types.js';
import { decidingHit, describeMissing, type Evaluation } from './evaluate.js';

/** The LA document's name, as the legend and rationale cite it. */
export const documentOf = (framework: Framework): string => framework.source;

/** The rule that decided an evaluation, in the seed's words. */
export function decidingRule(e: Evaluation, framework: Framework): DecidingRule {
  const source = documentOf(framework);
  if (e.index === null) {
    return {
      kind: 'insufficient-data',
      quote: 'Insufficient data',
      source,
      section: 'Waymark',
      summary: `only ${e.rated} rated indicator${e.rated === 1 ? '' : 's'}; ${framework.categoryRule.minRated} are needed, and no rule of the seed applies`,
    };
  }
  const push = e.pushes[e.pushes.length - 1];
  if (push !== undefined) {
    const rule = push.compiled.rule;
    return {
      kind: 'requirement',
      quote: rule.quote,
      source,
      section: rule.section,
      summary: `not ${rule.category}, which needs ${rule.summary}: missing ${push.missing.map((c) => describeMissing(c, framework, e.byId)).join(', ')}`,
    };
  }
  const hit = decidingHit(e);
  if (hit !== undefined) {
    const rule = hit.compiled.rule;
    const summary =
      rule.kind === 'best-fit'
        ? `${rule.summary}: ${hit.bullets.length} of its bullets met (${hit.bullets.map((b) => `"${b}"`).join('; ')})`
        : rule.summary;
    return { kind: rule.kind, quote: rule.quote, source, section: rule.section, summary };
  }
  const category = framework.categories[e.index];
  if (e.met !== undefined) {
    const rule = e.met.rule;
    return { kind: 'requirement', quote: rule.quote, source, section: rule.section, summary: `the evidence ${rule.category} asks for is there: ${rule.summary}` };
  }
  return {
    kind: 'no-concern',
    quote: category?.description ?? '',
    source,
    section: `category ${category?.code ?? ''}`,
    summary: 'none of the seed’s concerns applies',
  };
}

const byWorstFirst = (a: IndicatorRating, b: IndicatorRating): number =>
  ragScore[b.rag] - ragScore[a.rag] || Number(b.indicator.critical) - Number(a.indicator.critical) || b.indicator.weight - a.indicator.weight;

/**
 * The indicators that pushed a school to its category, worst first: those of the deciding rule
 * (or the missing evidence), then those of every other rule that applies, then any other
 * amber or red.
 */
export function pushingIndicators(e: Evaluation): IndicatorRating[] {
  const first: IndicatorRating[] = [];
  const hit = e.pushes.length === 0 ? decidingHit(e) : undefined;
  if (hit) first.push(...hit.ratings);
  for (const p of e.pushes) for (const alts of p.missing) for (const c of alts) {
    const r = e.byId.get(c.indicator);
    if (r && !first.includes(r)) first.push(r);
  }
  first.sort(byWorstFirst);
  const rest: IndicatorRating[] = [];
  for (const h of e.hits) for (const r of h.ratings) if (!first.includes(r) && !rest.includes(r)) rest.push(r);
  for (const r of e.byId.values()) if (r.rag !== 'G' && !first.includes(r) && !rest.includes(r)) rest.push(r);
  rest.sort(byWorstFirst);
  return [...first, ...rest];
}

/** "safeguarding ineffective (red, critical)". */
export function ratingWords(r: IndicatorRating): string {
  return `${labelInSentence(r.indicator.label)} ${r.display} (${ragWord[r.rag]}${r.indicator.critical ? ', critical' : ''})`;
}
