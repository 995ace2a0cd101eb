import { cellStyles, STYLE_PARTS, type CellStyle, type StylePart } from './cellstyles.js';
import { translate } from './formula.js';
import { isDateCode } from './numfmt.js';
import { stylesPath } from './elements.js';
import { readText, sheets, writeText, type Package } from './parts.js';
import { attributes, children, elements, text } from './xml.js';
import { sharedStrings, stringItem, type CellText } from './strings.js';
import { cellText, decodeXml } from './tree.js';

/**
 * The cells of every sheet, compared one by one after resolving what exceljs renumbers
 * (shared strings, styles, shared formulas): a cell must keep its value, type, rich text,
 * phonetic guide, formula, cached result, every part of its look (font, fill, border, number
 * format code, alignment, protection, quote prefix) and its metadata (cm/vm); a row its
 * height, hiding, outline and format. The whole sheetData is allowed to differ as XML only
 * because of this check.
 */

/** What Waymark writes on a sheet and so may differ there. */
export interface WaymarkCells {
  /** Rated indicator cells: their fill is Waymark's (its colour, or the team's put back). */
  readonly fills: ReadonlySet<string>;
  /** Output cells Waymark writes or clears: the whole cell is Waymark's. */
  readonly outputs: ReadonlySet<string>;
}

interface RawCell {
  /** row × 16384 + column: the cell's place, and the order of cells in a sheet. */
  readonly key: number;
  readonly s: number;
  readonly t: string;
  readonly f: { readonly t: string; readonly ref: string; readonly si: string; readonly text: string; readonly extra: string } | undefined;
  readonly v: string | undefined;
  readonly is: string | undefined;
  readonly meta: string;
}

interface RawRow {
  readonly attrs: Map<string, string>;
  /** Offsets of the row's start tag in the sheet XML. */
  readonly start: number;
  readonly end: number;
}

interface Sheet {
  readonly rows: Map<number, RawRow>;
  /** In row-major order. */
  readonly cells: RawCell[];
  /** Column number → style index, from <cols>. */
  readonly colStyle: Map<number, number>;
  /** Where the rows go: the offset of </sheetData> (or of <sheetData/>) and whether it is self-closed. */
  readonly dataEnd: number;
  readonly dataSelfClosed: boolean;
}

function colLetters(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

const ATTR = /([\w:]+)\s*=\s*"([^"]*)"/g;
function attrs(open: string): Map<string, string> {
  const out = new Map<string, string>();
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(open); m; m = ATTR.exec(open)) out.set(m[1]!, m[2]!);
  return out;
}

/** One attribute of a start tag (` s="`, say), without building a map: there are a hundred thousand cells. */
function attr(open: string, marker: string): string | undefined {
  const i = open.indexOf(marker);
  if (i < 0) return undefined;
  const from = i + marker.length;
  return open.slice(from, open.indexOf('"', from));
}

const WIDE = 16384;
/** An A1 reference as row × 16384 + column, read by hand: a sheet has a hundred thousand. */
function keyOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65) break;
    col = col * 26 + c - (c >= 97 ? 96 : 64);
  }
  let row = 0;
  for (; i < ref.length; i++) row = row * 10 + ref.charCodeAt(i) - 48;
  return row * WIDE + col;
}
/** keyOf for the reference that starts at `at` in `text` and ends at a quote. */
function keyAt(text: string, at: number): number {
  let col = 0;
  let i = at;
  for (; ; i++) {
    const c = text.charCodeAt(i);
    if (!(c >= 65 && c <= 90) && !(c >= 97 && c <= 122)) break;
    col = col * 26 + c - (c >= 97 ? 96 : 64);
  }
  let row = 0;
  for (; ; i++) {
    const c = text.charCodeAt(i);
    if (!(c >= 48 && c <= 57)) break;
    row = row * 10 + c - 48;
  }
  return row * WIDE + col;
}
const rowOf = (key: number) => Math.floor(key / WIDE);
const colOf = (key: number) => key % WIDE;
const refOf = (key: number) => `${colLetters(colOf(key))}${rowOf(key)}`;

