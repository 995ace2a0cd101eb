import type ExcelJS from 'exceljs';
import { identityText, movedRows, schoolMoved } from '../core/sheet/movedRows.js';
import { readState, recordOf, textHash } from './state.js';

/** The refusal when rows moved: nothing is changed, and the officer is told how to go on. */
export const movedRowsWords = (sheet: string, m: { was: number; now: number } | { row: number }): string =>
  `rows were inserted, deleted or sorted on "${sheet}" since Waymark rated it (${'row' in m ? `row ${m.row} no longer holds the school it rated there` : `the suggestion it wrote on row ${m.was} is now on row ${m.now}`}), so its record of the fills it changed no longer lines up with the schools; nothing was changed. Undo that change, run --clear, redo it, then rate again.`;

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
  if (moved) return movedRowsWords(ws.name, moved);
  const idAt = (row: number, col: number) => textHash(identityText(row < ws.rowCount ? ws.findCell(row + 1, col + 1)?.value : undefined));
  const row = schoolMoved(record.sheet.ids, idAt, textHash(''));
  return row === undefined ? undefined : movedRowsWords(ws.name, { row });
}
