import JSZip from 'jszip';
import { unzipPlain } from './unzip.js';
import { zipPlain } from './zip.js';
import { attributes, elements } from './xml.js';

/** An .xlsx package held in memory: every part's bytes by path (no leading slash). */
export interface Package {
  readonly files: Map<string, Uint8Array>;
}

export interface Relationship {
  readonly id: string;
  /** The last segment of the relationship type, e.g. "worksheet", "threadedComment". */
  readonly kind: string;
  readonly type: string;
  /** Resolved part path, or the external address. */
  readonly target: string;
  readonly external: boolean;
}

export interface SheetEntry {
  readonly name: string;
  readonly path: string;
}

export async function loadPackage(bytes: Uint8Array): Promise<Package> {
  const plain = unzipPlain(bytes);
  if (plain) return { files: plain };
  const zip = await JSZip.loadAsync(bytes);
  const files = new Map<string, Uint8Array>();
  for (const [name, entry] of Object.entries(zip.files)) {
    if (!entry.dir) files.set(name, await entry.async('uint8array'));
  }
  return { files };
}

/** Writes the package; parts keep the order they were added in, [Content_Types].xml first. */
export async function savePackage(pkg: Package): Promise<Buffer> {
  const ct = pkg.files.get('[Content_Types].xml');
  const ordered = new Map<string, Uint8Array>();
  if (ct) ordered.set('[Content_Types].xml', ct);
  for (const [name, bytes] of pkg.files) if (name !== '[Content_Types].xml') ordered.set(name, bytes);
  const plain = zipPlain(ordered);
  if (plain) return plain;
  const zip = new JSZip();
  if (ct) zip.file('[Content_Types].xml', ct);
  for (const [name, bytes] of pkg.files) if (name !== '[Content_Types].xml') zip.file(name, bytes);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();
export const readText = (pkg: Package, path: string): string | undefined => {
  const b = pkg.files.get(path);
  return b ? decoder.decode(b) : undefined;
};
export const writeText = (pkg: Package, path: string, xml: string): void => {
  pkg.files.set(path, encoder.encode(xml));
};

/** The relationships part of a part ("" is the package itself). */
export function relsPath(part: string): string {
  if (part === '') return '_rels/.rels';
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

function resolve(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const dir = base.includes('/') ? base.slice(0, base.lastIndexOf('/') + 1) : '';
  const out: string[] = [];
  for (const seg of (dir + target).split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

export function relationships(pkg: Package, part: string): Relationship[] {
  const xml = readText(pkg, relsPath(part));
  if (!xml) return [];
  return elements(xml, 'Relationship').map((e) => {
    const a = attributes(e.open);
    const type = a.get('Type') ?? '';
    const external = a.get('TargetMode') === 'External';
    const target = a.get('Target') ?? '';
    return { id: a.get('Id') ?? '', type, kind: type.slice(type.lastIndexOf('/') + 1), target: external ? target : resolve(part, target), external };
  });
}

/** A target as written in the rels of `from`, relative to it. */
export function relativeTarget(from: string, to: string): string {
  const fromDir = from.includes('/') ? from.slice(0, from.lastIndexOf('/')).split('/') : [];
  const toParts = to.split('/');
  let i = 0;
  while (i < fromDir.length && i < toParts.length - 1 && fromDir[i] === toParts[i]) i++;
  return [...Array<string>(fromDir.length - i).fill('..'), ...toParts.slice(i)].join('/');
}

export function workbookPath(pkg: Package): string | undefined {
  return relationships(pkg, '').find((r) => r.kind === 'officeDocument')?.target;
}

/** The workbook's sheets in order, each with its part. */
export function sheets(pkg: Package): SheetEntry[] {
  const wb = workbookPath(pkg);
  if (!wb) return [];
  const xml = readText(pkg, wb) ?? '';
  const rels = new Map(relationships(pkg, wb).map((r) => [r.id, r]));
  return elements(xml, 'sheet').flatMap((e) => {
    const a = attributes(e.open);
    const rel = rels.get(a.get('r:id') ?? '');
    return rel ? [{ name: a.get('name') ?? '', path: rel.target }] : [];
  });
}

/** Content type of a part, from the overrides or its extension's default. */
export function contentType(pkg: Package, part: string): { override?: string; extension: string; byDefault?: string } {
  const xml = readText(pkg, '[Content_Types].xml') ?? '';
  const extension = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
  const override = elements(xml, 'Override')
    .map((e) => attributes(e.open))
    .find((a) => a.get('PartName')?.toLowerCase() === `/${part}`.toLowerCase())
    ?.get('ContentType');
  const byDefault = elements(xml, 'Default')
    .map((e) => attributes(e.open))
    .find((a) => a.get('Extension')?.toLowerCase() === extension)
    ?.get('ContentType');
  return { ...(override && { override }), extension, ...(byDefault && { byDefault }) };
}
