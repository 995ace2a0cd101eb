import type { Indicator } from '../frameworks/schema.js';
import type { CellValue } from '../indicators/types.js';
import { cellText } from '../rating/displayValue.js';
import { fail, ok, type Result } from '../result.js';
import { A1, columnIndex, columnLetters, type Origin } from './address.js';
import { decideColumn, USE_SCORE, type ColumnDecision } from './matchColumn.js';
import { headingMatcher, type Target } from './matchHeading.js';
import { headerKey } from './normaliseHeader.js';
import { roles, type Role } from './roles.js';
import type { ColumnAccount, PlanError } from './types.js';
import { columnValues } from './valueCheck.js';
import { headingWords } from './vocabulary.js';

/** How far down a title block may push the header. */
const HEADER_SEARCH_ROWS = 30;

export interface ReadColumnsOptions {
  readonly indicators: readonly Indicator[];
  /** Where the grid's top-left cell sits on the sheet; A1 by default. */
  readonly origin?: Origin;
  /** 1-based sheet row of the header, when the workbook says so. */
  readonly headerRow?: number;
  /** Heading text or column letters → indicator id, role, or "ignore" (the sheet config). */
  readonly columns?: Readonly<Record<string, string>>;
  /** Names the framework in messages about a bad mapping. */
  readonly frameworkName?: string;
}

export interface SheetColumns {
  /** 0-based grid row of the header (the lower row when there are two). */
  readonly headerRow: number;
  /** Rows that hold headings (one or two), so that data starts below them. */
  readonly headingRows: readonly number[];
  /** Every column with a heading or values, in sheet order, with what it is and why. */
  readonly accounts: readonly ColumnAccount[];
}

/**
 * Finds the header row and says what every column is: an indicator (with a confidence and
 * the evidence), an identity column, the officer's category, a column ignored on purpose,
 * one to confirm, or one not understood (with suggestions). Matching is by the heading's
 * words and then by the column's values; the sheet config's mapping overrides both.
 *
 * @example
 * const r = readColumns([['School', 'PA %'], ['Oak', '12%']], { indicators: reading.indicators });
 * r.ok && r.value.accounts[1] //=> { letter: 'B', status: 'indicator', target: 'persistent-absence', confidence: 'high', … }
 */
export function readColumns(grid: readonly (readonly CellValue[])[], options: ReadColumnsOptions): Result<SheetColumns, PlanError> {
  const origin = options.origin ?? A1;
  const mappings = resolveMappings(options.columns ?? {}, options.indicators, options.frameworkName ?? 'this framework');
  if (!mappings.ok) return mappings;
  const match = headingMatcher(options.indicators);
  const mappedTarget = (header: string, col: number): Target | undefined =>
    mappings.value.byLetter.get(columnLetters(origin.col + col)) ?? (header === '' ? undefined : mappings.value.byKey.get(headerKey(header)));
  const quick = (header: string, col: number): Target | undefined => {
    const mapped = mappedTarget(header, col);
    if (mapped) return mapped;
    // Values, e-mail addresses and sentences are not headings.
    if (header === '' || header.length > 80 || header.includes('@') || /^[\d.,%\s-]+$/.test(header)) return undefined;
    const best = match(header)[0];
    return best && best.score >= USE_SCORE ? best.target : undefined;
  };

  const found = findHeaderRow(grid, options, origin, quick);
  if (!found.ok) return found;
  const h = found.value;
  const parent = h > 0 && isGroupRow(grid[h - 1] ?? [], quick) ? h - 1 : undefined;
  const schoolCol = (grid[h] ?? []).findIndex((v, c) => {
    const t = quick(cellText(v), c);
    return t?.type === 'role' && t.role === 'school';
  });
  const sub = h + 1 < grid.length && isSubRow(grid[h + 1] ?? [], schoolCol) ? h + 1 : undefined;
  const firstData = (sub ?? h) + 1;
  const width = Math.max(...[h, parent, sub].map((r) => (r === undefined ? 0 : lastFilled(grid[r] ?? []) + 1)), widest(grid, firstData));

  const decisions: { col: number; decision: ColumnDecision }[] = [];
  const context = { match, indicators: options.indicators };
  for (let col = 0; col < width; col++) {
    const own = cellText(grid[h]?.[col]);
    const headings = [own];
    if (parent !== undefined) {
      const group = filledLeft(grid[parent] ?? [], col);
      if (group !== '' && own !== '') headings.push(`${group} ${own}`);
    }
    if (sub !== undefined) {
      const below = cellText(grid[sub]?.[col]);
      const group = own !== '' ? own : filledLeft(grid[h] ?? [], col);
      if (below !== '') headings.push(`${group} ${below}`.trim(), below);
      if (own === '' && below !== '') headings.shift();
    }
    const values = () => columnValues(grid, col, firstData);
    const mapped = mappedTarget(own, col) ?? headings.map((t) => mappedTarget(t, col)).find(Boolean);
    if (mapped) {
      decisions.push({ col, decision: confirmedBy(headings[0] ?? own, mapped) });
      continue;
    }
    if (headings.every((t) => t === '')) {
      if (values().sample.length === 0) continue;
    }
    decisions.push({ col, decision: decideColumn(headings, values, context) });
  }

  const accounts = settle(decisions, origin);
  return ok({ headerRow: h, headingRows: [parent, h, sub].filter((r): r is number => r !== undefined), accounts });
}

