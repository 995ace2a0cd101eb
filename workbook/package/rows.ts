import { styleAt, on, type Book } from './book.js';
import type { RawRow, Sheet } from './sheetcells.js';

/**
 * Row settings: how a row is compared (custom height, hidden, outline, collapsed, thick
 * borders, phonetic flag, row format resolved to its look) and how what exceljs drops is put
 * back on the copy's row start tags.
 */

/** Row settings the guard checks, with their words; each is carried back when it differs. */
export const ROW_WORDS: Readonly<Record<string, string>> = {
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

export function rowForm(book: Book, row: RawRow | undefined): RowForm {
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

export function rowDifferences(a: RowForm, b: RowForm): (keyof RowForm)[] {
  return (Object.keys(ROW_WORDS) as (keyof RowForm)[]).filter((k) => a[k] !== b[k]);
}

export const listed = (refs: readonly string[]) => (refs.length <= 8 ? refs.join(', ') : `${refs.slice(0, 8).join(', ')} and ${refs.length - 8} more`);

/**
 * Puts the original's row settings back on the copy's rows (exceljs drops some, e.g. a
 * collapsed group or a row that holds only a height); a row format goes back only where the
 * copy has a cell format that looks the same. Returns the copy's sheet XML and what was carried.
 */
export function carryRows(fromBook: Book, from: Sheet, toBook: Book, to: Sheet, xml: string): { xml: string; carried: Map<string, number[]> } {
  const carried = new Map<string, number[]>();
  const byKey = new Map<string, number>();
  toBook.styles.forEach((s, i) => {
    if (!byKey.has(s.key)) byKey.set(s.key, i);
  });
  const edits: { start: number; end: number; text: string; r: number }[] = [];
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
      edits.push({ start: now.start, end: now.end, text: `<row${attrText}${self ? '/>' : '>'}`, r });
    } else inserts.push({ r, text: `<row${attrText}/>` });
  }
  // New rows go before the first row of the copy with a higher number, else at the end.
  const order = [...to.rows].sort(([x], [y]) => x - y);
  for (const ins of inserts) {
    const next = order.find(([r]) => r > ins.r);
    const at = next ? next[1].start : to.dataEnd;
    edits.push({ start: at, end: at, text: ins.text, r: ins.r });
  }
  if (to.dataSelfClosed && inserts.length > 0) {
    const open = xml.search(/<sheetData\b/);
    const tagEnd = xml.indexOf('>', open) + 1;
    const body = inserts.sort((x, y) => x.r - y.r).map((i) => i.text).join('');
    return { xml: `${xml.slice(0, open)}<sheetData>${body}</sheetData>${xml.slice(tagEnd)}`, carried };
  }
  let out = xml;
  // From the end back, so offsets stay true. At one offset: a row's own tag is replaced before
  // new rows go in front of it, and new rows go in from the highest, so they end up in order.
  for (const e of edits.sort((x, y) => y.start - x.start || y.end - x.end || y.r - x.r)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { xml: out, carried };
}