const F = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/;
const IS = /<is>[\s\S]*?<\/is>|<is\/>/;

function parseSheet(xml: string): Sheet {
  const rows = new Map<number, RawRow>();
  const cells: RawCell[] = [];
  const colStyle = new Map<number, number>();
  const open = xml.search(/<sheetData\b/);
  const selfClosed = open >= 0 && /^<sheetData\b[^>]*\/>/.test(xml.slice(open, open + 200));
  const close = selfClosed ? open : xml.indexOf('</sheetData>');
  for (const m of xml.slice(0, open < 0 ? 0 : open).matchAll(/<col\b([^>]*)>/g)) {
    const a = attrs(m[1]!);
    const style = a.get('style');
    if (style === undefined) continue;
    const last = Math.min(Number(a.get('max') ?? a.get('min')), 16384);
    for (let n = Number(a.get('min')); n <= last; n++) colStyle.set(n, Number(style));
  }
  if (open < 0 || selfClosed) return { rows, cells, colStyle, dataEnd: Math.max(open, 0), dataSelfClosed: selfClosed };
  // Scanned by hand, not by a regular expression: a match array and its captures for each of a
  // hundred thousand cells cost more in garbage collection than the rest of the check.
  let rowNo = 0;
  let lastKey = 0;
  let pos = xml.indexOf('>', open) + 1;
  for (;;) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0 || lt >= close) break;
    const next = xml.charCodeAt(lt + 1);
    const after = xml.charCodeAt(lt + 2);
    if (next === 99 /* c */ && (after === 32 || after === 62 || after === 47)) {
      const gt = xml.indexOf('>', lt);
      const self = xml.charCodeAt(gt - 1) === 47;
      const open = xml.slice(lt, self ? gt - 1 : gt);
      const end = self ? gt : xml.indexOf('</c>', gt);
      pos = self ? gt + 1 : end + 4;
      const r = open.indexOf(' r="');
      // A cell without its reference follows the one before it (Excel always writes it).
      const key = r >= 0 ? keyAt(open, r + 4) : lastKey > 0 ? lastKey + 1 : rowNo * WIDE + 1;
      lastKey = key;
      const t = attr(open, ' t="') ?? 'n';
      let f: RawCell['f'];
      let v: string | undefined;
      let is: string | undefined;
      if (!self && end > gt + 1) {
        const body = xml.slice(gt + 1, end);
        const fm = body.includes('<f') ? F.exec(body) : null;
        if (fm) {
          const fa = attrs(fm[1]!);
          const extra = [...fa].filter(([k]) => !['t', 'ref', 'si', 'ca', 'aca'].includes(k)).sort(([x], [y]) => (x < y ? -1 : 1)).map(([k, val]) => `${k}=${val}`).join(' ');
          f = { t: fa.get('t') ?? 'normal', ref: fa.get('ref') ?? '', si: fa.get('si') ?? '', text: decodeXml(fm[2] ?? ''), extra };
        }
        const at = body.indexOf('<v>');
        if (at >= 0) v = body.slice(at + 3, body.indexOf('</v>', at));
        if (t === 'inlineStr') is = IS.exec(body)?.[0];
      }
      const meta = open.includes('m=') || open.includes('ph=') ? ['cm', 'vm', 'ph'].map((k) => (attr(open, ` ${k}="`) !== undefined ? `${k}=${attr(open, ` ${k}="`)}` : '')).join(' ').trim() : '';
      const style = attr(open, ' s="');
      cells.push({ key, s: style === undefined ? 0 : Number(style), t, f, v, is, meta });
      continue;
    }
    if (next === 114 /* r */ && xml.startsWith('row', lt + 1) && (xml.charCodeAt(lt + 4) === 32 || xml.charCodeAt(lt + 4) === 62 || xml.charCodeAt(lt + 4) === 47)) {
      const gt = xml.indexOf('>', lt);
      const a = attrs(xml.slice(lt, gt + 1));
      rowNo = a.has('r') ? Number(a.get('r')) : rowNo + 1;
      lastKey = 0;
      rows.set(rowNo, { attrs: a, start: lt, end: gt + 1 });
      pos = gt + 1;
      continue;
    }
    pos = lt + 1;
  }
  // Excel and exceljs write cells in order; anything else is put in order here.
  for (let i = 1; i < cells.length; i++) {
    if (cells[i]!.key <= cells[i - 1]!.key) {
      cells.sort((x, y) => x.key - y.key);
      break;
    }
  }
  return { rows, cells, colStyle, dataEnd: close, dataSelfClosed: false };
}

