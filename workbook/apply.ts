import type ExcelJS from 'exceljs';
import { builtInFrameworks } from '../core/frameworks/index.js';
import { parseAddress } from '../core/sheet/address.js';
import { identityText } from '../core/sheet/movedRows.js';
import { LEGEND_SHEET, NOTE_PREFIX, RAG_FILL, type Marks } from '../core/sheet/marks.js';
import { emptySheetState, findSheetRecord, readState, recordMismatchWords, sheetNames, textHash, writeState, type OutputLook, type SheetState, type State } from './state.js';

export { STATE_SHEET } from './state.js';

type Fill = ExcelJS.Fill;

const argb = (hex: string): string => `FF${hex.slice(1).toUpperCase()}`;
const solid = (hex: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: argb(hex) } });
const RAG_ARGB = new Set(Object.values(RAG_FILL).map(argb));
/** The built-in frameworks' category colours: what Waymark paints on a Suggested cell. */
const CATEGORY_ARGB: ReadonlySet<string> = new Set(builtInFrameworks.flatMap((fw) => fw.categories.map((c) => argb(c.colour))));

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
 * Whether the cell's fill is still the one Waymark put there. The record names the colour it
 * put on each cell: a fill that matches it is Waymark's, anything else (a team's own "Bad"
 * style, even though it is the same pink) is not. Records from before colours were kept fall
 * back to "any Waymark colour".
 */
function stillWaymarksFill(cell: ExcelJS.Cell, colour: string | undefined): boolean {
  const now = fillArgb(cell.style.fill) ?? '';
  return colour !== undefined ? now === colour : RAG_ARGB.has(now);
}

/**
 * Takes Waymark's fill and bold off an output cell, where they are still Waymark's, putting
 * back what the cell had. The rest of its look was never Waymark's and is left as it is, with
 * whatever the team changed since.
 */
function undoOutputLook(cell: ExcelJS.Cell, look: OutputLook): void {
  const style: Partial<ExcelJS.Style> = { ...cell.style };
  if (look.fill && fillArgb(style.fill) === look.fill.put) {
    if (look.fill.was) style.fill = structuredClone(look.fill.was) as unknown as Fill;
    else delete style.fill;
  }
  if (look.bold && !look.bold.was && style.font?.bold === true) {
    const { bold: _bold, ...font } = style.font;
    if (Object.values(font).every((v) => v === undefined)) delete style.font;
    else style.font = font;
  }
  cell.style = style;
}

/**
 * A record from before looks were kept: all it says is that Waymark wrote the cell. Only what
 * can only be Waymark's is taken off: on a Suggested cell, a fill in exactly one of the category
 * colours (Waymark never coloured a Why cell, so Excel's Good/Neutral/Bad there is the team's), and, on the
 * column's heading cell, a bare bold font (the heading it wrote). A "Why" cell the team has
 * since highlighted or made bold keeps that.
 */
function undoLegacyOutputLook(cell: ExcelJS.Cell, heading: boolean, colours: ReadonlySet<string>): void {
  const style: Partial<ExcelJS.Style> = { ...cell.style };
  if (colours.has(fillArgb(style.fill) ?? '')) delete style.fill;
  const font = style.font;
  if (heading && font && font.bold === true && Object.entries(font).every(([k, v]) => k === 'bold' || v === undefined)) delete style.font;
  cell.style = style;
}

/** The leftmost column of the recorded output cells: Suggested, the one Waymark coloured. */
function suggestedColumn(addresses: readonly string[]): number | undefined {
  const cols = addresses.flatMap((a) => parseAddress(a)?.col ?? []);
  return cols.length > 0 ? Math.min(...cols) : undefined;
}

/** The topmost recorded output cell of each column: the heading Waymark wrote there. */
function outputHeadings(addresses: readonly string[]): Set<string> {
  const top = new Map<number, { row: number; address: string }>();
  for (const address of addresses) {
    const at = parseAddress(address);
    if (!at) continue;
    const seen = top.get(at.col);
    if (!seen || at.row < seen.row) top.set(at.col, { row: at.row, address });
  }
  return new Set([...top.values()].map((t) => t.address));
}

/**
 * Undoes Waymark's earlier marks on the sheet; at the addresses it is about to mark again,
 * only the looks (the cells then get their marks afresh). Only what is still Waymark's is
 * undone: a fill that is no longer the colour Waymark put and an output cell whose text
 * someone changed (or that moved, after a column was inserted) are the team's now, and stay.
 * An output cell Waymark empties gets back the fill and boldness it had, and keeps the rest.
 */
