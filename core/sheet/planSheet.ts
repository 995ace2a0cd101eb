import type { Framework } from '../frameworks/schema.js';
import { readCell } from '../indicators/readCell/index.js';
import type { CellValue } from '../indicators/types.js';
import { cellText, displayValue } from '../rating/displayValue.js';
import { rateValue } from '../rating/rateValue/index.js';
import { suggestCategory } from '../rating/suggestCategory/index.js';
import type { IndicatorRating } from '../rating/types.js';
import { fail, ok, type Result } from '../result.js';
import { A1, type Origin } from './address.js';
import type { Occupied } from './emptiness.js';
import { matchCategory } from './matchCategory.js';
import { headerKey } from './normaliseHeader.js';
import { placeOutputs, type OutputRecord } from './outputColumns.js';
import { parsePhase } from './parsePhase.js';
import { readColumns } from './readColumns.js';
import { roles, type Role } from './roles.js';
import type {
  ColumnRef,
  IndicatorColumn,
  PlanError,
  RatedCell,
  SchoolRow,
  SheetPlan,
  UnreadableCell,
} from './types.js';

export interface PlanOptions {
  readonly framework: Framework;
  /** Today (yyyy-MM-dd): date rules such as "new head within 12 months" need it. */
  readonly today: string;
  /** Where the grid's top-left cell sits on the sheet; A1 by default. */
  readonly origin?: Origin;
  /** 1-based sheet row of the header, when the workbook says so. */
  readonly headerRow?: number;
  /** Heading text or column letters → indicator id, role, or "ignore". */
  readonly columns?: Readonly<Record<string, string>>;
  /** Cells that hold something though their value reads blank (formulas, rich text): never written over. */
  readonly occupied?: Occupied;
  /** Waymark's own record of its last run's output cells: the only way a column is taken as Waymark's. */
  readonly outputRecord?: OutputRecord;
}

const SUMMARY_ROW = /^(total|totals|average|averages|mean|median|key|notes?|la average|national)\b/i;

/**
 * Reads a categorisation sheet, given as the 2-D grid of values that Office.js, Graph and
 * exceljs all provide, and plans every mark Waymark would make: a RAG per indicator cell, a
 * suggested category and reasons per school, and where the output columns go.
 *
 * The header row is found below any title rows; each column is read by its heading's words
 * and checked by its values (see readColumns), and only columns read with medium or high
 * confidence are rated: the others are listed in `columns.accounts` to confirm. Blank,
 * section, repeated-header and total rows are skipped. Nothing is written: the CLI and the
 * add-in carry the plan out.
 *
 * @example
 * const plan = planSheet(
 *   [['Reading schools 2025/26'], ['School', 'URN', 'Attendance %', 'Safeguarding'],
 *    ['Oakfield Primary', 101234, '94.2%', 'Effective']],
 *   { framework: reading, today: '2026-11-24' },
 * );
 * // plan.ok && plan.value.rows[0].cells[0].rag === 'G'
 */
