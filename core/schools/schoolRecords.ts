import type { Framework } from '../frameworks/schema.js';
import { rowRatings } from '../sheet/rowRatings.js';
import type { SheetPlan } from '../sheet/types.js';
import type { SchoolRecord } from './types.js';

/**
 * The bot's school directory from a sheet plan: the same plan `npm run rate` and the add-in
 * use, so the three can never disagree about a school. The officer's category stands where
 * the sheet has one; otherwise the suggestion, marked as such.
 *
 * @example
 * const schools = schoolRecords(plan.value, '2026-11-01', reading);
 *
 * With the framework, each record also carries its ratings, for "why?" and "what would move it?".
 */
export function schoolRecords(plan: SheetPlan, dataDate?: string, framework?: Framework): SchoolRecord[] {
  const labels = new Map(plan.columns.indicators.map((i) => [i.indicatorId, i.label]));
  return plan.rows.map((row) => {
    const s = row.suggestion;
    const suggested = s.status === 'category' ? s.category : undefined;
    const officer = row.officerCategory?.category;
    const category = officer
      ? { category: officer, source: 'officer' as const }
      : suggested
        ? { category: suggested, source: 'suggested' as const }
        : undefined;
    const date = row.dataDate && /^\d{4}-\d{2}-\d{2}$/.test(row.dataDate) ? row.dataDate : dataDate;
    return {
      name: row.school,
      sheetRow: row.sheetRow,
      ...(row.urn !== undefined && { urn: row.urn }),
      ...(row.phase !== undefined && { phase: row.phase }),
      ...(row.officer !== undefined && { officer: row.officer }),
      ...(row.head !== undefined && { head: row.head }),
      ...(row.headEmail !== undefined && { headEmail: row.headEmail }),
      ...(category && { category }),
      ...(suggested && { suggested }),
      insufficientData: s.status === 'insufficient-data',
      rationale: s.rationale,
      indicators: row.cells
        .filter((c) => c.reading.status !== 'no-data')
        .map((c) => ({
          label: labels.get(c.indicatorId) ?? c.header,
          display: c.display,
          ...(c.rag && { rag: c.rag }),
        })),
      ...(date !== undefined && { dataDate: date }),
      ...(framework && {
        ratings: rowRatings(row, framework),
      }),
    };
  });
}
