import type ExcelJS from 'exceljs';
import type { CellValue } from '../core/indicators/types.js';
import type { Occupied } from '../core/sheet/emptiness.js';

/**
 * exceljs gives rich values (formula results, rich text, hyperlinks, errors, dates); the core
 * takes what Office.js gives. This is the one place that turns the first into the second.
 */
export function toCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('error' in value) return String(value.error);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return toCellValue((value.result ?? null) as ExcelJS.CellValue);
    if ('formula' in value || 'sharedFormula' in value) return null;
    if ('text' in value) return toCellValue(value.text as ExcelJS.CellValue);
  }
  return null;
}

/**
 * The worksheet as a 2-D grid from A1 to its last used cell. A merged area keeps its value in
 * its top-left cell only, as Office.js reports it, so a merged title is not read as many.
 */
export function worksheetGrid(ws: ExcelJS.Worksheet): CellValue[][] {
  return readWorksheet(ws).grid;
}

/**
 * The grid, and which of its cells hold something though their value reads blank: a formula
 * whose cached result is "" or absent (files written by scripts carry none), rich text or a
 * hyperlink with no text, an empty string, the inner cells of a merged area. Waymark writes
 * nothing over them.
 */
export function readWorksheet(ws: ExcelJS.Worksheet): { grid: CellValue[][]; occupied: Occupied } {
  const grid: CellValue[][] = [];
  const hidden = new Set<number>();
  const rows = ws.rowCount;
  const cols = ws.columnCount;
  for (let r = 1; r <= rows; r++) {
    const line: CellValue[] = [];
    const row = ws.getRow(r);
    for (let c = 1; c <= cols; c++) {
      const cell = row.getCell(c);
      const inner = cell.isMerged && cell.master !== cell;
      const value = inner ? null : toCellValue(cell.value);
      if ((value === null || value === '') && (inner || (cell.value !== null && cell.value !== undefined))) {
        hidden.add((r - 1) * 16_384 + (c - 1));
      }
      line.push(value);
    }
    grid.push(line);
  }
  return { grid, occupied: (r, c) => hidden.has(r * 16_384 + c) };
}