export function planSheet(grid: readonly (readonly CellValue[])[], options: PlanOptions): Result<SheetPlan, PlanError> {
  const { framework } = options;
  const origin = options.origin ?? A1;
  if (!grid.some((row) => row.some((v) => cellText(v) !== ''))) {
    return fail({ code: 'empty-sheet', message: 'The sheet is empty: there is nothing to rate.' });
  }

  const read = readColumns(grid, {
    indicators: framework.indicators,
    origin,
    frameworkName: framework.name,
    ...(options.headerRow !== undefined && { headerRow: options.headerRow }),
    ...(options.columns !== undefined && { columns: options.columns }),
  });
  if (!read.ok) return read;
  const h = read.value.headerRow;
  const accounts = read.value.accounts;
  const indicatorById = new Map(framework.indicators.map((i) => [i.id, i]));

  const roleCols: Partial<Record<Role, ColumnRef>> = {};
  const indicators: IndicatorColumn[] = [];
  const unmapped: ColumnRef[] = [];
  const ignored: ColumnRef[] = [];
  for (const a of accounts) {
    const ref: ColumnRef = { col: a.col, letter: a.letter, header: a.header };
    if (a.status === 'ignored') ignored.push(ref);
    else if (a.status === 'confirm' || a.status === 'unknown') {
      if (a.header !== '') unmapped.push(ref);
    } else if (a.status === 'indicator') {
      const indicator = a.target ? indicatorById.get(a.target) : undefined;
      if (!indicator) continue;
      indicators.push({
        ...ref,
        indicatorId: indicator.id,
        label: indicator.label,
        kind: indicator.kind,
        matchedBy: a.matchedBy ?? 'heading',
        confidence: a.confidence ?? 'medium',
        evidence: a.evidence,
      });
    } else if (a.target && (roles as readonly string[]).includes(a.target)) {
      roleCols[a.target as Role] ??= ref;
    }
  }
  const schoolCol = roleCols.school;
  if (!schoolCol) {
    return fail({
      code: 'no-header-row',
      message: `Row ${origin.row + h + 1} has no school-name column: head one column "School" or map it.`,
    });
  }
  // Compared as typed (case aside): a repeated header copies the header's own text.
  const schoolHeading = schoolCol.header.trim().toLowerCase();
  const firstData = Math.max(...read.value.headingRows) + 1;

  const output = placeOutputs(grid, h, { origin, occupied: options.occupied, record: options.outputRecord });
  const rows: SchoolRow[] = [];
  const skipped: SheetPlan['skipped'][number][] = [];
  const unreadable: UnreadableCell[] = [];
  const outputCols = new Set([output.suggestedCol, output.whyCol]);

  for (let r = firstData; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const sheetRow = origin.row + r + 1;
    const school = cellText(row[schoolCol.col]);
    if (school === '') continue;
    if (school.length === schoolHeading.length && school.toLowerCase() === schoolHeading) {
      // A section ("Secondary") may repeat the header under its own label.
      skipped.push({ row: r, sheetRow, reason: 'header' });
      continue;
    }
    if (SUMMARY_ROW.test(school)) {
      skipped.push({ row: r, sheetRow, reason: 'total' });
      continue;
    }
    const urn = roleCols.urn ? cellText(row[roleCols.urn.col]) : '';
    if (urn === '' && isLoneLabel(row, schoolCol.col, outputCols)) {
      // A lone label such as "Secondary schools" heads a section; it is not a school.
      skipped.push({ row: r, sheetRow, reason: 'section' });
      continue;
    }
    const phase = roleCols.phase ? parsePhase(row[roleCols.phase.col] ?? null) : undefined;
    const rateOptions = { phase, today: options.today };
    const cells: RatedCell[] = [];
    const ratings: IndicatorRating[] = [];
    for (const column of indicators) {
      const indicator = indicatorById.get(column.indicatorId);
      if (!indicator) continue;
      const raw = row[column.col] ?? null;
      const reading = readCell(raw, indicator.kind);
      const address = `${column.letter}${sheetRow}`;
      if (reading.status !== 'value') {
        const display = reading.status === 'invalid' ? cellText(raw) : '';
        if (reading.status === 'invalid') {
          unreadable.push({ address, row: r, col: column.col, school, header: column.header, raw, reason: reading.reason });
        }
        cells.push({ row: r, col: column.col, address, indicatorId: indicator.id, header: column.header, raw, reading, display });
        continue;
      }
      const rag = rateValue(reading.value, indicator, rateOptions);
      const display = displayValue(reading.value, indicator.kind, raw);
      if (!rag.ok) {
        unreadable.push({ address, row: r, col: column.col, school, header: column.header, raw, reason: rag.error });
        cells.push({ row: r, col: column.col, address, indicatorId: indicator.id, header: column.header, raw, reading, display });
        continue;
      }
      cells.push({ row: r, col: column.col, address, indicatorId: indicator.id, header: column.header, raw, reading, rag: rag.value, display });
      ratings.push({ indicator, rag: rag.value, display, value: reading.value, phase });
    }
    const officerRaw = roleCols['officer-category'] ? cellText(row[roleCols['officer-category'].col]) : '';
    const officerCategory = officerRaw === '' ? undefined : matchCategory(officerRaw, framework);
    // Optional fields are set only when present, so the plan has no undefined-valued keys.
    const record: { -readonly [K in keyof SchoolRow]: SchoolRow[K] } = { row: r, sheetRow, school, cells, suggestion: suggestCategory(ratings, framework, { unreadable: unreadOf(cells) }) };
    if (urn !== '') record.urn = urn;
    if (phase) record.phase = phase;
    const officer = roleText(row, roleCols.officer);
    if (officer) record.officer = officer;
    const head = roleText(row, roleCols.head);
    if (head) record.head = head;
    const headEmail = roleText(row, roleCols['head-email']);
    if (headEmail) record.headEmail = headEmail;
    const dataDate = roleText(row, roleCols['data-date']);
    if (dataDate) record.dataDate = dataDate;
    if (officerRaw !== '') record.officerCategory = officerCategory ? { raw: officerRaw, category: officerCategory } : { raw: officerRaw };
    rows.push(record);
  }

  return ok({
    framework: { id: framework.id, name: framework.name },
    origin,
    headerRow: h,
    columns: { roles: roleCols, indicators, unmapped, ignored, accounts },
    ...(roleCols['officer-category'] && { officerCategory: officerFit(rows, roleCols['officer-category']) }),
    output,
    rows,
    skipped,
    unreadable,
    duplicates: findDuplicates(rows),
    summary: summarise(rows, framework),
  });
}