interface Book {
  readonly styles: CellStyle[];
  readonly strings: CellText[];
}

interface Shown {
  readonly kind: string;
  readonly value: string | number;
  readonly rich: string;
  readonly phonetic: string;
  readonly formula: string;
  readonly style: CellStyle;
  readonly meta: string;
}

const NO_STYLE: CellStyle = { font: '', fill: '', border: '', numFmt: 'General', alignment: '', protection: '', quotePrefix: '', key: '' };
const styleAt = (book: Book, s: number) => book.styles[s] ?? book.styles[0] ?? NO_STYLE;

/** The style an absent cell shows: its row's, when the row has one, else its column's. */
function defaultStyle(book: Book, sheet: Sheet, row: number, col: number): CellStyle {
  const r = sheet.rows.get(row)?.attrs;
  if (r && on(r.get('customFormat'))) return styleAt(book, Number(r.get('s') ?? 0));
  return styleAt(book, sheet.colStyle.get(col) ?? 0);
}

const on = (v: string | undefined) => v === '1' || v === 'true';

function shown(book: Book, sheet: Sheet, cell: RawCell | undefined, key: number, masters: Map<string, RawCell>): Shown {
  if (!cell) return { kind: '', value: '', rich: '', phonetic: '', formula: '', style: defaultStyle(book, sheet, rowOf(key), colOf(key)), meta: '' };
  let kind = '';
  let value: string | number = '';
  let rich = '';
  let phonetic = '';
  const text = (t: CellText | undefined) => {
    kind = 'text';
    value = t?.text ?? '';
    rich = t?.rich ?? '';
    phonetic = t?.phonetic ?? '';
  };
  if (cell.t === 'inlineStr') text(cell.is ? stringItem(cell.is.replace(/^<is\/>$/, '<is></is>')) : undefined);
  else if (cell.v !== undefined) {
    if (cell.t === 's') text(book.strings[Number(cell.v)]);
    else if (cell.t === 'str') text({ text: cellText(cell.v), rich: '', phonetic: '' });
    else if (cell.t === 'b') [kind, value] = ['boolean', on(cell.v) ? 1 : 0];
    else if (cell.t === 'e') [kind, value] = ['error', decodeXml(cell.v)];
    else if (cell.t === 'd') [kind, value] = ['date', cell.v];
    else [kind, value] = ['number', Number(cell.v)];
  }
  let formula = '';
  if (cell.f) {
    const f = cell.f;
    let body = f.text;
    if (f.t === 'shared') {
      const master = f.text ? cell : masters.get(f.si);
      body = master?.f ? translate(master.f.text, rowOf(cell.key) - rowOf(master.key), colOf(cell.key) - colOf(master.key)) : `shared:${f.si}`;
    }
    formula = [f.t === 'shared' ? 'normal' : f.t, f.t === 'array' || f.t === 'dataTable' ? f.ref : '', f.extra, body.trim()].join('|');
  }
  // A formula whose saved result is "" shows the same as one with no saved result (exceljs
  // writes none for it); Excel computes both the same way on opening.
  if (formula && kind === 'text' && value === '' && rich === '') kind = '';
  return { kind, value, rich, phonetic, formula, style: styleAt(book, cell.s), meta: cell.meta };
}