/** A column the workbook's own mapping names. */
function confirmedBy(header: string, target: Target): ColumnDecision {
  const status = target.type === 'ignore' ? 'ignored' : target.type === 'indicator' ? 'indicator' : target.role === 'officer-category' ? 'officer-category' : 'identity';
  return { header, status, target, confidence: 'confirmed', matchedBy: 'mapping', score: 1, evidence: 'set in the sheet config', suggestions: [] };
}

const rank = { confirmed: 4, high: 3, medium: 2, low: 1 } as const;

/**
 * One column per field: when two columns claim one indicator the surer one is used and the
 * other is listed to confirm; of several category columns the latest ("2025/26", "agreed",
 * "current") is the officer's and the others are kept as history.
 */
function settle(decisions: readonly { col: number; decision: ColumnDecision }[], origin: Origin): ColumnAccount[] {
  const accounts: ColumnAccount[] = decisions.map(({ col, decision: d }) => ({
    col,
    letter: columnLetters(origin.col + col),
    header: d.header,
    status: d.status,
    ...(d.target && d.target.type !== 'ignore' && { target: d.target.type === 'indicator' ? d.target.indicator.id : d.target.role }),
    ...(d.target?.type === 'indicator' && { label: d.target.indicator.label, kind: d.target.indicator.kind }),
    ...(d.confidence && { confidence: d.confidence }),
    ...(d.matchedBy && { matchedBy: d.matchedBy }),
    score: d.score,
    evidence: d.evidence,
    suggestions: d.suggestions,
  }));
  const claims = new Map<string, number[]>();
  accounts.forEach((a, i) => {
    if ((a.status === 'indicator' || a.status === 'identity' || a.status === 'officer-category') && a.target) {
      const list = claims.get(a.target) ?? [];
      list.push(i);
      claims.set(a.target, list);
    }
  });
  for (const [target, list] of claims) {
    if (list.length < 2) continue;
    const ordered = [...list].sort((x, y) => preference(accounts[y]!, target) - preference(accounts[x]!, target) || x - y);
    const kept = accounts[ordered[0]!]!;
    for (const i of ordered.slice(1)) {
      const a = accounts[i]!;
      if (target === 'officer-category') {
        accounts[i] = { ...a, status: 'ignored', evidence: `${a.evidence}; another category column: ${kept.letter} '${kept.header}' is the officer's`, suggestions: [] };
      } else {
        accounts[i] = {
          ...a,
          status: 'confirm',
          confidence: 'low',
          evidence: `${a.evidence}; column ${kept.letter} '${kept.header}' is already read as ${(kept.label ?? target).toLowerCase()}`,
          suggestions: [{ target, label: kept.label ?? target }],
        };
      }
    }
  }
  // "Previous category" is history, not the officer's current word.
  return accounts.map((a) =>
    a.status === 'officer-category' && headingWords(a.header).words.includes('previous')
      ? { ...a, status: 'ignored' as const, evidence: `${a.evidence}: an earlier category, kept by the team` }
      : a,
  );
}

