import type ExcelJS from 'exceljs';
import { parseAddress } from '../core/sheet/address.js';
import { LEGEND_SHEET, NOTE_PREFIX, RAG_FILL, type Marks } from '../core/sheet/marks.js';
import { emptySheetState, readState, textHash, writeState, type SheetState, type State } from './state.js';

export { STATE_SHEET } from './state.js';

type Fill = ExcelJS.Fill;

const argb = (hex: string): string => `FF${hex.slice(1).toUpperCase()}`;
const solid = (hex: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: argb(hex) } });
const RAG_ARGB = new Set(Object.values(RAG_FILL).map(argb));

/** The colour of a solid fill, if the cell has one. */
function fillArgb(fill: ExcelJS.Fill | undefined): string | undefined {
  return fill && fill.type === 'pattern' ? fill.fgColor?.argb : undefined;
}

function noteText(note: ExcelJS.Cell['note']): string {
  if (note === undefined || note === null) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

function cellString(cell: ExcelJS.Cell): string {
  return typeof cell.value === 'string' ? cell.value : '';
}

/** exceljs shares one style object between cells: give the cell its own before changing it. */
function setFill(cell: ExcelJS.Cell, fill: Fill | undefined): void {
  const style: Partial<ExcelJS.Style> = { ...cell.style };
  if (fill) style.fill = fill;
  else delete style.fill;
  cell.style = style;
}

/**
 * exceljs has no way to delete a note: the cell keeps it in `_comment` and, after a load, in
 * its value's model too. Setting the same value again gives a fresh value without the note.
 */
function removeNote(cell: ExcelJS.Cell): void {
  (cell as unknown as { _comment?: unknown })._comment = undefined;
  const value = cell.value;
  cell.value = value;
}

/**
 * Undoes Waymark's earlier marks on the sheet, except at the addresses it is about to mark
 * again. Only what is still Waymark's is undone: a fill that is no longer a Waymark colour and
 * an output cell whose text someone changed (or that moved, after a column was inserted) are
 * the team's now, and stay.
 */
function undoSheetMarks(ws: ExcelJS.Worksheet, sheet: SheetState, keep: ReadonlySet<string>): { left: SheetState; cleared: string[] } {
  const left = emptySheetState();
  const cleared: string[] = [];
  for (const address of sheet.filled) {
    if (keep.has(address)) {
      left.filled.push(address);
      const original = sheet.originals[address];
      if (original) left.originals[address] = original;
      continue;
    }
    const cell = ws.getCell(address);
    if (RAG_ARGB.has(fillArgb(cell.style.fill) ?? '')) setFill(cell, sheet.originals[address] as unknown as Fill | undefined);
    if (noteText(cell.note).startsWith(NOTE_PREFIX)) removeNote(cell);
  }
  for (const [address, hash] of Object.entries(sheet.outputs)) {
    if (keep.has(address)) continue;
    const cell = ws.getCell(address);
    if (textHash(cellString(cell)) !== hash) continue;
    cleared.push(address);
    cell.value = null;
    const style: Partial<ExcelJS.Style> = { ...cell.style };
    delete style.fill;
    delete style.font;
    cell.style = style;
  }
  return { left, cleared };
}

/**
 * The cells Waymark changed on the sheet, for the package guard: every cell it ever coloured
 * (its fill is Waymark's colour or the team's put back) and every output cell it wrote or
 * cleared. Everything else on the sheet must come out of the save as it went in.
 */
export interface Touched {
  readonly fills: ReadonlySet<string>;
  readonly outputs: ReadonlySet<string>;
}

/**
 * Carries out a plan's marks on an exceljs worksheet: fills (recording each cell's fill before
 * the first time), a "Waymark:" note where the cell has no note of its own, the two output
 * columns and the legend sheet. Values, formulas, fonts, borders, number formats, merges,
 * comments and conditional formats are left as they were. Returns warnings for the officer.
 */
export function applyMarks(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, marks: Marks): { warnings: string[]; touched: Touched } {
  const { state, damaged } = readState(wb);
  const keep = new Set([...marks.fills.map((f) => f.address), ...marks.outputs.map((o) => o.address)]);
  const before = state.sheets[ws.name] ?? emptySheetState();
  const { left: sheet, cleared } = undoSheetMarks(ws, before, keep);
  const touched: Touched = {
    fills: new Set([...before.filled, ...marks.fills.map((f) => f.address)]),
    outputs: new Set([...cleared, ...marks.outputs.map((o) => o.address)]),
  };
  const known = new Set(sheet.filled);

  for (const f of marks.fills) {
    const cell = ws.getCell(f.address);
    if (!known.has(f.address)) {
      sheet.filled.push(f.address);
      known.add(f.address);
      const before = cell.style.fill;
      // A Waymark colour with no record (the record was lost) is not the team's own fill.
      if (before && !RAG_ARGB.has(fillArgb(before) ?? '')) sheet.originals[f.address] = structuredClone(before) as unknown as Record<string, unknown>;
    }
    setFill(cell, solid(f.colour));
    const existing = noteText(cell.note);
    if (existing === '' || existing.startsWith(NOTE_PREFIX)) cell.note = f.note;
  }
  for (const o of marks.outputs) {
    const cell = ws.getCell(o.address);
    cell.value = o.value;
    setFill(cell, o.colour ? solid(o.colour) : undefined);
    sheet.outputs[o.address] = textHash(o.value);
  }
  // The header cells of the output columns read as headings.
  for (const o of marks.outputs.slice(0, 2)) ws.getCell(o.address).style = { ...ws.getCell(o.address).style, font: { bold: true } };
  const why = marks.outputs[1];
  if (why) {
    const col = parseAddress(why.address)?.col;
    if (col !== undefined) ws.getColumn(col + 1).width = Math.max(ws.getColumn(col + 1).width ?? 0, 60);
  }

  const legendOld = wb.getWorksheet(LEGEND_SHEET);
  if (legendOld) wb.removeWorksheet(legendOld.id);
  const legend = wb.addWorksheet(LEGEND_SHEET);
  marks.legend.forEach((row, i) => {
    legend.getRow(i + 1).values = row.map((v) => v ?? null);
  });
  legend.getColumn(1).width = 22;
  legend.getColumn(2).width = 28;
  legend.getColumn(3).width = 60;
  legend.getCell('A1').font = { bold: true, size: 14 };
  const ragRow = marks.legend.findIndex((r) => r[0] === 'Green');
  if (ragRow >= 0) {
    (['G', 'A', 'R'] as const).forEach((rag, k) => {
      legend.getCell(ragRow + 1 + k, 1).fill = solid(RAG_FILL[rag]);
    });
  }
  const next: State = { version: 2, sheets: { ...state.sheets, [ws.name]: sheet } };
  writeState(wb, next);
  return { warnings: damaged ? [DAMAGED] : [], touched };
}

const DAMAGED =
  'The hidden "Waymark state" sheet was damaged, so fills from before an earlier run could not be restored; the cells now carry Waymark colours only.';

/** Removes every mark Waymark made on the sheet and puts the earlier fills back. */
export function clearMarks(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet): { restored: number; warnings: string[]; touched: Touched } {
  const { state, damaged } = readState(wb);
  const sheet = state.sheets[ws.name];
  const restored = sheet ? Object.keys(sheet.originals).length : 0;
  const cleared = sheet ? undoSheetMarks(ws, sheet, new Set()).cleared : [];
  const touched: Touched = { fills: new Set(sheet?.filled ?? []), outputs: new Set(cleared) };
  const { [ws.name]: _cleared, ...others } = state.sheets;
  const legend = wb.getWorksheet(LEGEND_SHEET);
  if (legend && Object.keys(others).length === 0) wb.removeWorksheet(legend.id);
  writeState(wb, { version: 2, sheets: others });
  return { restored, warnings: damaged ? [DAMAGED] : [], touched };
}
