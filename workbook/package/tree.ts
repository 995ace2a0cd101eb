import { attributes, tags } from './xml.js';

/**
 * An order-free comparable form of a small XML fragment (a font, a fill, a run's properties):
 * exceljs writes the children of a style element in its own order and spells defaults its own
 * way, so children are sorted, boolean values spelled one way, and elements that say nothing
 * (no attributes, no children, e.g. `<left/>` in a border) dropped.
 */

export const decodeXml = (t: string): string =>
  !t.includes('&') ? t :
  t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(x?)([0-9a-fA-F]+);/g, (_m, x: string, n: string) => String.fromCodePoint(parseInt(n, x ? 16 : 10))).replace(/&amp;/g, '&');

/** Font flags whose `val` defaults to true: `<b/>` is `<b val="1"/>`, `<b val="0"/>` is no `<b>`. */
const FLAGS = new Set(['b', 'i', 'strike', 'outline', 'shadow', 'condense', 'extend']);

interface Node {
  name: string;
  attrs: [string, string][];
  kids: Node[];
  text: string;
}

function normalisedAttrs(name: string, open: string): [string, string][] | undefined {
  const out: [string, string][] = [];
  for (const [k, raw] of attributes(open)) {
    if (k === 'xmlns' || k.startsWith('xmlns:') || k === 'mc:Ignorable') continue;
    let v = decodeXml(raw);
    if (v === 'true') v = '1';
    else if (v === 'false') v = '0';
    if (k === 'tint') v = String(Number(v));
    if (k === 'rgb') v = v.toUpperCase();
    out.push([k, v]);
  }
  if (FLAGS.has(name)) {
    const val = out.find(([k]) => k === 'val')?.[1] ?? '1';
    return val === '0' ? undefined : [['val', '1']];
  }
  if (name === 'u') return [['val', out.find(([k]) => k === 'val')?.[1] ?? 'single']];
  return out.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function serialise(n: Node): string {
  const kids = n.kids.map(serialise).filter((k) => k !== '').sort();
  if (n.attrs.length === 0 && kids.length === 0 && n.text === '') return '';
  return `<${n.name}${n.attrs.map(([k, v]) => ` ${k}=${JSON.stringify(v)}`).join('')}>${kids.join('')}${n.text ? JSON.stringify(n.text) : ''}</${n.name}>`;
}

/** The comparable form of a fragment holding one element (its own name kept). */
export function treeForm(xml: string, keepEmpty = false): string {
  const root: Node = { name: '', attrs: [], kids: [], text: '' };
  const stack: (Node | undefined)[] = [root];
  let last = 0;
  for (const tag of tags(xml)) {
    const between = xml.slice(last, tag.start);
    last = tag.end;
    const top = stack[stack.length - 1];
    if (top && between.trim() !== '') top.text += decodeXml(between);
    if (tag.kind === 'close') {
      stack.pop();
      continue;
    }
    const attrs = normalisedAttrs(tag.name, tag.text);
    const node: Node | undefined = attrs ? { name: tag.name, attrs, kids: [], text: '' } : undefined;
    if (node && top) top.kids.push(node);
    if (tag.kind === 'open') stack.push(top ? node : undefined);
  }
  const first = root.kids[0];
  if (!first) return '';
  const body = serialise(first);
  return body === '' && keepEmpty ? `<${first.name}>` : body;
}

/**
 * The text of a string item or a cell value as Excel reads it: line ends normalised as any XML
 * reader does (a raw CR is a LF), then entities, then Excel's `_xHHHH_` escapes (how Excel
 * stores a CR or other control character that XML cannot carry).
 */
export const cellText = (raw: string): string =>
  !raw.includes('&') && !raw.includes('\r') && !raw.includes('_x') ? raw :
  decodeXml(raw.replace(/\r\n?/g, '\n')).replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
