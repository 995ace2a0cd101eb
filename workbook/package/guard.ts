import { carryOver } from './carry.js';
import { checkCells, type WaymarkCells } from './cells.js';
import { inventory } from './inventory.js';
import { loadPackage, readText, savePackage, sheets, workbookPath } from './parts.js';
import { undeclaredPrefixes } from './schema.js';

export interface Kept {
  /** The copy to write. */
  readonly bytes: Buffer;
  /** What exceljs dropped and was put back as it was. */
  readonly carried: readonly string[];
  /** What the copy still lacks or has changed, in words, one entry per kind of thing. */
  readonly lost: readonly string[];
}

/**
 * Checks exceljs's copy of a workbook against the original, part by part and element by
 * element, puts back what can be carried over unchanged, and lists what would still be lost.
 * Waymark's own sheets (`waymarkSheets`) and notes are its to change.
 *
 * @example
 * const kept = await keepPackage(original, await wb.xlsx.writeBuffer(), { waymarkSheets: new Set(['Waymark legend']), waymarkNote: (t) => t.startsWith('Waymark:') });
 * if (kept.lost.length > 0) // refuse, unless --allow-loss
 * // exceljs may write its copy stored (`writeBuffer({ zip: { compression: 'STORE' } })`): the copy is compressed here.
 */
export async function keepPackage(
  original: Uint8Array,
  written: Uint8Array,
  options: {
    waymarkSheets: ReadonlySet<string>;
    waymarkNote: (text: string) => boolean;
    /** Cells Waymark wrote on a sheet, by sheet name (see cells.ts). */
    waymarkCells?: ReadonlyMap<string, WaymarkCells>;
  },
): Promise<Kept> {
  const from = await loadPackage(original);
  const to = await loadPackage(written);
  const carried = carryOver(from, to, { skipSheets: options.waymarkSheets });
  const cells = checkCells(from, to, { skipSheets: options.waymarkSheets, waymark: options.waymarkCells ?? new Map() });
  carried.push(...cells.carried);
  const scope = { skipSheets: options.waymarkSheets, waymarkNote: options.waymarkNote };
  const before = inventory(from, scope);
  const notesOf = new Set(before.flatMap((i) => (/^sheet:.*:note:/.test(i.key) ? [i.key.slice(6, i.key.lastIndexOf(':note:'))] : [])));
  const after = new Map(inventory(to, { ...scope, notesOf }).map((i) => [i.key, i]));
  const lost = new Set<string>(cells.lost);
  for (const item of before) {
    const now = after.get(item.key);
    if (!now) lost.add(item.what);
    else if (!(item.same ? item.same(now.fingerprint) : now.fingerprint === item.fingerprint)) lost.add(`${item.what} (changed)`);
  }
  // A carried fragment that left a namespace prefix undeclared would make Excel refuse (or
  // "repair" away) the part: never write such a copy without saying so.
  const parts = [...sheets(to).map((s) => ({ path: s.path, words: `sheet "${s.name}"` })), ...[workbookPath(to)].flatMap((p) => (p ? [{ path: p, words: 'the workbook part' }] : []))];
  for (const part of parts) {
    const unbound = undeclaredPrefixes(readText(to, part.path) ?? '');
    if (unbound.length > 0) lost.add(`${part.words}: would not open in Excel (namespace prefix ${unbound.join(', ')} not declared)`);
  }
  // Always compressed here, with Node's zlib: callers may have exceljs write its copy stored
  // (uncompressed), which spares JSZip's much slower JavaScript deflate.
  const bytes = await savePackage(to);
  return { bytes, carried: [...new Set(carried)], lost: [...lost] };
}
