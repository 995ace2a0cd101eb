/**
 * A worksheet's rows and cells as written, read fast (a sheet can hold a hundred thousand
 * cells): each cell's place, style index, type, formula, raw value and metadata; each row's
 * attributes and where its start tag is, so row settings can be patched in place.
 */
import { decodeXml } from './tree.js';

export interface RawCell {
  /** row × 16384 + column: the cell's place, and the order of cells in a sheet. */
  readonly key: number;
  readonly s: number;
  readonly t: string;
  readonly f: { readonly t: string; readonly ref: string; readonly si: string; readonly text: string; readonly extra: string } | undefined;
  readonly v: string | undefined;
  readonly is: string | undefined;
  readonly meta: string;
}

export interface RawRow {
  readonly attrs: Map<string, string>;
  /** Offsets of the row's start tag in the sheet XML. */
  readonly start: number;
  readonly end: number;
}

export interface Sheet {
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
export function attrs(open: string): Map<string, string> {
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
export function keyOf(ref: string): number {
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
export const rowOf = (key: number) => Math.floor(key / WIDE);
export const colOf = (key: number) => key % WIDE;
export const refOf = (key: number) => `${colLetters(colOf(key))}${rowOf(key)}`;

const F = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/;
const IS = /<is>[\s\S]*?<\/is>|<is\/>/;

export function parseSheet(xml: string): Sheet {
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
      if (!self && xml.startsWith('<v>', gt + 1)) {
        // The common case, a value alone: no need to cut the cell's body out first.
        v = xml.slice(gt + 4, xml.indexOf('</v>', gt));
      } else if (!self && end > gt + 1) {
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
