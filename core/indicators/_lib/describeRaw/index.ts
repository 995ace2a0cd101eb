import type { CellValue } from '../../types.js';
import { cleanText } from '../cleanText/index.js';

// Long enough to recognise the cell, short enough that reasons stay near 140 characters.
const MAX_SHOWN = 18;

/**
 * How a reason shows the cell back to the officer: text in quotes (cleaned, shortened with
 * an ellipsis), numbers as JavaScript prints them, booleans as Excel shows them.
 *
 * @example
 * describeRaw('  excellent ') // '"excellent"'
 * describeRaw(true)           // 'TRUE'
 * describeRaw(Number.NaN)     // 'NaN'
 * describeRaw('Requires improvement in all areas') // '"Requires improvem…"'
 */
export function describeRaw(raw: CellValue): string {
  if (raw === null) return 'a blank cell';
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
  if (typeof raw === 'number') {
    const shown = String(raw);
    return shown.length > MAX_SHOWN ? raw.toPrecision(6) : shown;
  }
  const text = cleanText(raw).replace(/\p{Cc}/gu, '');
  if (text.length <= MAX_SHOWN) return `"${text}"`;
  // Cut by UTF-16 length, as String.length counts, but never inside a surrogate pair.
  let cut = '';
  for (const char of text) {
    if (cut.length + char.length > MAX_SHOWN - 1) break;
    cut += char;
  }
  return `"${cut}…"`;
}
