import type ExcelJS from 'exceljs';
import { parseAddress } from '../core/sheet/address.js';
import { findSheetRecord, readState, textHash, type SheetState } from './state.js';

/** Where a school's output row was when Waymark wrote it, and where it is now (1-based rows). */
export interface MovedRow {
  readonly was: number;
  readonly now: number;
}

/**
 * Whether rows were inserted or deleted above rated schools since Waymark's record was
 * written. The record keeps cells by address, so its fills would then be "put back" onto other
 * schools. A row's output texts (suggestion and why, together) that only one row of the
 * record had, found on another row and gone from their own, can only have moved there.
 * Returns the first such row, or undefined when nothing moved (or the record cannot tell).
 *
 * @example
 * movedRows(ws, record) //=> { was: 3, now: 4 } after a row was inserted at row 2
 */
export function movedRows(ws: ExcelJS.Worksheet, sheet: SheetState): MovedRow | undefined {
  const cols = new Set<number>();
  const byRow = new Map<number, Map<number, string>>();
  for (const [address, hash] of Object.entries(sheet.outputs)) {
    const at = parseAddress(address);
    if (!at) continue;
    cols.add(at.col);
    const row = byRow.get(at.row) ?? new Map<number, string>();
    row.set(at.col, hash);
    byRow.set(at.row, row);
  }
  if (cols.size < 2) return undefined;
  const columns = [...cols].sort((a, b) => a - b);
  const key = (hashes: (string | undefined)[]) => hashes.join('|');
  // Rows of the record by their texts; texts two rows shared say nothing about where a row went.
  const recorded = new Map<string, number | null>();
  for (const [row, hashes] of byRow) {
    if (hashes.size < columns.length) continue;
    const k = key(columns.map((c) => hashes.get(c)));
    recorded.set(k, recorded.has(k) ? null : row);
  }
  const now = (row: number) =>
    key(
      columns.map((c) => {
        const v = ws.getCell(row + 1, c + 1).value;
        return textHash(typeof v === 'string' ? v : '');
      }),
    );
  const last = Math.max(ws.rowCount, ...byRow.keys()) - 1;
  for (let row = 0; row <= last; row++) {
    const was = recorded.get(now(row));
    if (was === undefined || was === null || was === row) continue;
    if (now(was) !== now(row)) return { was: was + 1, now: row + 1 };
  }
  return undefined;
}

/** The refusal when rows moved: nothing is changed, and the officer is told how to go on. */
export const movedRowsWords = (sheet: string, m: MovedRow): string =>
  `rows were inserted or deleted on "${sheet}" since Waymark rated it (the suggestion it wrote on row ${m.was} is now on row ${m.now}), so its record of the fills it changed no longer lines up with the schools; nothing was changed. Undo the row change, run --clear, redo the change, then rate again.`;

/** The refusal for a sheet whose rows moved under Waymark's record, if they did. */
export function rowsMovedRefusal(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet): string | undefined {
  const record = findSheetRecord(readState(wb).state, ws);
  const moved = record ? movedRows(ws, record.sheet) : undefined;
  return moved ? movedRowsWords(ws.name, moved) : undefined;
}