/** Shared-formula masters by group number. */
function mastersOf(sheet: Sheet): Map<string, RawCell> {
  const out = new Map<string, RawCell>();
  for (const c of sheet.cells) if (c.f?.t === 'shared' && c.f.text !== '' && !out.has(c.f.si)) out.set(c.f.si, c);
  return out;
}

/** A date-time written back through a JavaScript Date is rounded to the millisecond. */
const MS = 1 / 86_400_000;
function sameValue(a: Shown, b: Shown): boolean {
  if (a.value === b.value) return true;
  return typeof a.value === 'number' && typeof b.value === 'number' && isDateCode(a.style.numFmt) && Math.abs(a.value - b.value) <= MS;
}

const PART_WORDS: Readonly<Record<StylePart, string>> = {
  font: 'their font (typeface, size, colour, bold…)',
  fill: 'their fill',
  border: 'their borders',
  numFmt: 'their number format',
  alignment: 'their alignment (indent, wrap, rotation, reading order…)',
  protection: 'their protection (locked, formula hidden)',
  quotePrefix: 'their quote prefix (the leading apostrophe that keeps text as text)',
};

/** The ways a cell can differ, each with the words that follow "N cells lost". */
const CELL_WORDS: Readonly<Record<string, string>> = {
  kind: 'their type (text, number, date, true/false, error)',
  value: 'their value',
  cached: "their formula's saved result",
  formula: 'their formula',
  rich: 'rich-text formatting',
  phonetic: 'phonetic guides',
  meta: 'dynamic array or data type metadata (cm/vm)',
  ...PART_WORDS,
};

function cellDifferences(a: Shown, b: Shown, fillIsWaymarks: boolean): string[] {
  const out: string[] = [];
  if (a.kind !== b.kind) out.push(a.kind === '' || b.kind === '' ? (a.formula ? 'cached' : 'value') : 'kind');
  else if (!sameValue(a, b)) out.push(a.formula ? 'cached' : 'value');
  if (a.formula !== b.formula) out.push('formula');
  if (a.rich !== b.rich) out.push('rich');
  if (a.phonetic !== b.phonetic) out.push('phonetic');
  if (a.meta !== b.meta) out.push(a.meta.replace(/ph=\S+/, '') === b.meta.replace(/ph=\S+/, '') ? 'phonetic' : 'meta');
  if (a.style.key !== b.style.key) for (const p of STYLE_PARTS) if (a.style[p] !== b.style[p] && !(p === 'fill' && fillIsWaymarks)) out.push(p);
  return [...new Set(out)];
}

/** Row settings the guard checks, with their words; each is carried back when it differs. */
const ROW_WORDS: Readonly<Record<string, string>> = {
  height: 'row heights',
  hidden: 'hidden rows',
  outline: 'row outline levels (grouping)',
  collapsed: 'collapsed row groups',
  thick: 'thick row borders',
  phonetic: 'row phonetic settings',
  format: 'row formats',
};
const CARRIED_ROW_ATTRS = ['ht', 'customHeight', 'hidden', 'outlineLevel', 'collapsed', 'thickTop', 'thickBot', 'ph'];

interface RowForm {
  readonly height: string;
  readonly hidden: string;
  readonly outline: string;
  readonly collapsed: string;
  readonly thick: string;
  readonly phonetic: string;
  readonly format: string;
}

function rowForm(book: Book, row: RawRow | undefined): RowForm {
  const a = row?.attrs ?? new Map<string, string>();
  const flag = (k: string) => (on(a.get(k)) ? '1' : '');
  return {
    height: on(a.get('customHeight')) ? String(Number(a.get('ht') ?? 0)) : '',
    hidden: flag('hidden'),
    outline: String(Number(a.get('outlineLevel') ?? 0)),
    collapsed: flag('collapsed'),
    thick: flag('thickTop') + flag('thickBot'),
    phonetic: flag('ph'),
    format: on(a.get('customFormat')) ? styleAt(book, Number(a.get('s') ?? 0)).key : '',
  };
}

