/**
 * A fake Excel JavaScript API (Office.js) for testing the add-in's adapter outside Office.
 *
 * It models the subset the adapter uses, with Office.js's batching semantics:
 * - proxy objects are created synchronously and resolved only when a batch runs;
 * - property writes and method calls are queued and applied to the workbook at `sync()`;
 * - reading a property that was neither `load()`ed-and-synced nor set on the proxy throws
 *   `PropertyNotLoaded`, as Office.js does; loaded values are a snapshot taken at that sync;
 * - every `sync()` counts in `stats.syncs`; every queued load/write/method call in
 *   `stats.queuedOps`; the request JSON size of each sync is estimated in `payloadBytes` and
 *   a sync whose request or response exceeds 5 MB (Excel on the web's cap) is rejected with
 *   `RequestPayloadSizeLimitExceeded` / `ResponsePayloadSizeLimitExceeded`;
 * - a failing batch stops at the failing operation: earlier writes stay applied, nothing loaded
 *   in that batch is delivered;
 * - `run(fn)` is `Excel.run`: a fresh request context, a final sync if anything is still
 *   queued, and objects that can no longer queue work once the batch has finished.
 *
 * Formulas are stored text with a given result (never calculated): `values` gives the result,
 * `formulas` the text. Not modelled: calculation, merged cells, events, charts,
 * undo, conditional formats, per-request cell-count limits; `text` ignores number formats.
 */
import { formatAddress, MAX_COLS, MAX_ROWS, parseAreas, parseRange, type Rect } from './a1.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

export type CellValue = string | number | boolean | null;

export interface FakeSheetInput {
  name: string;
  /** Rows of cells; null or "" is an empty cell. Placed with its top-left at `origin` (default A1). */
  cells?: CellValue[][];
  origin?: string;
  /** Fill colours by address ("B2" or "B2:D2"), e.g. { B2: '#FF0000' }. */
  fills?: Record<string, string>;
  /** Number formats by address ("C2:C9": "0.0%"). */
  numberFormats?: Record<string, string>;
  /** Hidden rows as Excel row numbers (1-based, as shown in Excel). */
  hiddenRows?: number[];
  /** Hidden columns as letters ("C") or 0-based indexes. */
  hiddenColumns?: (string | number)[];
  tables?: { name: string; address: string }[];
  /** Formula cells by address: the formula text and its result (default "", as =IF(…,"",…) gives). */
  formulas?: Record<string, { formula: string; result?: CellValue }>;
}

export interface FakeWorkbookInput {
  sheets: FakeSheetInput[];
  /** Name of the active sheet; default the first. */
  activeSheet?: string;
  /** Document settings (workbook.settings), JSON-serialisable values. */
  settings?: Record<string, unknown>;
}

export interface FakeExcelOptions {
  /** Per-request and per-response cap in bytes; default 5,000,000 (Excel on the web: 5 MB). */
  maxPayloadBytes?: number;
  /**
   * Optional cap on the length of one getRanges() address string; unset means no cap. (Long
   * RangeAreas address lists are reported to fail; set e.g. 8192 to test splitting.)
   */
  maxAreasAddressLength?: number;
}

export interface FakeExcelStats {
  /** context.sync() calls, including empty ones and Excel.run's final flush. */
  syncs: number;
  /** syncs that carried no queued operation. */
  emptySyncs: number;
  /** loads + writes (property sets and method calls) queued so far. */
  queuedOps: number;
  loads: number;
  writes: number;
}

export interface SheetSnapshot {
  /** Values from A1 to the last used cell; null = empty. */
  cells: CellValue[][];
  /** Fill colours by cell address ("B2": "#FF0000"). */
  fills: Record<string, string>;
  /** Non-default number formats by cell address. */
  numberFormats: Record<string, string>;
  /** Bold/italic/colour fonts set on cells, by cell address. */
  fonts: Record<string, { bold?: boolean; italic?: boolean; color?: string }>;
  /** Hidden rows, 1-based. */
  hiddenRows: number[];
  /** Formula text by cell address. */
  formulas: Record<string, string>;
}

/* ------------------------------------------------------------------------------------------ */
/* Errors                                                                                      */
/* ------------------------------------------------------------------------------------------ */

export const ErrorCodes = {
  accessDenied: 'AccessDenied',
  generalException: 'GeneralException',
  invalidArgument: 'InvalidArgument',
  invalidOperation: 'InvalidOperation',
  invalidObjectPath: 'InvalidObjectPath',
  itemAlreadyExists: 'ItemAlreadyExists',
  itemNotFound: 'ItemNotFound',
  propertyNotLoaded: 'PropertyNotLoaded',
  requestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded',
  responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
} as const;

/** Shaped like OfficeExtension.Error: name "RichApi.Error", a code and debugInfo. */
export class FakeOfficeError extends Error {
  override readonly name = 'RichApi.Error';
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.debugInfo = errorLocation === undefined ? { code, message } : { code, message, errorLocation };
  }
}

