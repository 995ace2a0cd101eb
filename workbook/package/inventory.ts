import { relationships, readText, sheets, workbookPath, type Package } from './parts.js';
import { dxfs, workbookItems, worksheetItems, type Item } from './elements.js';
import { attributes, elements, innerText, text } from './xml.js';

export type { Item } from './elements.js';

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

/**
 * What the package holds, minus the sheets named in `skipSheets` (Waymark's own): every part
 * reached by a relationship, every child of each worksheet's and of the workbook's root (see
 * policy.ts for the few left out and why), and the team's notes.
 */
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

  const formats = dxfs(pkg);
  for (const s of list) {
    if (options.skipSheets.has(s.name)) continue;
    const xml = readText(pkg, s.path);
    const notes = options.notesOf ? options.notesOf.has(s.name) : true;
    if (!xml) continue;
    items.push(...worksheetItems(pkg, s.name, s.path, xml, formats));
    items.push(...noteItems(pkg, s.name, s.path, notes ? options.waymarkNote : undefined));
  }
  items.push(...workbookItems(readText(pkg, wb) ?? '', list.map((s) => s.name), options.skipSheets));
  return items;
}

/** The team's notes on a sheet, by cell: a save must keep their text. */
function noteItems(pkg: Package, sheet: string, path: string, waymarkNote: ((text: string) => boolean) | undefined): Item[] {
  const comments = waymarkNote && relationships(pkg, path).find((r) => r.kind === 'comments');
  const cxml = comments ? readText(pkg, comments.target) : undefined;
  if (!cxml) return [];
  const items: Item[] = [];
  for (const c of elements(cxml, 'comment')) {
    const ref = attributes(c.open).get('ref') ?? '';
    const body = innerText(text(cxml, c));
    if (waymarkNote?.(body)) continue;
    items.push({ key: `sheet:${sheet}:note:${ref}`, what: `the note in ${ref} on sheet "${sheet}"`, fingerprint: body });
  }
  return items;
}
