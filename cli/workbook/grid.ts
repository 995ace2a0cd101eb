import type ExcelJS from 'exceljs';
import type { CellValue } from '../../core/indicators/types.js';

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
  const grid: CellValue[][] = [];
  const rows = ws.rowCount;
  const cols = ws.columnCount;
  for (let r = 1; r <= rows; r++) {
    const line: CellValue[] = [];
    const row = ws.getRow(r);
    for (let c = 1; c <= cols; c++) {
      const cell = row.getCell(c);
      line.push(cell.isMerged && cell.master !== cell ? null : toCellValue(cell.value));
    }
    grid.push(line);
  }
  return grid;
}
