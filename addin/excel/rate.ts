import { builtInFrameworks, getFramework, parseFramework, withThresholds, type Framework } from '../../core/frameworks/index.js';
import { detectFramework, type FrameworkChoice } from '../../core/sheet/detectFramework.js';
import { cellAddress, columnLetters } from '../../core/sheet/address.js';
import type { SheetConfig } from '../../core/sheet/config.js';
import { LEGEND_SHEET, planMarks, RAG_FILL, type Marks } from '../../core/sheet/marks.js';
import { putColours, stillWaymarkFill, waymarkColours } from './colours.js';
import { rowsMovedError, type RowsMovedError } from './moved.js';
import { identityText } from '../../core/sheet/movedRows.js';
import { planSheet } from '../../core/sheet/planSheet.js';
import type { PlanError, SheetPlan } from '../../core/sheet/types.js';
import { fail, ok, type Result } from '../../core/result.js';
import { addressKey, cellKey, chunkAreas, expandAreas, groupAreas, keyAddress, toAreas } from './areas.js';
import type { CellProps, ClientResult, ExcelContext, WorksheetLike } from './office.js';
import { boldAt, errorText, fillAt, normaliseFill, readSheet, valueAt, type ReadError, type SheetRead } from './read.js';
import { encodePuts, MAX_STATE_CHARS, STATE_KEY, textHash, type SheetMarks, type WaymarkState } from './state.js';

/**
 * The framework a workbook's configuration names (built in, or the custom one saved with it),
 * with its threshold overrides applied. Errors name the field.
 */
export function resolveFramework(config: SheetConfig, customFramework?: unknown): Result<Framework, string[]> {
  let base: Result<Framework, string[]>;
  const id = config.framework ?? 'reading';
  const builtIn = getFramework(id);
  if (builtIn.ok) base = builtIn;
  else if (customFramework !== undefined) {
    base = parseFramework(customFramework);
    if (base.ok && base.value.id !== id.trim().toLowerCase() && config.framework !== undefined) {
      return fail([`framework: the workbook names "${id}" but its saved custom framework is "${base.value.id}"`]);
    }
  } else base = fail([`framework: ${builtIn.error}`]);
  if (!base.ok) return base;
  if (Object.keys(config.thresholds).length === 0) return base;
  const adjusted = withThresholds(base.value, config.thresholds);
  return adjusted.ok ? adjusted : fail(adjusted.error.map((e) => `thresholds.${e}`));
}

/**
 * The framework for the sheet just read: the one saved in the workbook, else the built-in one
 * the sheet's own category column is written in (`detected` says why), else Reading. Detected
 * from the sheet being rated, so switching sheets never carries one sheet's choice to another.
 */
export function sheetFramework(read: SheetRead): Result<{ framework: Framework; detected?: FrameworkChoice }, string[]> {
  if (read.config.framework === undefined && read.customFramework === undefined) {
    const choice = detectFramework(read.grid, builtInFrameworks, {
      origin: read.origin,
      columns: read.config.columns,
      ...(read.config.headerRow !== undefined && { headerRow: read.config.headerRow }),
    });
    if (choice.ok && choice.value.fromSheet) {
      const resolved = resolveFramework({ ...read.config, framework: choice.value.framework.id });
      return resolved.ok ? ok({ framework: resolved.value, detected: choice.value }) : resolved;
    }
  }
  const resolved = resolveFramework(read.config, read.customFramework);
  return resolved.ok ? ok({ framework: resolved.value }) : resolved;
}

/** Plans a rating from a read: the same core code `npm run rate` uses. */
export function planRating(read: SheetRead, framework: Framework, today: string): Result<{ plan: SheetPlan; marks: Marks }, PlanError> {
  const recorded = read.state.sheets[read.sheet.id]?.outputs ?? {};
  const plan = planSheet(read.grid, {
    framework,
    today,
    origin: read.origin,
    occupied: (r, c) => read.formulaBlanks.has(r * 16_384 + c),
    // Only Waymark's own record makes a column Waymark's, never its heading alone.
    outputRecord: { cells: new Map(Object.entries(recorded)), hash: textHash },
    ...(read.config.headerRow !== undefined && { headerRow: read.config.headerRow }),
    columns: read.config.columns,
  });
  if (!plan.ok) return plan;
  return ok({ plan: plan.value, marks: planMarks(plan.value, framework, today) });
}

