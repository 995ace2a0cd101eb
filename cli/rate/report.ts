import type { Framework } from '../../core/frameworks/schema.js';
import type { FrameworkChoice } from '../../core/sheet/detectFramework.js';
import type { DataDate } from '../../core/sheet/findDataDate.js';
import type { SheetPlan } from '../../core/sheet/types.js';

/**
 * The JSON report of a rating: one entry per school row, plus the column mapping and the
 * cells that could not be read. Stable field names: other tools read it.
 */
export function buildReport(
  plan: SheetPlan,
  framework: Framework,
  sheet: string,
  ratedOn: string,
  found: { readonly choice?: FrameworkChoice; readonly dataDate?: DataDate } = {},
) {
  return {
    framework: {
      id: framework.id,
      name: framework.name,
      chosen: found.choice ? (found.choice.fromSheet ? 'detected' : 'default') : 'named',
      ...(found.choice && { reason: found.choice.reason }),
    },
    dataDate: found.dataDate ?? null,
    officerCategory: plan.officerCategory
      ? { column: plan.officerCategory.column.letter, header: plan.officerCategory.column.header, notInFramework: plan.officerCategory.misfits }
      : null,
    sheet,
    ratedOn,
    headerRow: plan.origin.row + plan.headerRow + 1,
    summary: plan.summary,
    columns: {
      mapped: plan.columns.indicators.map((c) => ({
        column: c.letter,
        header: c.header,
        indicator: c.indicatorId,
        matchedBy: c.matchedBy,
        confidence: c.confidence,
        evidence: c.evidence,
      })),
      /** Every column: indicator, identity, officer-category, ignored, confirm or unknown, with the evidence. */
      all: plan.columns.accounts.map((a) => ({
        column: a.letter,
        header: a.header,
        status: a.status,
        target: a.target ?? null,
        confidence: a.confidence ?? null,
        evidence: a.evidence,
        suggestions: a.suggestions,
      })),
      roles: Object.fromEntries(Object.entries(plan.columns.roles).map(([role, c]) => [role, { column: c.letter, header: c.header }])),
      unmapped: plan.columns.unmapped.map((c) => ({ column: c.letter, header: c.header })),
      ignored: plan.columns.ignored.map((c) => ({ column: c.letter, header: c.header })),
    },
    schools: plan.rows.map((row) => ({
      sheetRow: row.sheetRow,
      school: row.school,
      urn: row.urn ?? null,
      officerCategory: row.officerCategory
        ? { raw: row.officerCategory.raw, code: row.officerCategory.category?.code ?? null }
        : null,
      suggested:
        row.suggestion.status === 'category'
          ? { code: row.suggestion.category.code, label: row.suggestion.category.label }
          : null,
      status: row.suggestion.status,
      indicators: row.cells.map((c) => ({
        indicator: c.indicatorId,
        header: c.header,
        address: c.address,
        raw: c.raw,
        parsed: c.reading.status === 'value' ? c.reading.value : null,
        status: c.reading.status,
        rag: c.rag ?? null,
      })),
      rationale: row.suggestion.rationale,
    })),
    unreadable: plan.unreadable.map((u) => ({ address: u.address, school: u.school, header: u.header, raw: u.raw, reason: u.reason })),
    skippedRows: plan.skipped.map((s) => ({ sheetRow: s.sheetRow, reason: s.reason })),
    duplicates: plan.duplicates,
  };
}
