import type ExcelJS from 'exceljs';
import { parseAddress } from '../../core/sheet/address.js';
import { LEGEND_SHEET, NOTE_PREFIX, RAG_FILL, type Marks } from '../../core/sheet/marks.js';

/**
 * A very hidden sheet remembers the fill each cell had before Waymark first coloured it, so a
 * later run (or --clear) can put it back exactly. Officers never see it.
 */
export const STATE_SHEET = 'Waymark state';

type Fill = ExcelJS.Fill | null;

interface State {
  /** Sheet name → address → the fill before Waymark, or null for none. */
  fills: Record<string, Record<string, Fill>>;
  /** Sheet name → addresses of the output cells Waymark wrote. */
  outputs: Record<string, string[]>;
}

const argb = (hex: string): string => `FF${hex.slice(1).toUpperCase()}`;
const solid = (hex: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: argb(hex) } });

function noteText(note: ExcelJS.Cell['note']): string {
  if (note === undefined || note === null) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

/** exceljs shares one style object between cells: give the cell its own before changing it. */
function setFill(cell: ExcelJS.Cell, fill: Fill): void {
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

function readState(wb: ExcelJS.Workbook): State {
  const ws = wb.getWorksheet(STATE_SHEET);
  const text = ws ? ws.getCell('A1').value : null;
  if (typeof text === 'string') {
    try {
      const parsed = JSON.parse(text) as Partial<State>;
      return { fills: parsed.fills ?? {}, outputs: parsed.outputs ?? {} };
    } catch {
      // A damaged state sheet means only that earlier fills cannot be restored.
    }
  }
  return { fills: {}, outputs: {} };
}

function writeState(wb: ExcelJS.Workbook, state: State): void {
  const old = wb.getWorksheet(STATE_SHEET);
  if (old) wb.removeWorksheet(old.id);
  const empty = Object.keys(state.fills).length === 0 && Object.keys(state.outputs).length === 0;
  if (empty) return;
  const ws = wb.addWorksheet(STATE_SHEET, { state: 'veryHidden' });
  ws.getCell('A1').value = JSON.stringify(state);
}

function clearSheetMarks(ws: ExcelJS.Worksheet, state: State, keep: ReadonlySet<string>): void {
  const fills = state.fills[ws.name] ?? {};
  for (const [address, original] of Object.entries(fills)) {
    if (keep.has(address)) continue;
    const cell = ws.getCell(address);
    setFill(cell, original);
    if (noteText(cell.note).startsWith(NOTE_PREFIX)) removeNote(cell);
    delete fills[address];
  }
  if (Object.keys(fills).length === 0) delete state.fills[ws.name];
  else state.fills[ws.name] = fills;
  for (const address of state.outputs[ws.name] ?? []) {
    if (keep.has(address)) continue;
    const cell = ws.getCell(address);
    cell.value = null;
    setFill(cell, null);
  }
  delete state.outputs[ws.name];
}

/**
 * Carries out a plan's marks on an exceljs worksheet: fills (recording each cell's fill before
 * the first time), a "Waymark:" note where the cell has no note of its own, the two output
 * columns and the legend sheet. Values, formulas, fonts, borders, number formats, merges,
 * comments and conditional formats are left as they were.
 */
export function applyMarks(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, marks: Marks): void {
  const state = readState(wb);
  const keep = new Set([...marks.fills.map((f) => f.address), ...marks.outputs.map((o) => o.address)]);
  clearSheetMarks(ws, state, keep);

  const fills = (state.fills[ws.name] ??= {});
  for (const f of marks.fills) {
    const cell = ws.getCell(f.address);
    if (!(f.address in fills)) fills[f.address] = cell.style.fill ? structuredClone(cell.style.fill) : null;
    setFill(cell, solid(f.colour));
    const existing = noteText(cell.note);
    if (existing === '' || existing.startsWith(NOTE_PREFIX)) cell.note = f.note;
  }
  for (const o of marks.outputs) {
    const cell = ws.getCell(o.address);
    cell.value = o.value;
    setFill(cell, o.colour ? solid(o.colour) : null);
  }
  state.outputs[ws.name] = marks.outputs.map((o) => o.address);
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
  writeState(wb, state);
}

/** Removes every mark Waymark made on the sheet and puts the earlier fills back. */
export function clearMarks(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet): { restored: number } {
  const state = readState(wb);
  const restored = Object.keys(state.fills[ws.name] ?? {}).length;
  clearSheetMarks(ws, state, new Set());
  const legend = wb.getWorksheet(LEGEND_SHEET);
  if (legend && Object.keys(state.fills).length === 0) wb.removeWorksheet(legend.id);
  writeState(wb, state);
  return { restored };
}
