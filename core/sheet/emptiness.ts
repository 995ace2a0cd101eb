import type { CellValue } from '../indicators/types.js';

/**
 * Cells whose value reads as blank but that hold something all the same: a formula whose
 * result is "" (or not yet calculated), empty rich text, a hyperlink with no text, the inner
 * cells of a merged area. The adapters know them (exceljs from the cell's model, Office.js from
 * `range.formulas`); a value alone cannot tell them from an empty cell. Grid coordinates.
 */
export type Occupied = (row: number, col: number) => boolean;

/**
 * Whether a value is nothing at all. Whitespace is something: a cell holding a space is the
 * team's, and Waymark writes nothing over it.
 *
 * @example
 * isBlankValue('') //=> true
 * isBlankValue(' ') //=> false
 */
export function isBlankValue(value: CellValue | undefined): boolean {
  return value === null || value === undefined || value === '';
}

/**
 * Whether a grid cell holds anything: a value (even whitespace), or something the adapter
 * reports as occupied although its value reads blank.
 *
 * @example
 * holdsSomething([[null, ' ']], 0, 1) //=> true (a space)
 * holdsSomething([['', null]], 0, 0, (r, c) => r === 0 && c === 0) //=> true (a formula whose result is "")
 */
export function holdsSomething(grid: readonly (readonly CellValue[])[], row: number, col: number, occupied?: Occupied): boolean {
  return !isBlankValue(grid[row]?.[col]) || (occupied?.(row, col) ?? false);
}
