import type { Framework } from '../../core/frameworks/index.js';
import type { CellValue } from '../../core/indicators/types.js';
import { columnLetters } from '../../core/sheet/address.js';
import type { SheetConfig } from '../../core/sheet/config.js';
import { planSheet } from '../../core/sheet/planSheet.js';
import type { SchoolRow } from '../../core/sheet/types.js';
import { fail, ok, type Result } from '../../core/result.js';
import type { ExcelContext } from './office.js';
import { errorText, type SheetRead } from './read.js';

/** Where the school rows live, from the last full read: what a selection read needs to know. */
export interface RowFrame {
  readonly sheetId: string;
  /** 0-based sheet column of the used range's first and last columns. */
  readonly firstCol: number;
  readonly lastCol: number;
  /** 1-based sheet row of the header. */
  readonly headerSheetRow: number;
}

export interface SelectedRow {
  readonly sheet: { readonly id: string; readonly name: string };
  /** 1-based sheet row of the active cell. */
  readonly sheetRow: number;
  readonly header: readonly CellValue[];
  readonly values: readonly CellValue[];
}

/** The frame of a full read and its plan's header row (0-based in the read's grid). */
export function rowFrame(read: SheetRead, headerRow: number): RowFrame {
  const width = Math.max(1, ...read.grid.map((r) => r.length));
  return { sheetId: read.sheet.id, firstCol: read.origin.col, lastCol: read.origin.col + width - 1, headerSheetRow: read.origin.row + headerRow + 1 };
}

const cellValue = (v: unknown): CellValue => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null);

/**
 * Reads the row of the active cell, and the header row, across the sheet's used columns, in
 * one round trip. Loads only: nothing is written.
 *
 * @example
 * const row = await readSelectedRow(context, frame); // one context.sync()
 */
export async function readSelectedRow(context: ExcelContext, frame: RowFrame): Promise<Result<SelectedRow, string>> {
  const ws = context.workbook.worksheets.getActiveWorksheet();
  ws.load('id,name');
  const cell = context.workbook.getActiveCell();
  cell.load('address');
  const band = `${columnLetters(frame.firstCol)}1:${columnLetters(frame.lastCol)}1048576`;
  const row = cell.getEntireRow().getIntersection(band);
  row.load('values');
  const header = ws.getRange(`${columnLetters(frame.firstCol)}${frame.headerSheetRow}:${columnLetters(frame.lastCol)}${frame.headerSheetRow}`);
  header.load('values');
  try {
    await context.sync();
  } catch (e) {
    return fail(`Excel could not read the selected row: ${errorText(e)}`);
  }
  const ref = cell.address.slice(cell.address.lastIndexOf('!') + 1);
  const sheetRow = Number(/\d+/.exec(ref)?.[0] ?? '0');
  return ok({
    sheet: { id: ws.id, name: ws.name },
    sheetRow,
    header: (header.values[0] ?? []).map(cellValue),
    values: (row.values[0] ?? []).map(cellValue),
  });
}

/**
 * The school on a selected row, rated by the same core plan as the whole sheet; undefined
 * when the row is not a school's (the header, a title, a section or total row, a blank).
 */
export function planSelectedRow(selected: SelectedRow, frame: RowFrame, config: SheetConfig, framework: Framework, today: string): SchoolRow | undefined {
  if (selected.sheet.id !== frame.sheetId || selected.sheetRow <= frame.headerSheetRow) return undefined;
  const plan = planSheet([[...selected.header], [...selected.values]], {
    framework,
    today,
    origin: { row: selected.sheetRow - 2, col: frame.firstCol },
    headerRow: selected.sheetRow - 1,
    columns: config.columns,
  });
  if (!plan.ok) return undefined;
  return plan.value.rows[0];
}
