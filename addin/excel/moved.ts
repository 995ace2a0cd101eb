import { identityText, movedRows, schoolMoved } from '../../core/sheet/movedRows.js';
import { cellKey } from './areas.js';
import { valueAt, type SheetRead } from './read.js';
import { textHash } from './state.js';

export interface RowsMovedError {
  readonly code: 'rows-moved';
  readonly message: string;
}

/**
 * Refuses a sheet whose rows moved under Waymark's record (rows inserted or deleted above
 * rated schools since it was rated): the record keeps cells by address, so its fills would be
 * put back onto other schools. Nothing is changed; the officer is told how to go on.
 */
export function rowsMovedError(read: SheetRead): RowsMovedError | undefined {
  const mine = read.state.sheets[read.sheet.id];
  if (!mine) return undefined;
  const hashAt = (row: number, col: number) => textHash(valueAt(read, cellKey(row, col)));
  const moved = movedRows(mine.outputs, hashAt, read.origin.row + read.grid.length - 1);
  const changed = moved ? undefined : schoolMoved(mine.ids, (row, col) => textHash(identityText(valueAt(read, cellKey(row, col)))), textHash(''));
  if (!moved && changed === undefined) return undefined;
  const where = moved ? `the suggestion it wrote on row ${moved.was} is now on row ${moved.now}` : `row ${changed} no longer holds the school it rated there`;
  return {
    code: 'rows-moved',
    message: `Rows were inserted, deleted or sorted on this sheet since Waymark rated it (${where}), so its record of the fills it changed no longer lines up with the schools. Nothing was changed. Undo that change, Clear, redo it, then Rate again.`,
  };
}
