import { attributes, tags } from './xml.js';

/**
 * Comparable forms of package XML: what exceljs may write differently without changing the
 * content (attribute order, namespace declarations, `<a></a>` for `<a/>`, entities, whitespace
 * between tags) is made the same; anything else still differs.
 */

const decode = (t: string) =>
  t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(x?)([0-9a-fA-F]+);/g, (_m, x: string, n: string) => String.fromCodePoint(parseInt(n, x ? 16 : 10))).replace(/&amp;/g, '&');
const encode = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Namespace machinery, not content: declarations and the list of ignorable prefixes. */
const isNamespaceAttribute = (name: string) => name === 'xmlns' || name.startsWith('xmlns:') || name === 'mc:Ignorable';

/** An element's attributes sorted by name, values decoded, less the ones named in `except`. */
export function sortedAttributes(open: string, except: readonly string[] = []): string {
  return [...attributes(open)]
    .filter(([k]) => !isNamespaceAttribute(k) && !except.includes(k))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}="${encode(decode(v))}"`)
    .join(' ');
}

/** The canonical text of an XML fragment. */
export function canonical(xml: string): string {
  const out: string[] = [];
  let last = 0;
  let pendingOpen = -1;
  for (const tag of tags(xml)) {
    const between = xml.slice(last, tag.start).replace(/<!--[\s\S]*?-->/g, '');
    last = tag.end;
    if (between.trim() !== '') {
      out.push(encode(decode(between)));
      pendingOpen = -1;
    }
    if (tag.kind === 'close') {
      if (pendingOpen === out.length - 1 && pendingOpen >= 0) out[pendingOpen] = out[pendingOpen]!.replace(/>$/, '/>');
      else out.push(`</${tag.name}>`);
      pendingOpen = -1;
      continue;
    }
    const attrs = sortedAttributes(tag.text);
    out.push(`<${tag.name}${attrs ? ` ${attrs}` : ''}${tag.kind === 'self' ? '/>' : '>'}`);
    pendingOpen = tag.kind === 'open' ? out.length - 1 : -1;
  }
  return out.join('');
}

/** A1 column letters to a 1-based number. */
const colNumber = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const MAX_ROW = 1048576;
const MAX_COL = 16384;

interface Box {
  c1: number;
  c2: number;
  r1: number;
  r2: number;
}

function box(ref: string): Box | undefined {
  const [a, b = a] = ref.replace(/\$/g, '').split(':') as [string, string?];
  const end = (s: string): { c?: number; r?: number } | undefined => {
    const m = /^([A-Za-z]*)(\d*)$/.exec(s);
    if (!m || (!m[1] && !m[2])) return undefined;
    return { ...(m[1] && { c: colNumber(m[1]) }), ...(m[2] && { r: Number(m[2]) }) };
  };
  const p = end(a);
  const q = end(b!);
  if (!p || !q) return undefined;
  return {
    c1: Math.min(p.c ?? 1, q.c ?? 1),
    c2: Math.max(p.c ?? MAX_COL, q.c ?? MAX_COL),
    r1: Math.min(p.r ?? 1, q.r ?? 1),
    r2: Math.max(p.r ?? MAX_ROW, q.r ?? MAX_ROW),
  };
}

/**
 * The cells a list of ranges ("A2:A10 C2:C10") covers, as a canonical string: the same set of
 * cells gives the same string however it is split into ranges or overlaps, a different set a
 * different one. Columns are cut into bands at every range edge; each band lists its merged
 * row intervals; neighbouring bands with the same rows are joined.
 *
 * @example
 * rangeSet('A2:A10 C2:C10') === rangeSet('C2:C10 A2:A5 A6:A10') // true
 */
export function rangeSet(sqref: string): string {
  const boxes: Box[] = [];
  const bad: string[] = [];
  for (const ref of sqref.trim().split(/\s+/).filter(Boolean)) {
    const b = box(ref);
    if (b) boxes.push(b);
    else bad.push(ref);
  }
  const edges = [...new Set(boxes.flatMap((b) => [b.c1, b.c2 + 1]))].sort((x, y) => x - y);
  const bands: { c1: number; c2: number; rows: string }[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const c1 = edges[i]!;
    const c2 = edges[i + 1]! - 1;
    const spans = boxes
      .filter((b) => b.c1 <= c1 && b.c2 >= c2)
      .map((b) => [b.r1, b.r2] as [number, number])
      .sort((x, y) => x[0] - y[0]);
    const merged: [number, number][] = [];
    for (const s of spans) {
      const top = merged.at(-1);
      if (top && s[0] <= top[1] + 1) top[1] = Math.max(top[1], s[1]);
      else merged.push([s[0], s[1]]);
    }
    if (merged.length === 0) continue;
    const rows = merged.map(([r1, r2]) => `${r1}-${r2}`).join(',');
    const prev = bands.at(-1);
    if (prev && prev.c2 + 1 === c1 && prev.rows === rows) prev.c2 = c2;
    else bands.push({ c1, c2, rows });
  }
  return [...bands.map((b) => `${b.c1}-${b.c2}:${b.rows}`), ...bad.sort()].join(';');
}