/** Everything one rating writes, as data: a test can inspect it and the writer only queues it. */
export interface WritePlan {
  /** New fills, by colour, as getRanges address lists of at most ~8,000 characters. */
  readonly fills: readonly { readonly value: string; readonly chunks: readonly string[] }[];
  /** Cells Waymark coloured before and no longer colours, back to their earlier fill ("" = none). */
  readonly restores: readonly { readonly value: string; readonly chunks: readonly string[] }[];
  /** One rectangular write per output column; null leaves a cell as it is. */
  readonly outputs: readonly { readonly address: string; readonly values: (string | null)[][] }[];
  /** Output cells from an earlier rating that now hold nothing of Waymark's. */
  readonly clearContents: readonly string[];
  /** The output headings, made bold. */
  readonly bold: string;
  /** Earlier output headings to make not bold again. */
  readonly unbold: readonly string[];
  readonly legend: readonly (readonly (string | number | boolean)[])[];
  readonly state: WaymarkState;
  /** Cells rated again that the team recoloured since the last rating: left with their fill, not coloured. */
  readonly recoloured: readonly string[];
}

export type RateError =
  | ReadError
  | { readonly code: 'framework'; readonly message: string; readonly issues: readonly string[] }
  | PlanError
  | RowsMovedError
  | { readonly code: 'state-too-large'; readonly message: string };

/**
 * The cells (keys) whose fill the first read could not tell and the rating needs: cells to be
 * coloured (their fill before Waymark is recorded, or tells whether the team recoloured them)
 * and recorded cells that may be restored (only where Waymark's colour is still on them).
 */
export function unknownFills(read: SheetRead, marks: Marks): number[] {
  const keys = new Set([...targetFills(read, marks).keys(), ...recordedFills(read).keys()]);
  return [...keys].filter((key) => fillAt(read, key) === undefined);
}

function targetFills(read: SheetRead, marks: Marks): Map<number, string> {
  const { origin } = read;
  const targets = new Map<number, string>();
  for (const f of marks.fills) targets.set(cellKey(origin.row + f.row, origin.col + f.col), f.colour.toUpperCase());
  for (const o of marks.outputs) {
    if (o.colour) targets.set(cellKey(origin.row + o.row, origin.col + o.col), o.colour.toUpperCase());
  }
  return targets;
}

function recordedFills(read: SheetRead): Map<number, string> {
  const before = new Map<number, string>();
  const mine = read.state.sheets[read.sheet.id];
  for (const [colour, areas] of Object.entries(mine?.fills ?? {})) for (const k of expandAreas(areas)) before.set(k, colour);
  return before;
}

/**
 * Works out every write of a rating. `extraFills` are fills read in a further round trip for
 * cells the first read could not tell (see unknownFills). A cell still unknown is left as it
 * is: it counts as having had no fill, and a recorded one as no longer Waymark's.
 */
