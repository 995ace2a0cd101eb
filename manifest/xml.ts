/**
 * A minimal, strict XML parser (well-formedness only: elements, attributes, text, comments,
 * CDATA, processing instructions, the five predefined entities and character references; no
 * DTDs) and a structural check of the Office add-in-only XML manifest. The official validator
 * needs the network; this catches the mistakes a generator can make.
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
}

export class XmlError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${line}:${column}: ${message}`);
  }
}

const NAME = /[A-Za-z_:][A-Za-z0-9_.:-]*/y;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function parseXml(source: string): XmlElement {
  const src = source.replace(/^\uFEFF/, '');
  let i = 0;
  const fail = (message: string, at = i): never => {
    const before = src.slice(0, at).split('\n');
    throw new XmlError(message, before.length, (before[before.length - 1]?.length ?? 0) + 1);
  };
  const lineAt = (at: number) => src.slice(0, at).split('\n').length;
  const name = (): string => {
    NAME.lastIndex = i;
    const m = NAME.exec(src);
    if (!m) return fail('expected a name');
    i += m[0].length;
    return m[0];
  };
  const skipSpace = () => {
    while (i < src.length && /[ \t\r\n]/.test(src[i] as string)) i++;
  };
  const decode = (raw: string, start: number): string =>
    raw.replace(/&([^;&<]*);?/g, (whole, ent: string, off: number) => {
      if (!whole.endsWith(';')) return fail("'&' must start an entity reference like &amp;", start + off);
      if (ent in ENTITIES) return ENTITIES[ent] as string;
      const num = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(ent);
      if (num) {
        const code = num[1] ? Number.parseInt(num[1], 16) : Number(num[2]);
        if (code === 0 || code > 0x10ffff) return fail(`invalid character reference &${ent};`, start + off);
        return String.fromCodePoint(code);
      }
      return fail(`unknown entity &${ent};`, start + off);
    });
  const skipMisc = (allowDecl: boolean) => {
    for (;;) {
      skipSpace();
      if (src.startsWith('<?', i)) {
        const end = src.indexOf('?>', i);
        if (end < 0) fail('unterminated processing instruction');
        const target = /^<\?([^\s?]+)/.exec(src.slice(i))?.[1] ?? '';
        if (target.toLowerCase() === 'xml' && !(allowDecl && i === 0)) fail('the XML declaration must come first');
        i = end + 2;
        allowDecl = false;
      } else if (src.startsWith('<!--', i)) {
        const end = src.indexOf('-->', i + 4);
        if (end < 0) fail('unterminated comment');
        if (src.slice(i + 4, end).includes('--')) fail("'--' is not allowed inside a comment");
        i = end + 3;
      } else if (src.startsWith('<!DOCTYPE', i)) {
        fail('DOCTYPE is not supported');
      } else return;
      allowDecl = false;
    }
  };

  const element = (): XmlElement => {
    const start = i;
    if (src[i] !== '<') fail("expected '<'");
    i++;
    const tag = name();
    const el: XmlElement = { name: tag, attrs: {}, children: [], text: '', line: lineAt(start) };
    for (;;) {
      const hadSpace = /[ \t\r\n]/.test(src[i] ?? '');
      skipSpace();
      if (src.startsWith('/>', i)) {
        i += 2;
        return el;
      }
      if (src[i] === '>') {
        i++;
        break;
      }
      if (i >= src.length) fail(`unterminated start tag <${tag}>`);
      if (!hadSpace) fail('expected whitespace before an attribute');
      const attrAt = i;
      const attr = name();
      skipSpace();
      if (src[i] !== '=') fail(`attribute ${attr} needs a value`);
      i++;
      skipSpace();
      const q = src[i];
      if (q !== '"' && q !== "'") fail(`attribute ${attr}'s value must be quoted`);
      const end = src.indexOf(q as string, i + 1);
      if (end < 0) fail(`unterminated value of attribute ${attr}`);
      const raw = src.slice(i + 1, end);
      if (raw.includes('<')) fail(`'<' is not allowed in the value of attribute ${attr}`, i + 1 + raw.indexOf('<'));
      if (attr in el.attrs) fail(`duplicate attribute ${attr}`, attrAt);
      el.attrs[attr] = decode(raw, i + 1);
      i = end + 1;
    }
    for (;;) {
      if (i >= src.length) fail(`<${tag}> is not closed`, start);
      if (src.startsWith('</', i)) {
        i += 2;
        const close = name();
        if (close !== tag) fail(`</${close}> does not match <${tag}> on line ${el.line}`);
        skipSpace();
        if (src[i] !== '>') fail("expected '>'");
        i++;
        return el;
      }
      if (src.startsWith('<!--', i) || src.startsWith('<?', i)) {
        skipMisc(false);
        continue;
      }
      if (src.startsWith('<![CDATA[', i)) {
        const end = src.indexOf(']]>', i);
        if (end < 0) fail('unterminated CDATA section');
        el.text += src.slice(i + 9, end);
        i = end + 3;
        continue;
      }
      if (src[i] === '<') {
        el.children.push(element());
        continue;
      }
      const next = src.indexOf('<', i);
      const raw = src.slice(i, next < 0 ? src.length : next);
      if (raw.includes(']]>')) fail("']]>' is not allowed in text", i + raw.indexOf(']]>'));
      el.text += decode(raw, i);
      i += raw.length;
    }
  };

  skipMisc(true);
  if (i >= src.length) fail('no root element');
  const root = element();
  skipMisc(false);
  if (i < src.length) fail('content after the root element');
  return root;
}

