/**
 * A1-style range addresses for the fake Excel context: "B2", "$B$2:D9", "C:C", "2:5",
 * "Sheet1!B2:D9", "'My sheet'!A1", and area lists "A1:B2, D4". Builds on the single-cell
 * helpers in core/sheet/address.ts. All coordinates are 0-based.
 */
import { columnIndex, columnLetters } from '../../core/sheet/address.js';

export { columnIndex, columnLetters };

/** Excel's grid: 1,048,576 rows by 16,384 columns (A..XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** A rectangle of cells, 0-based, with at least one row and one column. */
export interface Rect {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

export interface ParsedRange extends Rect {
  /** The sheet named before "!", unquoted, if any. */
  readonly sheet?: string;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

function cell(ref: string): { row: number; col: number } | undefined {
  const m = CELL.exec(ref);
  if (!m || !m[1] || !m[2]) return undefined;
  const row = Number(m[2]) - 1;
  const col = columnIndex(m[1]);
  if (row < 0 || row >= MAX_ROWS || col < 0 || col >= MAX_COLS) return undefined;
  return { row, col };
}

/** Splits "'My ''x'' sheet'!A1:B2" into sheet and the rest. */
export function splitSheet(address: string): { sheet?: string; ref: string } {
  const s = address.trim();
  if (s.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < s.length) {
      if (s[i] === "'") {
        if (s[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += s[i];
      i += 1;
    }
    if (s[i] !== "'" || s[i + 1] !== '!') return { ref: s };
    return { sheet: name, ref: s.slice(i + 2) };
  }
  const bang = s.lastIndexOf('!');
  if (bang < 0) return { ref: s };
  return { sheet: s.slice(0, bang), ref: s.slice(bang + 1) };
}

/**
 * Parses one area ("B2", "B2:D9", "C:E", "2:5", optionally "Sheet!"-prefixed), or returns
 * undefined when it is not a valid address.
 */
export function parseRange(address: string): ParsedRange | undefined {
  const { sheet, ref } = splitSheet(address);
  const parts = ref.split(':');
  if (parts.length < 1 || parts.length > 2) return undefined;
  const [a = '', b = a] = parts.map((p) => p.trim());
  let rect: Rect | undefined;
  const ca = cell(a);
  const cb = cell(b);
  if (ca && cb) {
    const row = Math.min(ca.row, cb.row);
    const col = Math.min(ca.col, cb.col);
    rect = { row, col, rows: Math.abs(ca.row - cb.row) + 1, cols: Math.abs(ca.col - cb.col) + 1 };
  } else if (parts.length === 2 && COL.test(a) && COL.test(b)) {
    const x = columnIndex(a.replace(/\$/g, ''));
    const y = columnIndex(b.replace(/\$/g, ''));
    if (x < 0 || y < 0 || x >= MAX_COLS || y >= MAX_COLS) return undefined;
    rect = { row: 0, col: Math.min(x, y), rows: MAX_ROWS, cols: Math.abs(x - y) + 1 };
  } else if (parts.length === 2 && ROW.test(a) && ROW.test(b)) {
    const x = Number(a.replace(/\$/g, '')) - 1;
    const y = Number(b.replace(/\$/g, '')) - 1;
    if (x < 0 || y < 0 || x >= MAX_ROWS || y >= MAX_ROWS) return undefined;
    rect = { row: Math.min(x, y), col: 0, rows: Math.abs(x - y) + 1, cols: MAX_COLS };
  }
  if (!rect) return undefined;
  return sheet === undefined ? rect : { sheet, ...rect };
}

/** Parses "A1:B2, D4" (comma-separated areas) or returns undefined if any area is invalid. */
export function parseAreas(address: string): ParsedRange[] | undefined {
  const out: ParsedRange[] = [];
  for (const part of address.split(',')) {
    const r = parseRange(part);
    if (!r) return undefined;
    out.push(r);
  }
  return out;
}

/** The cell reference part: "B2", "B2:D9", "C:C" or "2:5". */
export function formatRef(r: Rect): string {
  if (r.row === 0 && r.rows === MAX_ROWS) {
    return `${columnLetters(r.col)}:${columnLetters(r.col + r.cols - 1)}`;
  }
  if (r.col === 0 && r.cols === MAX_COLS) return `${r.row + 1}:${r.row + r.rows}`;
  const tl = `${columnLetters(r.col)}${r.row + 1}`;
  if (r.rows === 1 && r.cols === 1) return tl;
  return `${tl}:${columnLetters(r.col + r.cols - 1)}${r.row + r.rows}`;
}

/** Quotes a sheet name the way Excel does in addresses ("'My sheet'", "Sheet1"). */
export function quoteSheet(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[Rr]\d*[Cc]\d*$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "Sheet1!B2:D9", the form Office.js gives for Range.address. */
export function formatAddress(sheet: string, r: Rect): string {
  return `${quoteSheet(sheet)}!${formatRef(r)}`;
}
