/**
 * What Waymark remembers in the workbook's document settings (`workbook.settings`, ExcelApi
 * 1.4) so that "Clear" can remove exactly what it added: for each sheet it rated, the fill
 * every coloured cell had before Waymark first coloured it, the output cells it wrote (with a
 * short hash of the text, so a cell an officer has since typed over is left alone) and the
 * output headings' boldness.
 *
 * Document settings rather than a very hidden sheet: settings are queued and committed in
 * the same batch as the marks (no extra round trip), are scoped to this add-in and file, and
 * officers cannot unhide or edit them by accident. Areas are stored compressed
 * ("D6:K2005"), which keeps a 2,000-school sheet's state to a few kilobytes.
 */
import { z } from 'zod';

export const CONFIG_KEY = 'waymark.config';
export const STATE_KEY = 'waymark.state';
/** A custom framework's JSON, so the next officer rates with the same one. */
export const FRAMEWORK_KEY = 'waymark.framework';
/** Waymark refuses to write more than this into one setting (settings live in the file). */
export const MAX_STATE_CHARS = 1_000_000;

export const sheetMarksSchema = z.object({
  sheet: z.string(),
  framework: z.string(),
  ratedOn: z.string(),
  /** Fill before Waymark ("#RRGGBB", or "" for none) → the cells that had it, as areas. */
  fills: z.record(z.string(), z.array(z.string())),
  /** Output cell address → hash of the text Waymark wrote there. */
  outputs: z.record(z.string(), z.string()),
  /** Output heading address → whether it was bold before Waymark. */
  bold: z.record(z.string(), z.boolean()),
});
export type SheetMarks = z.infer<typeof sheetMarksSchema>;

export const waymarkStateSchema = z.object({
  v: z.literal(1),
  /** By worksheet id, which survives renaming. */
  sheets: z.record(z.string(), sheetMarksSchema),
  /** The sheet whose rating the legend sheet describes. */
  legendFor: z.string().optional(),
});
export type WaymarkState = z.infer<typeof waymarkStateSchema>;

export const emptyState = (): WaymarkState => ({ v: 1, sheets: {} });

/** Reads a stored state; a damaged one is reported and treated as empty. */
export function parseState(value: unknown): { state: WaymarkState; issue?: string } {
  if (value === undefined || value === null) return { state: emptyState() };
  const parsed = waymarkStateSchema.safeParse(typeof value === 'string' ? safeJson(value) : value);
  if (parsed.success) return { state: parsed.data };
  return {
    state: emptyState(),
    issue: 'Waymark’s record of earlier marks in this workbook is damaged, so earlier fills cannot be restored.',
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * A short, stable hash of a cell's text (FNV-1a, base 36): enough to tell whether a cell
 * still holds what Waymark wrote.
 *
 * @example
 * textHash('B — Good') === textHash('B — Good') // true
 */
export function textHash(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
