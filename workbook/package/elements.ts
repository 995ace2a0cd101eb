import { canonical, rangeSet, sortedAttributes } from './canonical.js';
import { extWords } from './extensions.js';
import { readText, relationships, workbookPath, type Package } from './parts.js';
import { isSavedPath, policyFor, type Policy } from './policy.js';
import { attributes, children, elements, innerText, text, type Element } from './xml.js';

/**
 * One thing in a package that a save could lose: a stable key (the same thing in the
 * original and in the copy has the same key), words for the officer, and a fingerprint the
 * copy must match (or `same`, when equality is not the test).
 */
export interface Item {
  readonly key: string;
  readonly what: string;
  readonly fingerprint: string;
  readonly same?: (copy: string) => boolean;
}

const inner = (xml: string, e: Element) => (e.open.endsWith('/>') ? '' : xml.slice(e.start + e.open.length, xml.lastIndexOf('</', e.end - 1)));

/** A start tag without the attributes that hold their default value (or are named in `drop`). */
function attrsWithoutDefaults(open: string, defaults: Readonly<Record<string, string>>, drop: readonly string[] = []): string {
  const kept = [...attributes(open)]
    .map(([k, v]) => [k, v === 'true' ? '1' : v === 'false' ? '0' : v] as const)
    .filter(([k, v]) => !drop.includes(k) && defaults[k] !== v);
  return sortedAttributes(`<x ${kept.map(([k, v]) => `${k}="${v}"`).join(' ')}>`);
}

/** The canonical text of an element, relationship ids blanked (exceljs renumbers them). */
export function fingerprintOf(xml: string, policy: Policy): string {
  const ignore = policy.ignore ?? [];
  let c = canonical(xml).replace(/ r:id="[^"]*"/g, ' r:id=""');
  if (ignore.length > 0) c = c.replace(new RegExp(` (?:${ignore.map((i) => i.replace(/[.:]/g, '\\$&')).join('|')})="[^"]*"`, 'g'), '');
  return c;
}

/** The styles part of a package. */
export function stylesPath(pkg: Package): string | undefined {
  const wb = workbookPath(pkg);
  return wb ? relationships(pkg, wb).find((r) => r.kind === 'styles' && !r.external)?.target : undefined;
}

/** Differential formats (what a conditional format paints) by index, as written. */
export function dxfTexts(pkg: Package): string[] {
  const path = stylesPath(pkg);
  const xml = path ? readText(pkg, path) : undefined;
  const list = xml ? elements(xml, 'dxfs')[0] : undefined;
  if (!xml || !list) return [];
  const body = text(xml, list);
  return children(body, 'dxfs').map((d) => text(body, d));
}

/**
 * A differential format in comparable form. A font's children may come in any order (the
 * schema allows it, and exceljs writes its own); an empty diagonal border is no border; a
 * tint is a number, whatever its digits.
 */
export function dxfForm(dxf: string): string {
  let c = canonical(dxf).replace(/<diagonal\/>/g, '').replace(/ tint="([^"]*)"/g, (_m, t: string) => ` tint="${Number(t)}"`);
  c = c.replace(/<font>(.*?)<\/font>/g, (_m, body: string) => `<font>${children(`<font>${body}</font>`, 'font').map((e) => text(`<font>${body}</font>`, e)).sort().join('')}</font>`);
  return c;
}

/** Differential formats by index, in comparable form. */
export function dxfs(pkg: Package): string[] {
  return dxfTexts(pkg).map(dxfForm);
}

const CF_DEFAULTS = { stopIfTrue: '0', aboveAverage: '1', percent: '0', bottom: '0', equalAverage: '0' };
const DV_DEFAULTS = {
  type: 'none',
  operator: 'between',
  errorStyle: 'stop',
  imeMode: 'noControl',
  allowBlank: '0',
  showDropDown: '0',
  showInputMessage: '0',
  showErrorMessage: '0',
};

export interface CfRule {
  /** The cells and type, numbered when several rules share them: the same in the original and the copy. */
  readonly key: string;
  readonly sqref: string;
  readonly type: string;
  readonly element: Element;
  readonly fingerprint: string;
}

/**
 * A sheet's conditional format rules in the order Excel applies them (by priority, then as
 * written), each with a fingerprint of everything that decides what it does: the cells it
 * covers (as a set), its attributes less priority and dxfId, what its format paints (the dxf
 * itself, not its index, which exceljs renumbers) and its formulas, scales, bars or icons.
 */
