/**
 * A1-style addresses. Grids are 0-based; an origin says where the grid's top-left cell sits
 * on the sheet, because a used range need not start at A1.
 */
export interface Origin {
  /** 0-based sheet row of the grid's first row (0 = row 1). */
  readonly row: number;
  /** 0-based sheet column of the grid's first column (0 = column A). */
  readonly col: number;
}

export const A1: Origin = { row: 0, col: 0 };

/**
 * Column letters for a 0-based column index.
 *
 * @example
 * columnLetters(0) //=> 'A'
 * columnLetters(27) //=> 'AB'
 */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * The 0-based column index of column letters, or -1 when they are not letters.
 *
 * @example
 * columnIndex('AB') //=> 27
 */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * The A1 address of a grid cell.
 *
 * @example
 * cellAddress(2, 1, { row: 3, col: 0 }) //=> 'B6'
 */
export function cellAddress(row: number, col: number, origin: Origin = A1): string {
  return `${columnLetters(origin.col + col)}${origin.row + row + 1}`;
}

/**
 * Parses "B6" or "$B$6" into 0-based sheet coordinates, or undefined.
 *
 * @example
 * parseAddress('B6') //=> { row: 5, col: 1 }
 */
export function parseAddress(address: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m || !m[1] || !m[2]) return undefined;
  const row = Number(m[2]) - 1;
  if (row < 0) return undefined;
  return { row, col: columnIndex(m[1]) };
}
