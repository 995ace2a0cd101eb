import { contentType, readText, relationships, relativeTarget, relsPath, sheets, workbookPath, writeText, type Package } from './parts.js';
import { rangeSet } from './canonical.js';
import { cfRules, dataValidations, dxfs, dxfTexts, fingerprintOf, stylesPath } from './elements.js';
import { policyFor } from './policy.js';
import { declarePrefixes, place, withAttributes, type Root } from './schema.js';
import { attributes, children, elements, text } from './xml.js';

/**
 * Puts back into the copy (`to`, as exceljs wrote it) what exceljs dropped or rewrote and that
 * stands alone well enough to be copied as it was: worksheet extensions (x14 data validations,
 * x14 conditional formats, sparklines), defined names, and parts that hang off the workbook or
 * the package with nothing else pointing at them (custom XML, custom document properties).
 * Returns what it carried over, in words.
 */
export function carryOver(from: Package, to: Package, options: { skipSheets: ReadonlySet<string> }): string[] {
  const carried: string[] = [];
  const fromSheets = new Map(sheets(from).map((s) => [s.name, s.path]));
  const fromFormats = dxfs(from);
  const toFormats = dxfs(to);
  const fromDxfs = dxfTexts(from);
  const formatsWanted = new Map<number, string>();
  const formatsAdded: string[] = [];
  for (const s of sheets(to)) {
    if (options.skipSheets.has(s.name)) continue;
    const original = fromSheets.get(s.name);
    const before = original ? readText(from, original) : undefined;
    let after = readText(to, s.path);
    if (!before || !after) continue;
    const elementsCarried = carryElements(before, after, 'worksheet', { positionsKept: true, sheetIdsKept: true });
    const rules = carryRuleAttributes(before, elementsCarried.xml, fromFormats, toFormats, fromDxfs);
    for (const [id, dxf] of rules.dxfs) formatsWanted.set(id, dxf);
    const missing = carryMissingRules(before, rules.xml, fromFormats, toFormats, fromDxfs, toFormats.length + formatsAdded.length);
    formatsAdded.push(...missing.dxfs);
    const links = carryInternalLinks(before, missing.xml);
    // Whatever was carried, any prefix it brought (xr:uid on a hyperlink, x14ac:…) is declared
    // on the root as the original declared it: an undeclared prefix makes the sheet unreadable.
    const declared = declarePrefixes(links.xml, 'worksheet', before, links.xml);
    if (declared !== after) {
      after = declared;
      writeText(to, s.path, after);
      carried.push(...[...elementsCarried.words, ...rules.words, ...missing.words, ...(links.carried ? ['hyperlinks'] : [])].map((w) => `${w} on sheet "${s.name}"`));
    }
    const patched = carryExtensions(before, after);
    patched.xml = declarePrefixes(patched.xml, 'worksheet', before, patched.xml);
    if (patched.xml !== after) {
      writeText(to, s.path, patched.xml);
      carried.push(...patched.uris.map((u) => `${u} on sheet "${s.name}"`));
    }
    if (original && carryPrinterSettings(from, original, to, s.path)) carried.push(`printer settings on sheet "${s.name}"`);
  }
  if (carryFormats(to, formatsWanted, formatsAdded)) carried.push('conditional format styles');
  if (carryDefinedNames(from, to, options.skipSheets)) carried.push('defined names');
  const bookFrom = workbookPath(from);
  const bookTo = workbookPath(to);
  if (bookFrom && bookTo) {
    const before = readText(from, bookFrom) ?? '';
    const after = readText(to, bookTo) ?? '';
    const done = carryElements(before, after, 'workbook', {
      positionsKept: teamPositionsKept(from, to, options.skipSheets),
      sheetIdsKept: sheetIdsKept(before, after, options.skipSheets),
    });
    if (done.xml !== after) {
      writeText(to, bookTo, done.xml);
      carried.push(...done.words.map((w) => `${w} of the workbook`));
    }
  }
  const fromBook = workbookPath(from);
  const toBook = workbookPath(to);
  if (fromBook && toBook) {
    const before = readText(from, fromBook) ?? '';
    const after = readText(to, toBook) ?? '';
    const patched = carryExtensions(before, after, 'workbook');
    if (patched.xml !== after) {
      writeText(to, toBook, patched.xml);
      carried.push(...patched.uris.map((u) => `${u} on the workbook`));
    }
  }
  carried.push(...restoreBytes(from, to));
  carried.push(...carryLeafParts(from, to, '', ['custom-properties']));
  const fromWb = workbookPath(from);
  const toWb = workbookPath(to);
  if (fromWb && toWb) carried.push(...carryLeafParts(from, to, fromWb, ['customXml'], toWb));
  return carried;
}

