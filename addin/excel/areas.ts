/**
 * Cells as numeric keys and A1 area lists. Waymark colours thousands of cells; Excel takes
 * them fastest as range areas (`worksheet.getRanges("D6:D40,F7")`), one write per colour, and
 * long area lists are reported to fail, so lists are split under ~8,000 characters.
 */
import { columnIndex, columnLetters } from '../../core/sheet/address.js';

/** Excel's column count: keys are row * COLS + col (0-based sheet coordinates). */
export const COLS = 16_384;
/** Longest area list passed to one getRanges call. */
export const MAX_AREAS_CHARS = 8_000;

export const cellKey = (row: number, col: number): number => row * COLS + col;
export const keyRow = (key: number): number => Math.floor(key / COLS);
export const keyCol = (key: number): number => key % COLS;
export const keyAddress = (key: number): string => `${columnLetters(keyCol(key))}${keyRow(key) + 1}`;

/** "D6" or "$D$6" → key, or undefined. */
export function addressKey(address: string): number | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m || !m[1] || !m[2]) return undefined;
  const col = columnIndex(m[1]);
  const row = Number(m[2]) - 1;
  return col < 0 || row < 0 ? undefined : cellKey(row, col);
}

/**
 * The fewest simple areas covering exactly these cells: vertical runs per column, merged
 * into rectangles where neighbouring columns have the same runs. Sorted, so output is stable.
 *
 * @example
 * toAreas([cellKey(5, 3), cellKey(6, 3), cellKey(5, 4), cellKey(6, 4), cellKey(9, 3)])
 * //=> ['D6:E7', 'D10']
 */
export function toAreas(keys: Iterable<number>): string[] {
  const sorted = [...new Set(keys)].sort((a, b) => keyCol(a) - keyCol(b) || a - b);
  // Runs per column: "start:end" (rows) → columns having that run.
  const runs = new Map<string, number[]>();
  let i = 0;
  while (i < sorted.length) {
    const first = sorted[i] as number;
    const col = keyCol(first);
    let end = keyRow(first);
    let j = i + 1;
    while (j < sorted.length && keyCol(sorted[j] as number) === col && keyRow(sorted[j] as number) === end + 1) {
      end += 1;
      j += 1;
    }
    const id = `${keyRow(first)}:${end}`;
    const cols = runs.get(id);
    if (cols) cols.push(col);
    else runs.set(id, [col]);
    i = j;
  }
  const areas: { col: number; row: number; text: string }[] = [];
  for (const [id, cols] of runs) {
    const [start, end] = id.split(':').map(Number) as [number, number];
    let k = 0;
    while (k < cols.length) {
      let last = k;
      while (last + 1 < cols.length && cols[last + 1] === (cols[last] as number) + 1) last += 1;
      const c0 = cols[k] as number;
      const c1 = cols[last] as number;
      const tl = `${columnLetters(c0)}${start + 1}`;
      const text = c0 === c1 && start === end ? tl : `${tl}:${columnLetters(c1)}${end + 1}`;
      areas.push({ col: c0, row: start, text });
      k = last + 1;
    }
  }
  return areas.sort((a, b) => a.col - b.col || a.row - b.row).map((a) => a.text);
}

/** Every cell key of an area list ("D6:E7", "D10"); invalid parts are skipped. */
export function expandAreas(areas: Iterable<string>): number[] {
  const out: number[] = [];
  for (const area of areas) {
    const [a = '', b = a] = area.split(':');
    const ka = addressKey(a);
    const kb = addressKey(b);
    if (ka === undefined || kb === undefined) continue;
    const r0 = Math.min(keyRow(ka), keyRow(kb));
    const r1 = Math.max(keyRow(ka), keyRow(kb));
    const c0 = Math.min(keyCol(ka), keyCol(kb));
    const c1 = Math.max(keyCol(ka), keyCol(kb));
    for (let c = c0; c <= c1; c++) for (let r = r0; r <= r1; r++) out.push(cellKey(r, c));
  }
  return out;
}

/**
 * Joins areas into comma-separated lists, each at most `max` characters.
 *
 * @example
 * chunkAreas(['A1', 'B2', 'C3'], 5) //=> ['A1,B2', 'C3']
 */
export function chunkAreas(areas: readonly string[], max = MAX_AREAS_CHARS): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const area of areas) {
    if (current === '') current = area;
    else if (current.length + 1 + area.length <= max) current += `,${area}`;
    else {
      chunks.push(current);
      current = area;
    }
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

/** Groups cells by a value (a colour), each group as chunked area lists. */
export function groupAreas(cells: ReadonlyMap<number, string>): { value: string; chunks: string[] }[] {
  const groups = new Map<string, number[]>();
  for (const [key, value] of cells) {
    const list = groups.get(value);
    if (list) list.push(key);
    else groups.set(value, [key]);
  }
  return [...groups.keys()].sort().map((value) => ({ value, chunks: chunkAreas(toAreas(groups.get(value) ?? [])) }));
}