function notLoaded(prop: string): FakeOfficeError {
  return new FakeOfficeError(
    ErrorCodes.propertyNotLoaded,
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}
const notFound = (where: string) =>
  new FakeOfficeError(ErrorCodes.itemNotFound, "The requested resource doesn't exist.", where);
const badArgument = (where: string, detail = 'The argument is invalid or missing or has an incorrect format.') =>
  new FakeOfficeError(ErrorCodes.invalidArgument, detail, where);

/* ------------------------------------------------------------------------------------------ */
/* Workbook state                                                                              */
/* ------------------------------------------------------------------------------------------ */

type Stored = string | number | boolean;
interface Font {
  bold?: boolean;
  italic?: boolean;
  color?: string;
}
interface SheetState {
  id: string;
  name: string;
  cells: Map<number, Stored>;
  formulas: Map<number, string>;
  fills: Map<number, string>;
  formats: Map<number, string>;
  fonts: Map<number, Font>;
  hiddenRows: Set<number>;
  hiddenCols: Set<number>;
  colWidths: Map<number, number>;
}
interface TableState {
  id: string;
  name: string;
  sheetId: string;
  rect: Rect;
}
interface BookState {
  sheets: SheetState[];
  tables: TableState[];
  activeSheetId: string;
  selection: { sheetId: string; rect: Rect };
  settings: Map<string, string>;
  nextId: number;
}
interface Box extends Rect {
  sheetId: string;
}

const key = (row: number, col: number) => row * MAX_COLS + col;
const unkey = (k: number) => ({ row: Math.floor(k / MAX_COLS), col: k % MAX_COLS });
const DEFAULT_COLUMN_WIDTH = 48;

const NAMED_COLOURS: Record<string, string> = {
  black: '#000000', white: '#FFFFFF', red: '#FF0000', green: '#008000', blue: '#0000FF',
  yellow: '#FFFF00', orange: '#FFA500', gray: '#808080', grey: '#808080', amber: '#FFBF00',
};

function normaliseColour(value: unknown, where: string): string {
  if (typeof value !== 'string') throw badArgument(where);
  const v = value.trim();
  if (/^#[0-9a-fA-F]{6}$/.test(v)) return v.toUpperCase();
  if (/^#[0-9a-fA-F]{3}$/.test(v)) return `#${[...v.slice(1)].map((c) => c + c).join('')}`.toUpperCase();
  const named = NAMED_COLOURS[v.toLowerCase()];
  if (named) return named;
  throw badArgument(where);
}

function sheetOf(book: BookState, id: string, where: string): SheetState {
  const s = book.sheets.find((x) => x.id === id);
  if (!s) throw notFound(where);
  return s;
}
function findSheetByName(book: BookState, name: string): SheetState | undefined {
  const lower = name.toLowerCase();
  return book.sheets.find((s) => s.name.toLowerCase() === lower || s.id === name);
}

function usedRect(sheet: SheetState, valuesOnly: boolean): Rect | null {
  let r0 = Infinity;
  let c0 = Infinity;
  let r1 = -1;
  let c1 = -1;
  const maps: Map<number, unknown>[] = valuesOnly ? [sheet.cells, sheet.formulas] : [sheet.cells, sheet.formulas, sheet.fills, sheet.formats, sheet.fonts];
  for (const m of maps) {
    for (const k of m.keys()) {
      const { row, col } = unkey(k);
      if (row < r0) r0 = row;
      if (row > r1) r1 = row;
      if (col < c0) c0 = col;
      if (col > c1) c1 = col;
    }
  }
  if (r1 < 0) return null;
  return { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
}

function intersect(a: Rect, b: Rect): Rect | null {
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  const r1 = Math.min(a.row + a.rows, b.row + b.rows);
  const c1 = Math.min(a.col + a.cols, b.col + b.cols);
  if (r1 <= row || c1 <= col) return null;
  return { row, col, rows: r1 - row, cols: c1 - col };
}

function inGrid(r: Rect): boolean {
  return r.rows >= 1 && r.cols >= 1 && r.row >= 0 && r.col >= 0 && r.row + r.rows <= MAX_ROWS && r.col + r.cols <= MAX_COLS;
}

function forEachCell(box: Rect, fn: (row: number, col: number, i: number, j: number) => void): void {
  for (let i = 0; i < box.rows; i++) for (let j = 0; j < box.cols; j++) fn(box.row + i, box.col + j, i, j);
}

function grid<T>(box: Rect, fn: (row: number, col: number) => T): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < box.rows; i++) {
    const line: T[] = [];
    for (let j = 0; j < box.cols; j++) line.push(fn(box.row + i, box.col + j));
    out.push(line);
  }
  return out;
}

/** One value for all cells, or null when they differ (Office.js's "mixed"). */
function uniform<T>(boxes: Box[], fn: (row: number, col: number, sheetId: string) => T): T | null {
  let first = true;
  let value: T | null = null;
  for (const b of boxes) {
    for (let i = 0; i < b.rows; i++) {
      for (let j = 0; j < b.cols; j++) {
        const v = fn(b.row + i, b.col + j, b.sheetId);
        if (first) {
          value = v;
          first = false;
        } else if (v !== value) return null;
      }
    }
  }
  return value;
}

function toText(v: Stored | undefined): string {
  if (v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/**
 * Applies a 2-D input (or a single value for every cell) to a box. null leaves a cell
 * unchanged, as in Office.js; dimensions must match.
 */
function applyGrid(box: Rect, input: unknown, where: string, set: (row: number, col: number, v: unknown) => void): void {
  if (!Array.isArray(input)) {
    forEachCell(box, (r, c) => set(r, c, input));
    return;
  }
  if (input.length !== box.rows || input.some((line) => !Array.isArray(line) || line.length !== box.cols)) {
    throw badArgument(
      where,
      "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
    );
  }
  forEachCell(box, (r, c, i, j) => {
    const v = (input[i] as unknown[])[j];
    if (v !== null && v !== undefined) set(r, c, v);
  });
}

/* ------------------------------------------------------------------------------------------ */
/* Request machinery                                                                           */
/* ------------------------------------------------------------------------------------------ */

interface OpResult {
  /** Runs after the whole batch succeeded: hands loaded values to proxies. */
  deliver?: () => void;
  /** What the host would send back, for the response-size estimate. */
  response?: unknown;
}
interface Op {
  kind: 'load' | 'write' | 'probe';
  json: unknown;
  run(book: BookState): OpResult | void;
}

class Host {
  readonly stats: FakeExcelStats = { syncs: 0, emptySyncs: 0, queuedOps: 0, loads: 0, writes: 0 };
  readonly payloadBytes: number[] = [];
  readonly responseBytes: number[] = [];
  constructor(
    readonly book: BookState,
    readonly maxPayloadBytes: number,
    readonly maxAreasAddressLength: number | undefined,
  ) {}

  execute(ops: Op[]): void {
    this.stats.syncs += 1;
    if (ops.length === 0) {
      this.stats.emptySyncs += 1;
      this.payloadBytes.push(0);
      this.responseBytes.push(0);
      return;
    }
    const request = Buffer.byteLength(JSON.stringify(ops.map((o) => o.json)), 'utf8');
    this.payloadBytes.push(request);
    if (request > this.maxPayloadBytes) {
      this.responseBytes.push(0);
      throw new FakeOfficeError(
        ErrorCodes.requestPayloadSizeLimitExceeded,
        `The request payload size has exceeded the limit (${request} bytes > ${this.maxPayloadBytes}). Please refer to the documentation: "https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".`,
      );
    }
    const delivers: (() => void)[] = [];
    let response = 2;
    for (const op of ops) {
      let result: OpResult | void;
      try {
        result = op.run(this.book);
      } catch (e) {
        this.responseBytes.push(response);
        throw e;
      }
      if (result?.deliver) delivers.push(result.deliver);
      if (result?.response !== undefined) {
        response += responseSize(result.response, this.maxPayloadBytes) + 1;
        if (response > this.maxPayloadBytes) {
          this.responseBytes.push(response);
          throw new FakeOfficeError(
            ErrorCodes.responsePayloadSizeLimitExceeded,
            `The response payload size has exceeded the limit (more than ${this.maxPayloadBytes} bytes). Please refer to the documentation: "https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".`,
          );
        }
      }
    }
    this.responseBytes.push(response);
    for (const d of delivers) d();
  }
}

/** JSON size, short-circuiting for grids that are plainly over the cap. */
function responseSize(value: unknown, cap: number): number {
  if (Array.isArray(value) && value.length > 0 && Array.isArray(value[0])) {
    const cells = value.length * (value[0] as unknown[]).length;
    if (cells * 3 > cap) return cells * 3;
  }
  return Buffer.byteLength(JSON.stringify(value) ?? 'null', 'utf8');
}

export class FakeRequestContext {
  readonly workbook: Workbook;
  readonly trackedObjects = { add(_o: unknown): void {}, remove(_o: unknown): void {} };
  /** @internal */ _queue: Op[] = [];
  /** @internal */ _closed = false;

  constructor(/** @internal */ readonly _host: Host) {
    this.workbook = new Workbook(this);
  }

  /** @internal */
  _enqueue(op: Op): void {
    if (this._closed) {
      throw new FakeOfficeError(
        ErrorCodes.invalidObjectPath,
        "The object path isn't working for what you're trying to do. If you're using the object across multiple \"context.sync\" calls and outside the sequential execution of a \".run\" batch, please use the \"context.trackedObjects.add()\" and \"context.trackedObjects.remove()\" methods to manage the object's lifetime.",
      );
    }
    this._queue.push(op);
    const stats = this._host.stats;
    if (op.kind === 'probe') return; // *OrNullObject resolution: sent, but not a load or write
    if (op.kind === 'load') stats.loads += 1;
    else stats.writes += 1;
    stats.queuedOps += 1;
  }

  async sync<T = void>(passThroughValue?: T): Promise<T> {
    const ops = this._queue;
    this._queue = [];
    this._host.execute(ops);
    await Promise.resolve();
    return passThroughValue as T;
  }
}

export class ClientResult<T> {
  /** @internal */ _value: T | undefined;
  /** @internal */ _done = false;
  get value(): T {
    if (!this._done) throw notLoaded('value');
    return this._value as T;
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Proxy base                                                                                  */
/* ------------------------------------------------------------------------------------------ */

type Getter<T> = (book: BookState, target: T) => unknown;

abstract class ClientObject<T> {
  /** @internal */ readonly _loaded = new Map<string, unknown>();
  /** @internal */ _isNull: boolean | undefined;
  /** @internal */ readonly _orNull: boolean;

  constructor(
    readonly context: FakeRequestContext,
    /** @internal */ readonly _path: string,
    orNull = false,
  ) {
    this._orNull = orNull;
    if (orNull) {
      // Office.js resolves *OrNullObject paths in the next batch so isNullObject can be read.
      context._enqueue({
        kind: 'probe',
        json: { probe: _path },
        run: (book) => {
          const t = this._resolve(book);
          return { deliver: () => (this._isNull = t === null), response: t === null };
        },
      });
    }
  }

  /** Resolves against the workbook as it is now; null = a null object; throws ItemNotFound. */
  /** @internal */ abstract _resolve(book: BookState): T | null;
  /** @internal */ protected abstract _props(): Record<string, Getter<T>>;
  /** @internal */ protected _nav(): Record<string, () => ClientObject<any> | ClientCollection<any>> {
    return {};
  }

  get isNullObject(): boolean {
    if (!this._orNull) return this._isNull ?? false;
    if (this._isNull === undefined) throw notLoaded('isNullObject');
    return this._isNull;
  }

  /** @internal */ protected _get<V>(prop: string): V {
    if (this._isNull) return null as V;
    if (!this._loaded.has(prop)) throw notLoaded(prop);
    return this._loaded.get(prop) as V;
  }

  /** @internal */ protected _write(
    prop: string,
    json: Record<string, unknown>,
    apply: (book: BookState, target: T) => void,
  ): void {
    this.context._enqueue({
      kind: 'write',
      json: { path: this._path, ...json },
      run: (book) => {
        const t = this._resolve(book);
        if (t === null) throw notFound(`${this._path}.${prop}`);
        apply(book, t);
      },
    });
  }

  /** @internal */ protected _setProp(prop: string, value: unknown, apply: (book: BookState, target: T) => void): void {
    this._loaded.set(prop, value);
    this._write(prop, { set: prop, value }, apply);
  }

  load(propertyNames?: string | string[] | { select?: string | string[] }): this {
    for (const op of this._loadOps(parseLoadArg(propertyNames))) this.context._enqueue(op);
    return this;
  }

  /** The load operations for these property names (nested "format/fill/color" included). */
  /** @internal */ _loadOps(names: string[]): Op[] {
    const props = this._props();
    const nav = this._nav();
    const own: string[] = [];
    const nested = new Map<string, string[]>();
    for (const n of names.length ? names : Object.keys(props)) {
      const slash = n.indexOf('/');
      if (slash >= 0) {
        const head = n.slice(0, slash);
        nested.set(head, [...(nested.get(head) ?? []), n.slice(slash + 1)]);
      } else if (n in nav) {
        nested.set(n, nested.get(n) ?? []);
      } else {
        own.push(n);
      }
    }
    const ops: Op[] = [];
    for (const [head, rest] of nested) {
      const child = nav[head];
      if (!child) throw badArgument(`${this._path}.load`, `The property '${head}' does not exist on this object.`);
      ops.push(...child()._loadOps(rest));
    }
    for (const n of own) {
      if (!(n in props)) throw badArgument(`${this._path}.load`, `The property '${n}' does not exist on this object.`);
    }
    if (own.length || nested.size === 0) {
      ops.push({
        kind: 'load',
        json: { path: this._path, load: own },
        run: (book) => {
          const t = this._resolve(book);
          if (t === null) return { deliver: () => (this._isNull = true), response: null };
          const values: Record<string, unknown> = {};
          for (const n of own) values[n] = (props[n] as Getter<T>)(book, t);
          return {
            response: values,
            deliver: () => {
              if (this._orNull) this._isNull = false;
              for (const n of own) this._loaded.set(n, values[n]);
            },
          };
        },
      });
    }
    return ops;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }
}

function parseLoadArg(arg: string | string[] | { select?: string | string[] } | undefined): string[] {
  if (arg === undefined) return [];
  if (typeof arg === 'string') return arg.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap((s) => parseLoadArg(s));
  return parseLoadArg(arg.select);
}

/** A collection proxy: load("items/name") or load("name") fills `items`. */
abstract class ClientCollection<Item extends ClientObject<any>> {
  /** @internal */ _items: Item[] | undefined;
  constructor(
    readonly context: FakeRequestContext,
    /** @internal */ readonly _path: string,
  ) {}
  /** @internal */ abstract _ids(book: BookState): string[];
  /** @internal */ abstract _item(id: string): Item;

  get items(): Item[] {
    if (!this._items) throw notLoaded('items');
    return this._items;
  }

  load(propertyNames?: string | string[] | { select?: string | string[] }): this {
    for (const op of this._loadOps(parseLoadArg(propertyNames))) this.context._enqueue(op);
    return this;
  }

  /** @internal */ _loadOps(raw: string[]): Op[] {
    const names = raw.map((n) => (n.startsWith('items/') ? n.slice(6) : n)).filter((n) => n !== 'items');
    return [
      {
        kind: 'load',
        json: { path: this._path, load: names.length ? names.map((n) => `items/${n}`) : ['items'] },
        run: (book) => {
          const items = this._ids(book).map((id) => this._item(id));
          const results = items.flatMap((item) => item._loadOps(names).map((op) => op.run(book) ?? {}));
          return {
            response: results.map((r) => r.response ?? null),
            deliver: () => {
              this._items = items;
              for (const r of results) r.deliver?.();
            },
          };
        },
      },
    ];
  }

  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    this.context._enqueue({
      kind: 'load',
      json: { path: this._path, call: 'getCount' },
      run: (book) => {
        const n = this._ids(book).length;
        return { response: n, deliver: () => ((result._value = n), (result._done = true)) };
      },
    });
    return result;
  }

  toJSON(): { items: unknown[] } {
    return { items: (this._items ?? []).map((i) => i.toJSON()) };
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Workbook, worksheets                                                                        */
/* ------------------------------------------------------------------------------------------ */

export class Workbook extends ClientObject<BookState> {
  readonly worksheets: WorksheetCollection;
  readonly tables: TableCollection;
  readonly settings: SettingCollection;
  constructor(context: FakeRequestContext) {
    super(context, 'workbook');
    this.worksheets = new WorksheetCollection(context);
    this.tables = new TableCollection(context, 'workbook.tables', null);
    this.settings = new SettingCollection(context);
  }
  /** @internal */ _resolve(book: BookState): BookState {
    return book;
  }
  /** @internal */ protected _props(): Record<string, Getter<BookState>> {
    return { name: () => 'Workbook.xlsx' };
  }
  get name(): string {
    return this._get('name');
  }
  getSelectedRange(): Range {
    return new Range(this.context, 'workbook.getSelectedRange()', (book) => {
      const { sheetId, rect } = book.selection;
      return { sheetId, ...rect };
    });
  }
  getActiveCell(): Range {
    return new Range(this.context, 'workbook.getActiveCell()', (book) => {
      const { sheetId, rect } = book.selection;
      return { sheetId, row: rect.row, col: rect.col, rows: 1, cols: 1 };
    });
  }
}

export class WorksheetCollection extends ClientCollection<Worksheet> {
  constructor(context: FakeRequestContext) {
    super(context, 'workbook.worksheets');
  }
  /** @internal */ _ids(book: BookState): string[] {
    return book.sheets.map((s) => s.id);
  }
  /** @internal */ _item(id: string): Worksheet {
    return new Worksheet(this.context, `worksheets.getItem(${JSON.stringify(id)})`, (book) => sheetOf(book, id, 'WorksheetCollection.getItem').id);
  }
  getActiveWorksheet(): Worksheet {
    return new Worksheet(this.context, 'worksheets.getActiveWorksheet()', (book) => book.activeSheetId);
  }
  getItem(key: string): Worksheet {
    return new Worksheet(this.context, `worksheets.getItem(${JSON.stringify(key)})`, (book) => {
      const s = findSheetByName(book, key);
      if (!s) throw notFound('WorksheetCollection.getItem');
      return s.id;
    });
  }
  getItemOrNullObject(key: string): Worksheet {
    return new Worksheet(
      this.context,
      `worksheets.getItemOrNullObject(${JSON.stringify(key)})`,
      (book) => findSheetByName(book, key)?.id ?? null,
      true,
    );
  }
  getFirst(): Worksheet {
    return new Worksheet(this.context, 'worksheets.getFirst()', (book) => {
      const s = book.sheets[0];
      if (!s) throw notFound('WorksheetCollection.getFirst');
      return s.id;
    });
  }
  add(name?: string): Worksheet {
    let createdId: string | undefined;
    const sheet = new Worksheet(this.context, `worksheets.add(${JSON.stringify(name ?? null)})`, (book) => {
      if (createdId === undefined || !book.sheets.some((s) => s.id === createdId)) throw notFound('WorksheetCollection.add');
      return createdId;
    });
    this.context._enqueue({
      kind: 'write',
      json: { path: this._path, call: 'add', args: [name ?? null] },
      run: (book) => {
        let finalName = name;
        if (finalName === undefined) {
          let n = book.sheets.length + 1;
          while (findSheetByName(book, `Sheet${n}`)) n += 1;
          finalName = `Sheet${n}`;
        }
        validateSheetName(book, finalName, 'WorksheetCollection.add');
        createdId = newSheet(book, finalName).id;
      },
    });
    return sheet;
  }
}

function validateSheetName(book: BookState, name: string, where: string, exceptId?: string): void {
  if (name.length === 0 || name.length > 31 || /[\\/?*[\]:]/.test(name) || /^'|'$/.test(name) || name.toLowerCase() === 'history') {
    throw badArgument(where);
  }
  const clash = findSheetByName(book, name);
  if (clash && clash.id !== exceptId) {
    throw new FakeOfficeError(ErrorCodes.itemAlreadyExists, 'A resource with the same name or identifier already exists.', where);
  }
}

function newSheet(book: BookState, name: string): SheetState {
  const s: SheetState = {
    id: `{${String(book.nextId++).padStart(8, '0')}-0000-4000-8000-000000000000}`,
    name,
    cells: new Map(),
    formulas: new Map(),
    fills: new Map(),
    formats: new Map(),
    fonts: new Map(),
    hiddenRows: new Set(),
    hiddenCols: new Set(),
    colWidths: new Map(),
  };
  book.sheets.push(s);
  return s;
}

export class Worksheet extends ClientObject<string> {
  private _tables: TableCollection | undefined;
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly resolveId: (book: BookState) => string | null,
    orNull = false,
  ) {
    super(context, path, orNull);
  }
  /** @internal */ _resolve(book: BookState): string | null {
    const id = this.resolveId(book);
    if (id === null) return null;
    return sheetOf(book, id, this._path).id;
  }
  /** @internal */ protected _props(): Record<string, Getter<string>> {
    return {
      name: (book, id) => sheetOf(book, id, this._path).name,
      id: (_b, id) => id,
      position: (book, id) => book.sheets.findIndex((s) => s.id === id),
      visibility: () => 'Visible',
    };
  }
  /** @internal */ protected override _nav() {
    return { tables: () => this.tables };
  }
  get name(): string {
    return this._get('name');
  }
  set name(value: string) {
    this._setProp('name', value, (book, id) => {
      validateSheetName(book, value, 'Worksheet.name', id);
      sheetOf(book, id, this._path).name = value;
    });
  }
  get id(): string {
    return this._get('id');
  }
  get position(): number {
    return this._get('position');
  }
  get visibility(): string {
    return this._get('visibility');
  }
  get tables(): TableCollection {
    this._tables ??= new TableCollection(this.context, `${this._path}.tables`, (book) => this._resolve(book));
    return this._tables;
  }

  /** @internal */ _sheet(book: BookState): SheetState | null {
    const id = this._resolve(book);
    return id === null ? null : sheetOf(book, id, this._path);
  }

  getRange(address?: string): Range {
    return new Range(this.context, `${this._path}.getRange(${JSON.stringify(address ?? null)})`, (book) => {
      const sheet = this._sheet(book);
      if (!sheet) return null;
      if (address === undefined) return { sheetId: sheet.id, row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS };
      const r = parseRange(address);
      if (!r || (r.sheet !== undefined && r.sheet.toLowerCase() !== sheet.name.toLowerCase())) {
        throw badArgument('Worksheet.getRange');
      }
      return { sheetId: sheet.id, row: r.row, col: r.col, rows: r.rows, cols: r.cols };
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range {
    return new Range(this.context, `${this._path}.getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`, (book) => {
      const sheet = this._sheet(book);
      if (!sheet) return null;
      const rect = { row: startRow, col: startColumn, rows: rowCount, cols: columnCount };
      if (!inGrid(rect)) throw badArgument('Worksheet.getRangeByIndexes');
      return { sheetId: sheet.id, ...rect };
    });
  }
  getCell(row: number, column: number): Range {
    return this.getRangeByIndexes(row, column, 1, 1);
  }
  getRanges(address: string): RangeAreas {
    return new RangeAreas(this.context, `${this._path}.getRanges(${JSON.stringify(address)})`, (book) => {
      const sheet = this._sheet(book);
      if (!sheet) return null;
      const cap = this.context._host.maxAreasAddressLength;
      if (cap !== undefined && address.length > cap) throw badArgument('Worksheet.getRanges');
      const areas = parseAreas(address);
      if (!areas) throw badArgument('Worksheet.getRanges');
      return areas.map((r) => {
        if (r.sheet !== undefined && r.sheet.toLowerCase() !== sheet.name.toLowerCase()) throw badArgument('Worksheet.getRanges');
        return { sheetId: sheet.id, row: r.row, col: r.col, rows: r.rows, cols: r.cols };
      });
    });
  }
  getUsedRange(valuesOnly = false): Range {
    return new Range(this.context, `${this._path}.getUsedRange(${valuesOnly})`, (book) => {
      const sheet = this._sheet(book);
      if (!sheet) return null;
      return { sheetId: sheet.id, ...(usedRect(sheet, valuesOnly) ?? { row: 0, col: 0, rows: 1, cols: 1 }) };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): Range {
    return new Range(
      this.context,
      `${this._path}.getUsedRangeOrNullObject(${valuesOnly})`,
      (book) => {
        const sheet = this._sheet(book);
        const rect = sheet && usedRect(sheet, valuesOnly);
        return sheet && rect ? { sheetId: sheet.id, ...rect } : null;
      },
      true,
    );
  }
  activate(): void {
    this._write('activate', { call: 'activate' }, (book, id) => {
      book.activeSheetId = id;
      book.selection = { sheetId: id, rect: { row: 0, col: 0, rows: 1, cols: 1 } };
    });
  }
  delete(): void {
    this._write('delete', { call: 'delete' }, (book, id) => {
      if (book.sheets.length === 1) throw new FakeOfficeError(ErrorCodes.invalidOperation, 'A workbook must contain at least one visible worksheet.', 'Worksheet.delete');
      book.sheets = book.sheets.filter((s) => s.id !== id);
      book.tables = book.tables.filter((t) => t.sheetId !== id);
      const first = book.sheets[0] as SheetState;
      if (book.activeSheetId === id) book.activeSheetId = first.id;
      if (book.selection.sheetId === id) book.selection = { sheetId: first.id, rect: { row: 0, col: 0, rows: 1, cols: 1 } };
    });
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Ranges                                                                                      */
/* ------------------------------------------------------------------------------------------ */

/** Anything with cells: a Range (one box) or RangeAreas (several). */
interface HasBoxes {
  /** @internal */ _boxes(book: BookState): Box[] | null;
  readonly _path: string;
  readonly context: FakeRequestContext;
}

export class Range extends ClientObject<Box> implements HasBoxes {
  private _format: RangeFormat | undefined;
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly resolveBox: (book: BookState) => Box | null,
    orNull = false,
  ) {
    super(context, path, orNull);
  }
  /** @internal */ _resolve(book: BookState): Box | null {
    const b = this.resolveBox(book);
    if (b === null) return null;
    sheetOf(book, b.sheetId, this._path);
    if (!inGrid(b)) throw badArgument(this._path);
    return b;
  }
  /** @internal */ _boxes(book: BookState): Box[] | null {
    const b = this._resolve(book);
    return b === null ? null : [b];
  }
  /** @internal */ protected _props(): Record<string, Getter<Box>> {
    const cellsOf = (book: BookState, b: Box) => sheetOf(book, b.sheetId, this._path);
    return {
      address: (book, b) => formatAddress(cellsOf(book, b).name, b),
      addressLocal: (book, b) => formatAddress(cellsOf(book, b).name, b),
      rowIndex: (_k, b) => b.row,
      columnIndex: (_k, b) => b.col,
      rowCount: (_k, b) => b.rows,
      columnCount: (_k, b) => b.cols,
      cellCount: (_k, b) => b.rows * b.cols,
      isEntireColumn: (_k, b) => b.row === 0 && b.rows === MAX_ROWS,
      isEntireRow: (_k, b) => b.col === 0 && b.cols === MAX_COLS,
      values: (book, b) => {
        const s = cellsOf(book, b);
        return grid(b, (r, c) => s.cells.get(key(r, c)) ?? '');
      },
      formulas: (book, b) => {
        const s = cellsOf(book, b);
        return grid(b, (r, c) => s.formulas.get(key(r, c)) ?? s.cells.get(key(r, c)) ?? '');
      },
      text: (book, b) => {
        const s = cellsOf(book, b);
        return grid(b, (r, c) => toText(s.cells.get(key(r, c))));
      },
      valueTypes: (book, b) => {
        const s = cellsOf(book, b);
        return grid(b, (r, c) => {
          const v = s.cells.get(key(r, c));
          return v === undefined ? 'Empty' : typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String';
        });
      },
      numberFormat: (book, b) => {
        const s = cellsOf(book, b);
        return grid(b, (r, c) => s.formats.get(key(r, c)) ?? 'General');
      },
      // true when every row is hidden, false when none is, null when mixed
      rowHidden: (book, b) => {
        const s = cellsOf(book, b);
        return uniform([{ ...b, cols: 1 }], (r) => s.hiddenRows.has(r));
      },
      columnHidden: (book, b) => {
        const s = cellsOf(book, b);
        return uniform([{ ...b, rows: 1 }], (_r, c) => s.hiddenCols.has(c));
      },
    };
  }
  /** @internal */ protected override _nav() {
    return { format: () => this.format };
  }

  get address(): string {
    return this._get('address');
  }
  get addressLocal(): string {
    return this._get('addressLocal');
  }
  get rowIndex(): number {
    return this._get('rowIndex');
  }
  get columnIndex(): number {
    return this._get('columnIndex');
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }
  get isEntireColumn(): boolean {
    return this._get('isEntireColumn');
  }
  get isEntireRow(): boolean {
    return this._get('isEntireRow');
  }
  get text(): string[][] {
    return this._get('text');
  }
  get valueTypes(): string[][] {
    return this._get('valueTypes');
  }
  get values(): any[][] {
    return this._get('values');
  }
  set values(input: any) {
    this._setProp('values', input, (book, b) => writeValues(book, b, input, 'Range.values'));
  }
  get formulas(): any[][] {
    return this._get('formulas');
  }
  set formulas(input: any) {
    this._setProp('formulas', input, (book, b) => writeValues(book, b, input, 'Range.formulas'));
  }
  get numberFormat(): any[][] {
    return this._get('numberFormat');
  }
  set numberFormat(input: any) {
    this._setProp('numberFormat', input, (book, b) => {
      const s = sheetOf(book, b.sheetId, this._path);
      applyGrid(b, input, 'Range.numberFormat', (r, c, v) => {
        if (typeof v !== 'string') throw badArgument('Range.numberFormat');
        if (v === 'General') s.formats.delete(key(r, c));
        else s.formats.set(key(r, c), v);
      });
    });
  }
  get rowHidden(): boolean | null {
    return this._get('rowHidden');
  }
  set rowHidden(value: boolean) {
    this._setProp('rowHidden', value, (book, b) => {
      const s = sheetOf(book, b.sheetId, this._path);
      for (let r = b.row; r < b.row + b.rows; r++) (value ? s.hiddenRows.add(r) : s.hiddenRows.delete(r));
    });
  }
  get columnHidden(): boolean | null {
    return this._get('columnHidden');
  }
  set columnHidden(value: boolean) {
    this._setProp('columnHidden', value, (book, b) => {
      const s = sheetOf(book, b.sheetId, this._path);
      for (let c = b.col; c < b.col + b.cols; c++) (value ? s.hiddenCols.add(c) : s.hiddenCols.delete(c));
    });
  }
  get format(): RangeFormat {
    this._format ??= new RangeFormat(this);
    return this._format;
  }
  get worksheet(): Worksheet {
    return new Worksheet(this.context, `${this._path}.worksheet`, (book) => this._resolve(book)?.sheetId ?? null);
  }

  private derive(name: string, fn: (b: Box, book: BookState) => Box | null, orNull = false): Range {
    return new Range(
      this.context,
      `${this._path}.${name}`,
      (book) => {
        const b = this._resolve(book);
        return b === null ? null : fn(b, book);
      },
      orNull,
    );
  }
  getCell(row: number, column: number): Range {
    return this.derive(`getCell(${row},${column})`, (b) => ({ ...b, row: b.row + row, col: b.col + column, rows: 1, cols: 1 }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): Range {
    return this.derive(`getOffsetRange(${rowOffset},${columnOffset})`, (b) => ({ ...b, row: b.row + rowOffset, col: b.col + columnOffset }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    return this.derive(`getResizedRange(${deltaRows},${deltaColumns})`, (b) => ({ ...b, rows: b.rows + deltaRows, cols: b.cols + deltaColumns }));
  }
  getEntireColumn(): Range {
    return this.derive('getEntireColumn()', (b) => ({ ...b, row: 0, rows: MAX_ROWS }));
  }
  getEntireRow(): Range {
    return this.derive('getEntireRow()', (b) => ({ ...b, col: 0, cols: MAX_COLS }));
  }
  getRow(row: number): Range {
    return this.derive(`getRow(${row})`, (b) => ({ ...b, row: b.row + row, rows: 1 }));
  }
  getColumn(column: number): Range {
    return this.derive(`getColumn(${column})`, (b) => ({ ...b, col: b.col + column, cols: 1 }));
  }
  getLastRow(): Range {
    return this.derive('getLastRow()', (b) => ({ ...b, row: b.row + b.rows - 1, rows: 1 }));
  }
  getLastColumn(): Range {
    return this.derive('getLastColumn()', (b) => ({ ...b, col: b.col + b.cols - 1, cols: 1 }));
  }
  getIntersection(address: string): Range {
    return this.derive(`getIntersection(${JSON.stringify(address)})`, (b) => {
      const r = parseRange(address);
      if (!r) throw badArgument('Range.getIntersection');
      const x = intersect(b, r);
      if (!x) throw notFound('Range.getIntersection');
      return { sheetId: b.sheetId, ...x };
    });
  }
  getUsedRange(valuesOnly = false): Range {
    return this.derive(`getUsedRange(${valuesOnly})`, (b, book) => {
      const used = usedRect(sheetOf(book, b.sheetId, this._path), valuesOnly);
      const x = used && intersect(b, used);
      return { sheetId: b.sheetId, ...(x ?? { row: b.row, col: b.col, rows: 1, cols: 1 }) };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): Range {
    return this.derive(
      `getUsedRangeOrNullObject(${valuesOnly})`,
      (b, book) => {
        const used = usedRect(sheetOf(book, b.sheetId, this._path), valuesOnly);
        const x = used && intersect(b, used);
        return x ? { sheetId: b.sheetId, ...x } : null;
      },
      true,
    );
  }
  clear(applyTo: 'All' | 'Formats' | 'Contents' = 'All'): void {
    this._write('clear', { call: 'clear', args: [applyTo] }, (book, b) => clearBoxes(book, [b], applyTo));
  }
  select(): void {
    this._write('select', { call: 'select' }, (book, b) => {
      book.activeSheetId = b.sheetId;
      book.selection = { sheetId: b.sheetId, rect: { row: b.row, col: b.col, rows: b.rows, cols: b.cols } };
    });
  }
  /**
   * Per-cell properties (ExcelApi 1.9): a 2-D array of objects shaped like the load options,
   * e.g. { format: { fill: { color: '#FFFFFF' } } }. Supports address, hidden, format.fill.color
   * and format.font.bold/italic/color.
   */
  getCellProperties(options: CellPropertiesLoadOptions): ClientResult<CellProperties[][]> {
    return this.properties('getCellProperties', options, (book, b) => {
      const s = sheetOf(book, b.sheetId, this._path);
      return grid(b, (r, c) => cellProperties(s, r, c, options));
    });
  }
  /** Per-row properties (ExcelApi 1.9): a value shared by every cell of the row, or null when they differ. */
  getRowProperties(options: CellPropertiesLoadOptions & { rowIndex?: boolean; rowHidden?: boolean }): ClientResult<CellProperties[]> {
    return this.properties('getRowProperties', options, (book, b) => {
      const s = sheetOf(book, b.sheetId, this._path);
      const out: CellProperties[] = [];
      for (let r = b.row; r < b.row + b.rows; r++) {
        const cells: CellProperties[] = [];
        for (let c = b.col; c < b.col + b.cols; c++) cells.push(cellProperties(s, r, c, options));
        const merged = mergeUniform(cells) as CellProperties;
        if (options.rowIndex) merged.rowIndex = r;
        if (options.rowHidden) merged.rowHidden = s.hiddenRows.has(r);
        out.push(merged);
      }
      return out;
    });
  }
  /** Per-column properties (ExcelApi 1.9): a value shared by every cell of the column, or null when they differ. */
  getColumnProperties(options: CellPropertiesLoadOptions & { columnIndex?: boolean; columnHidden?: boolean }): ClientResult<CellProperties[]> {
    return this.properties('getColumnProperties', options, (book, b) => {
      const s = sheetOf(book, b.sheetId, this._path);
      const out: CellProperties[] = [];
      for (let c = b.col; c < b.col + b.cols; c++) {
        const cells: CellProperties[] = [];
        for (let r = b.row; r < b.row + b.rows; r++) cells.push(cellProperties(s, r, c, options));
        const merged = mergeUniform(cells) as CellProperties;
        if (options.columnIndex) merged.columnIndex = c;
        if (options.columnHidden) merged.columnHidden = s.hiddenCols.has(c);
        out.push(merged);
      }
      return out;
    });
  }
  private properties<T>(call: string, options: unknown, compute: (book: BookState, b: Box) => T): ClientResult<T> {
    const result = new ClientResult<T>();
    this.context._enqueue({
      kind: 'load',
      json: { path: this._path, call, args: [options] },
      run: (book) => {
        const b = this._resolve(book);
        if (b === null) throw notFound(`${this._path}.${call}`);
        const value = compute(book, b);
        return { response: value, deliver: () => ((result._value = value), (result._done = true)) };
      },
    });
    return result;
  }
}

export interface CellPropertiesLoadOptions {
  address?: boolean;
  hidden?: boolean;
  format?: { fill?: { color?: boolean }; font?: { bold?: boolean; italic?: boolean; color?: boolean } };
}
export interface CellProperties {
  address?: string;
  hidden?: boolean;
  rowIndex?: number;
  rowHidden?: boolean;
  columnIndex?: number;
  columnHidden?: boolean;
  format?: { fill?: { color?: string | null }; font?: { bold?: boolean | null; italic?: boolean | null; color?: string | null } };
}

function cellProperties(s: SheetState, r: number, c: number, o: CellPropertiesLoadOptions): CellProperties {
  const out: CellProperties = {};
  if (o.address) out.address = formatAddress(s.name, { row: r, col: c, rows: 1, cols: 1 });
  if (o.hidden) out.hidden = s.hiddenRows.has(r) || s.hiddenCols.has(c);
  if (o.format) {
    const format: NonNullable<CellProperties['format']> = {};
    // Office.js reports "#FFFFFF" for a cell with no fill.
    if (o.format.fill?.color) format.fill = { color: s.fills.get(key(r, c)) ?? '#FFFFFF' };
    if (o.format.font) {
      const f = s.fonts.get(key(r, c));
      const font: NonNullable<NonNullable<CellProperties['format']>['font']> = {};
      if (o.format.font.bold) font.bold = f?.bold ?? false;
      if (o.format.font.italic) font.italic = f?.italic ?? false;
      if (o.format.font.color) font.color = f?.color ?? '#000000';
      format.font = font;
    }
    out.format = format;
  }
  return out;
}

/** Leaf values shared by all objects, null where they differ. */
function mergeUniform(objs: unknown[]): unknown {
  const first = objs[0];
  if (first === null || typeof first !== 'object') return objs.every((o) => o === first) ? first : null;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(first)) out[k] = mergeUniform(objs.map((o) => (o as Record<string, unknown>)[k]));
  return out;
}

function writeValues(book: BookState, b: Box, input: unknown, where: string): void {
  const s = sheetOf(book, b.sheetId, where);
  applyGrid(b, input, where, (r, c, v) => {
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') throw badArgument(where);
    if (typeof v === 'number' && !Number.isFinite(v)) throw badArgument(where);
    s.formulas.delete(key(r, c));
    if (v === '') s.cells.delete(key(r, c));
    else s.cells.set(key(r, c), v);
  });
}

function clearBoxes(book: BookState, boxes: Box[], applyTo: string): void {
  for (const b of boxes) {
    const s = sheetOf(book, b.sheetId, 'Range.clear');
    const maps: Map<number, unknown>[] = [];
    if (applyTo === 'All' || applyTo === 'Contents') maps.push(s.cells, s.formulas);
    if (applyTo === 'All' || applyTo === 'Formats') maps.push(s.fills, s.formats, s.fonts);
    if (maps.length === 0) throw badArgument('Range.clear');
    for (const m of maps) deleteIn(m, b);
  }
}

function deleteIn(m: Map<number, unknown>, b: Rect): void {
  if (b.rows * b.cols > m.size) {
    for (const k of [...m.keys()]) {
      const { row, col } = unkey(k);
      if (row >= b.row && row < b.row + b.rows && col >= b.col && col < b.col + b.cols) m.delete(k);
    }
  } else {
    forEachCell(b, (r, c) => m.delete(key(r, c)));
  }
}

export class RangeAreas extends ClientObject<Box[]> implements HasBoxes {
  private _format: RangeFormat | undefined;
  private _areas: RangeCollection | undefined;
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly resolveBoxes: (book: BookState) => Box[] | null,
  ) {
    super(context, path);
  }
  /** @internal */ _resolve(book: BookState): Box[] | null {
    const bs = this.resolveBoxes(book);
    if (bs) for (const b of bs) if (!inGrid(b)) throw badArgument(this._path);
    return bs;
  }
  /** @internal */ _boxes(book: BookState): Box[] | null {
    return this._resolve(book);
  }
  /** @internal */ protected _props(): Record<string, Getter<Box[]>> {
    const addr = (book: BookState, bs: Box[]) => bs.map((b) => formatAddress(sheetOf(book, b.sheetId, this._path).name, b)).join(',');
    return {
      address: addr,
      addressLocal: addr,
      areaCount: (_k, bs) => bs.length,
      cellCount: (_k, bs) => bs.reduce((n, b) => n + b.rows * b.cols, 0),
    };
  }
  /** @internal */ protected override _nav() {
    return { format: () => this.format, areas: () => this.areas };
  }
  get address(): string {
    return this._get('address');
  }
  get addressLocal(): string {
    return this._get('addressLocal');
  }
  get areaCount(): number {
    return this._get('areaCount');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }
  get format(): RangeFormat {
    this._format ??= new RangeFormat(this);
    return this._format;
  }
  get areas(): RangeCollection {
    this._areas ??= new RangeCollection(this.context, `${this._path}.areas`, (book) => this._resolve(book) ?? []);
    return this._areas;
  }
  clear(applyTo: 'All' | 'Formats' | 'Contents' = 'All'): void {
    this._write('clear', { call: 'clear', args: [applyTo] }, (book, bs) => clearBoxes(book, bs, applyTo));
  }
}

export class RangeCollection extends ClientCollection<Range> {
  private current: Box[] = [];
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly resolveBoxes: (book: BookState) => Box[],
  ) {
    super(context, path);
  }
  /** @internal */ _ids(book: BookState): string[] {
    this.current = this.resolveBoxes(book);
    return this.current.map((_b, i) => String(i));
  }
  /** @internal */ _item(id: string): Range {
    const b = this.current[Number(id)] as Box;
    return new Range(this.context, `${this._path}.getItemAt(${id})`, () => b);
  }
}

export class RangeFormat extends ClientObject<Box[]> {
  readonly fill: RangeFill;
  readonly font: RangeFont;
  constructor(private readonly owner: HasBoxes) {
    super(owner.context, `${owner._path}.format`);
    this.fill = new RangeFill(owner);
    this.font = new RangeFont(owner);
  }
  /** @internal */ _resolve(book: BookState): Box[] | null {
    return this.owner._boxes(book);
  }
  /** @internal */ protected _props(): Record<string, Getter<Box[]>> {
    return {
      columnWidth: (book, bs) =>
        uniform(
          bs.map((b) => ({ ...b, rows: 1 })),
          (_r, c, id) => sheetOf(book, id, this._path).colWidths.get(c) ?? DEFAULT_COLUMN_WIDTH,
        ),
    };
  }
  /** @internal */ protected override _nav() {
    return { fill: () => this.fill, font: () => this.font };
  }
  get columnWidth(): number | null {
    return this._get('columnWidth');
  }
  set columnWidth(value: number) {
    this._setProp('columnWidth', value, (book, bs) => {
      for (const b of bs) for (let c = b.col; c < b.col + b.cols; c++) sheetOf(book, b.sheetId, this._path).colWidths.set(c, value);
    });
  }
  autofitColumns(): void {
    this._write('autofitColumns', { call: 'autofitColumns' }, () => {});
  }
  autofitRows(): void {
    this._write('autofitRows', { call: 'autofitRows' }, () => {});
  }
}

export class RangeFill extends ClientObject<Box[]> {
  constructor(private readonly owner: HasBoxes) {
    super(owner.context, `${owner._path}.format.fill`);
  }
  /** @internal */ _resolve(book: BookState): Box[] | null {
    return this.owner._boxes(book);
  }
  /** @internal */ protected _props(): Record<string, Getter<Box[]>> {
    return {
      // Office.js reports "#FFFFFF" for no fill and null when cells differ.
      color: (book, bs) => uniform(bs, (r, c, id) => sheetOf(book, id, this._path).fills.get(key(r, c)) ?? '#FFFFFF'),
    };
  }
  get color(): string | null {
    return this._get('color');
  }
  set color(value: string) {
    this._setProp('color', value, (book, bs) => {
      const colour = normaliseColour(value, 'RangeFill.color');
      for (const b of bs) {
        const s = sheetOf(book, b.sheetId, this._path);
        forEachCell(b, (r, c) => s.fills.set(key(r, c), colour));
      }
    });
  }
  clear(): void {
    this._write('clear', { call: 'clear' }, (book, bs) => {
      for (const b of bs) deleteIn(sheetOf(book, b.sheetId, this._path).fills, b);
    });
  }
}

export class RangeFont extends ClientObject<Box[]> {
  constructor(private readonly owner: HasBoxes) {
    super(owner.context, `${owner._path}.format.font`);
  }
  /** @internal */ _resolve(book: BookState): Box[] | null {
    return this.owner._boxes(book);
  }
  private read<K extends keyof Font>(book: BookState, bs: Box[], k: K, dflt: NonNullable<Font[K]>) {
    return uniform(bs, (r, c, id) => sheetOf(book, id, this._path).fonts.get(key(r, c))?.[k] ?? dflt);
  }
  private write<K extends keyof Font>(k: K, value: Font[K]) {
    this._setProp(k, value, (book, bs) => {
      const v = k === 'color' ? normaliseColour(value, 'RangeFont.color') : value;
      for (const b of bs) {
        const s = sheetOf(book, b.sheetId, this._path);
        forEachCell(b, (r, c) => s.fonts.set(key(r, c), { ...s.fonts.get(key(r, c)), [k]: v }));
      }
    });
  }
  /** @internal */ protected _props(): Record<string, Getter<Box[]>> {
    return {
      bold: (book, bs) => this.read(book, bs, 'bold', false),
      italic: (book, bs) => this.read(book, bs, 'italic', false),
      color: (book, bs) => this.read(book, bs, 'color', '#000000'),
    };
  }
  get bold(): boolean | null {
    return this._get('bold');
  }
  set bold(v: boolean) {
    this.write('bold', v);
  }
  get italic(): boolean | null {
    return this._get('italic');
  }
  set italic(v: boolean) {
    this.write('italic', v);
  }
  get color(): string | null {
    return this._get('color');
  }
  set color(v: string) {
    this.write('color', v);
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Tables                                                                                      */
/* ------------------------------------------------------------------------------------------ */

export class TableCollection extends ClientCollection<Table> {
  constructor(
    context: FakeRequestContext,
    path: string,
    /** null = whole workbook */
    private readonly sheetId: ((book: BookState) => string | null) | null,
  ) {
    super(context, path);
  }
  private inScope(book: BookState): TableState[] {
    if (!this.sheetId) return book.tables;
    const id = this.sheetId(book);
    return id === null ? [] : book.tables.filter((t) => t.sheetId === id);
  }
  /** @internal */ _ids(book: BookState): string[] {
    return this.inScope(book).map((t) => t.id);
  }
  /** @internal */ _item(id: string): Table {
    return new Table(this.context, `${this._path}.getItem(${JSON.stringify(id)})`, (book) => {
      const t = book.tables.find((x) => x.id === id);
      if (!t) throw notFound('TableCollection.getItem');
      return t;
    });
  }
  private find(book: BookState, k: string): TableState | undefined {
    const lower = k.toLowerCase();
    return this.inScope(book).find((t) => t.name.toLowerCase() === lower || t.id === k);
  }
  getItem(k: string): Table {
    return new Table(this.context, `${this._path}.getItem(${JSON.stringify(k)})`, (book) => {
      const t = this.find(book, k);
      if (!t) throw notFound('TableCollection.getItem');
      return t;
    });
  }
  getItemOrNullObject(k: string): Table {
    return new Table(this.context, `${this._path}.getItemOrNullObject(${JSON.stringify(k)})`, (book) => this.find(book, k) ?? null, true);
  }
}

export class Table extends ClientObject<TableState> {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly resolveTable: (book: BookState) => TableState | null,
    orNull = false,
  ) {
    super(context, path, orNull);
  }
  /** @internal */ _resolve(book: BookState): TableState | null {
    return this.resolveTable(book);
  }
  /** @internal */ protected _props(): Record<string, Getter<TableState>> {
    return { name: (_b, t) => t.name, id: (_b, t) => t.id };
  }
  get name(): string {
    return this._get('name');
  }
  get id(): string {
    return this._get('id');
  }
  private part(name: string, fn: (t: TableState) => Rect): Range {
    return new Range(this.context, `${this._path}.${name}()`, (book) => {
      const t = this._resolve(book);
      return t === null ? null : { sheetId: t.sheetId, ...fn(t) };
    });
  }
  getRange(): Range {
    return this.part('getRange', (t) => t.rect);
  }
  getHeaderRowRange(): Range {
    return this.part('getHeaderRowRange', (t) => ({ ...t.rect, rows: 1 }));
  }
  getDataBodyRange(): Range {
    return this.part('getDataBodyRange', (t) => ({ ...t.rect, row: t.rect.row + 1, rows: Math.max(1, t.rect.rows - 1) }));
  }
  get worksheet(): Worksheet {
    return new Worksheet(this.context, `${this._path}.worksheet`, (book) => this._resolve(book)?.sheetId ?? null);
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Settings                                                                                    */
/* ------------------------------------------------------------------------------------------ */

export class SettingCollection extends ClientCollection<Setting> {
  constructor(context: FakeRequestContext) {
    super(context, 'workbook.settings');
  }
  /** @internal */ _ids(book: BookState): string[] {
    return [...book.settings.keys()];
  }
  /** @internal */ _item(id: string): Setting {
    return this.getItem(id);
  }
  add(k: string, value: unknown): Setting {
    const setting = new Setting(this.context, `settings.getItem(${JSON.stringify(k)})`, k, (book) => (book.settings.has(k) ? k : null));
    const json = JSON.stringify(value);
    this.context._enqueue({
      kind: 'write',
      json: { path: this._path, call: 'add', args: [k, value] },
      run: (book) => {
        if (k.length === 0 || json === undefined) throw badArgument('SettingCollection.add');
        book.settings.set(k, json);
      },
    });
    return setting;
  }
  getItem(k: string): Setting {
    return new Setting(this.context, `settings.getItem(${JSON.stringify(k)})`, k, (book) => {
      if (!book.settings.has(k)) throw notFound('SettingCollection.getItem');
      return k;
    });
  }
  getItemOrNullObject(k: string): Setting {
    return new Setting(this.context, `settings.getItemOrNullObject(${JSON.stringify(k)})`, k, (book) => (book.settings.has(k) ? k : null), true);
  }
}

export class Setting extends ClientObject<string> {
  constructor(
    context: FakeRequestContext,
    path: string,
    _settingKey: string,
    private readonly resolveKey: (book: BookState) => string | null,
    orNull = false,
  ) {
    super(context, path, orNull);
  }
  /** @internal */ _resolve(book: BookState): string | null {
    return this.resolveKey(book);
  }
  /** @internal */ protected _props(): Record<string, Getter<string>> {
    return {
      key: (_b, k) => k,
      value: (book, k) => JSON.parse(book.settings.get(k) as string) as unknown,
    };
  }
  get key(): string {
    return this._get('key');
  }
  get value(): any {
    return this._get('value');
  }
  set value(v: any) {
    this._setProp('value', v, (book, k) => {
      const json = JSON.stringify(v);
      if (json === undefined) throw badArgument('Setting.value');
      book.settings.set(k, json);
    });
  }
  delete(): void {
    this._write('delete', { call: 'delete' }, (book, k) => void book.settings.delete(k));
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Factory                                                                                     */
/* ------------------------------------------------------------------------------------------ */

function buildBook(input: FakeWorkbookInput): BookState {
  const book: BookState = {
    sheets: [],
    tables: [],
    activeSheetId: '',
    selection: { sheetId: '', rect: { row: 0, col: 0, rows: 1, cols: 1 } },
    settings: new Map(),
    nextId: 1,
  };
  if (input.sheets.length === 0) throw new Error('createFakeExcel: a workbook needs at least one sheet');
  for (const si of input.sheets) {
    if (findSheetByName(book, si.name)) throw new Error(`createFakeExcel: duplicate sheet name ${si.name}`);
    const s = newSheet(book, si.name);
    const origin = si.origin ? parseRange(si.origin) : { row: 0, col: 0 };
    if (!origin) throw new Error(`createFakeExcel: bad origin ${si.origin} on ${si.name}`);
    (si.cells ?? []).forEach((line, i) =>
      line.forEach((v, j) => {
        if (v !== null && v !== '') s.cells.set(key(origin.row + i, origin.col + j), v);
      }),
    );
    const each = (address: string, fn: (r: number, c: number) => void) => {
      const r = parseRange(address);
      if (!r) throw new Error(`createFakeExcel: bad address ${address} on ${si.name}`);
      forEachCell(r, fn);
    };
    for (const [a, f] of Object.entries(si.formulas ?? {})) {
      each(a, (r, col) => {
        s.formulas.set(key(r, col), f.formula.startsWith('=') ? f.formula : `=${f.formula}`);
        const result = f.result ?? '';
        if (result === null || result === '') s.cells.delete(key(r, col));
        else s.cells.set(key(r, col), result);
      });
    }
    for (const [a, colour] of Object.entries(si.fills ?? {})) {
      const c = normaliseColour(colour, 'createFakeExcel');
      each(a, (r, col) => s.fills.set(key(r, col), c));
    }
    for (const [a, f] of Object.entries(si.numberFormats ?? {})) each(a, (r, col) => s.formats.set(key(r, col), f));
    for (const n of si.hiddenRows ?? []) s.hiddenRows.add(n - 1);
    for (const c of si.hiddenColumns ?? []) s.hiddenCols.add(typeof c === 'number' ? c : (parseRange(`${c}1`)?.col ?? -1));
    for (const t of si.tables ?? []) {
      const r = parseRange(t.address);
      if (!r) throw new Error(`createFakeExcel: bad table address ${t.address}`);
      book.tables.push({ id: `{T${book.nextId++}}`, name: t.name, sheetId: s.id, rect: { row: r.row, col: r.col, rows: r.rows, cols: r.cols } });
    }
  }
  const active = input.activeSheet ? findSheetByName(book, input.activeSheet) : book.sheets[0];
  if (!active) throw new Error(`createFakeExcel: no sheet named ${input.activeSheet}`);
  book.activeSheetId = active.id;
  book.selection = { sheetId: active.id, rect: { row: 0, col: 0, rows: 1, cols: 1 } };
  for (const [k, v] of Object.entries(input.settings ?? {})) book.settings.set(k, JSON.stringify(v));
  return book;
}

function snapshotSheet(s: SheetState): SheetSnapshot {
  let rows = 0;
  let cols = 0;
  for (const k of s.cells.keys()) {
    const { row, col } = unkey(k);
    rows = Math.max(rows, row + 1);
    cols = Math.max(cols, col + 1);
  }
  const cells: CellValue[][] = Array.from({ length: rows }, () => Array<CellValue>(cols).fill(null));
  for (const [k, v] of s.cells) {
    const { row, col } = unkey(k);
    (cells[row] as CellValue[])[col] = v;
  }
  const byAddress = <V>(m: Map<number, V>): Record<string, V> => {
    const out: Record<string, V> = {};
    for (const k of [...m.keys()].sort((a, b) => a - b)) {
      const { row, col } = unkey(k);
      out[formatAddress(s.name, { row, col, rows: 1, cols: 1 }).split('!')[1] as string] = m.get(k) as V;
    }
    return out;
  };
  return {
    cells,
    fills: byAddress(s.fills),
    numberFormats: byAddress(s.formats),
    fonts: byAddress(s.fonts),
    hiddenRows: [...s.hiddenRows].sort((a, b) => a - b).map((r) => r + 1),
    formulas: byAddress(s.formulas),
  };
}

export interface FakeExcel {
  /** The `Excel` namespace subset: run, ErrorCodes, ClearApplyTo. */
  Excel: {
    run<T>(batch: (context: FakeRequestContext) => Promise<T> | T): Promise<T>;
    run<T>(options: unknown, batch: (context: FakeRequestContext) => Promise<T> | T): Promise<T>;
    ErrorCodes: typeof ErrorCodes;
    ClearApplyTo: { all: 'All'; formats: 'Formats'; contents: 'Contents' };
  };
  /** `OfficeExtension` subset, for `instanceof OfficeExtension.Error` checks. */
  OfficeExtension: { Error: typeof FakeOfficeError; ErrorCodes: typeof ErrorCodes };
  /** A standalone request context on the same workbook (never closed). */
  context: FakeRequestContext;
  /** Same as Excel.run. */
  run<T>(batch: (context: FakeRequestContext) => Promise<T> | T): Promise<T>;
  stats: FakeExcelStats;
  /** Estimated request JSON bytes, one entry per sync (0 for an empty sync). */
  payloadBytes: number[];
  /** Estimated response JSON bytes, one entry per sync. */
  responseBytes: number[];
  /** Current cells, fills, formats per sheet name, as applied by syncs so far. */
  snapshot(): Record<string, SheetSnapshot>;
  /** Current document settings. */
  settings(): Record<string, unknown>;
  /** Sheet names in order. */
  sheetNames(): string[];
}

export function createFakeExcel(workbook: FakeWorkbookInput, options: FakeExcelOptions = {}): FakeExcel {
  const host = new Host(buildBook(workbook), options.maxPayloadBytes ?? 5_000_000, options.maxAreasAddressLength);
  async function run<T>(a: unknown, b?: unknown): Promise<T> {
    const batch = (typeof a === 'function' ? a : b) as (context: FakeRequestContext) => Promise<T> | T;
    if (typeof batch !== 'function') throw new TypeError('Excel.run needs a batch function');
    const ctx = new FakeRequestContext(host);
    try {
      const result = await batch(ctx);
      if (ctx._queue.length > 0) await ctx.sync();
      return result;
    } finally {
      ctx._queue = [];
      ctx._closed = true;
    }
  }
  return {
    Excel: {
      run: run as FakeExcel['Excel']['run'],
      ErrorCodes,
      ClearApplyTo: { all: 'All', formats: 'Formats', contents: 'Contents' },
    },
    OfficeExtension: { Error: FakeOfficeError, ErrorCodes },
    context: new FakeRequestContext(host),
    run: (batch) => run(batch),
    stats: host.stats,
    payloadBytes: host.payloadBytes,
    responseBytes: host.responseBytes,
    snapshot: () => Object.fromEntries(host.book.sheets.map((s) => [s.name, snapshotSheet(s)])),
    settings: () => Object.fromEntries([...host.book.settings].map(([k, v]) => [k, JSON.parse(v) as unknown])),
    sheetNames: () => host.book.sheets.map((s) => s.name),
  };
}