/** Namespace declarations on an element's start tag. */
const namespaces = (open: string) => [...attributes(open)].filter(([k]) => k.startsWith('xmlns:'));

/**
 * Puts the original's extensions of a worksheet or workbook root back in the copy. One that
 * points at other parts by relationship id (slicers, timelines) is not carried: the copy has
 * no such parts, and the loss is reported instead.
 */
function carryExtensions(before: string, after: string, root = 'worksheet'): { xml: string; uris: string[] } {
  const beforeTop = children(before, root);
  const beforeLst = beforeTop.find((e) => e.name === 'extLst');
  if (!beforeLst) return { xml: after, uris: [] };
  const rootOpen = elements(before, root)[0]?.open ?? '';
  const rootNs = namespaces(rootOpen);
  const lstText = text(before, beforeLst);
  const wanted = children(lstText, 'extLst').map((e) => {
    let xml = text(lstText, e);
    const declared = new Set(namespaces(e.open).map(([k]) => k));
    // Prefixes declared on the original root (xm:, x14ac:…) travel with the extension.
    const missing = rootNs.filter(([k]) => !declared.has(k) && xml.includes(`${k.slice(6)}:`));
    if (missing.length > 0) xml = xml.replace(/^<([^\s/>]+)/, (m) => `${m}${missing.map(([k, v]) => ` ${k}="${v}"`).join('')}`);
    return { uri: attributes(e.open).get('uri') ?? '', xml };
  }).filter((w) => !/\sr:id\s*=/.test(w.xml));
  if (wanted.length === 0) return { xml: after, uris: [] };

  let xml = after;
  const uris: string[] = [];
  const afterTop = children(xml, root);
  const afterLst = afterTop.find((e) => e.name === 'extLst');
  const existing = afterLst ? children(text(xml, afterLst), 'extLst').map((e) => ({ uri: attributes(e.open).get('uri') ?? '', xml: text(text(xml, afterLst), e) })) : [];
  const same = (a: string, b: string) => a.replace(/>\s+</g, '><') === b.replace(/>\s+</g, '><');
  const kept = existing.filter((x) => !wanted.some((w) => w.uri === x.uri));
  for (const w of wanted) {
    const had = existing.find((x) => x.uri === w.uri);
    if (!had || !same(had.xml, w.xml)) uris.push(w.uri);
  }
  if (uris.length === 0) return { xml: after, uris: [] };
  const list = `<extLst>${[...kept.map((k) => k.xml), ...wanted.map((w) => w.xml)].join('')}</extLst>`;
  xml = afterLst ? xml.slice(0, afterLst.start) + list + xml.slice(afterLst.end) : xml.replace(new RegExp(`</${root}>\\s*$`), `${list}</${root}>`);
  // x14 conditional formats pair with their main rules by id: give the main rules the original ids.
  const idsBefore = elements(before, 'x14:id').map((e) => text(before, e));
  const idsAfter = elements(xml, 'x14:id');
  if (idsBefore.length > 0 && idsBefore.length === idsAfter.length) {
    for (let i = idsAfter.length - 1; i >= 0; i--) {
      const e = idsAfter[i]!;
      xml = xml.slice(0, e.start) + idsBefore[i]! + xml.slice(e.end);
    }
  }
  return { xml, uris };
}