/** This row's cells that could not be read, so the rationale names them rather than dropping them. */
function unreadOf(cells: readonly RatedCell[]): { label: string; raw: string }[] {
  const out: { label: string; raw: string }[] = [];
  for (const c of cells) if (c.reading.status === 'invalid' || (c.reading.status === 'value' && c.rag === undefined)) out.push({ label: c.header, raw: cellText(c.raw) });
  return out;
}

/** True when the row holds nothing but its label: a section heading such as "Secondary schools". */
function isLoneLabel(row: readonly CellValue[], labelCol: number, skip: ReadonlySet<number>): boolean {
  for (let c = 0; c < row.length; c++) {
    if (c === labelCol || skip.has(c)) continue;
    const v = row[c];
    if (v === null || v === undefined || v === '') continue;
    if (typeof v === 'string' && v.trim() === '') continue;
    return false;
  }
  return true;
}

/** The text of a row's identity cell, or undefined when the column is absent or the cell blank. */
function roleText(row: readonly CellValue[], ref: ColumnRef | undefined): string | undefined {
  const t = ref ? cellText(row[ref.col]) : '';
  return t === '' ? undefined : t;
}

/** How the officer's column sits with this framework: what it says that is no category here. */
function officerFit(rows: readonly SchoolRow[], column: ColumnRef): NonNullable<SheetPlan['officerCategory']> {
  const misfits = new Map<string, number>();
  let filled = 0;
  for (const row of rows) {
    const o = row.officerCategory;
    if (!o) continue;
    filled++;
    if (!o.category) misfits.set(o.raw, (misfits.get(o.raw) ?? 0) + 1);
  }
  return { column, filled, misfits: [...misfits].map(([raw, n]) => ({ raw, rows: n })) };
}

function findDuplicates(rows: readonly SchoolRow[]): SheetPlan['duplicates'] {
  const seen = new Map<string, { school: string; sheetRows: number[] }>();
  for (const row of rows) {
    const key = row.urn ? `urn:${row.urn}` : `name:${row.school.toLowerCase()}`;
    const entry = seen.get(key);
    if (entry) entry.sheetRows.push(row.sheetRow);
    else seen.set(key, { school: row.school, sheetRows: [row.sheetRow] });
  }
  return [...seen.values()].filter((e) => e.sheetRows.length > 1);
}

function summarise(rows: readonly SchoolRow[], framework: Framework): SheetPlan['summary'] {
  const counts = new Map(framework.categories.map((c) => [c.code, 0]));
  let insufficientData = 0;
  let disagreements = 0;
  for (const row of rows) {
    const s = row.suggestion;
    if (s.status === 'category') counts.set(s.category.code, (counts.get(s.category.code) ?? 0) + 1);
    else insufficientData++;
    const officer = row.officerCategory?.category;
    if (officer && s.status === 'category' && officer.code !== s.category.code) disagreements++;
  }
  return {
    schools: rows.length,
    byCategory: framework.categories.map((c) => ({ code: c.code, label: c.label, count: counts.get(c.code) ?? 0 })),
    insufficientData,
    disagreements,
  };
}