export function planWrites(
  read: SheetRead,
  plan: SheetPlan,
  marks: Marks,
  framework: Framework,
  ratedOn: string,
  extraFills: ReadonlyMap<number, string> = new Map(),
): Result<WritePlan, RateError> {
  const { origin } = read;
  const previous = read.state.sheets[read.sheet.id];
  const before = recordedFills(read);
  const targets = targetFills(read, marks);

  const ours = waymarkColours(framework);
  const puts = putColours(previous);
  // A cell rated again that no longer shows the colour Waymark put there was recoloured by the
  // team: their fill stays, uncoloured and out of the record, and the officer is told.
  // Cells left to the team before stay theirs while they show the fill they had then.
  const recoloured = new Map<number, string>();
  for (const key of targets.keys()) {
    const now = fillAt(read, key) ?? extraFills.get(key);
    if (before.has(key) ? !stillWaymarkFill(now, puts.get(key), ours) : now !== undefined && previous?.teams?.[keyAddress(key)]?.toUpperCase() === now.toUpperCase()) {
      recoloured.set(key, (now ?? '').toUpperCase());
    }
  }
  for (const key of recoloured.keys()) targets.delete(key);

  // The fill each target cell had before Waymark first coloured it.
  const originals = new Map<number, string>();
  for (const key of targets.keys()) {
    const now = fillAt(read, key) ?? extraFills.get(key) ?? '';
    // With no record of Waymark colouring the cell, its fill is the team's, even in a Waymark
    // colour: those are Excel's Good/Neutral/Bad styles, which teams use to RAG by hand.
    originals.set(key, before.get(key) ?? now);
  }
  const restoreCells = new Map<number, string>();
  for (const [key, colour] of before) {
    if (!targets.has(key) && !recoloured.has(key) && stillWaymarkFill(fillAt(read, key) ?? extraFills.get(key), puts.get(key), ours)) restoreCells.set(key, colour);
  }

  // Output columns: one rectangle each, from the header row to the last school.
  const written = new Map<number, string>();
  for (const o of marks.outputs) written.set(cellKey(origin.row + o.row, origin.col + o.col), o.value);
  const oldOutputs = new Map<number, string>();
  for (const [address, hash] of Object.entries(previous?.outputs ?? {})) {
    const k = addressKey(address);
    if (k !== undefined) oldOutputs.set(k, hash);
  }
  // An earlier output cell is Waymark's to blank only if it still holds what Waymark wrote.
  const stillOurs = (k: number) => {
    const v = valueAt(read, k);
    return v !== '' && v !== null && oldOutputs.get(k) === textHash(v);
  };
  const lastRow = Math.max(plan.headerRow, ...plan.rows.map((r) => r.row));
  const outputs = [plan.output.suggestedCol, plan.output.whyCol].map((col) => {
    const values: (string | null)[][] = [];
    for (let r = plan.headerRow; r <= lastRow; r++) {
      const k = cellKey(origin.row + r, origin.col + col);
      const text = written.get(k);
      values.push([text ?? (oldOutputs.has(k) && stillOurs(k) ? '' : null)]);
    }
    const address = `${cellAddress(plan.headerRow, col, origin)}:${cellAddress(lastRow, col, origin)}`;
    return { address, values };
  });
  const inRects = (k: number) => {
    const row = Math.floor(k / 16_384) - origin.row;
    const col = (k % 16_384) - origin.col;
    return row >= plan.headerRow && row <= lastRow && (col === plan.output.suggestedCol || col === plan.output.whyCol);
  };
  const clearKeys = [...oldOutputs.keys()].filter((k) => !written.has(k) && !inRects(k) && stillOurs(k));

  const headings = [plan.output.suggestedCol, plan.output.whyCol].map((col) => cellKey(origin.row + plan.headerRow, origin.col + col));
  const bold: Record<string, boolean> = {};
  for (const k of headings) {
    const address = keyAddress(k);
    bold[address] = previous?.bold[address] ?? boldAt(read, k) ?? false;
  }
  const unbold = Object.entries(previous?.bold ?? {})
    .filter(([address, was]) => !(address in bold) && !was)
    .map(([address]) => address);

  const originalsByColour = new Map<string, number[]>();
  for (const [k, colour] of originals) {
    const list = originalsByColour.get(colour);
    if (list) list.push(k);
    else originalsByColour.set(colour, [k]);
  }
  const put = encodePuts(targets);
  const mine: SheetMarks = {
    sheet: read.sheet.name,
    framework: framework.id,
    ratedOn,
    fills: Object.fromEntries([...originalsByColour].map(([colour, keys]) => [colour, toAreas(keys)])),
    ...(put && { put }),
    ...(recoloured.size > 0 && { teams: Object.fromEntries([...recoloured].map(([k, colour]) => [keyAddress(k), colour])) }),
    outputs: Object.fromEntries([...written].map(([k, text]) => [keyAddress(k), textHash(text)])),
    bold,
    ...(marks.identities.length > 0 && {
      ids: Object.fromEntries(
        marks.identities.map((i) => {
          const k = cellKey(origin.row + i.row, origin.col + i.col);
          return [keyAddress(k), textHash(identityText(valueAt(read, k)))];
        }),
      ),
    }),
  };
  const state: WaymarkState = { ...read.state, sheets: { ...read.state.sheets, [read.sheet.id]: mine }, legendFor: read.sheet.id };
  const size = JSON.stringify(state).length;
  if (size > MAX_STATE_CHARS) {
    return fail({
      code: 'state-too-large',
      message: `Waymark would need ${Math.round(size / 1000)} kB to remember this sheet's earlier fills (limit ${MAX_STATE_CHARS / 1000} kB); nothing was changed.`,
    });
  }
  const legend = marks.legend.map((row) => row.map((v) => v ?? ''));
  const width = Math.max(1, ...legend.map((r) => r.length));
  return ok({
    fills: groupAreas(targets),
    restores: groupAreas(restoreCells),
    outputs,
    clearContents: chunkAreas(toAreas(clearKeys)),
    bold: headings.map(keyAddress).join(','),
    unbold: chunkAreas(unbold),
    legend: legend.map((row) => [...row, ...Array<string>(width - row.length).fill('')]),
    state,
    recoloured: [...recoloured.keys()].sort((a, b) => a - b).map(keyAddress),
  });
}

/** Queues a write plan; the caller syncs once. */
export function queueWrites(context: ExcelContext, read: SheetRead, w: WritePlan): void {
  // State first: Excel applies a batch in order and stops at a failure, and a record of fills
  // that were not yet changed does no harm, while changed fills with no record could not be
  // restored.
  context.workbook.settings.add(STATE_KEY, w.state);
  const ws = context.workbook.worksheets.getItem(read.sheet.id);
  queueFillGroups(ws, w.restores);
  queueFillGroups(ws, w.fills);
  for (const o of w.outputs) ws.getRange(o.address).values = o.values;
  for (const chunk of w.clearContents) ws.getRanges(chunk).clear('Contents');
  ws.getRanges(w.bold).format.font.bold = true;
  for (const chunk of w.unbold) ws.getRanges(chunk).format.font.bold = false;

  const { worksheets } = context.workbook;
  if (read.legendExists) worksheets.getItem(LEGEND_SHEET).delete();
  const legend = worksheets.add(LEGEND_SHEET);
  const width = w.legend[0]?.length ?? 1;
  legend.getRange(`A1:${columnLetters(width - 1)}${w.legend.length}`).values = w.legend as unknown[][];
  legend.getRange('A1').format.font.bold = true;
  const ragRow = w.legend.findIndex((r) => r[0] === 'Green');
  if (ragRow >= 0) {
    (['G', 'A', 'R'] as const).forEach((rag, i) => {
      legend.getRange(`A${ragRow + 1 + i}`).format.fill.color = RAG_FILL[rag];
    });
  }
}

