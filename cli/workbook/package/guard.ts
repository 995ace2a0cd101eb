import { carryOver } from './carry.js';
import { inventory } from './inventory.js';
import { loadPackage, savePackage } from './parts.js';

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
 */
export async function keepPackage(
  original: Uint8Array,
  written: Uint8Array,
  options: { waymarkSheets: ReadonlySet<string>; waymarkNote: (text: string) => boolean },
): Promise<Kept> {
  const from = await loadPackage(original);
  const to = await loadPackage(written);
  const carried = carryOver(from, to, { skipSheets: options.waymarkSheets });
  const scope = { skipSheets: options.waymarkSheets, waymarkNote: options.waymarkNote };
  const after = new Map(inventory(to, scope).map((i) => [i.key, i]));
  const lost = new Set<string>();
  for (const item of inventory(from, scope)) {
    const now = after.get(item.key);
    if (!now) lost.add(item.what);
    else if (now.fingerprint !== item.fingerprint) lost.add(`${item.what} (changed)`);
  }
  return { bytes: await savePackage(to), carried: [...new Set(carried)], lost: [...lost] };
}
