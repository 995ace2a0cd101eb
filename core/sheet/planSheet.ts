import type { Framework, Indicator } from '../frameworks/schema.js';
import { readCell } from '../indicators/readCell/index.js';
import type { CellValue } from '../indicators/types.js';
import { cellText, displayValue } from '../rating/displayValue.js';
import { rateValue } from '../rating/rateValue/index.js';
import { suggestCategory } from '../rating/suggestCategory/index.js';
import type { IndicatorRating } from '../rating/types.js';
import { fail, ok, type Result } from '../result.js';
import { A1, columnIndex, columnLetters, type Origin } from './address.js';
import { matchCategory } from './matchCategory.js';
import { headerKey } from './normaliseHeader.js';
import { parsePhase } from './parsePhase.js';
import { roleOfHeader, roles, type Role } from './roles.js';
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
}

/** How far down a title block may push the header. */
const HEADER_SEARCH_ROWS = 30;
const SUMMARY_ROW = /^(total|totals|average|averages|mean|median|key|notes?|la average|national)\b/i;

type Target = { type: 'indicator'; indicator: Indicator } | { type: 'role'; role: Role } | { type: 'ignore' };

/**
 * Reads a categorisation sheet, given as the 2-D grid of values that Office.js, Graph and
 * exceljs all provide, and plans every mark Waymark would make: a RAG per indicator cell, a
 * suggested category and reasons per school, and where the output columns go.
 *
 * The header row is found below any title rows; columns are matched to the framework's
 * indicators by heading; blank, section and total rows are skipped. Nothing is written: the
 * CLI and the add-in carry the plan out.
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

  const byKey = indicatorIndex(framework);
  const mappings = resolveMappings(options.columns ?? {}, framework);
  if (!mappings.ok) return mappings;

  const targetOf = (header: string, col: number): Target | undefined => {
    const letter = columnLetters(origin.col + col);
    const mapped = mappings.value.byLetter.get(letter) ?? mappings.value.byKey.get(headerKey(header));
    if (mapped) return mapped;
    if (header === '') return undefined;
    const role = roleOfHeader(header);
    if (role) return { type: 'role', role };
    const indicator = byKey.get(headerKey(header));
    return indicator ? { type: 'indicator', indicator } : undefined;
  };

  const headerRow = findHeaderRow(grid, options, origin, targetOf);
  if (!headerRow.ok) return headerRow;
  const h = headerRow.value;
  const headerCells = grid[h] ?? [];

  const roleCols: Partial<Record<Role, ColumnRef>> = {};
  const indicators: IndicatorColumn[] = [];
  const unmapped: ColumnRef[] = [];
  const ignored: ColumnRef[] = [];
  const taken = new Set<string>();
  headerCells.forEach((value, col) => {
    const header = cellText(value);
    const target = targetOf(header, col);
    const ref: ColumnRef = { col, letter: columnLetters(origin.col + col), header };
    if (!target) {
      if (header !== '') unmapped.push(ref);
      return;
    }
    if (target.type === 'ignore') ignored.push(ref);
    else if (target.type === 'role') {
      if (roleCols[target.role] === undefined) roleCols[target.role] = ref;
      else unmapped.push(ref);
    } else if (taken.has(target.indicator.id)) {
      // A second column for the same indicator would count it twice in the best fit.
      unmapped.push(ref);
    } else {
      taken.add(target.indicator.id);
      indicators.push({
        ...ref,
        indicatorId: target.indicator.id,
        label: target.indicator.label,
        kind: target.indicator.kind,
        matchedBy: mappings.value.byLetter.has(ref.letter) || mappings.value.byKey.has(headerKey(header)) ? 'mapping' : 'alias',
      });
    }
  });
  const schoolCol = roleCols.school;
  if (!schoolCol) {
    return fail({
      code: 'no-header-row',
      message: `Row ${origin.row + h + 1} has no school-name column: head one column "School" or map it.`,
    });
  }

  const output = outputColumns(grid, roleCols);
  const indicatorById = new Map(framework.indicators.map((i) => [i.id, i]));
  const rows: SchoolRow[] = [];
  const skipped: SheetPlan['skipped'][number][] = [];
  const unreadable: UnreadableCell[] = [];
  const outputCols = new Set([output.suggestedCol, output.whyCol]);

  for (let r = h + 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const sheetRow = origin.row + r + 1;
    const school = cellText(row[schoolCol.col]);
    if (school === '') continue;
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
    columns: { roles: roleCols, indicators, unmapped, ignored },
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

function indicatorIndex(framework: Framework): Map<string, Indicator> {
  const byKey = new Map<string, Indicator>();
  for (const indicator of framework.indicators) {
    for (const name of [indicator.label, indicator.id.replace(/-/g, ' '), ...indicator.aliases]) {
      const key = headerKey(name);
      if (key !== '' && !byKey.has(key)) byKey.set(key, indicator);
    }
  }
  return byKey;
}

function resolveMappings(
  columns: Readonly<Record<string, string>>,
  framework: Framework,
): Result<{ byLetter: Map<string, Target>; byKey: Map<string, Target> }, PlanError> {
  const byLetter = new Map<string, Target>();
  const byKey = new Map<string, Target>();
  const indicatorById = new Map(framework.indicators.map((i) => [i.id, i]));
  for (const [source, to] of Object.entries(columns)) {
    let target: Target;
    if (to === 'ignore') target = { type: 'ignore' };
    else if ((roles as readonly string[]).includes(to)) target = { type: 'role', role: to as Role };
    else {
      const indicator = indicatorById.get(to);
      if (!indicator) {
        return fail({
          code: 'bad-mapping',
          message: `Column "${source}" is mapped to "${to}", which is not an indicator of ${framework.name}, a column role (${roles.join(', ')}) or "ignore".`,
        });
      }
      target = { type: 'indicator', indicator };
    }
    if (/^[A-Z]{1,3}$/.test(source) && columnIndex(source) >= 0) byLetter.set(source, target);
    else byKey.set(headerKey(source), target);
  }
  return ok({ byLetter, byKey });
}

function findHeaderRow(
  grid: readonly (readonly CellValue[])[],
  options: PlanOptions,
  origin: Origin,
  targetOf: (header: string, col: number) => Target | undefined,
): Result<number, PlanError> {
  if (options.headerRow !== undefined) {
    const r = options.headerRow - 1 - origin.row;
    if (r < 0 || r >= grid.length) {
      return fail({ code: 'no-header-row', message: `Header row ${options.headerRow} is outside the sheet's data.` });
    }
    return ok(r);
  }
  let best = -1;
  let bestScore = 0;
  const limit = Math.min(grid.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    let hasSchool = false;
    let score = 0;
    (grid[r] ?? []).forEach((value, col) => {
      const target = targetOf(cellText(value), col);
      if (!target || target.type === 'ignore') return;
      score++;
      if (target.type === 'role' && target.role === 'school') hasSchool = true;
    });
    // A header names the school column and at least one other known column.
    if (hasSchool && score >= 2 && score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  if (best < 0) {
    return fail({
      code: 'no-header-row',
      message: `No header row found in the first ${limit} rows: Waymark looks for a "School" column beside indicator headings such as "Attendance" or "Ofsted grade".`,
    });
  }
  return ok(best);
}

function outputColumns(
  grid: readonly (readonly CellValue[])[],
  roleCols: Partial<Record<Role, ColumnRef>>,
): SheetPlan['output'] {
  const suggested = roleCols['suggested-category'];
  const why = roleCols.why;
  if (suggested && why) return { suggestedCol: suggested.col, whyCol: why.col, reused: true };
  let last = -1;
  for (const row of grid) {
    for (let c = row.length - 1; c > last; c--) {
      if (cellText(row[c]) !== '') {
        last = c;
        break;
      }
    }
  }
  if (suggested) return { suggestedCol: suggested.col, whyCol: last + 1, reused: true };
  return { suggestedCol: last + 1, whyCol: last + 2, reused: false };
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