export function cfRules(xml: string, formats: readonly string[]): CfRule[] {
  const rules: (Omit<CfRule, 'key'> & { priority: number; at: number })[] = [];
  for (const cf of elements(xml, 'conditionalFormatting')) {
    const sqref = attributes(cf.open).get('sqref') ?? '';
    const body = text(xml, cf);
    for (const r of elements(body, 'cfRule')) {
      const a = attributes(r.open);
      const dxf = a.has('dxfId') ? (formats[Number(a.get('dxfId'))] ?? `missing dxf ${a.get('dxfId')}`) : '';
      const el = { ...r, start: r.start + cf.start, end: r.end + cf.start };
      rules.push({
        sqref,
        type: a.get('type') ?? '',
        element: el,
        priority: Number(a.get('priority') ?? 0),
        at: el.start,
        fingerprint: `${rangeSet(sqref)}|${attrsWithoutDefaults(r.open, CF_DEFAULTS, ['priority', 'dxfId'])}|${dxf}|${canonical(inner(body, r))}`,
      });
    }
  }
  const seen = new Map<string, number>();
  return rules
    .sort((x, y) => x.priority - y.priority || x.at - y.at)
    .map((r) => {
      const base = `${rangeSet(r.sqref)}|${r.type}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      return { ...r, key: `${base}#${n}` };
    });
}

/**
 * A sheet's data validations, one per distinct rule (type, operator, formulas, blanks,
 * prompt, error message…), with the cells it covers as a set: exceljs splits a validation on
 * "A2:A10 C2:C10" into several with the same rule, which is no loss; other cells is.
 */
export function dataValidations(xml: string): Map<string, { cells: string; sqref: string; type: string }> {
  const out = new Map<string, { refs: string[]; type: string }>();
  for (const dv of elements(xml, 'dataValidation')) {
    const rule = `${attrsWithoutDefaults(dv.open, DV_DEFAULTS, ['sqref'])}|${canonical(inner(xml, dv))}`;
    const entry = out.get(rule) ?? { refs: [], type: attributes(dv.open).get('type') ?? 'none' };
    entry.refs.push(attributes(dv.open).get('sqref') ?? '');
    out.set(rule, entry);
  }
  return new Map([...out].map(([rule, e]) => [rule, { cells: rangeSet(e.refs.join(' ')), sqref: e.refs.join(' '), type: e.type }]));
}

interface Column {
  width?: number;
  hidden: boolean;
  outline: number;
  collapsed: boolean;
}

function columns(fingerprint: string): Map<number, Column> {
  return new Map(JSON.parse(fingerprint) as [number, Column][]);
}

/** Waymark widens its "Why" column to 60 characters: the only change it makes to a column. */
const WHY_WIDTH = 60;

function colsItem(sheet: string, xml: string, el: Element): Item {
  const list: [number, Column][] = [];
  for (const c of elements(text(xml, el), 'col')) {
    const a = attributes(c.open);
    const on = (k: string) => a.get(k) === '1' || a.get(k) === 'true';
    const col: Column = {
      ...(a.has('width') && { width: Number(a.get('width')) }),
      hidden: on('hidden'),
      outline: Number(a.get('outlineLevel') ?? 0),
      collapsed: on('collapsed'),
    };
    const last = Math.min(Number(a.get('max') ?? a.get('min') ?? 0), 16384);
    for (let n = Number(a.get('min') ?? 0); n <= last; n++) list.push([n, col]);
  }
  return {
    key: `sheet:${sheet}:cols`,
    what: `column widths and hidden columns on sheet "${sheet}"`,
    fingerprint: JSON.stringify(list),
    same(copy) {
      const now = columns(copy);
      return list.every(([n, was]) => {
        const is = now.get(n);
        if (!is) return was.width === undefined && !was.hidden && was.outline === 0;
        const width = was.width === is.width || (was.width !== undefined && is.width !== undefined && Math.abs(was.width - is.width) < 1e-6) || (is.width === WHY_WIDTH && (was.width ?? 0) < WHY_WIDTH);
        return width && was.hidden === is.hidden && was.outline === is.outline && was.collapsed === is.collapsed;
      });
    },
  };
}

