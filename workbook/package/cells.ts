import { readBook, styleAt, on, type Book } from './book.js';
import { cellStyles, STYLE_PARTS, type CellStyle, type StylePart } from './cellstyles.js';
import { withDefaultFont } from './defaultfont.js';
import { stylesPath } from './elements.js';
import { translate } from './formula.js';
import { isDateCode } from './numfmt.js';
import { readText, sheets, writeText, type Package } from './parts.js';
import { carryRows, listed, ROW_WORDS, rowDifferences, rowForm } from './rows.js';
import { colOf, keyOf, parseSheet, refOf, rowOf, type RawCell, type Sheet } from './sheetcells.js';
import { stringItem, type CellText } from './strings.js';
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
  /**
   * Output cells Waymark writes or clears: their value and type, their fill and their font's
   * bold are Waymark's; everything else about them (the team's typeface, size, colour,
   * borders, number format, alignment) must come out as it went in.
   */
  readonly outputs: ReadonlySet<string>;
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


/** The style an absent cell shows: its row's, when the row has one, else its column's. */
function defaultStyle(book: Book, sheet: Sheet, row: number, col: number): CellStyle {
  const r = sheet.rows.get(row)?.attrs;
  if (r && on(r.get('customFormat'))) return styleAt(book, Number(r.get('s') ?? 0));
  return styleAt(book, sheet.colStyle.get(col) ?? 0);
}


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

/** A bold flag in a font's comparable form (see tree.ts). */
const BOLD = /<b val="1"><\/b>/g;

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

/** What Waymark may change on a cell: its fill (a rated cell), or an output cell's value, type, fill and bold. */
type Allowed = { readonly fill: boolean; readonly output?: { readonly fontA: (f: string) => string; readonly fontB: (f: string) => string } };

function cellDifferences(a: Shown, b: Shown, allowed: Allowed): string[] {
  const out: string[] = [];
  const output = allowed.output;
  if (output) {
    // Waymark writes plain text on an empty cell and takes it away: a formula, rich text or
    // a value of another kind on either side is not its own.
    if (a.formula || b.formula || (a.kind !== '' && a.kind !== 'text') || (b.kind !== '' && b.kind !== 'text')) out.push(a.formula ? 'cached' : 'value');
  } else if (a.kind !== b.kind) out.push(a.kind === '' || b.kind === '' ? (a.formula ? 'cached' : 'value') : 'kind');
  else if (!sameValue(a, b)) out.push(a.formula ? 'cached' : 'value');
  if (a.formula !== b.formula) out.push('formula');
  if (a.rich !== b.rich) out.push('rich');
  if (a.phonetic !== b.phonetic) out.push('phonetic');
  if (a.meta !== b.meta) out.push(a.meta.replace(/ph=\S+/, '') === b.meta.replace(/ph=\S+/, '') ? 'phonetic' : 'meta');
  if (a.style.key !== b.style.key) {
    for (const p of STYLE_PARTS) {
      if (a.style[p] === b.style[p] || (p === 'fill' && allowed.fill)) continue;
      if (p === 'font' && output && output.fontA(a.style.font) === output.fontB(b.style.font)) continue;
      out.push(p);
    }
  }
  return [...new Set(out)];
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
  // The look less the fill, for the cells whose fill is Waymark's.
  const unfilled = (x: CellStyle) => idOf(`unfilled\u0001${STYLE_PARTS.filter((p) => p !== 'fill').map((p) => x[p]).join('\u0001')}`);
  const unfilledA = fromBook.styles.map(unfilled);
  const unfilledB = toBook.styles.map(unfilled);
  // An output cell's font less the bold Waymark gives a heading; a font that says nothing else
  // (exceljs writes one for a cell that had only the default) is the book's default font.
  const boldless = (book: Book) => {
    const strip = (f: string) => f.replace(BOLD, '');
    const plain = strip(book.styles[0]?.font ?? '');
    return (f: string) => {
      const s = strip(f);
      return s === '' || s === '<font></font>' ? plain : s;
    };
  };
  const outputFonts = { fontA: boldless(fromBook), fontB: boldless(toBook) };
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
      const output = outputs.has(key);
      // Most cells come out as they went in: the same type, raw value and look.
      if (!output && cell && other && cell.t === other.t && cell.meta === other.meta && !cell.f && !other.f && cell.is === undefined && other.is === undefined) {
        const sameLook = fills.has(key) ? unfilledA[cell.s] === unfilledB[other.s] : keysA[cell.s] === keysB[other.s];
        const sameValue = cell.t === 's' ? stringsA[Number(cell.v)] === stringsB[Number(other.v)] && stringsA[Number(cell.v)] !== undefined : cell.v === other.v;
        if (sameLook && sameValue) return;
      }
      const x = shown(fromBook, a, cell, key, ma);
      const y = shown(toBook, b, other, key, mb);
      for (const k of cellDifferences(x, y, { fill: fills.has(key) || output, ...(output && { output: outputFonts }) })) {
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
  const fromBook = readBook(from);
  const toBook = readBook(to);
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
