import type { CellValue } from '../indicators/types.js';
import { cellAddress, parseAddress, type Origin } from './address.js';
import { holdsSomething, type Occupied } from './emptiness.js';
import { OUTPUT_HEADERS } from './roles.js';
import type { SheetPlan } from './types.js';

/**
 * What Waymark's own record (the CLI's very hidden state sheet, the add-in's document
 * settings) says about the output cells it wrote on its last run on this sheet.
 */
export interface OutputRecord {
  /** Sheet address (A1) → hash of the text Waymark wrote there. */
  readonly cells: ReadonlyMap<string, string>;
  /** The hash function the record was written with. */
  readonly hash: (text: string) => string;
}

export interface OutputPlacement {
  readonly origin: Origin;
  readonly occupied?: Occupied | undefined;
  readonly record?: OutputRecord | undefined;
}

/**
 * Where "Suggested category" and "Why" go. A column is Waymark's only when Waymark's record
 * says it wrote that heading there (at the same address, or with both headings moved by the
 * same offset, as when the team inserts a column to their left) and nothing below the heading
 * is text Waymark did not write: a column the team headed "Suggested category" themselves, or
 * typed into, is theirs, and the outputs go beside everything. New columns
 * go right of the last cell that holds anything, formulas whose result is blank and
 * whitespace included.
 *
 * @example
 * placeOutputs([['School', 'Suggested category'], ['Oak', 'R (SIA)']], 0, { origin: A1 })
 * //=> { suggestedCol: 2, whyCol: 3, reused: false }
 */
export function placeOutputs(grid: readonly (readonly CellValue[])[], headerRow: number, options: OutputPlacement): SheetPlan['output'] {
  const own = ownHeadings(grid, headerRow, options);
  if (own.suggested !== undefined && own.why !== undefined) return { suggestedCol: own.suggested, whyCol: own.why, reused: true };
  const next = lastUsedColumn(grid, options.occupied) + 1;
  if (own.suggested !== undefined) return { suggestedCol: own.suggested, whyCol: next, reused: true };
  if (own.why !== undefined) return { suggestedCol: next, whyCol: own.why, reused: true };
  return { suggestedCol: next, whyCol: next + 1, reused: false };
}

function lastUsedColumn(grid: readonly (readonly CellValue[])[], occupied: Occupied | undefined): number {
  let last = -1;
  grid.forEach((row, r) => {
    for (let c = row.length - 1; c > last; c--) {
      if (holdsSomething(grid, r, c, occupied)) {
        last = c;
        break;
      }
    }
  });
  return last;
}

/** The grid columns of the headings Waymark's record says are its own. */
function ownHeadings(
  grid: readonly (readonly CellValue[])[],
  headerRow: number,
  { origin, record, occupied }: OutputPlacement,
): { suggested?: number; why?: number } {
  if (!record || record.cells.size === 0) return {};
  const written = new Set(record.cells.values());
  // Below its heading, an own column holds nothing but text Waymark wrote (rows may have been
  // inserted since, so any of its texts, not only the one recorded at that address). A cell
  // the team typed there makes the column theirs: the outputs then go beside it.
  const onlyWaymarkText = (col: number | undefined): boolean => {
    if (col === undefined) return false;
    for (let r = headerRow + 1; r < grid.length; r++) {
      if (!holdsSomething(grid, r, col, occupied)) continue;
      const v = grid[r]?.[col];
      if (typeof v !== 'string' || v === '' || !written.has(record.hash(v))) return false;
    }
    return true;
  };
  const header = grid[headerRow] ?? [];
  const textAt = (col: number): string => {
    const v = header[col];
    return typeof v === 'string' ? v : '';
  };
  const recordedAs = (col: number, text: string): boolean =>
    text !== '' && record.cells.get(cellAddress(headerRow, col, origin)) === record.hash(text);
  const found: { suggested?: number; why?: number } = {};
  header.forEach((_, col) => {
    const text = textAt(col);
    if (text === OUTPUT_HEADERS.suggested && found.suggested === undefined && recordedAs(col, text)) found.suggested = col;
    if (text === OUTPUT_HEADERS.why && found.why === undefined && recordedAs(col, text)) found.why = col;
  });
  if (!onlyWaymarkText(found.suggested)) delete found.suggested;
  if (!onlyWaymarkText(found.why)) delete found.why;
  if (found.suggested !== undefined || found.why !== undefined) return found;

  // Both recorded headings moved together (a column or row inserted before them).
  const suggestedHash = record.hash(OUTPUT_HEADERS.suggested);
  const whyHash = record.hash(OUTPUT_HEADERS.why);
  const recorded = [...record.cells].flatMap(([address, hash]) => {
    const at = parseAddress(address);
    return at ? [{ ...at, hash }] : [];
  });
  for (const s of recorded.filter((e) => e.hash === suggestedHash)) {
    const w = recorded.find((e) => e.hash === whyHash && e.row === s.row);
    if (!w) continue;
    const gap = w.col - s.col;
    const candidates = header
      .map((_, col) => col)
      .filter((col) => textAt(col) === OUTPUT_HEADERS.suggested && textAt(col + gap) === OUTPUT_HEADERS.why);
    // Only an unambiguous pair is taken as Waymark's.
    const [only, ...others] = candidates;
    if (only !== undefined && others.length === 0 && onlyWaymarkText(only) && onlyWaymarkText(only + gap)) {
      return { suggested: only, why: only + gap };
    }
  }
  return {};
}
