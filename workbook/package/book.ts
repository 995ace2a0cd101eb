import { cellStyles, type CellStyle } from './cellstyles.js';
import type { Package } from './parts.js';
import { sharedStrings, type CellText } from './strings.js';

/** What a workbook's cells point at: its cell formats and shared strings, resolved. */
export interface Book {
  readonly styles: CellStyle[];
  readonly strings: CellText[];
}

export const readBook = (pkg: Package): Book => ({ styles: cellStyles(pkg), strings: sharedStrings(pkg) });

const NO_STYLE: CellStyle = { font: '', fill: '', border: '', numFmt: 'General', alignment: '', protection: '', quotePrefix: '', key: '' };
export const styleAt = (book: Book, s: number) => book.styles[s] ?? book.styles[0] ?? NO_STYLE;

/** An OOXML boolean attribute that is set. */
export const on = (v: string | undefined) => v === '1' || v === 'true';
