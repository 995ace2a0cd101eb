import type { Framework } from '../frameworks/schema.js';
import type { IndicatorRating } from '../rating/types.js';
import type { SchoolRow } from './types.js';

/**
 * A planned school row's rated cells as core's ratings, with the value and the school's phase,
 * so that explainCategory and whatWouldMoveIt judge the school exactly as planSheet did
 * (phase-specific thresholds included).
 *
 * @example
 * const ratings = rowRatings(plan.rows[0], reading);
 * explainCategory(ratings, reading).text;
 */
export function rowRatings(row: SchoolRow, framework: Framework): IndicatorRating[] {
  const out: IndicatorRating[] = [];
  for (const c of row.cells) {
    if (!c.rag) continue;
    const indicator = framework.indicators.find((i) => i.id === c.indicatorId);
    if (!indicator) continue;
    out.push({
      indicator,
      rag: c.rag,
      display: c.display,
      ...(c.reading.status === 'value' && { value: c.reading.value }),
      ...(row.phase && { phase: row.phase }),
    });
  }
  return out;
}
