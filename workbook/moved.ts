import type ExcelJS from 'exceljs';
import { movedRows, type MovedRow } from '../core/sheet/movedRows.js';
import { readState, recordOf, textHash } from './state.js';

/** The refusal when rows moved: nothing is changed, and the officer is told how to go on. */
export const movedRowsWords = (sheet: string, m: MovedRow): string =>
  `rows were inserted, deleted or sorted on "${sheet}" since Waymark rated it (the suggestion it wrote on row ${m.was} is now on row ${m.now}), so its record of the fills it changed no longer lines up with the schools; nothing was changed. Undo that change, run --clear, redo it, then rate again.`;

/**
 * The refusal for a sheet whose rows moved under Waymark's record (see movedRows), if they
 * did: its fills would otherwise go back onto other schools.
 */
export function rowsMovedRefusal(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet): string | undefined {
  const record = recordOf(readState(wb).state, wb, ws);
  if (!record) return undefined;
  // Read without creating cells: getCell on a row the record names (a damaged one may name
  // row 1,048,576) would grow the sheet to it.
  const hashAt = (row: number, col: number) => {
    const v = row < ws.rowCount ? ws.findCell(row + 1, col + 1)?.value : undefined;
    return textHash(typeof v === 'string' ? v : '');
  };
  const moved = movedRows(record.sheet.outputs, hashAt, ws.rowCount - 1);
  return moved ? movedRowsWords(ws.name, moved) : undefined;
}