/** Every child of a worksheet's root, by the policy, for the guard to compare. */
export function worksheetItems(pkg: Package, sheet: string, path: string, xml: string, formats: readonly string[]): Item[] {
  const items: Item[] = [];
  const on = ` on sheet "${sheet}"`;
  const counts = new Map<string, number>();
  for (const e of children(xml, 'worksheet')) {
    const n = counts.get(e.name) ?? 0;
    counts.set(e.name, n + 1);
    const policy = policyFor('worksheet', e.name);
    if (policy.allowed) continue;
    if (!policy.itemized) {
      items.push({ key: `sheet:${sheet}:${e.name}#${n}`, what: `${policy.words}${on}`, fingerprint: fingerprintOf(text(xml, e), policy) });
      continue;
    }
    if (e.name === 'cols') items.push(colsItem(sheet, xml, e));
    if (e.name === 'dataValidations') {
      items.push({ key: `sheet:${sheet}:dataValidations`, what: `data validation settings${on}`, fingerprint: sortedAttributes(e.open, ['count']) });
    }
    if (e.name === 'extLst') {
      const lst = text(xml, e);
      for (const ext of children(lst, 'extLst')) {
        const uri = attributes(ext.open).get('uri') ?? '';
        items.push({ key: `sheet:${sheet}:ext:${uri}`, what: `${extWords(uri)}${on}`, fingerprint: canonical(text(lst, ext)) });
      }
    }
  }
  const rules = cfRules(xml, formats);
  for (const r of rules) items.push({ key: `sheet:${sheet}:cf:${r.key}`, what: `the conditional format (${r.type}) on ${r.sqref}${on}`, fingerprint: r.fingerprint });
  if (rules.length > 1) {
    // Which rule wins where several apply: the copy's order of the rules both have must be the original's.
    const order = rules.map((r) => r.key);
    items.push({
      key: `sheet:${sheet}:cf-order`,
      what: `the order of the conditional formats${on}`,
      fingerprint: JSON.stringify(order),
      same(copy) {
        const now = JSON.parse(copy) as string[];
        const both = (list: string[], other: string[]) => list.filter((k) => other.includes(k));
        return JSON.stringify(both(order, now)) === JSON.stringify(both(now, order));
      },
    });
  }
  for (const [rule, dv] of dataValidations(xml)) {
    items.push({ key: `sheet:${sheet}:dv:${rule}`, what: `the data validation (${dv.type}) on ${dv.sqref}${on}`, fingerprint: dv.cells });
  }
  const rels = new Map(relationships(pkg, path).map((r) => [r.id, r]));
  for (const link of elements(xml, 'hyperlink')) {
    const a = attributes(link.open);
    const ref = a.get('ref') ?? '';
    const target = rels.get(a.get('r:id') ?? '')?.target ?? '';
    items.push({ key: `sheet:${sheet}:link:${ref}`, what: `the hyperlink in ${ref}${on}`, fingerprint: `${target}|${a.get('location') ?? ''}` });
  }
  return items;
}

/** Sheet names quoted or not, absolute references as written. */
const formula = (f: string) => f.replace(/'([^'!]+)'!/g, '$1!').trim();

/** Every child of the workbook's root, by the policy, for the guard to compare. */
export function workbookItems(xml: string, sheetNames: readonly string[], skipSheets: ReadonlySet<string>): Item[] {
  const items: Item[] = [];
  const counts = new Map<string, number>();
  for (const e of children(xml, 'workbook')) {
    const n = counts.get(e.name) ?? 0;
    counts.set(e.name, n + 1);
    const policy = policyFor('workbook', e.name);
    if (policy.allowed) continue;
    const body = text(xml, e);
    if (e.name === 'mc:AlternateContent' && isSavedPath(body)) continue;
    if (!policy.itemized) {
      items.push({ key: `workbook:${e.name}#${n}`, what: `${policy.words} of the workbook`, fingerprint: fingerprintOf(body, policy) });
      continue;
    }
    if (e.name === 'extLst') {
      for (const ext of children(body, 'extLst')) {
        const uri = attributes(ext.open).get('uri') ?? '';
        items.push({ key: `workbook:ext:${uri}`, what: extWords(uri), fingerprint: canonical(text(body, ext)) });
      }
    }
    if (e.name === 'sheets') {
      // The team's sheets, in order, with whether each is hidden.
      const team = elements(body, 'sheet')
        .map((s) => attributes(s.open))
        .filter((a) => !skipSheets.has(a.get('name') ?? ''))
        .map((a) => `${a.get('name') ?? ''}:${a.get('state') ?? 'visible'}`);
      items.push({ key: 'workbook:sheets', what: 'the order and visibility of the sheets', fingerprint: team.join('|') });
    }
  }
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
  return items;
}
