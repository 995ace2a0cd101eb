import { parseAddress } from './address.js';

/** Where a school's output row was when Waymark wrote it, and where it is now (1-based rows). */
export interface MovedRow {
  readonly was: number;
  readonly now: number;
}

/**
 * Whether rows were inserted or deleted above rated schools since Waymark's record of its
 * output cells (address → hash of the text it wrote) was written. Such records keep cells by
 * address, so the fills in them would be "put back" onto other schools. A row's output texts
 * (suggestion and why, together) that only one row of the record had, found on another row
 * and gone from their own, can only have moved there. Returns the first such row, or undefined
 * when nothing moved or the record cannot tell. `hashAt` hashes the text now in a cell
 * (0-based row and column), the same way the record did; rows up to `lastRow` are searched.
 *
 * @example
 * // Suggestion and why written on row 3; a row inserted at row 2 has moved them to row 4.
 * movedRows({ F3: 'a1', G3: 'b2' }, (r, c) => (r === 3 ? ['a1', 'b2'][c - 5] ?? '' : ''), 10) //=> { was: 3, now: 4 }
 */
export function movedRows(outputs: Readonly<Record<string, string>>, hashAt: (row: number, col: number) => string, lastRow: number): MovedRow | undefined {
  const cols = new Set<number>();
  const byRow = new Map<number, Map<number, string>>();
  for (const [address, hash] of Object.entries(outputs)) {
    const at = parseAddress(address);
    if (!at) continue;
    cols.add(at.col);
    const row = byRow.get(at.row) ?? new Map<number, string>();
    row.set(at.col, hash);
    byRow.set(at.row, row);
  }
  if (cols.size < 2) return undefined;
  const columns = [...cols].sort((a, b) => a - b);
  // Rows of the record by their texts; texts two rows shared say nothing about where a row went.
  const recorded = new Map<string, number | null>();
  for (const [row, hashes] of byRow) {
    if (hashes.size < columns.length) continue;
    const key = columns.map((c) => hashes.get(c)).join('|');
    recorded.set(key, recorded.has(key) ? null : row);
  }
  const now = (row: number) => columns.map((c) => hashAt(row, c)).join('|');
  // Rows past the sheet's last are empty, and Waymark never wrote empty texts: nothing to find
  // there (a damaged record naming row 1,048,576 must not make this walk a million rows).
  for (let row = 0; row <= lastRow; row++) {
    const was = recorded.get(now(row));
    if (was === undefined || was === null || was === row) continue;
    if (now(was) !== now(row)) return { was: was + 1, now: row + 1 };
  }
  return undefined;
}

const EXCEL_ERROR = /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NULL!|NUM!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

/**
 * The text a school's identity cell (its URN, else its name) is recorded by: what it shows,
 * whatever form the workbook keeps it in (a formula's result, rich text, a number).
 *
 * @example
 * identityText(101234) //=> '101234'
 * identityText({ formula: 'A1', result: ' Oak ' }) //=> 'Oak'
 * identityText({ text: '101234', hyperlink: 'https://…' }) //=> '101234'
 */
export function identityText(value: unknown): string {
  // An error shown (a lookup's #N/A) identifies no school, however the workbook keeps it.
  if (typeof value === 'string') return EXCEL_ERROR.test(value.trim()) ? '' : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  if (value && typeof value === 'object') {
    if ('result' in value) return identityText(value.result);
    // A hyperlinked cell (a URN linked to its GIAS page): its text is what shows.
    if ('text' in value) return identityText(value.text);
    if ('richText' in value && Array.isArray(value.richText)) {
      return value.richText.map((t: unknown) => (t && typeof t === 'object' && 'text' in t && typeof t.text === 'string' ? t.text : '')).join('').trim();
    }
  }
  return '';
}

/**
 * The first rated row (1-based) that now holds another rated school than the one Waymark rated
 * there, from the record of each rated school's identity cell (address → hash of its identityText). This
 * catches what the output texts cannot: a sort of the schools' columns only (or of an Excel
 * table without Waymark's columns), or schools whose suggestion and why read the same.
 * `hashAt` hashes identityText of a cell now (0-based row and column), as the record did;
 * `blank` is the hash of the empty text (cells with it, recorded or now, are not compared).
 * Records from before identities were kept have none: nothing to tell.
 *
 * @example
 * schoolMoved({ B2: 'h1', B3: 'h2' }, (r) => ['', 'h2', 'h1'][r] ?? '') //=> 2
 */
export function schoolMoved(
  ids: Readonly<Record<string, string>> | undefined,
  hashAt: (row: number, col: number) => string,
  blank?: string,
): number | undefined {
  const rowsOf = new Map<string, Set<number>>();
  const cells: { row: number; col: number; hash: string }[] = [];
  for (const [address, hash] of Object.entries(ids ?? {})) {
    const at = parseAddress(address);
    if (!at) continue;
    cells.push({ ...at, hash });
    // An empty identity names no school: a cell that is empty now (the last school deleted, a
    // URN blanked) is never "another rated school". A row rated with none is still compared:
    // a school with a URN now on it has moved there.
    if (hash === blank) continue;
    const rows = rowsOf.get(hash) ?? new Set<number>();
    rows.add(at.row);
    rowsOf.set(hash, rows);
  }
  let first: number | undefined;
  for (const { row, col, hash } of cells) {
    const now = hashAt(row, col);
    if (now === hash) continue;
    // Another rated school's identity here: it moved. One the record never had is a school
    // renamed or its URN corrected, which moves nothing.
    if (!rowsOf.has(now)) continue;
    if (first === undefined || row + 1 < first) first = row + 1;
  }
  return first;
}
