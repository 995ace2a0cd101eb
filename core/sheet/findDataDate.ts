import { parseDate } from '../indicators/parseDate/index.js';
import type { CellValue } from '../indicators/types.js';
import { cellText } from '../rating/displayValue.js';

/** The date a sheet's data is "as at", and where it was found. */
export interface DataDate {
  /** yyyy-MM-dd (for a term, its first day). */
  readonly date: string;
  /** A title row ("Data as at 1 November 2026"), the per-row data-date column, or the file's own date. */
  readonly source: 'title' | 'column' | 'file';
  /** What the sheet says, as written ("Data as at 1 November 2026", "Summer 2026"). */
  readonly text: string;
  /** `term` when the sheet names a term rather than a day. */
  readonly precision: 'day' | 'term';
}

export interface FindDataDateOptions {
  /** 0-based grid row of the header; title rows are the rows above it (the top 10 when not given). */
  readonly headerRow?: number;
  /** The per-row data-date cells (a "Data date" / "As at" column), as read. */
  readonly dataDates?: readonly (string | undefined)[];
  /** yyyy-MM-dd: the day the file was last saved, used only when the sheet says nothing. */
  readonly fileDate?: string;
}

const KEYWORD = /\b(?:data\s+)?(?:as\s+(?:at|of)|updated(?:\s+on)?|last\s+updated|correct\s+(?:as\s+)?(?:at|on)|data\s+date|date\s+of\s+data|snapshot(?:\s+date)?|refreshed)\b\s*:?\s*/i;
const DATE_TEXT = /\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[a-z]{3,9}\.?,?\s+\d{4}\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b[a-z]{3,9}\.?\s+\d{4}\b/i;
const TERM = /\b(autumn|spring|summer)(?:\s+term)?(?:\s*[12])?\s+((?:19|20)\d{2})(?:\s*[/-]\s*(\d{2,4}))?\b/i;

const iso = (raw: CellValue): string | undefined => {
  const r = parseDate(raw);
  return r.status === 'value' && r.value.kind === 'date' ? r.value.value : undefined;
};

/** A term's first day: autumn in the first year of "2025/26", spring and summer in the second. */
function termStart(term: string, year: number, second: string | undefined): string {
  const t = term.toLowerCase();
  const y = second && t !== 'autumn' ? year + 1 : year;
  return `${y}-${t === 'autumn' ? '09' : t === 'spring' ? '01' : '04'}-01`;
}

/** A date in a title cell, after words such as "as at" or "updated", or a term ("Summer 2026"). */
function fromTitle(text: string, next: CellValue | undefined): DataDate | undefined {
  const key = KEYWORD.exec(text);
  if (key) {
    const rest = text.slice(key.index + key[0].length);
    const found = DATE_TEXT.exec(rest);
    const date = found ? iso(found[0]) : undefined;
    if (date) return { date, source: 'title', text: text.trim(), precision: 'day' };
    // "Data as at:" in one cell and the date in the next.
    if (rest.trim() === '' && next !== undefined && next !== null) {
      const d = iso(next);
      if (d) return { date: d, source: 'title', text: `${text.trim()} ${cellText(next)}`, precision: 'day' };
    }
  }
  const term = TERM.exec(text);
  if (term && term[1] && term[2]) {
    return { date: termStart(term[1], Number(term[2]), term[3]), source: 'title', text: term[0], precision: 'term' };
  }
  return undefined;
}

/**
 * The date a sheet's data is as at: from its title rows ("Data as at 1 November 2026",
 * "Updated 3/11/2026", "Summer 2026"), else the latest date in its data-date column, else
 * the file's date. Says which it used, so a card can say "as at" honestly.
 *
 * @example
 * findDataDate([['Schools — data as at 1 November 2026'], ['School', 'URN']], { headerRow: 1, fileDate: '2026-11-20' })
 * //=> { date: '2026-11-01', source: 'title', text: 'Schools — data as at 1 November 2026', precision: 'day' }
 * findDataDate([['School']], { headerRow: 0, fileDate: '2026-11-20' })
 * //=> { date: '2026-11-20', source: 'file', text: 'the file was saved on 2026-11-20', precision: 'day' }
 */
export function findDataDate(grid: readonly (readonly CellValue[])[], options: FindDataDateOptions = {}): DataDate | undefined {
  const above = Math.min(grid.length, options.headerRow ?? 10);
  for (let r = 0; r < above; r++) {
    const row = grid[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== 'string' || v.trim() === '') continue;
      let next: CellValue | undefined;
      for (let n = c + 1; n < row.length && next === undefined; n++) if (cellText(row[n]) !== '') next = row[n];
      const found = fromTitle(v, next);
      if (found) return found;
    }
  }
  let latest: string | undefined;
  let written = '';
  for (const raw of options.dataDates ?? []) {
    if (raw === undefined) continue;
    const d = iso(/^\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw);
    if (d && (latest === undefined || d > latest)) {
      latest = d;
      written = raw;
    }
  }
  if (latest) return { date: latest, source: 'column', text: written, precision: 'day' };
  if (options.fileDate) return { date: options.fileDate, source: 'file', text: `the file was saved on ${options.fileDate}`, precision: 'day' };
  return undefined;
}
