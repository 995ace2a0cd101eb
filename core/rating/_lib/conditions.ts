import type { Condition } from '../../frameworks/schema.js';
import { nationalFor } from '../rateValue/index.js';
import type { IndicatorRating } from '../types.js';

/** Ratings by indicator id; a sheet maps each indicator to one column, so ids are unique. */
export type RatingIndex = ReadonlyMap<string, IndicatorRating>;

export function indexRatings(ratings: readonly IndicatorRating[]): Map<string, IndicatorRating> {
  const byId = new Map<string, IndicatorRating>();
  for (const r of ratings) byId.set(r.indicator.id, r);
  return byId;
}

/**
 * Whether a condition holds for a school. An indicator that is not in the sheet meets no
 * condition: it is neither a concern nor evidence.
 */
export function holds(c: Condition, byId: RatingIndex): boolean {
  const r = byId.get(c.indicator);
  if (r === undefined) return false;
  if (c.rag !== undefined) return c.rag === 'G' ? r.rag === 'G' : c.rag === 'A' ? r.rag !== 'G' : r.rag === 'R';
  const v = r.value;
  if (v === undefined) return false;
  switch (c.evidence) {
    case 'outstanding':
      return (v.kind === 'ofsted-legacy' && v.grade === 1) || (v.kind === 'ofsted-report-card' && v.grade === 'exceptional');
    case 'above-national':
    case 'top-quartile': {
      const rule = r.indicator.rule;
      if (rule.type !== 'threshold') return false;
      const higher = rule.direction === 'higher-is-better';
      if (v.kind === 'versus-national') {
        if (v.value === 'top-quartile') return true;
        if (c.evidence === 'top-quartile') return false;
        return higher ? v.value === 'above' || v.value === 'well-above' : v.value === 'below' || v.value === 'well-below';
      }
      if (v.kind !== 'number') return false;
      if (c.evidence === 'top-quartile') {
        if (rule.topQuartile === undefined) return false;
        return higher ? v.value >= rule.topQuartile : v.value <= rule.topQuartile;
      }
      const national = nationalFor(rule, r.phase);
      return higher ? v.value > national : v.value < national;
    }
    default:
      return false;
  }
}