/* ------------------------------------------------------------------------------------------ */

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const OFFICE_NS = 'http://schemas.microsoft.com/office/appforoffice/1.1';

/** Top-level elements of a TaskPaneApp, in schema order; `required` ones must be present. */
const ORDER: { name: string; required: boolean }[] = [
  { name: 'Id', required: true },
  { name: 'AlternateId', required: false },
  { name: 'Version', required: true },
  { name: 'ProviderName', required: true },
  { name: 'DefaultLocale', required: true },
  { name: 'DisplayName', required: true },
  { name: 'Description', required: true },
  { name: 'IconUrl', required: true },
  { name: 'HighResolutionIconUrl', required: true },
  { name: 'SupportUrl', required: false },
  { name: 'AppDomains', required: false },
  { name: 'Hosts', required: true },
  { name: 'Requirements', required: true },
  { name: 'DefaultSettings', required: true },
  { name: 'Permissions', required: true },
  { name: 'Dictionary', required: false },
  { name: 'VersionOverrides', required: false },
];

const local = (n: string) => n.slice(n.indexOf(':') + 1);
const kids = (el: XmlElement | undefined, n: string) => (el?.children ?? []).filter((c) => local(c.name) === n);
const kid = (el: XmlElement | undefined, n: string) => kids(el, n)[0];
const isHttps = (s: string | undefined) => s !== undefined && /^https:\/\/[^\s]+$/i.test(s);

/** Structural check of an add-in-only manifest; returns problems, each naming the element. */
export function checkAddinXml(xml: string): string[] {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (e) {
    return [`not well-formed XML: ${(e as Error).message}`];
  }
  const errors: string[] = [];
  const at = (path: string, message: string) => errors.push(`${path}: ${message}`);
  if (root.name !== 'OfficeApp') return [`root element must be <OfficeApp>, found <${root.name}>`];
  if (root.attrs.xmlns !== OFFICE_NS) at('/OfficeApp/@xmlns', `must be ${OFFICE_NS}`);
  if (root.attrs['xsi:type'] !== 'TaskPaneApp') at('/OfficeApp/@xsi:type', 'must be TaskPaneApp');

  // Order and presence of the top-level elements.
  let pos = 0;
  const seen = new Set<string>();
  for (const child of root.children) {
    const idx = ORDER.findIndex((o) => o.name === child.name);
    if (idx < 0) {
      at(`/OfficeApp/${child.name}`, 'is not an allowed element of a TaskPaneApp manifest');
      continue;
    }
    if (seen.has(child.name)) at(`/OfficeApp/${child.name}`, 'appears more than once');
    if (idx < pos) at(`/OfficeApp/${child.name}`, `is out of order: it must come before ${ORDER[pos]?.name}`);
    seen.add(child.name);
    pos = Math.max(pos, idx);
  }
  for (const o of ORDER) if (o.required && !seen.has(o.name)) at(`/OfficeApp/${o.name}`, 'is required but missing');

  const textOf = (n: string) => kid(root, n)?.text.trim();
  const valueOf = (n: string) => kid(root, n)?.attrs.DefaultValue;

  const id = textOf('Id');
  if (id !== undefined && !GUID.test(id)) at('/OfficeApp/Id', `must be a GUID (got "${id}")`);
  const version = textOf('Version');
  if (version !== undefined && !/^\d{1,5}(\.\d{1,5}){0,3}$/.test(version)) at('/OfficeApp/Version', `must be n[.n[.n[.n]]] (got "${version}")`);
  const locale = textOf('DefaultLocale');
  if (locale !== undefined && !/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(locale)) at('/OfficeApp/DefaultLocale', 'must be a language tag like en-GB');
  for (const [n, max] of [['ProviderName', 250]] as const) {
    const t = textOf(n);
    if (t !== undefined && (t.length === 0 || t.length > max)) at(`/OfficeApp/${n}`, `must be 1 to ${max} characters`);
  }
  for (const [n, max] of [['DisplayName', 125], ['Description', 250]] as const) {
    if (!kid(root, n)) continue;
    const v = valueOf(n);
    if (!v || v.length > max) at(`/OfficeApp/${n}/@DefaultValue`, `must be 1 to ${max} characters`);
  }
  for (const n of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl']) {
    if (kid(root, n) && !isHttps(valueOf(n))) at(`/OfficeApp/${n}/@DefaultValue`, 'must be an https URL');
  }
  for (const d of kids(kid(root, 'AppDomains'), 'AppDomain')) {
    if (!isHttps(d.text.trim())) at('/OfficeApp/AppDomains/AppDomain', `must be an https URL (got "${d.text.trim()}")`);
  }

  const hosts = kids(kid(root, 'Hosts'), 'Host');
  if (kid(root, 'Hosts') && !hosts.some((h) => h.attrs.Name === 'Workbook')) at('/OfficeApp/Hosts/Host', 'must include Name="Workbook"');

  const reqs = kid(root, 'Requirements');
  if (reqs) {
    const sets = kids(kid(reqs, 'Sets'), 'Set');
    const excel = sets.find((s) => s.attrs.Name === 'ExcelApi');
    const min = excel?.attrs.MinVersion ?? kid(reqs, 'Sets')?.attrs.DefaultMinVersion;
    if (!excel) at('/OfficeApp/Requirements/Sets/Set', 'must include Name="ExcelApi"');
    else if (!min || Number(min.split('.')[1] ?? 0) < 9 || Number(min.split('.')[0]) !== 1) {
      at('/OfficeApp/Requirements/Sets/Set[@Name="ExcelApi"]/@MinVersion', `must be at least 1.9 (got "${min ?? ''}")`);
    }
  }

  const defaults = kid(root, 'DefaultSettings');
  if (defaults) {
    const source = kid(defaults, 'SourceLocation');
    if (!source) at('/OfficeApp/DefaultSettings/SourceLocation', 'is required but missing');
    else if (!isHttps(source.attrs.DefaultValue)) at('/OfficeApp/DefaultSettings/SourceLocation/@DefaultValue', 'must be an https URL');
  }
  const perms = textOf('Permissions');
  if (perms !== undefined && perms !== 'ReadWriteDocument') at('/OfficeApp/Permissions', `must be ReadWriteDocument (got "${perms}")`);

  const vo = kid(root, 'VersionOverrides');
  if (vo) checkVersionOverrides(vo, at);
  return errors;
}

