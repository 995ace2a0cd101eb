/**
 * Just enough XML for comparing and patching package parts by their elements, without a DOM:
 * OOXML parts are machine-written, so a scanner that honours quotes, comments and
 * self-closing tags finds every element's extent exactly.
 */

export interface Element {
  /** Qualified name as written, e.g. "x14:id". */
  readonly name: string;
  /** Offsets of the whole element in the text, start tag to end tag inclusive. */
  readonly start: number;
  readonly end: number;
  /** The start tag's text, e.g. `<sheet name="A" r:id="rId1"/>`. */
  readonly open: string;
}

/** The direct children of the first element named `root` (any prefix), in order. */
export function children(xml: string, root: string): Element[] {
  const out: Element[] = [];
  let depth = -1;
  let current: { name: string; start: number; open: string } | undefined;
  for (const tag of tags(xml, localName(root) === 'sheetData' ? undefined : 'sheetData')) {
    if (depth < 0) {
      if (tag.kind === 'open' && localName(tag.name) === root) depth = 0;
      continue;
    }
    if (tag.kind === 'open') {
      if (depth === 0) current = { name: tag.name, start: tag.start, open: tag.text };
      depth++;
    } else if (tag.kind === 'self') {
      if (depth === 0) out.push({ name: tag.name, start: tag.start, end: tag.end, open: tag.text });
    } else {
      depth--;
      if (depth < 0) break;
      if (depth === 0 && current) {
        out.push({ ...current, end: tag.end });
        current = undefined;
      }
    }
  }
  return out;
}

/** Every element named `name` (any depth), with its extent. */
export function elements(xml: string, name: string): Element[] {
  return elementsNamed(xml, [name]).get(name) ?? [];
}

/** Every element with one of the names, in one pass over the text. */
export function elementsNamed(xml: string, names: readonly string[]): Map<string, Element[]> {
  const wanted = new Set(names);
  const out = new Map<string, Element[]>(names.map((n) => [n, []]));
  const stack: { name: string; start: number; open: string }[] = [];
  const skip = names.some((n) => IN_SHEET_DATA.has(localName(n))) ? undefined : 'sheetData';
  for (const tag of tags(xml, skip)) {
    if (tag.kind === 'self') {
      if (wanted.has(tag.name)) out.get(tag.name)!.push({ name: tag.name, start: tag.start, end: tag.end, open: tag.text });
    } else if (tag.kind === 'open') stack.push({ name: tag.name, start: tag.start, open: tag.text });
    else {
      const top = stack.pop();
      if (top && wanted.has(top.name)) out.get(top.name)!.push({ ...top, end: tag.end });
    }
  }
  for (const list of out.values()) list.sort((a, b) => a.start - b.start);
  return out;
}

export function attributes(open: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of open.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) out.set(m[1]!, m[3] ?? m[4] ?? '');
  return out;
}

export const text = (xml: string, e: Element): string => xml.slice(e.start, e.end);

/** The text content of an element, tags removed and entities decoded. */
export function innerText(xml: string): string {
  return xml
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

/**
 * Every element name that can occur inside a worksheet's <sheetData> (rows, cells, inline
 * rich text, their extensions). A search for none of these never needs the cells, which are
 * nearly all of a large sheet's text: the scanner then steps over <sheetData> in one jump.
 */
const IN_SHEET_DATA = new Set([
  'sheetData', 'row', 'c', 'f', 'v', 'is', 'r', 'rPr', 't', 'rPh', 'phoneticPr', 'extLst', 'ext',
  'b', 'i', 'u', 'sz', 'color', 'rFont', 'family', 'charset', 'scheme', 'vertAlign', 'strike', 'outline', 'shadow', 'condense', 'extend',
]);

export interface Tag {
  kind: 'open' | 'close' | 'self';
  name: string;
  start: number;
  end: number;
  text: string;
}

/**
 * The tags of a text in order (comments, CDATA and processing instructions skipped). With
 * `opaque`, an element of that name (which must not nest) is given as its start and end tags
 * only, its content stepped over.
 */
export function* tags(xml: string, opaque?: string): Generator<Tag> {
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) return;
    if (xml.startsWith('<!--', lt)) {
      const e = xml.indexOf('-->', lt);
      i = e < 0 ? xml.length : e + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const e = xml.indexOf(']]>', lt);
      i = e < 0 ? xml.length : e + 3;
      continue;
    }
    if (xml.startsWith('<?', lt) || xml.startsWith('<!', lt)) {
      const e = xml.indexOf('>', lt);
      i = e < 0 ? xml.length : e + 1;
      continue;
    }
    // Find the closing '>' outside quotes.
    let j = lt + 1;
    let quote = '';
    for (; j < xml.length; j++) {
      const ch = xml[j];
      if (quote) {
        if (ch === quote) quote = '';
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '>') break;
    }
    const raw = xml.slice(lt, j + 1);
    i = j + 1;
    if (raw.startsWith('</')) {
      yield { kind: 'close', name: raw.slice(2, -1).trim(), start: lt, end: j + 1, text: raw };
      continue;
    }
    const name = /^<([^\s/>]+)/.exec(raw)?.[1] ?? '';
    const self = raw.endsWith('/>');
    yield { kind: self ? 'self' : 'open', name, start: lt, end: j + 1, text: raw };
    if (!self && opaque !== undefined && localName(name) === opaque) {
      const close = `</${name}>`;
      const at = xml.indexOf(close, i);
      // A comment, CDATA section or processing instruction inside could hide a false end tag:
      // then the content is scanned as usual.
      const hidden = (mark: string) => {
        const k = xml.indexOf(mark, i);
        return k >= 0 && k < at;
      };
      if (at >= 0 && !hidden('<!') && !hidden('<?')) {
        yield { kind: 'close', name, start: at, end: at + close.length, text: close };
        i = at + close.length;
      }
    }
  }
}
