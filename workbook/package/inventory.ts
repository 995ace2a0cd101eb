import { relationships, readText, sheets, workbookPath, type Package } from './parts.js';
import { attributes, children, elements, elementsNamed, innerText, text } from './xml.js';

/**
 * Everything in a package that a save could lose, each with a stable key (the same thing in
 * the original and in the copy has the same key), words for the officer, and a fingerprint
 * (the copy must have the same one).
 */
export interface Item {
  readonly key: string;
  readonly what: string;
  readonly fingerprint: string;
}

/** Relationship kinds, in the officer's words. */
const PART_WORDS: Record<string, string> = {
  threadedComment: 'threaded comments',
  person: 'threaded comment authors (persons)',
  chart: 'charts',
  chartsheet: 'chart sheets',
  drawing: 'drawings',
  image: 'pictures',
  pivotTable: 'pivot tables',
  pivotCacheDefinition: 'pivot caches',
  pivotCacheRecords: 'pivot cache records',
  externalLink: 'external links',
  externalLinkPath: 'external link targets',
  customXml: 'custom XML',
  customXmlProps: 'custom XML properties',
  vbaProject: 'macros (VBA project)',
  slicer: 'slicers',
  slicerCache: 'slicer caches',
  timeline: 'timelines',
  timelineCache: 'timeline caches',
  table: 'tables',
  comments: 'notes',
  vmlDrawing: 'note and control drawings',
  hyperlink: 'hyperlinks',
  ctrlProp: 'form controls',
  'custom-properties': 'custom document properties',
  connections: 'data connections',
  queryTable: 'query tables',
  printerSettings: 'printer settings',
  oleObject: 'embedded objects',
  package: 'embedded objects',
  sheetMetadata: 'dynamic array metadata',
  richValue: 'rich values (data types, pictures in cells)',
};

/** Parts every save writes anew or Excel rebuilds by itself: not worth a refusal. */
const REBUILT = new Set(['calcChain', 'theme', 'styles', 'sharedStrings', 'extended-properties', 'core-properties', 'officeDocument', 'worksheet']);

const NOTE_PARTS = new Set(['comments', 'vmlDrawing']);

/** Worksheet and workbook extensions, in the officer's words. */
const EXT_WORDS: Record<string, string> = {
  '{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}': 'data validations that refer to other sheets (x14)',
  '{78C0D931-6437-407d-A8EE-F0AAD7539E65}': 'data bar and icon set conditional formats (x14)',
  '{05C60535-1F16-4fd2-B633-F4F36F0B64E0}': 'sparklines',
  '{A8765BA9-456A-4dab-B4F3-ACF838C121DE}': 'slicers (list)',
  '{3A4CF648-6AED-40f4-86FF-DC5316D8AED3}': 'slicers (list)',
  '{7E03D99C-DC04-49d9-9315-930204A7B6E9}': 'timelines',
  '{BBE1A952-AA13-448e-AADC-164F8A28A991}': 'slicer caches',
  '{46BE6895-7355-4a93-B00E-2C351335B9C9}': 'slicer caches',
  '{D0CA8CA8-9F24-4464-BF8E-62219DCF47F9}': 'timeline caches',
  '{140A7094-0E35-4892-8432-C4D2E57EDEB5}': 'workbook settings (x15)',
  '{B58B0392-4F1F-4190-BB64-5DF3571DCE5F}': 'data model',
  '{FCE2AD5D-F65C-4FA6-A056-5C36A1767C68}': 'data model',
  '{01252117-D84E-4E92-8308-4BE1C098FCBB}': 'web extensions',
  '{F7C9EE02-42E1-4005-9D12-6889AFFD525C}': 'web extensions',
  '{231B7EB2-2AFC-4442-B178-5FFDF5851E7C}': 'named sheet views',
};

export const extWords = (uri: string): string => EXT_WORDS[uri] ?? `extension ${uri}`;

/** What the package holds, minus the sheets named in `skipSheets` (Waymark's own). */
export function inventory(
  pkg: Package,
  options: {
    skipSheets: ReadonlySet<string>;
    waymarkNote: (text: string) => boolean;
    /** Sheets whose notes to list (all when absent): a copy's notes matter only where the original had some. */
    notesOf?: ReadonlySet<string>;
  },
): Item[] {
  const items: Item[] = [];
  const wb = workbookPath(pkg);
  if (!wb) return items;
  const list = sheets(pkg);
  const sheetByPath = new Map(list.map((s) => [s.path, s.name]));
  const skipPaths = new Set(list.filter((s) => options.skipSheets.has(s.name)).map((s) => s.path));

  // Parts, by the chain of relationships that reaches them.
  const seen = new Set<string>();
  const walk = (part: string, key: string, where: string) => {
    const counts = new Map<string, number>();
    for (const rel of relationships(pkg, part)) {
      if (!rel.external && skipPaths.has(rel.target)) continue;
      const n = (counts.get(rel.kind) ?? 0) + 1;
      counts.set(rel.kind, n);
      const sheet = !rel.external ? sheetByPath.get(rel.target) : undefined;
      const childKey = sheet !== undefined ? `${key}>sheet:${sheet}` : `${key}>${rel.kind}#${n}`;
      const childWhere = sheet !== undefined ? ` on sheet "${sheet}"` : where;
      // Notes are checked one by one below: a notes part that held only Waymark's may go.
      if (!REBUILT.has(rel.kind) && !(sheet === undefined && NOTE_PARTS.has(rel.kind) && key.includes('>sheet:'))) {
        items.push({ key: `part:${childKey}`, what: `${PART_WORDS[rel.kind] ?? rel.kind}${where}`, fingerprint: '' });
      }
      if (!rel.external && !seen.has(rel.target)) {
        seen.add(rel.target);
        walk(rel.target, childKey, childWhere);
      }
    }
  };
  walk('', 'package', '');

  for (const s of list) {
    if (options.skipSheets.has(s.name)) continue;
    const xml = readText(pkg, s.path);
    const notes = options.notesOf ? options.notesOf.has(s.name) : true;
    if (xml) items.push(...sheetItems(pkg, s.name, s.path, xml, notes ? options.waymarkNote : undefined));
  }
  items.push(...workbookItems(readText(pkg, wb) ?? '', list.map((s) => s.name)));
  return items;
}