function carryDefinedNames(from: Package, to: Package, skip: ReadonlySet<string>): boolean {
  const fromWb = workbookPath(from);
  const toWb = workbookPath(to);
  if (!fromWb || !toWb) return false;
  const before = readText(from, fromWb) ?? '';
  const after = readText(to, toWb) ?? '';
  const names = elements(before, 'definedNames')[0];
  if (!names) return false;
  // Names scoped to a sheet count sheets by position: only safe when the team's sheets keep theirs.
  if (!teamPositionsKept(from, to, skip)) return false;
  const original = text(before, names);
  const current = elements(after, 'definedNames')[0];
  if (current && text(after, current) === original) return false;
  let xml: string;
  if (current) xml = after.slice(0, current.start) + original + after.slice(current.end);
  else {
    const sheetsEl = elements(after, 'sheets')[0];
    if (!sheetsEl) return false;
    xml = after.slice(0, sheetsEl.end) + original + after.slice(sheetsEl.end);
  }
  writeText(to, toWb, xml);
  return true;
}

/** Copies parts of the given kinds related from `fromPart`, with everything they relate to, when the copy lacks them. */
function carryLeafParts(from: Package, to: Package, fromPart: string, kinds: readonly string[], toPart = fromPart): string[] {
  const carried: string[] = [];
  const present = new Set(relationships(to, toPart).map((r) => r.target));
  for (const rel of relationships(from, fromPart)) {
    if (!kinds.includes(rel.kind) || rel.external || present.has(rel.target) || to.files.has(rel.target)) continue;
    const copied = copyTree(from, to, rel.target);
    if (!copied) continue;
    addRelationship(to, toPart, rel.type, rel.target);
    carried.push(rel.kind);
  }
  return carried;
}

/** Copies a part, its relationships and the parts they reach, byte for byte, with content types. */
function copyTree(from: Package, to: Package, part: string): boolean {
  const bytes = from.files.get(part);
  if (!bytes) return false;
  const stack = [part];
  const seen = new Set<string>();
  while (stack.length > 0) {
    const p = stack.pop()!;
    if (seen.has(p) || to.files.has(p)) continue;
    seen.add(p);
    const b = from.files.get(p);
    if (!b) continue;
    to.files.set(p, b);
    const rels = from.files.get(relsPath(p));
    if (rels) to.files.set(relsPath(p), rels);
    addContentType(from, to, p);
    for (const r of relationships(from, p)) if (!r.external) stack.push(r.target);
  }
  return true;
}

function addRelationship(pkg: Package, part: string, type: string, target: string): string {
  const path = relsPath(part);
  const xml = readText(pkg, path) ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const ids = new Set(relationships(pkg, part).map((r) => r.id));
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  const written = part === '' ? target : relativeTarget(part, target);
  writeText(pkg, path, xml.replace(/<\/Relationships>\s*$/, `<Relationship Id="rId${n}" Type="${type}" Target="${written}"/></Relationships>`));
  return `rId${n}`;
}

function addContentType(from: Package, to: Package, part: string): void {
  const want = contentType(from, part);
  const have = contentType(to, part);
  let xml = readText(to, '[Content_Types].xml') ?? '';
  if (want.override && have.override !== want.override) {
    xml = xml.replace(/<\/Types>\s*$/, `<Override PartName="/${part}" ContentType="${want.override}"/></Types>`);
  } else if (!want.override && want.byDefault && !have.byDefault) {
    xml = xml.replace(/<\/Types>\s*$/, `<Default Extension="${want.extension}" ContentType="${want.byDefault}"/></Types>`);
  }
  writeText(to, '[Content_Types].xml', xml);
}

/**
 * Parts exceljs writes anew although nothing in them is Waymark's or numbered by exceljs: the
 * theme (the team's fonts and colours) and the core document properties (title, author,
 * keywords). The original's bytes go back in their place.
 */
function restoreBytes(from: Package, to: Package): string[] {
  const restored: string[] = [];
  const pairs: [string | undefined, string | undefined, string][] = [];
  const find = (pkg: Package, part: string, kind: string) => relationships(pkg, part).find((r) => r.kind === kind && !r.external)?.target;
  pairs.push([find(from, '', 'core-properties'), find(to, '', 'core-properties'), 'document properties']);
  const fromWb = workbookPath(from);
  const toWb = workbookPath(to);
  if (fromWb && toWb) pairs.push([find(from, fromWb, 'theme'), find(to, toWb, 'theme'), 'theme']);
  for (const [a, b, what] of pairs) {
    const original = a ? from.files.get(a) : undefined;
    const copy = b ? to.files.get(b) : undefined;
    if (!a || !b || !original || !copy) continue;
    if (Buffer.compare(Buffer.from(original), Buffer.from(copy)) === 0) continue;
    to.files.set(b, original);
    restored.push(what);
  }
  return restored;
}

