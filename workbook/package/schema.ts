import { attributes, children, elements, text } from './xml.js';

/**
 * The order of a worksheet's and a workbook's children in the schema (CT_Worksheet,
 * CT_Workbook in ECMA-376 part 1, 18.3.1.99 and 18.2.27): Excel refuses to open a part whose
 * children are out of this order, so whatever is carried back goes where the schema puts it.
 */
export const ORDER = {
  worksheet: [
    'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection',
    'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells',
    'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup',
    'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing',
    'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts',
    'extLst',
  ],
  workbook: [
    'fileVersion', 'fileSharing', 'workbookPr', 'workbookProtection', 'bookViews', 'sheets', 'functionGroups',
    'externalReferences', 'definedNames', 'calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr',
    'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst',
  ],
} as const;

export type Root = keyof typeof ORDER;

/**
 * Puts `element` (the text of one child named `name`) into the root of `xml`: in place of the
 * child of that name, or before the first child the schema puts after it. Elements the schema
 * does not name (mc:AlternateContent…) are passed over.
 */
export function place(xml: string, root: Root, name: string, element: string): string {
  const order: readonly string[] = ORDER[root];
  const rank = order.indexOf(name);
  const top = children(xml, root);
  const same = top.filter((e) => e.name === name);
  if (same.length > 0) {
    const first = same[0]!;
    const last = same.at(-1)!;
    return xml.slice(0, first.start) + element + xml.slice(last.end);
  }
  const after = top.find((e) => order.indexOf(e.name) > rank);
  if (after) return xml.slice(0, after.start) + element + xml.slice(after.start);
  const rootEl = elements(xml, root)[0] ?? elements(xml, root === 'worksheet' ? 'x:worksheet' : 'x:workbook')[0];
  if (!rootEl) return xml;
  const close = xml.lastIndexOf('</');
  return xml.slice(0, close) + element + xml.slice(close);
}

/** Replaces the attributes of the start tag of `el` (found in `xml`) with `attrs`. */
export function withAttributes(xml: string, start: number, open: string, attrs: ReadonlyMap<string, string>): string {
  const name = /^<([^\s/>]+)/.exec(open)?.[1] ?? '';
  const body = [...attrs].map(([k, v]) => ` ${k}="${v}"`).join('');
  const next = `<${name}${body}${open.endsWith('/>') ? '/>' : '>'}`;
  return xml.slice(0, start) + next + xml.slice(start + open.length);
}

/** Prefixes an XML fragment uses in element or attribute names. */
/**
 * Prefixes used in `xml` that nothing in it declares: a part with any is not well-formed XML
 * with namespaces, and Excel would refuse it (or "repair" the sheet away).
 *
 * @example
 * undeclaredPrefixes('<worksheet><hyperlink xr:uid="{1}"/></worksheet>') //=> ['xr']
 */
export function undeclaredPrefixes(xml: string): string[] {
  // Tags only, with attribute values emptied: a cell's text or a prompt may read "a:b=".
  const tags = [...xml.matchAll(/<[^>]*>/g)].map((m) => m[0].replace(/"[^"]*"|'[^']*'/g, '""')).join('');
  const declared = new Set([...tags.matchAll(/\sxmlns:([\w.-]+)\s*=/g)].map((m) => m[1]!));
  return [...prefixesUsed(tags)].filter((p) => !declared.has(p) && p !== 'xml');
}

function prefixesUsed(fragment: string): Set<string> {
  const used = new Set<string>();
  for (const m of fragment.matchAll(/<\/?([\w.-]+):[\w.-]+/g)) used.add(m[1]!);
  for (const m of fragment.matchAll(/\s([\w.-]+):[\w.-]+\s*=/g)) if (m[1] !== 'xmlns' && m[1] !== 'xml') used.add(m[1]!);
  return used;
}

/**
 * Declares on the copy's root every prefix a carried fragment uses and does not declare
 * itself (x14ac:, xr:…), as the original's root declared it, and marks it ignorable there too
 * when it was: an undeclared prefix makes the part unreadable, and Excel rejects an unknown
 * namespace that is not ignorable.
 */
export function declarePrefixes(copy: string, root: Root, original: string, fragment: string): string {
  const rootOf = (xml: string) => elements(xml, root)[0];
  const before = rootOf(original);
  const after = rootOf(copy);
  if (!before || !after) return copy;
  const from = attributes(before.open);
  const to = attributes(after.open);
  const inside = new Set([...fragment.matchAll(/\sxmlns:([\w.-]+)\s*=/g)].map((m) => m[1]!));
  const add = new Map<string, string>();
  const ignorable = new Set((to.get('mc:Ignorable') ?? '').split(/\s+/).filter(Boolean));
  const ignorableBefore = new Set((from.get('mc:Ignorable') ?? '').split(/\s+/).filter(Boolean));
  let changed = false;
  for (const p of prefixesUsed(fragment)) {
    if (inside.has(p) || to.has(`xmlns:${p}`)) continue;
    const uri = from.get(`xmlns:${p}`);
    if (uri === undefined) continue;
    add.set(`xmlns:${p}`, uri);
    if (ignorableBefore.has(p) && !ignorable.has(p)) {
      ignorable.add(p);
      changed = true;
    }
  }
  if (add.size === 0 && !changed) return copy;
  const next = new Map(to);
  for (const [k, v] of add) next.set(k, v);
  if (changed) {
    if (!next.has('xmlns:mc')) next.set('xmlns:mc', from.get('xmlns:mc') ?? 'http://schemas.openxmlformats.org/markup-compatibility/2006');
    // mc:Ignorable must follow the declarations it names.
    next.delete('mc:Ignorable');
    next.set('mc:Ignorable', [...ignorable].join(' '));
  }
  return withAttributes(copy, after.start, after.open, next);
}

export const elementText = text;