/** Namespace declarations may move between an element and its root: they are not content. */
const norm = (xml: string) => xml.replace(/\s+xmlns:[\w.-]+="[^"]*"/g, '').replace(/>\s+</g, '><').trim();
const sortedAttributes = (open: string) =>
  [...attributes(open)]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');

function sheetItems(pkg: Package, sheet: string, path: string, xml: string, waymarkNote: ((text: string) => boolean) | undefined): Item[] {
  const items: Item[] = [];
  const on = ` on sheet "${sheet}"`;
  const top = children(xml, 'worksheet');
  const count = (name: string) => top.filter((e) => e.name === name).length;
  for (const [name, words] of [
    ['sheetProtection', 'sheet protection'],
    ['protectedRanges', 'protected ranges'],
    ['autoFilter', 'filter'],
    ['tableParts', 'tables'],
    ['drawing', 'drawings'],
    ['picture', 'background picture'],
    ['oleObjects', 'embedded objects'],
    ['controls', 'form controls'],
  ] as const) {
    const found = top.filter((e) => e.name === name);
    found.forEach((e, i) =>
      items.push({ key: `sheet:${sheet}:${name}#${i}`, what: `${words}${on}`, fingerprint: name === 'sheetProtection' ? sortedAttributes(e.open) : '' }),
    );
  }
  void count;
  const found = elementsNamed(xml, ['cfRule', 'dataValidation', 'hyperlink']);
  const rules = found.get('cfRule') ?? [];
  const byType = new Map<string, number>();
  for (const r of rules) {
    const type = attributes(r.open).get('type') ?? '';
    const n = (byType.get(type) ?? 0) + 1;
    byType.set(type, n);
    items.push({ key: `sheet:${sheet}:cf:${type}#${n}`, what: `conditional formats (${type})${on}`, fingerprint: '' });
  }
  (found.get('dataValidation') ?? []).forEach((e, i) => items.push({ key: `sheet:${sheet}:dv#${i}`, what: `data validations${on}`, fingerprint: '' }));
  (found.get('hyperlink') ?? []).forEach((e, i) => items.push({ key: `sheet:${sheet}:link#${i}`, what: `hyperlinks${on}`, fingerprint: '' }));
  const extLst = top.find((e) => e.name === 'extLst');
  if (extLst) {
    for (const ext of children(text(xml, extLst), 'extLst')) {
      const uri = attributes(ext.open).get('uri') ?? '';
      items.push({ key: `sheet:${sheet}:ext:${uri}`, what: `${extWords(uri)}${on}`, fingerprint: norm(text(text(xml, extLst), ext)) });
    }
  }
  // The team's notes, by cell: a save must keep their text.
  const comments = waymarkNote && relationships(pkg, path).find((r) => r.kind === 'comments');
  const cxml = comments ? readText(pkg, comments.target) : undefined;
  if (cxml) {
    for (const c of elements(cxml, 'comment')) {
      const ref = attributes(c.open).get('ref') ?? '';
      const body = innerText(text(cxml, c));
      if (waymarkNote?.(body)) continue;
      items.push({ key: `sheet:${sheet}:note:${ref}`, what: `the note in ${ref}${on}`, fingerprint: body });
    }
  }
  return items;
}

/** Sheet names quoted or not, absolute references as written. */
const formula = (f: string) => f.replace(/'([^'!]+)'!/g, '$1!').trim();

function workbookItems(xml: string, sheetNames: readonly string[]): Item[] {
  const items: Item[] = [];
  for (const e of elements(xml, 'definedName')) {
    const a = attributes(e.open);
    const scope = a.get('localSheetId');
    const scopeName = scope !== undefined ? (sheetNames[Number(scope)] ?? scope) : '';
    const name = a.get('name') ?? '';
    items.push({
      key: `workbook:name:${name}|${scopeName}`,
      what: `the defined name ${name}${scopeName ? ` (sheet "${scopeName}")` : ''}`,
      fingerprint: `${formula(innerText(text(xml, e)))}${a.get('hidden') === '1' ? ' hidden' : ''}`,
    });
  }
  const top = children(xml, 'workbook');
  for (const [name, words] of [
    ['workbookProtection', 'workbook protection'],
    ['externalReferences', 'external links'],
    ['pivotCaches', 'pivot caches'],
    ['fileSharing', 'file sharing settings'],
  ] as const) {
    top.filter((e) => e.name === name).forEach((e, i) => items.push({ key: `workbook:${name}#${i}`, what: words, fingerprint: name === 'workbookProtection' ? sortedAttributes(e.open) : '' }));
  }
  const extLst = top.find((e) => e.name === 'extLst');
  if (extLst) {
    const lst = text(xml, extLst);
    for (const ext of children(lst, 'extLst')) {
      const uri = attributes(ext.open).get('uri') ?? '';
      items.push({ key: `workbook:ext:${uri}`, what: extWords(uri), fingerprint: norm(text(lst, ext)) });
    }
  }
  return items;
}