function undoSheetMarks(
  ws: ExcelJS.Worksheet,
  sheet: SheetState,
  keep: ReadonlySet<string>,
  paints: ReadonlySet<string> = CATEGORY_ARGB,
): { left: SheetState; cleared: string[]; recoloured: string[] } {
  const left = emptySheetState();
  const leftColours = (left.colours ??= {});
  const colours = sheet.colours ?? {};
  const looks = sheet.outputLooks ?? {};
  const cleared: string[] = [];
  const recoloured: string[] = [];
  for (const address of sheet.filled) {
    const cell = ws.getCell(address);
    // A cell to be rated again that no longer shows the colour Waymark put there was
    // recoloured by the team: their fill stays, and the cell is no longer Waymark's.
    if (keep.has(address) && !stillWaymarksFill(cell, colours[address])) recoloured.push(address);
    else if (keep.has(address)) {
      left.filled.push(address);
      const original = sheet.originals[address];
      if (original) left.originals[address] = original;
      const colour = colours[address];
      if (colour) leftColours[address] = colour;
      continue;
    }
    if (stillWaymarksFill(cell, colours[address])) setFill(cell, sheet.originals[address] as unknown as Fill | undefined);
    if (noteText(cell.note).startsWith(NOTE_PREFIX)) removeNote(cell);
  }
  const headings = outputHeadings(Object.keys(sheet.outputs));
  const suggested = suggestedColumn(Object.keys(sheet.outputs));
  const none: ReadonlySet<string> = new Set();
  for (const [address, hash] of Object.entries(sheet.outputs)) {
    const cell = ws.getCell(address);
    const ours = textHash(cellString(cell)) === hash;
    // Someone's own value: the whole cell is theirs now. An emptied cell still has Waymark's look.
    if (!ours && !(cell.value === null || cell.value === '')) continue;
    const look = looks[address];
    if (look) undoOutputLook(cell, look);
    // Waymark only ever coloured Suggested cells, in category colours: a Why cell's fill, even
    // Excel's Good/Neutral/Bad, is the team's.
    else undoLegacyOutputLook(cell, headings.has(address), parseAddress(address)?.col === suggested ? paints : none);
    cleared.push(address);
    if (!keep.has(address) && ours) cell.value = null;
  }
  return { left, cleared, recoloured };
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
  const lookup = findSheetRecord(state, ws, sheetNames(wb));
  const found = lookup && 'sheet' in lookup ? lookup : undefined;
  const mismatch = lookup !== undefined && 'mismatch' in lookup;
  const before = found?.sheet ?? emptySheetState();
  const paints = new Set([...CATEGORY_ARGB, ...marks.outputs.flatMap((o) => (o.colour ? [argb(o.colour)] : []))]);
  const { left: sheet, cleared, recoloured } = undoSheetMarks(ws, before, keep, paints);
  // Cells the team recoloured since the last rating, and those left to them before that still
  // show the colour they had then: the team's, not coloured, and the officer told.
  const teams: Record<string, string> = {};
  for (const address of recoloured) teams[address] = fillArgb(ws.getCell(address).style.fill) ?? '';
  for (const f of marks.fills) {
    const was = before.teams?.[f.address];
    if (was !== undefined && !(f.address in teams) && (fillArgb(ws.getCell(f.address).style.fill) ?? '') === was) teams[f.address] = was;
  }
  const leftAsTeams = new Set(Object.keys(teams));
  // A cell left to the team keeps its fill exactly: the guard holds it to that.
  const touched: Touched = {
    fills: new Set([...before.filled, ...marks.fills.map((f) => f.address)].filter((a) => !leftAsTeams.has(a))),
    outputs: new Set([...cleared, ...marks.outputs.map((o) => o.address)]),
  };
  const known = new Set(sheet.filled);
  const colours = (sheet.colours ??= {});
  const outputLooks = (sheet.outputLooks ??= {});
  const keptAsTeams: string[] = [];
  // A damaged record, or a legend with no record of this sheet: Waymark may have coloured it
  // before and lost track, so Good/Neutral/Bad fills are kept as the team's, and the officer told.
  const noRecord = damaged || mismatch || (before.filled.length === 0 && wb.getWorksheet(LEGEND_SHEET) !== undefined);

  for (const f of marks.fills) {
    if (leftAsTeams.has(f.address)) continue;
    const cell = ws.getCell(f.address);
    if (!known.has(f.address)) {
      sheet.filled.push(f.address);
      known.add(f.address);
      // No record of Waymark colouring this cell, so whatever fill it has is the team's,
      // Excel's Good/Neutral/Bad colours included (teams RAG by hand with those styles).
      const before = cell.style.fill;
      if (before) {
        sheet.originals[f.address] = structuredClone(before) as unknown as Record<string, unknown>;
        if (noRecord && RAG_ARGB.has(fillArgb(before) ?? '')) keptAsTeams.push(f.address);
      }
    }
    const fill = solid(f.colour);
    setFill(cell, fill);
    colours[f.address] = fillArgb(fill) ?? '';
    const existing = noteText(cell.note);
    if (existing === '' || existing.startsWith(NOTE_PREFIX)) cell.note = f.note;
  }
  // The header cells of the output columns read as headings.
  const headings = new Set(marks.outputs.slice(0, 2).map((o) => o.address));
  for (const o of marks.outputs) {
    const cell = ws.getCell(o.address);
    // Waymark's marks go on top of the team's look (font, borders, number format, alignment
    // stay): a category colour replaces the fill, a heading is made bold; what was there is
    // recorded, to be put back.
    const style: Partial<ExcelJS.Style> = { ...cell.style };
    const look: OutputLook = {};
    if (o.colour) {
      const fill = solid(o.colour);
      look.fill = { put: fillArgb(fill) ?? '', was: style.fill ? (structuredClone(style.fill) as unknown as Record<string, unknown>) : null };
      style.fill = fill;
    }
    if (headings.has(o.address)) {
      look.bold = { was: style.font?.bold === true };
      style.font = { ...style.font, bold: true };
    }
    cell.value = o.value;
    cell.style = style;
    sheet.outputs[o.address] = textHash(o.value);
    outputLooks[o.address] = look;
  }
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
  // Under the sheet's name of today, with its id; the record under an earlier name goes. A
  // record in doubt is not this sheet's to drop: it stays (moved aside if under this name).
  const { [found?.key ?? ws.name]: _earlier, ...dropped } = state.sheets;
  const kept = mismatch ? state.sheets : dropped;
  // A record already under this name is another sheet's (renamed away since): it moves aside.
  const { [ws.name]: namesake, ...rest } = kept;
  const others = namesake ? { ...rest, [`${ws.name} (sheet ${namesake.sheetId ?? '?'})`]: namesake } : kept;
  const idAt = (address: string) => {
    const at = parseAddress(address);
    return textHash(identityText(at ? ws.findCell(at.row + 1, at.col + 1)?.value : undefined));
  };
  const ids = Object.fromEntries(marks.identities.map((i) => [i.address, idAt(i.address)]));
  const next: State = { version: 2, sheets: { ...others, [ws.name]: { ...sheet, ...(leftAsTeams.size > 0 && { teams }), ...(marks.identities.length > 0 && { ids }), sheetId: ws.id } } };
  writeState(wb, next);
  const warnings = damaged ? [DAMAGED] : [];
  if (mismatch) warnings.push(recordMismatchWords(ws.name));
  if (keptAsTeams.length > 0) warnings.push(ragKeptWords(keptAsTeams));
  if (leftAsTeams.size > 0) warnings.push(recolouredWords([...leftAsTeams]));
  return { warnings, touched };
}

