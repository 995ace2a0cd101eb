import type { Framework } from '../../core/frameworks/index.js';
import { LEGEND_SHEET } from '../../core/sheet/marks.js';
import { fail, ok, type Result } from '../../core/result.js';
import { addressKey, chunkAreas, expandAreas, groupAreas, toAreas } from './areas.js';
import type { ExcelContext } from './office.js';
import { putColours, stillWaymarkFill, waymarkColours } from './colours.js';
import { rowsMovedError, type RowsMovedError } from './moved.js';
import { readFills } from './rate.js';
import { errorText, fillAt, readSheet, valueAt, type ReadError } from './read.js';
import { STATE_KEY, textHash, type WaymarkState } from './state.js';

export interface ClearResult {
  /** Cells whose earlier fill was put back. */
  readonly restored: number;
  /** Output cells emptied. */
  readonly outputsCleared: number;
  /** Output cells left alone because someone has typed over them since. */
  readonly outputsKept: number;
  readonly legendRemoved: boolean;
}

/**
 * Removes every mark Waymark made on the active sheet, in one read and one write (and a read
 * of the fills the first could not tell, far down a sheet of mixed fills): earlier
 * fills back, output cells emptied (unless someone has typed over them), headings' boldness
 * back, the legend sheet gone. Values the team typed are never touched.
 *
 * @example
 * await Excel.run((context) => clearMarks(context, framework)); // { restored: 1180, outputsCleared: 402, … }
 */
export async function clearMarks(context: ExcelContext, framework?: Framework): Promise<Result<ClearResult, ReadError | RowsMovedError>> {
  const read = await readSheet(context, { fills: true });
  if (!read.ok) return read;
  const r = read.value;
  const mine = r.state.sheets[r.sheet.id];
  const { [r.sheet.id]: _removed, ...others } = r.state.sheets;
  const legendFor = r.state.legendFor === r.sheet.id || r.state.legendFor === undefined;
  const removeLegend = r.legendExists && (legendFor || Object.keys(others).length === 0) && mine !== undefined;
  if (!mine) {
    return ok({ restored: 0, outputsCleared: 0, outputsKept: 0, legendRemoved: false });
  }
  const moved = rowsMovedError(r);
  if (moved) return fail(moved);

  // Recorded cells whose fill the read could not tell (far down a sheet of mixed fills) are
  // read one by one: only those still showing Waymark's colour are restored.
  const recorded = Object.entries(mine.fills).flatMap(([colour, areas]) => expandAreas(areas).map((k) => [k, colour] as const));
  const unknown = recorded.filter(([k]) => fillAt(r, k) === undefined).map(([k]) => k);
  let extra = new Map<number, string>();
  if (unknown.length > 0) {
    try {
      extra = await readFills(context, r.sheet.id, unknown);
    } catch (e) {
      return fail({ code: 'excel', message: `Excel could not read the sheet's fills: ${errorText(e)}` });
    }
  }
  const restore = new Map<number, string>();
  const ours = waymarkColours(framework);
  const puts = putColours(mine);
  for (const [k, colour] of recorded) if (stillWaymarkFill(fillAt(r, k) ?? extra.get(k), puts.get(k), ours)) restore.set(k, colour);
  const clearKeys: number[] = [];
  let kept = 0;
  for (const [address, hash] of Object.entries(mine.outputs)) {
    const k = addressKey(address);
    if (k === undefined) continue;
    const v = valueAt(r, k);
    if (v === '' || v === null) continue;
    if (textHash(v) === hash) clearKeys.push(k);
    else kept += 1;
  }
  const unbold = Object.entries(mine.bold).filter(([, was]) => !was).map(([address]) => address);

  const { worksheets, settings } = context.workbook;
  const ws = worksheets.getItem(r.sheet.id);
  for (const g of groupAreas(restore)) {
    for (const chunk of g.chunks) {
      const areas = ws.getRanges(chunk);
      if (g.value === '') areas.format.fill.clear();
      else areas.format.fill.color = g.value;
    }
  }
  for (const chunk of chunkAreas(toAreas(clearKeys))) ws.getRanges(chunk).clear('Contents');
  for (const chunk of chunkAreas(unbold)) ws.getRanges(chunk).format.font.bold = false;
  if (removeLegend) worksheets.getItem(LEGEND_SHEET).delete();
  const state: WaymarkState = { v: 1, sheets: others, ...(!removeLegend && r.state.legendFor !== r.sheet.id && r.state.legendFor !== undefined && { legendFor: r.state.legendFor }) };
  if (Object.keys(others).length === 0) settings.getItemOrNullObject(STATE_KEY).delete();
  else settings.add(STATE_KEY, state);
  try {
    await context.sync();
  } catch (e) {
    return fail({ code: 'excel', message: `Excel could not clear the marks: ${errorText(e)}` });
  }
  return ok({ restored: restore.size, outputsCleared: clearKeys.length, outputsKept: kept, legendRemoved: removeLegend });
}
