import type { CellValue } from '../../core/indicators/types.js';
import { parseAddress, type Origin } from '../../core/sheet/address.js';
import { sheetConfigSchema, type SheetConfig } from '../../core/sheet/config.js';
import { LEGEND_SHEET } from '../../core/sheet/marks.js';
import { fail, ok, type Result } from '../../core/result.js';
import { cellKey } from './areas.js';
import type { ClientResult, CellProps, ExcelContext, SettingLike } from './office.js';
import { CONFIG_KEY, FRAMEWORK_KEY, parseState, STATE_KEY, type WaymarkState } from './state.js';

/**
 * Rows whose fills are read cell by cell. Below them, a cell's fill is known when its column
 * (below these rows) or its row has one fill throughout, which is how teams' sheets look;
 * reading every cell of a 2,000 x 60 sheet would not fit Excel on the web's 5 MB response.
 */
export const CELL_FILL_ROWS = 200;

export interface FillSnapshot {
  /** Fills of the first CELL_FILL_ROWS rows of the used range ("" = none). */
  readonly top: readonly (readonly string[])[];
  /** Bold or not, same cells. */
  readonly bold: readonly (readonly boolean[])[];
  /** Per used-range row: its one fill, or null when its cells differ. */
  readonly rows: readonly (string | null)[];
  /** Per used-range column, below the first CELL_FILL_ROWS rows: its one fill, or null. */
  readonly cols: readonly (string | null)[];
}

export interface SheetRead {
  readonly sheet: { readonly id: string; readonly name: string };
  /** The used range, e.g. "Schools!C5:K40". */
  readonly address: string;
  readonly origin: Origin;
  readonly grid: CellValue[][];
  /**
   * Grid cells (row * 16,384 + col) holding a formula whose result reads blank: the team's,
   * never written over. Read from `formulas` in the same round trip as `values`.
   */
  readonly formulaBlanks: ReadonlySet<number>;
  readonly config: SheetConfig;
  readonly configIssues: readonly string[];
  /** A custom framework saved in the workbook, as stored. */
  readonly customFramework?: unknown;
  readonly state: WaymarkState;
  readonly stateIssue?: string;
  readonly legendExists: boolean;
  /** Rows of the used range that are hidden or filtered out (Waymark leaves them so). */
  readonly hiddenRows: number;
  readonly fills?: FillSnapshot;
}

export type ReadError =
  | { readonly code: 'legend-sheet'; readonly message: string }
  | { readonly code: 'excel'; readonly message: string };

/** "#ffffff" (no fill, as Office.js reports it) → "", others upper-cased. */
export function normaliseFill(colour: string | null | undefined): string | null {
  if (colour === null || colour === undefined) return null;
  const c = colour.toUpperCase();
  return c === '#FFFFFF' ? '' : c;
}

/** "Sheet1!C5:K40" → the top-left cell's 0-based coordinates. */
export function originOf(address: string): Origin {
  const ref = address.slice(address.lastIndexOf('!') + 1);
  const first = ref.split(':')[0] ?? 'A1';
  return parseAddress(first) ?? { row: 0, col: 0 };
}

const cellValue = (v: unknown): CellValue =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;

/**
 * Reads the active worksheet in one round trip: the used range's values and address, the
 * saved configuration and marks state, whether the legend sheet exists and, with
 * `fills: true`, the fills needed to restore cells later (see CELL_FILL_ROWS).
 *
 * @example
 * const read = await readSheet(context, { fills: true }); // one context.sync()
 */