const DAMAGED =
  'The hidden "Waymark state" sheet was damaged, so fills from before an earlier run could not be restored; fills found on the cells were kept as the team\'s own.';

/** With no trustworthy record, a Good/Neutral/Bad fill may be the team's own RAG: it is kept as theirs. */
const ragKeptWords = (addresses: readonly string[]): string =>
  `With no record of Waymark's earlier fills on this sheet (the record was damaged, or the sheet is a copy of a rated one), the Good/Neutral/Bad colours already on ${addresses.length} rated ${addresses.length === 1 ? 'cell' : 'cells'} (${addresses.slice(0, 5).join(', ')}${addresses.length > 5 ? ', …' : ''}) were kept as the team's own and will be put back by --clear.`;

/** Cells the team recoloured after Waymark rated them keep the team's fill and are not rated. */
const recolouredWords = (addresses: readonly string[]): string =>
  `${addresses.slice(0, 5).join(', ')}${addresses.length > 5 ? `, … (${addresses.length} cells)` : ''}: coloured by the team since Waymark rated ${addresses.length === 1 ? 'it; left as it is' : 'them; left as they are'}, with no Waymark colour.`;

/** Removes every mark Waymark made on the sheet and puts the earlier fills back. */
export function clearMarks(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet): { restored: number; warnings: string[]; touched: Touched } {
  const { state, damaged } = readState(wb);
  const lookup = findSheetRecord(state, ws, sheetNames(wb));
  const found = lookup && 'sheet' in lookup ? lookup : undefined;
  const sheet = found?.sheet;
  const restored = sheet ? Object.keys(sheet.originals).length : 0;
  const cleared = sheet ? undoSheetMarks(ws, sheet, new Set()).cleared : [];
  const touched: Touched = { fills: new Set(sheet?.filled ?? []), outputs: new Set(cleared) };
  // A record in doubt is left as it is: it may be another sheet's.
  const { [found?.key ?? ws.name]: _cleared, ...dropped } = state.sheets;
  const others = found ? dropped : lookup ? state.sheets : dropped;
  const legend = wb.getWorksheet(LEGEND_SHEET);
  if (legend && Object.keys(others).length === 0) wb.removeWorksheet(legend.id);
  writeState(wb, { version: 2, sheets: others });
  const warnings = damaged ? [DAMAGED] : [];
  if (lookup && 'mismatch' in lookup) warnings.push(recordMismatchWords(ws.name));
  return { restored, warnings, touched };
}