function preference(a: ColumnAccount, target: string): number {
  let p = rank[a.confidence ?? 'low'] * 10 + a.score;
  if (target === 'officer-category') {
    const { years } = headingWords(a.header);
    p += (years[0] ?? 0) / 100;
    if (/\b(agreed|final|current|confirmed|now)\b/i.test(a.header)) p += 50;
    if (/\b(previous|prior|last year|old|was)\b/i.test(a.header)) p -= 100;
  }
  return p;
}

/** The nearest filled cell at or left of col: a merged group heading covers the columns to its right. */
function filledLeft(row: readonly CellValue[], col: number): string {
  for (let c = col; c >= 0; c--) {
    const t = cellText(row[c]);
    if (t !== '') return t;
  }
  return '';
}

function lastFilled(row: readonly CellValue[]): number {
  for (let c = row.length - 1; c >= 0; c--) if (cellText(row[c]) !== '') return c;
  return -1;
}

/** The widest data row, looked at in a sample of rows so that a big sheet is not read twice. */
function widest(grid: readonly (readonly CellValue[])[], from: number): number {
  let w = 0;
  const step = Math.max(1, Math.floor((grid.length - from) / 200));
  for (let r = from; r < grid.length; r += step) w = Math.max(w, lastFilled(grid[r] ?? []) + 1);
  return w;
}

/** Group headings above the header ("Attendance" over "Overall %" and "PA %"): two or more words, no title. */
function isGroupRow(row: readonly CellValue[], quick: (h: string, c: number) => Target | undefined): boolean {
  let filled = 0;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (v === null || v === undefined || cellText(v) === '') continue;
    if (typeof v !== 'string') return false;
    const t = quick(v, c);
    if (t?.type === 'role' && t.role === 'school') return false;
    filled++;
  }
  return filled >= 2;
}

/** Sub-headings under the header ("%", "Overall", "PA"): text, no school name, no values. */
function isSubRow(row: readonly CellValue[], schoolCol: number): boolean {
  if (schoolCol >= 0 && cellText(row[schoolCol]) !== '') return false;
  let filled = 0;
  for (const v of row) {
    if (v === null || v === undefined || cellText(v) === '') continue;
    if (typeof v !== 'string' || /\d/.test(v.replace(/\b(?:19|20)\d{2}\b|\b\d{2}\/\d{2}\b|\bks\s?\d\b|\b[pa]8\b|\by\d\b/gi, ''))) return false;
    filled++;
  }
  return filled >= 2;
}

function findHeaderRow(
  grid: readonly (readonly CellValue[])[],
  options: ReadColumnsOptions,
  origin: Origin,
  quick: (header: string, col: number) => Target | undefined,
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
      if (typeof value !== 'string') return;
      const target = quick(cellText(value), col);
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

function resolveMappings(
  columns: Readonly<Record<string, string>>,
  indicators: readonly Indicator[],
  frameworkName: string,
): Result<{ byLetter: Map<string, Target>; byKey: Map<string, Target> }, PlanError> {
  const byLetter = new Map<string, Target>();
  const byKey = new Map<string, Target>();
  const indicatorById = new Map(indicators.map((i) => [i.id, i]));
  for (const [source, to] of Object.entries(columns)) {
    let target: Target;
    if (to === 'ignore') target = { type: 'ignore' };
    else if ((roles as readonly string[]).includes(to)) target = { type: 'role', role: to as Role };
    else {
      const indicator = indicatorById.get(to);
      if (!indicator) {
        return fail({
          code: 'bad-mapping',
          message: `Column "${source}" is mapped to "${to}", which is not an indicator of ${frameworkName}, a column role (${roles.join(', ')}) or "ignore".`,
        });
      }
      target = { type: 'indicator', indicator };
    }
    if (/^[A-Z]{1,3}$/.test(source) && columnIndex(source) >= 0) byLetter.set(source, target);
    else byKey.set(headerKey(source), target);
  }
  return ok({ byLetter, byKey });
}