export async function readSheet(context: ExcelContext, options: { fills?: boolean } = {}): Promise<Result<SheetRead, ReadError>> {
  const { worksheets, settings } = context.workbook;
  const ws = worksheets.getActiveWorksheet();
  ws.load('id,name');
  const used = ws.getUsedRange();
  // `values` alone cannot tell a formula whose result is "" from an empty cell.
  used.load('address,values,formulas');
  const setting = (k: string): SettingLike => {
    const s = settings.getItemOrNullObject(k);
    s.load('value');
    return s;
  };
  const configItem = setting(CONFIG_KEY);
  const stateItem = setting(STATE_KEY);
  const frameworkItem = setting(FRAMEWORK_KEY);
  const legend = worksheets.getItemOrNullObject(LEGEND_SHEET);
  legend.load('id');
  const rowProps: ClientResult<CellProps[]> = used.getRowProperties({ rowHidden: true, format: { fill: { color: true } } });
  let top: ClientResult<CellProps[][]> | undefined;
  let colProps: ClientResult<CellProps[]> | undefined;
  if (options.fills) {
    top = used
      .getRow(0)
      .getResizedRange(CELL_FILL_ROWS - 1, 0)
      .getCellProperties({ format: { fill: { color: true }, font: { bold: true } } });
    // The used range moved down past the cell-by-cell rows: its columns' fills below them
    // (trailing rows beyond the used range have no fill, so a plain column stays plain).
    colProps = used.getOffsetRange(CELL_FILL_ROWS, 0).getColumnProperties({ format: { fill: { color: true } } });
  }
  try {
    await context.sync();
  } catch (e) {
    return fail({ code: 'excel', message: `Excel could not read the sheet: ${errorText(e)}` });
  }
  if (ws.name === LEGEND_SHEET) {
    return fail({ code: 'legend-sheet', message: 'This is Waymark’s legend sheet: select your categorisation sheet and try again.' });
  }

  const grid = (used.values as unknown[][]).map((row) => row.map(cellValue));
  const formulaBlanks = new Set<number>();
  (used.formulas as unknown[][]).forEach((row, r) =>
    row.forEach((f, c) => {
      const v = grid[r]?.[c];
      if ((v === null || v === undefined || v === '') && typeof f === 'string' && f !== '') formulaBlanks.add(r * 16_384 + c);
    }),
  );
  const configIssues: string[] = [];
  let config: SheetConfig = { columns: {}, thresholds: {} };
  if (!configItem.isNullObject) {
    const parsed = sheetConfigSchema.safeParse(configItem.value);
    if (parsed.success) config = parsed.data;
    else configIssues.push(...parsed.error.issues.map((i) => `${i.path.join('.') || '(settings)'}: ${i.message}`));
  }
  const { state, issue } = parseState(stateItem.isNullObject ? undefined : stateItem.value);
  const rows = rowProps.value;
  let fills: FillSnapshot | undefined;
  if (top && colProps) {
    const topCells = top.value;
    fills = {
      top: topCells.map((line) => line.map((p) => normaliseFill(p.format?.fill?.color) ?? '')),
      bold: topCells.map((line) => line.map((p) => p.format?.font?.bold === true)),
      rows: rows.map((p) => normaliseFill(p.format?.fill?.color)),
      cols: colProps.value.map((p) => normaliseFill(p.format?.fill?.color)),
    };
  }
  return ok({
    sheet: { id: ws.id, name: ws.name },
    address: used.address,
    origin: originOf(used.address),
    grid,
    formulaBlanks,
    config,
    configIssues,
    ...(frameworkItem.isNullObject ? {} : { customFramework: frameworkItem.value }),
    state,
    ...(issue !== undefined && { stateIssue: issue }),
    legendExists: !legend.isNullObject,
    hiddenRows: rows.filter((p) => p.rowHidden === true).length,
    ...(fills && { fills }),
  });
}

/**
 * The fill a cell had when the sheet was read: a colour, "" for none, or undefined when the
 * read could not tell (a cell below CELL_FILL_ROWS in a row and a column of mixed fills).
 */
export function fillAt(read: SheetRead, key: number): string | undefined {
  const f = read.fills;
  if (!f) return undefined;
  const row = Math.floor(key / 16_384) - read.origin.row;
  const col = (key % 16_384) - read.origin.col;
  const width = read.grid[0]?.length ?? 0;
  // Outside the used range nothing is formatted.
  if (row < 0 || col < 0 || row >= read.grid.length || col >= width) return '';
  if (row < CELL_FILL_ROWS) return f.top[row]?.[col] ?? '';
  const byCol = f.cols[col];
  if (byCol !== null && byCol !== undefined) return byCol;
  const byRow = f.rows[row];
  return byRow === null || byRow === undefined ? undefined : byRow;
}

/** Whether a cell was bold when read, when the read can tell. */
export function boldAt(read: SheetRead, key: number): boolean | undefined {
  const row = Math.floor(key / 16_384) - read.origin.row;
  const col = (key % 16_384) - read.origin.col;
  const width = read.grid[0]?.length ?? 0;
  if (row < 0 || col < 0 || row >= read.grid.length || col >= width) return false;
  return read.fills?.bold[row]?.[col];
}

/** The value a cell held when read ("" outside the used range). */
export function valueAt(read: SheetRead, key: number): CellValue {
  const row = Math.floor(key / 16_384) - read.origin.row;
  const col = (key % 16_384) - read.origin.col;
  return read.grid[row]?.[col] ?? '';
}

export function errorText(e: unknown): string {
  if (e && typeof e === 'object') {
    const o = e as { message?: unknown; code?: unknown; debugInfo?: { message?: unknown } };
    const msg = typeof o.message === 'string' ? o.message : '';
    const code = typeof o.code === 'string' ? ` (${o.code})` : '';
    return `${msg}${code}`.trim() || String(e);
  }
  return String(e);
}

export { cellKey };
