import type { Condition, Framework } from '../../frameworks/schema.js';
import { labelInSentence } from '../displayValue.js';
import { nationalFor } from '../rateValue/index.js';
import { ragWord } from '../ragWords.js';
import type { IndicatorRating } from '../types.js';
import { compile, type CompiledRule } from './compile.js';
import { holds, indexRatings, type RatingIndex } from './conditions.js';

/** A rule that applies to a school, with what made it apply. */
export interface Hit {
  readonly compiled: CompiledRule;
  /** The ratings that met its conditions. */
  readonly ratings: readonly IndicatorRating[];
  /** For best fit: the bullets met. */
  readonly bullets: readonly string[];
}

/** A top category's evidence that was not there, so the school went one category down. */
export interface Push {
  readonly compiled: CompiledRule;
  /** Each entry is met by any one of its conditions (one for an `allOf` item, several for `anyOf`). */
  readonly missing: readonly (readonly Condition[])[];
}

export interface Evaluation {
  /** Position of the category, or null for "insufficient data". */
  readonly index: number | null;
  /** The worst category the floors, combinations and best fits allow. */
  readonly floorIndex: number;
  readonly hits: readonly Hit[];
  readonly pushes: readonly Push[];
  /** The requirement met at the final category, if it has one. */
  readonly met?: CompiledRule | undefined;
  readonly byId: RatingIndex;
  readonly rated: number;
}

/**
 * Applies a framework's seed rules to one school. Every rule can only hold a school down, and
 * worsening an indicator can only make more of them hold, so the result never improves when
 * an indicator gets worse.
 */
export function evaluate(ratings: readonly IndicatorRating[], framework: Framework, byId: RatingIndex = indexRatings(ratings)): Evaluation {
  const compiled = compile(framework);
  const hits: Hit[] = [];
  let floorIndex = 0;
  for (const c of compiled.rules) {
    const hit = apply(c, byId);
    if (hit === undefined) continue;
    hits.push(hit);
    if (c.category > floorIndex) floorIndex = c.category;
  }
  if (hits.length === 0 && byId.size < framework.categoryRule.minRated) {
    return { index: null, floorIndex, hits, pushes: [], byId, rated: byId.size };
  }
  let index = floorIndex;
  const pushes: Push[] = [];
  let met: CompiledRule | undefined;
  for (const req of compiled.requirements) {
    if (req.category !== index || req.rule.kind !== 'requirement') continue;
    const missing: Condition[][] = [];
    for (const c of req.rule.allOf) if (!holds(c, byId)) missing.push([c]);
    if (req.rule.anyOf.length > 0 && !req.rule.anyOf.some((c) => holds(c, byId))) missing.push(req.rule.anyOf);
    if (missing.length === 0) {
      met = req;
      continue;
    }
    pushes.push({ compiled: req, missing });
    index++;
  }
  return { index, floorIndex, hits, pushes, met, byId, rated: byId.size };
}

function apply(c: CompiledRule, byId: RatingIndex): Hit | undefined {
  const rule = c.rule;
  switch (rule.kind) {
    case 'floor': {
      const found = rule.anyOf.filter((x) => holds(x, byId));
      return found.length > 0 ? { compiled: c, ratings: ratingsOf(found, byId), bullets: [] } : undefined;
    }
    case 'combination':
      return rule.allOf.every((x) => holds(x, byId)) ? { compiled: c, ratings: ratingsOf(rule.allOf, byId), bullets: [] } : undefined;
    case 'best-fit': {
      const bullets: string[] = [];
      const found: Condition[] = [];
      for (const b of rule.bullets) {
        const these = b.anyOf.filter((x) => holds(x, byId));
        if (these.length === 0) continue;
        bullets.push(b.quote);
        found.push(...these);
      }
      return bullets.length >= rule.atLeast ? { compiled: c, ratings: ratingsOf(found, byId), bullets } : undefined;
    }
    case 'requirement':
      return undefined;
  }
}

function ratingsOf(conditions: readonly Condition[], byId: RatingIndex): IndicatorRating[] {
  const out: IndicatorRating[] = [];
  for (const c of conditions) {
    const r = byId.get(c.indicator);
    if (r !== undefined && !out.includes(r)) out.push(r);
  }
  return out;
}

/** The hit that decided the floor: the first, in the seed's order, at the worst category. */
export function decidingHit(e: Evaluation): Hit | undefined {
  for (const h of e.hits) if (h.compiled.category === e.floorIndex) return h;
  return undefined;
}

/**
 * Evidence a condition asks for, in words, with what the sheet shows now.
 *
 * @example
 * describeMissing([{ indicator: 'ks2-rwm', evidence: 'above-national' }], framework, byId)
 * //=> 'KS2 RWM expected standard above national (61%; now 61%)'
 */
export function describeMissing(alternatives: readonly Condition[], framework: Framework, byId: RatingIndex): string {
  // Of alternatives, name those the sheet has (a primary's KS2, not Progress 8), if any.
  const present = alternatives.filter((c) => byId.has(c.indicator));
  return (present.length > 0 ? present : alternatives).map((c) => describeOne(c, framework, byId)).join(' or ');
}

function describeOne(c: Condition, framework: Framework, byId: RatingIndex): string {
  const indicator = compile(framework).indicators.get(c.indicator);
  const r = byId.get(c.indicator);
  const label = indicator ? labelInSentence(indicator.label) : c.indicator;
  let wanted: string;
  if (c.evidence === 'outstanding') wanted = 'judged outstanding (or exceptional)';
  else if (c.evidence === 'top-quartile') wanted = 'in the top quartile';
  else if (c.evidence === 'above-national') {
    const rule = indicator?.rule;
    const national = rule?.type === 'threshold' ? nationalFor(rule, r?.phase) : undefined;
    const better = rule?.type === 'threshold' && rule.direction === 'lower-is-better' ? 'below' : 'above';
    wanted = `${better} national${national !== undefined ? ` (${national}${indicator?.kind === 'percentage' ? '%' : ''})` : ''}`;
  } else wanted = ragWord[c.rag ?? 'G'];
  return `${label} ${wanted} (${r ? `now ${r.display}` : 'not in the sheet'})`;
}