function checkVersionOverrides(vo: XmlElement, at: (path: string, message: string) => void): void {
  const base = '/OfficeApp/VersionOverrides';
  if (vo.attrs.xmlns !== 'http://schemas.microsoft.com/office/taskpaneappversionoverrides') {
    at(`${base}/@xmlns`, 'must be http://schemas.microsoft.com/office/taskpaneappversionoverrides');
  }
  if (vo.attrs['xsi:type'] !== 'VersionOverridesV1_0') at(`${base}/@xsi:type`, 'must be VersionOverridesV1_0');
  const ids = new Map<string, string>();
  const resources = kid(vo, 'Resources');
  if (!resources) at(`${base}/Resources`, 'is required but missing');
  for (const group of resources?.children ?? []) {
    for (const r of group.children) {
      const id = r.attrs.id;
      if (!id) at(`${base}/Resources/${group.name}/${r.name}`, 'needs an id');
      else {
        if (ids.has(id)) at(`${base}/Resources/${group.name}/${r.name}[@id="${id}"]`, 'duplicate id');
        if (id.length > 32) at(`${base}/Resources/${group.name}/${r.name}[@id="${id}"]`, 'id must be at most 32 characters');
        ids.set(id, local(group.name));
      }
      const v = r.attrs.DefaultValue ?? '';
      if ((local(group.name) === 'Images' || local(group.name) === 'Urls') && !isHttps(v)) {
        at(`${base}/Resources/${group.name}/${r.name}[@id="${id ?? ''}"]/@DefaultValue`, 'must be an https URL');
      }
      if (local(group.name) === 'ShortStrings' && v.length > 125) at(`${base}/Resources/${group.name}[@id="${id ?? ''}"]`, 'must be at most 125 characters');
    }
  }
  const hosts = kids(kid(vo, 'Hosts'), 'Host');
  if (!hosts.some((h) => h.attrs['xsi:type'] === 'Workbook')) at(`${base}/Hosts/Host`, 'must include xsi:type="Workbook"');
  const walk = (el: XmlElement, path: string) => {
    const resid = el.attrs.resid;
    if (resid !== undefined && !ids.has(resid)) at(`${path}/@resid`, `"${resid}" is not defined in Resources`);
    if (el.name === 'Action' && el.attrs['xsi:type'] === 'ShowTaskpane' && !kid(el, 'SourceLocation')) {
      at(`${path}/SourceLocation`, 'is required for a ShowTaskpane action');
    }
    for (const c of el.children) if (c.name !== 'Resources') walk(c, `${path}/${c.name}`);
  };
  for (const c of vo.children) if (c.name !== 'Resources') walk(c, `${base}/${c.name}`);
  for (const h of hosts) {
    const dff = kid(h, 'DesktopFormFactor');
    if (!dff) continue;
    if (!kid(dff, 'FunctionFile')) at(`${base}/Hosts/Host/DesktopFormFactor/FunctionFile`, 'is required but missing');
    if (!kid(dff, 'ExtensionPoint')) at(`${base}/Hosts/Host/DesktopFormFactor/ExtensionPoint`, 'is required but missing');
  }
}