/** A sheet's printer settings hang off its page setup by relationship id; exceljs drops both. */
function carryPrinterSettings(from: Package, fromSheet: string, to: Package, toSheet: string): boolean {
  const rel = relationships(from, fromSheet).find((r) => r.kind === 'printerSettings' && !r.external);
  if (!rel || relationships(to, toSheet).some((r) => r.kind === 'printerSettings') || to.files.has(rel.target)) return false;
  const xml = readText(to, toSheet) ?? '';
  const setup = elements(xml, 'pageSetup')[0];
  if (!setup || attributes(setup.open).has('r:id') || !/xmlns:r="/.test(xml)) return false;
  if (!copyTree(from, to, rel.target)) return false;
  const id = addRelationship(to, toSheet, rel.type, rel.target);
  const open = setup.open.replace(/\s*\/?>$/, (end) => ` r:id="${id}"${end.trim()}`);
  writeText(to, toSheet, xml.slice(0, setup.start) + open + xml.slice(setup.start + setup.open.length));
  return true;
}

/** The team's sheets are the first ones, in the same positions, in both packages. */
function teamPositionsKept(from: Package, to: Package, skip: ReadonlySet<string>): boolean {
  const fromList = sheets(from).map((s) => s.name);
  const toList = sheets(to).map((s) => s.name);
  const teamFrom = fromList.filter((n) => !skip.has(n));
  return !teamFrom.some((n, i) => toList[i] !== n) && !fromList.slice(0, teamFrom.length).some((n, i) => n !== teamFrom[i]);
}

/** Every team sheet has the same sheetId in the copy (custom views name sheets by it). */
function sheetIdsKept(before: string, after: string, skip: ReadonlySet<string>): boolean {
  const ids = (xml: string) => new Map(elements(xml, 'sheet').map((e) => attributes(e.open)).map((a) => [a.get('name') ?? '', a.get('sheetId')]));
  const now = ids(after);
  return [...ids(before)].every(([name, id]) => skip.has(name) || now.get(name) === id);
}

/** Points at another part by relationship id: cannot be carried without that part. */
const pointsAtParts = (xml: string) => /\sr:[\w.-]+\s*=/.test(xml);

/**
 * Puts back the root's children that exceljs dropped or rewrote and that stand alone (see
 * policy.ts): `verbatim` ones as the original had them, in their schema position; for
 * `attributes` ones, the original's attributes on exceljs's element. An element that counts
 * sheets by position or sheetId is carried only when those did not move. Data validations
 * are put back whole when the rules or the cells they cover differ.
 */
function carryElements(before: string, after: string, root: Root, safe: { positionsKept: boolean; sheetIdsKept: boolean }): { xml: string; words: string[] } {
  let xml = after;
  const words: string[] = [];
  const groups = new Map<string, string[]>();
  for (const e of children(before, root)) groups.set(e.name, [...(groups.get(e.name) ?? []), text(before, e)]);
  const current = (name: string) =>
    children(xml, root)
      .filter((e) => e.name === name)
      .map((e) => text(xml, e));
  for (const [name, texts] of groups) {
    const policy = policyFor(root, name);
    const original = texts.join('');
    if (policy.allowed || (name === 'bookViews' && !safe.positionsKept) || (name === 'customWorkbookViews' && !safe.sheetIdsKept)) continue;
    const now = current(name);
    const differs = () => texts.map((t) => fingerprintOf(t, policy)).join('') !== now.map((t) => fingerprintOf(t, policy)).join('');
    let next: string | undefined;
    if (policy.carry === 'verbatim' && !pointsAtParts(original) && differs()) next = original;
    else if (name === 'dataValidations' && !pointsAtParts(original) && !sameValidations(original, now.join(''))) next = original;
    else if (policy.carry === 'attributes' && texts.length === 1 && now.length <= 1 && differs()) {
      const was = children(before, root).find((e) => e.name === name)!;
      const is = children(xml, root).find((e) => e.name === name);
      const ignore = policy.ignore ?? [];
      const attrs = new Map([...attributes(was.open)].filter(([k]) => !ignore.includes(k)));
      if (is) {
        for (const [k, v] of attributes(is.open)) if (ignore.includes(k)) attrs.set(k, v);
        xml = withAttributes(xml, is.start, is.open, attrs);
      } else if (!pointsAtParts(original.replace(/\sr:id="[^"]*"/, ''))) {
        xml = place(xml, root, name, `<${name}${[...attrs].map(([k, v]) => ` ${k}="${v}"`).join('')}/>`);
      } else continue;
      xml = declarePrefixes(xml, root, before, original);
      words.push(policy.words);
      continue;
    }
    if (next === undefined) continue;
    xml = declarePrefixes(place(xml, root, name, next), root, before, next);
    words.push(policy.words);
  }
  return { xml, words };
}

const sameValidations = (a: string, b: string): boolean => {
  const x = dataValidations(a);
  const y = dataValidations(b);
  return x.size === y.size && [...x].every(([rule, v]) => y.get(rule)?.cells === v.cells);
};

/**
 * exceljs drops attributes of conditional format rules it does not model (stopIfTrue,
 * a text rule's text and operator…) and writes some formats wrongly (a number format's code
 * as "[object Object]"). Each rule of the copy that is the original's (same cells, type and
 * place among those) gets the original's attributes back, dxfId and priority staying
 * exceljs's; where what it paints differs, the original format is asked for at its dxfId.
 */
function carryRuleAttributes(before: string, after: string, fromFormats: readonly string[], toFormats: readonly string[], fromDxfs: readonly string[]): { xml: string; words: string[]; dxfs: Map<number, string> } {
  const is = new Map(cfRules(after, toFormats).map((r) => [r.key, r]));
  const edits: { start: number; open: string; attrs: Map<string, string> }[] = [];
  const dxfs = new Map<number, string>();
  for (const r of cfRules(before, fromFormats)) {
    const c = is.get(r.key);
    if (!c) continue;
    const attrs = attributes(c.element.open);
    let changed = false;
    for (const [k, v] of attributes(r.element.open)) {
      if (k === 'dxfId' || k === 'priority' || attrs.get(k) === v) continue;
      attrs.set(k, v);
      changed = true;
    }
    if (changed) edits.push({ start: c.element.start, open: c.element.open, attrs });
    const from = attributes(r.element.open).get('dxfId');
    const to = attrs.get('dxfId');
    if (from !== undefined && to !== undefined && fromFormats[Number(from)] !== toFormats[Number(to)] && fromDxfs[Number(from)]) dxfs.set(Number(to), fromDxfs[Number(from)]!);
  }
  let xml = after;
  for (const e of edits.sort((a, b) => b.start - a.start)) xml = withAttributes(xml, e.start, e.open, e.attrs);
  return { xml, words: edits.length > 0 ? ['conditional format settings'] : [], dxfs };
}

/**
 * Puts the original differential formats back at the copy's indexes, only where exactly one
 * rule in the copy uses that index: exceljs writes one format per rule, so nothing else
 * changes with it.
 */
function carryFormats(to: Package, wanted: ReadonlyMap<number, string>, added: readonly string[]): boolean {
  if (wanted.size === 0 && added.length === 0) return false;
  const users = new Map<number, number>();
  for (const s of sheets(to)) {
    const xml = readText(to, s.path) ?? '';
    for (const r of elements(xml, 'cfRule')) {
      const id = attributes(r.open).get('dxfId');
      if (id !== undefined) users.set(Number(id), (users.get(Number(id)) ?? 0) + 1);
    }
  }
  const path = stylesPath(to);
  const xml = path ? readText(to, path) : undefined;
  if (!path || xml === undefined) return false;
  const items = children(xml, 'dxfs');
  const edits = [...wanted].filter(([id]) => users.get(id) === 1 && items[id]).sort(([a], [b]) => b - a);
  let next = xml;
  // No dxfs at all: an empty list where the schema puts it (before tableStyles, colors, extLst).
  if (added.length > 0 && !elements(next, 'dxfs')[0]) {
    const later = children(next, 'styleSheet').find((e) => ['tableStyles', 'colors', 'extLst'].includes(e.name));
    const at = later ? later.start : next.lastIndexOf('</');
    next = next.slice(0, at) + '<dxfs count="0"/>' + next.slice(at);
  }
  for (const [id, dxf] of edits) next = next.slice(0, items[id]!.start) + dxf + next.slice(items[id]!.end);
  // Formats for rules carried whole go at the end, where carryMissingRules numbered them.
  const after = elements(next, 'dxfs')[0];
  if (added.length > 0 && after) {
    const body = after.open.endsWith('/>') ? '' : next.slice(after.start + after.open.length, after.end).replace(/<\/dxfs>$/, '');
    next = next.slice(0, after.start) + `<dxfs count="${items.length + added.length}">${body}${added.join('')}</dxfs>` + next.slice(after.end);
  }
  if (next === xml) return false;
  writeText(to, path, next);
  return true;
}

/**
 * Rules exceljs dropped whole (duplicateValues, uniqueValues…) go back, each in a
 * conditionalFormatting of its own after the copy's, with its original priority and its
 * format appended to the copy's (numbered from `nextDxf`). A rule with an extension (paired
 * with an x14 rule by id) or pointing at another part is not carried.
 */
function carryMissingRules(before: string, after: string, fromFormats: readonly string[], toFormats: readonly string[], fromDxfs: readonly string[], nextDxf: number): { xml: string; words: string[]; dxfs: string[] } {
  const have = new Set(cfRules(after, toFormats).map((r) => r.key));
  const added: string[] = [];
  const dxfs: string[] = [];
  const blocks = elements(before, 'conditionalFormatting');
  for (const r of cfRules(before, fromFormats)) {
    if (have.has(r.key)) continue;
    let rule = text(before, r.element);
    if (/<extLst\b/.test(rule) || pointsAtParts(rule)) continue;
    const id = attributes(r.element.open).get('dxfId');
    if (id !== undefined) {
      const dxf = fromDxfs[Number(id)];
      if (!dxf) continue;
      rule = rule.replace(/\sdxfId="\d+"/, ` dxfId="${nextDxf + dxfs.length}"`);
      dxfs.push(dxf);
    }
    const block = blocks.find((b) => b.start <= r.element.start && b.end >= r.element.end);
    added.push(`${block ? block.open.replace(/\/>$/, '>') : `<conditionalFormatting sqref="${r.sqref}">`}${rule}</conditionalFormatting>`);
  }
  if (added.length === 0) return { xml: after, words: [], dxfs };
  const last = children(after, 'worksheet').filter((e) => e.name === 'conditionalFormatting').at(-1);
  const xml = last ? after.slice(0, last.end) + added.join('') + after.slice(last.end) : place(after, 'worksheet', 'conditionalFormatting', added.join(''));
  return { xml, words: ['conditional formats'], dxfs };
}

/**
 * Hyperlinks to a place in the workbook point at no other part: one exceljs dropped or
 * changed goes back into the copy's list as the original had it.
 */
function carryInternalLinks(before: string, after: string): { xml: string; carried: boolean } {
  const links = (xml: string) => new Map(elements(xml, 'hyperlink').map((e) => [attributes(e.open).get('ref') ?? '', { e, text: text(xml, e) }]));
  const now = links(after);
  const missing = [...links(before).values()].filter(({ e, text: t }) => !attributes(e.open).has('r:id') && now.get(attributes(e.open).get('ref') ?? '')?.text !== t);
  if (missing.length === 0) return { xml: after, carried: false };
  const refs = new Set(missing.map(({ e }) => attributes(e.open).get('ref') ?? ''));
  const list = elements(after, 'hyperlinks')[0];
  const kept = list ? elements(text(after, list), 'hyperlink').filter((e) => !refs.has(attributes(e.open).get('ref') ?? '')).map((e) => text(text(after, list), e)) : [];
  const element = `<hyperlinks>${[...kept, ...missing.map((m) => m.text)].join('')}</hyperlinks>`;
  return { xml: place(after, 'worksheet', 'hyperlinks', element), carried: true };
}
