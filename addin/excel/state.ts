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

/** One character per colour in a put record ("." = not coloured by Waymark). */
const PALETTE = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

export type PutRecord = { colours: string[]; cols: Record<string, string> };

/**
 * The colours Waymark put, by cell key (row × 16,384 + column), as a compact record: per
 * column, "first row:one palette character per row". Null when there are more colours than
 * characters (no framework has that many), and the record then falls back to "any Waymark colour".
 *
 * @example
 * encodePuts(new Map([[5 * 16_384 + 3, '#C6EFCE'], [7 * 16_384 + 3, '#FFC7CE']]))
 * //=> { colours: ['#C6EFCE', '#FFC7CE'], cols: { '3': '5:0.1' } }
 */
export function encodePuts(puts: ReadonlyMap<number, string>): PutRecord | null {
  const colours: string[] = [];
  const byCol = new Map<number, Map<number, number>>();
  for (const [key, colour] of puts) {
    let i = colours.indexOf(colour);
    if (i < 0) i = colours.push(colour) - 1;
    if (i >= PALETTE.length) return null;
    const col = key % 16_384;
    const rows = byCol.get(col) ?? new Map<number, number>();
    rows.set(Math.floor(key / 16_384), i);
    byCol.set(col, rows);
  }
  const cols: Record<string, string> = {};
  for (const [col, rows] of byCol) {
    const first = Math.min(...rows.keys());
    const last = Math.max(...rows.keys());
    let text = '';
    for (let r = first; r <= last; r++) {
      const i = rows.get(r);
      text += i === undefined ? '.' : PALETTE[i];
    }
    cols[String(col)] = `${first}:${text}`;
  }
  return { colours, cols };
}

/** The inverse of encodePuts: cell key → colour. Characters it cannot read are skipped. */
export function decodePuts(record: PutRecord | undefined): Map<number, string> {
  const out = new Map<number, string>();
  if (!record) return out;
  for (const [col, text] of Object.entries(record.cols)) {
    const sep = text.indexOf(':');
    const first = Number(text.slice(0, sep));
    const c = Number(col);
    if (sep < 0 || !Number.isInteger(first) || !Number.isInteger(c)) continue;
    for (let j = sep + 1; j < text.length; j++) {
      const colour = record.colours[PALETTE.indexOf(text[j] ?? '.')];
      if (colour !== undefined) out.set((first + j - sep - 1) * 16_384 + c, colour.toUpperCase());
    }
  }
  return out;
}

export const sheetMarksSchema = z.object({
  sheet: z.string(),
  framework: z.string(),
  ratedOn: z.string(),
  /** Fill before Waymark ("#RRGGBB", or "" for none) → the cells that had it, as areas. */
  fills: z.record(z.string(), z.array(z.string())),
  /**
   * The colour Waymark put on each cell it coloured: a fill is Waymark's only while the cell
   * still shows the very colour the record says Waymark put there. Kept as one character per
   * cell, column by column (see encodePuts): RAG colours change cell to cell, so areas would
   * double the record. Absent in records from before it was kept.
   */
  put: z.object({ colours: z.array(z.string()).max(PALETTE.length), cols: z.record(z.string(), z.string()) }).strict().optional(),
  /**
   * Cells Waymark rates but left to the team, who recoloured them after a rating → the fill they
   * had then ("#RRGGBB", "" for none). Left again while they show it; rated afresh once changed.
   */
  teams: z.record(z.string(), z.string()).optional(),
  /** Output cell address → hash of the text Waymark wrote there. */
  outputs: z.record(z.string(), z.string()),
  /** Output heading address → whether it was bold before Waymark. */
  bold: z.record(z.string(), z.boolean()),
  /**
   * Each rated school's identity cell (URN, else name) → hash of its text: a row whose school
   * changed (sorted, inserted, deleted) refuses Rate and Clear. Absent in older records.
   */
  ids: z.record(z.string(), z.string()).optional(),
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
