import type ExcelJS from 'exceljs';
import { z } from 'zod';
import type { OutputRecord } from '../core/sheet/outputColumns.js';

/**
 * A very hidden sheet remembers what Waymark did to each sheet, so a later run (or --clear)
 * can undo exactly that: which cells it coloured with which colour, the fills they had before,
 * a hash of each output cell's text (a cell whose text is no longer Waymark's is someone
 * else's now) and what it changed in each output cell's look.
 * Officers never see it.
 */
export const STATE_SHEET = 'Waymark state';

/** Excel keeps at most 32,767 characters in a cell: the record is spread over cells below it. */
const CHUNK = 30_000;

const outputLookSchema = z
  .object({
    fill: z.object({ put: z.string(), was: z.record(z.string(), z.unknown()).nullable() }).strict().optional(),
    bold: z.object({ was: z.boolean() }).strict().optional(),
  })
  .strict();

export type OutputLook = z.infer<typeof outputLookSchema>;

const sheetStateSchema = z
  .object({
    /** Cells Waymark filled. */
    filled: z.array(z.string()),
    /** The fill a filled cell had before Waymark first coloured it, where it had one. */
    originals: z.record(z.string(), z.record(z.string(), z.unknown())),
    /** Output cells Waymark wrote → hash of the text it wrote. */
    outputs: z.record(z.string(), z.string()),
    /**
     * The colour (ARGB) Waymark put on each filled cell: a fill is Waymark's only when the
     * record says Waymark put that very colour there. Absent in records from before it was kept.
     */
    colours: z.record(z.string(), z.string()).optional(),
    /**
     * What Waymark changed in each output cell's look, with what was there before: the fill it
     * put (a category colour) and the fill the cell had, and whether a heading was bold before
     * Waymark made it bold. Nothing else about an output cell's look is Waymark's to change.
     * Absent in records from before it was kept.
     */
    outputLooks: z.record(z.string(), outputLookSchema).optional(),
    /**
     * Cells Waymark rates but left to the team, because the team recoloured them after a
     * rating → the colour (ARGB, "" for none) they had then. Left again while they still show
     * it; a cell the team has since changed again is rated afresh, its fill recorded first.
     */
    teams: z.record(z.string(), z.string()).optional(),
    /**
     * The workbook's own id of the sheet (sheetId), which survives renaming: the record is
     * found by it first, by name only for records from before it was kept.
     */
    sheetId: z.number().int().optional(),
    /**
     * Each rated school's identity cell (URN, else name) → hash of its text: a row whose school
     * changed since (sorted, inserted, deleted) refuses a run. Absent in records from before.
     */
    ids: z.record(z.string(), z.string()).optional(),
  })
  .strict();

const stateSchema = z.object({ version: z.literal(2), sheets: z.record(z.string(), sheetStateSchema) }).strict();

export type SheetState = z.infer<typeof sheetStateSchema>;
export type State = z.infer<typeof stateSchema>;

export const emptySheetState = (): SheetState => ({ filled: [], originals: {}, outputs: {}, colours: {}, outputLooks: {} });

/** FNV-1a, 32 bits: enough to tell "still Waymark's text" from "someone typed here". */
export function textHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * Reads the record. A damaged one (cut short, edited, from an older version) is reported, and
 * treated as empty: earlier fills cannot then be restored, but nothing else is lost.
 */
export function readState(wb: ExcelJS.Workbook): { state: State; damaged: boolean } {
  const empty: State = { version: 2, sheets: {} };
  const ws = wb.getWorksheet(STATE_SHEET);
  if (!ws) return { state: empty, damaged: false };
  let text = '';
  for (let r = 1; r <= ws.rowCount; r++) {
    const v = ws.getCell(r, 1).value;
    if (typeof v !== 'string') break;
    text += v;
  }
  try {
    const parsed = stateSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { state: parsed.data, damaged: false };
  } catch {
    // fall through: not JSON
  }
  return { state: empty, damaged: true };
}

export function writeState(wb: ExcelJS.Workbook, state: State): void {
  const old = wb.getWorksheet(STATE_SHEET);
  if (old) wb.removeWorksheet(old.id);
  if (Object.keys(state.sheets).length === 0) return;
  const ws = wb.addWorksheet(STATE_SHEET, { state: 'veryHidden' });
  const text = JSON.stringify(state);
  for (let i = 0, r = 1; i < text.length; i += CHUNK, r++) ws.getCell(r, 1).value = text.slice(i, i + CHUNK);
}

/** A sheet as the record knows it: the workbook's id of it, and its name. */
export interface SheetRef {
  readonly id: number;
  readonly name: string;
}

/**
 * The record of a sheet, and the key it is under: found by the sheet's id, so a sheet renamed
 * since it was rated keeps its record; by name only for a record from before ids were kept
 * (a record under this name but for another sheet, one since renamed away, is not this one's).
 * An id is trusted only when the record's name is this sheet's, or no sheet is called that any
 * more (a real rename): tools that renumber sheet ids on save (LibreOffice, Google Sheets) would
 * otherwise hand one sheet another's record. Such a mismatch is reported as `mismatch`, with no
 * record: the caller treats the sheet as unrecorded and tells the officer.
 */
export function findSheetRecord(
  state: State,
  ws: SheetRef,
  names: ReadonlySet<string>,
): { key: string; sheet: SheetState } | { mismatch: string } | undefined {
  const same = state.sheets[ws.name];
  if (same?.sheetId === ws.id) return { key: ws.name, sheet: same };
  for (const [key, sheet] of Object.entries(state.sheets)) {
    if (sheet.sheetId !== ws.id) continue;
    if (key === ws.name || !names.has(key)) return { key, sheet };
    return { mismatch: key };
  }
  const byName = state.sheets[ws.name];
  if (!byName) return undefined;
  if (byName.sheetId === undefined) return { key: ws.name, sheet: byName };
  // Under this name, but for a sheet whose id is not this one's: renumbered, or another sheet.
  return { mismatch: ws.name };
}

/** The names of a workbook's sheets, for findSheetRecord. */
export const sheetNames = (wb: ExcelJS.Workbook): Set<string> => new Set(wb.worksheets.map((w) => w.name));

/** The record of a sheet of this workbook, or none (also when it is in doubt: see findSheetRecord). */
export function recordOf(state: State, wb: ExcelJS.Workbook, ws: SheetRef): { key: string; sheet: SheetState } | undefined {
  const found = findSheetRecord(state, ws, sheetNames(wb));
  return found && 'sheet' in found ? found : undefined;
}

/** Told when a sheet's record is in doubt: it is left alone, and the sheet treated as never rated. */
export const recordMismatchWords = (sheet: string): string =>
  `Waymark's record of "${sheet}" no longer matches the workbook's sheet numbers (a tool such as LibreOffice or Google Sheets renumbered them on save, or another sheet took the name), so it was not used: fills on "${sheet}" were kept as found, Good/Neutral/Bad colours as the team's own, and earlier fills could not be put back.`;

/**
 * The output cells Waymark's record says it wrote on this sheet: the planner takes a column as
 * Waymark's only from this, never from a heading alone.
 */
export function outputRecord(wb: ExcelJS.Workbook, ws: { readonly id: number; readonly name: string }): OutputRecord {
  const sheet = recordOf(readState(wb).state, wb, ws)?.sheet;
  return { cells: new Map(Object.entries(sheet?.outputs ?? {})), hash: textHash };
}