function queueFillGroups(ws: WorksheetLike, groups: WritePlan['fills']): void {
  for (const g of groups) {
    for (const chunk of g.chunks) {
      const areas = ws.getRanges(chunk);
      if (g.value === '') areas.format.fill.clear();
      else areas.format.fill.color = g.value;
    }
  }
}

/**
 * Reads the fills of cells the first read could not tell, in as few round trips as fit
 * Excel's payload limit (one per ~40,000 cells). Only sheets with scattered fills of the
 * team's own far down the sheet need it.
 */
export async function readFills(context: ExcelContext, sheetId: string, keys: readonly number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  const byCol = new Map<number, number[]>();
  for (const k of keys) {
    const col = k % 16_384;
    const rows = byCol.get(col) ?? [];
    rows.push(Math.floor(k / 16_384));
    byCol.set(col, rows);
  }
  const ws = context.workbook.worksheets.getItem(sheetId);
  let pending: { col: number; r0: number; result: ClientResult<CellProps[][]> }[] = [];
  let cells = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    await context.sync();
    for (const p of pending) {
      p.result.value.forEach((line, i) => out.set(cellKey(p.r0 + i, p.col), normaliseFill(line[0]?.format?.fill?.color) ?? ''));
    }
    pending = [];
    cells = 0;
  };
  for (const [col, rows] of byCol) {
    const r0 = Math.min(...rows);
    const r1 = Math.max(...rows);
    const range = ws.getRange(`${keyAddress(cellKey(r0, col))}:${keyAddress(cellKey(r1, col))}`);
    pending.push({ col, r0, result: range.getCellProperties({ format: { fill: { color: true } } }) });
    cells += r1 - r0 + 1;
    if (cells > 40_000) await flush();
  }
  await flush();
  return out;
}

export interface RateResult {
  readonly plan: SheetPlan;
  readonly marks: Marks;
  readonly framework: Framework;
  readonly read: SheetRead;
  readonly writes: WritePlan;
}

export type Progress = (step: 'read' | 'plan' | 'fills' | 'write' | 'done', fraction: number) => void;

/**
 * Rates the active sheet: one read, the core plan, one write (two context.sync() calls; a
 * third when fills far down a sheet of mixed fills must be read cell by cell: the team's own,
 * or Waymark's from an earlier rating, which may have been recoloured since).
 *
 * @example
 * await Excel.run((context) => rateSheet(context, { today: '2026-11-24' }));
 */
export async function rateSheet(
  context: ExcelContext,
  options: { today: string; framework?: Framework; onProgress?: Progress },
): Promise<Result<RateResult, RateError>> {
  const progress = options.onProgress ?? (() => {});
  progress('read', 0.05);
  const read = await readSheet(context, { fills: true });
  if (!read.ok) return read;
  const moved = rowsMovedError(read.value);
  if (moved) return fail(moved);
  progress('plan', 0.35);
  let framework = options.framework;
  if (!framework) {
    const resolved = sheetFramework(read.value);
    if (!resolved.ok) return fail({ code: 'framework', message: resolved.error.join('\n'), issues: resolved.error });
    framework = resolved.value.framework;
  }
  const planned = planRating(read.value, framework, options.today);
  if (!planned.ok) return planned;
  const { plan, marks } = planned.value;
  let extra = new Map<number, string>();
  const unknown = unknownFills(read.value, marks);
  if (unknown.length > 0) {
    progress('fills', 0.5);
    try {
      extra = await readFills(context, read.value.sheet.id, unknown);
    } catch (e) {
      return fail({ code: 'excel', message: `Excel could not read the sheet's fills: ${errorText(e)}` });
    }
  }
  const writes = planWrites(read.value, plan, marks, framework, options.today, extra);
  if (!writes.ok) return writes;
  progress('write', 0.65);
  try {
    queueWrites(context, read.value, writes.value);
    await context.sync();
  } catch (e) {
    return fail({ code: 'excel', message: `Excel could not write the marks: ${errorText(e)}` });
  }
  progress('done', 1);
  return ok({ plan, marks, framework, read: read.value, writes: writes.value });
}