function rowDifferences(a: RowForm, b: RowForm): (keyof RowForm)[] {
  return (Object.keys(ROW_WORDS) as (keyof RowForm)[]).filter((k) => a[k] !== b[k]);
}

const listed = (refs: readonly string[]) => (refs.length <= 8 ? refs.join(', ') : `${refs.slice(0, 8).join(', ')} and ${refs.length - 8} more`);

/**
 * Puts the original's row settings back on the copy's rows (exceljs drops some, e.g. a
 * collapsed group or a row that holds only a height); a row format goes back only where the
 * copy has a cell format that looks the same. Returns the copy's sheet XML and what was carried.
 */
function carryRows(fromBook: Book, from: Sheet, toBook: Book, to: Sheet, xml: string): { xml: string; carried: Map<string, number[]> } {
  const carried = new Map<string, number[]>();
  const byKey = new Map<string, number>();
  toBook.styles.forEach((s, i) => {
    if (!byKey.has(s.key)) byKey.set(s.key, i);
  });
  const edits: { start: number; end: number; text: string }[] = [];
  const inserts: { r: number; text: string }[] = [];
  for (const [r, row] of from.rows) {
    const was = rowForm(fromBook, row);
    const now = to.rows.get(r);
    const diff = rowDifferences(was, rowForm(toBook, now));
    if (diff.length === 0) continue;
    const a = new Map(now?.attrs ?? [['r', String(r)]]);
    for (const k of CARRIED_ROW_ATTRS) a.delete(k);
    for (const k of CARRIED_ROW_ATTRS) if (row.attrs.has(k)) a.set(k, row.attrs.get(k)!);
    if (diff.includes('format')) {
      const index = was.format === '' ? undefined : byKey.get(was.format);
      if (was.format === '') {
        a.delete('s');
        a.delete('customFormat');
      } else if (index !== undefined) {
        a.set('s', String(index));
        a.set('customFormat', '1');
      }
    }
    for (const k of diff) if (k !== 'format' || was.format === '' || byKey.has(was.format)) carried.set(k, [...(carried.get(k) ?? []), r]);
    const attrText = [...a].map(([k, v]) => ` ${k}="${v}"`).join('');
    if (now) {
      const self = xml.slice(now.start, now.end).endsWith('/>');
      edits.push({ start: now.start, end: now.end, text: `<row${attrText}${self ? '/>' : '>'}` });
    } else inserts.push({ r, text: `<row${attrText}/>` });
  }
  // New rows go before the first row of the copy with a higher number, else at the end.
  const order = [...to.rows].sort(([x], [y]) => x - y);
  for (const ins of inserts) {
    const next = order.find(([r]) => r > ins.r);
    const at = next ? next[1].start : to.dataEnd;
    edits.push({ start: at, end: at, text: ins.text });
  }
  if (to.dataSelfClosed && inserts.length > 0) {
    const open = xml.search(/<sheetData\b/);
    const tagEnd = xml.indexOf('>', open) + 1;
    const body = inserts.sort((x, y) => x.r - y.r).map((i) => i.text).join('');
    return { xml: `${xml.slice(0, open)}<sheetData>${body}</sheetData>${xml.slice(tagEnd)}`, carried };
  }
  let out = xml;
  for (const e of edits.sort((x, y) => y.start - x.start || 0)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { xml: out, carried };
}

interface SheetPair {
  readonly name: string;
  readonly a: Sheet;
  readonly b: Sheet;
}

/** What the copy's cells and rows lack against the original's, sheet by sheet, in words. */
function compareSheets(fromBook: Book, toBook: Book, pairs: readonly SheetPair[], waymark: ReadonlyMap<string, WaymarkCells>): string[] {
  const lost: string[] = [];
  // Looks and strings as small numbers, the same in both books: comparing a number is cheaper
  // than comparing a font's XML a hundred thousand times.
  const ids = new Map<string, number>();
  const idOf = (k: string) => {
    let id = ids.get(k);
    if (id === undefined) ids.set(k, (id = ids.size));
    return id;
  };
  const keysA = fromBook.styles.map((x) => idOf(x.key));
  const keysB = toBook.styles.map((x) => idOf(x.key));
  const stringId = (t: CellText) => idOf(`${t.text}\u0000${t.rich}\u0000${t.phonetic}`);
  const stringsA = fromBook.strings.map(stringId);
  const stringsB = toBook.strings.map(stringId);
  for (const { name, a, b } of pairs) {
    const mine = waymark.get(name);
    const byKind = new Map<string, string[]>();
    const ma = mastersOf(a);
    const mb = mastersOf(b);
    const fills = new Set([...(mine?.fills ?? [])].map(keyOf));
    const outputs = new Set([...(mine?.outputs ?? [])].map(keyOf));
    const compare = (key: number, cell: RawCell | undefined, other: RawCell | undefined) => {
      if (outputs.has(key)) return;
      // Most cells come out as they went in: the same type, raw value and look.
      if (cell && other && cell.t === other.t && cell.meta === other.meta && !cell.f && !other.f && cell.is === undefined && other.is === undefined) {
        const sameLook = keysA[cell.s] === keysB[other.s];
        const sameValue = cell.t === 's' ? stringsA[Number(cell.v)] === stringsB[Number(other.v)] && stringsA[Number(cell.v)] !== undefined : cell.v === other.v;
        if (sameLook && sameValue) return;
      }
      const x = shown(fromBook, a, cell, key, ma);
      const y = shown(toBook, b, other, key, mb);
      for (const k of cellDifferences(x, y, fills.has(key))) {
        const list = byKind.get(k);
        if (list) list.push(refOf(key));
        else byKind.set(k, [refOf(key)]);
      }
    };
    // Both lists are in order: walk them side by side.
    let i = 0;
    let j = 0;
    while (i < a.cells.length || j < b.cells.length) {
      const x = a.cells[i];
      const y = b.cells[j];
      if (x && (!y || x.key < y.key)) {
        compare(x.key, x, undefined);
        i++;
      } else if (y && (!x || y.key < x.key)) {
        compare(y.key, undefined, y);
        j++;
      } else {
        compare(x!.key, x, y);
        i++;
        j++;
      }
    }
    for (const [k, refs] of byKind) lost.push(`sheet "${name}": ${refs.length} ${refs.length === 1 ? 'cell' : 'cells'} lost ${CELL_WORDS[k]} (${listed(refs)})`);
    const rowsLost = new Map<string, number[]>();
    for (const r of new Set([...a.rows.keys(), ...b.rows.keys()])) {
      for (const k of rowDifferences(rowForm(fromBook, a.rows.get(r)), rowForm(toBook, b.rows.get(r)))) rowsLost.set(k, [...(rowsLost.get(k) ?? []), r]);
    }
    for (const [k, rows] of rowsLost) lost.push(`sheet "${name}": ${ROW_WORDS[k]} (rows ${listed(rows.map(String))})`);
  }
  return lost;
}

/**
 * The copy's styles with the original's default font put back. exceljs writes its own default
 * font (Calibri 11 in the theme's minor font) as the font of every cell with the default
 * format, so a workbook whose cells are Arial 10 by default would come out in another font.
 * The default format's font is the first one both ways; undefined when it cannot be swapped.
 */
function withDefaultFont(from: Package, to: Package): string | undefined {
  const fromPath = stylesPath(from);
  const toPath = stylesPath(to);
  const fromXml = fromPath ? readText(from, fromPath) : undefined;
  const toXml = toPath ? readText(to, toPath) : undefined;
  if (!fromXml || !toXml) return undefined;
  const fontsOf = (xml: string) => {
    const list = elements(xml, 'fonts')[0];
    return list ? children(text(xml, list), 'fonts').map((f) => ({ start: list.start + f.start, end: list.start + f.end })) : [];
  };
  const firstXfFont = (xml: string) => {
    const xfs = elements(xml, 'cellXfs')[0];
    const xf = xfs ? children(text(xml, xfs), 'cellXfs')[0] : undefined;
    return xf ? Number(attributes(xf.open).get('fontId') ?? 0) : undefined;
  };
  const fi = firstXfFont(fromXml);
  const ti = firstXfFont(toXml);
  const original = fi !== undefined ? fontsOf(fromXml)[fi] : undefined;
  const copy = ti !== undefined ? fontsOf(toXml)[ti] : undefined;
  if (!original || !copy) return undefined;
  return toXml.slice(0, copy.start) + fromXml.slice(original.start, original.end) + toXml.slice(copy.end);
}

/**
 * Compares every sheet's cells and rows in the original and the copy (the sheets named in
 * `skipSheets` are Waymark's), carries row settings and the default font back into the copy,
 * and says what the copy still lacks, sheet by sheet, naming the cells or rows.
 *
 * @example
 * const { lost } = checkCells(original, copy, { skipSheets: new Set(['Waymark legend']), waymark: new Map() });
 * // lost: ['sheet "Schools": 3 cells lost rich-text formatting (B4, B9, C12)']
 */
export function checkCells(
  from: Package,
  to: Package,
  options: { skipSheets: ReadonlySet<string>; waymark: ReadonlyMap<string, WaymarkCells> },
): { lost: string[]; carried: string[] } {
  const carriedWords: string[] = [];
  const fromBook: Book = { styles: cellStyles(from), strings: sharedStrings(from) };
  const toBook: Book = { styles: cellStyles(to), strings: sharedStrings(to) };
  const copyPaths = new Map(sheets(to).map((s) => [s.name, s.path]));
  const pairs: SheetPair[] = [];
  for (const s of sheets(from)) {
    if (options.skipSheets.has(s.name)) continue;
    const fromXml = readText(from, s.path);
    const toPath = copyPaths.get(s.name);
    const toXml0 = toPath ? readText(to, toPath) : undefined;
    // A sheet missing from the copy is named by the workbook's own check.
    if (!fromXml || !toPath || toXml0 === undefined) continue;
    const a = parseSheet(fromXml);
    let b = parseSheet(toXml0);
    const rowsCarried = carryRows(fromBook, a, toBook, b, toXml0);
    if (rowsCarried.carried.size > 0) {
      writeText(to, toPath, rowsCarried.xml);
      b = parseSheet(rowsCarried.xml);
      for (const [k, rows] of rowsCarried.carried) carriedWords.push(`${ROW_WORDS[k]} on sheet "${s.name}" (rows ${listed(rows.map(String))})`);
    }
    pairs.push({ name: s.name, a, b });
  }
  let lost = compareSheets(fromBook, toBook, pairs, options.waymark);
  const defaultFontDiffers = (fromBook.styles[0]?.font ?? '') !== (toBook.styles[0]?.font ?? '');
  if (defaultFontDiffers && lost.some((l) => l.includes(CELL_WORDS.font!))) {
    // Put the default font back only where that leaves less lost than before.
    const styles = withDefaultFont(from, to);
    const path = stylesPath(to);
    if (styles && path) {
      const trial: Package = { files: new Map(to.files) };
      writeText(trial, path, styles);
      const trialBook: Book = { styles: cellStyles(trial), strings: toBook.strings };
      const trialLost = compareSheets(fromBook, trialBook, pairs, options.waymark);
      if (trialLost.length < lost.length || trialLost.join('\n').length < lost.join('\n').length) {
        writeText(to, path, styles);
        lost = trialLost;
        carriedWords.push('the default font of cells with the default format');
      }
    }
  }
  return { lost, carried: carriedWords };
}
