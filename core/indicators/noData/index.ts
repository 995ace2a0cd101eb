import type { CellReading, CellValue } from '../types.js';
import { cleanText, wordKey } from '../_lib/cleanText/index.js';

/** The "no data" readings: a cell that says nothing, rather than something unreadable. */
export type NoDataReading = Extract<CellReading, { status: 'no-data' }>;
export type NoDataWhy = NoDataReading['why'];

/**
 * Excel's error values, including the dynamic-array and data-type ones (#SPILL!, #CALC!,
 * #BLOCKED! …). They arrive as text, so matching is on the upper-cased text.
 */
const EXCEL_ERRORS: ReadonlySet<string> = new Set([
  '#N/A',
  '#DIV/0!',
  '#REF!',
  '#VALUE!',
  '#NAME?',
  '#NUM!',
  '#NULL!',
  '#SPILL!',
  '#CALC!',
  '#GETTING_DATA',
  '#BLOCKED!',
  '#BUSY!',
  '#CONNECT!',
  '#EXTERNAL!',
  '#FIELD!',
  '#PYTHON!',
  '#TIMEOUT!',
  '#UNKNOWN!',
]);

/**
 * Dashes mean "deliberately left empty": an officer typed them, so there is nothing to chase.
 * They are matched before punctuation is stripped, because a key would make them blank.
 */
const DASHES: ReadonlySet<string> = new Set(['-', '–', '—', '--', '‒', '―', '−']);

const NOT_APPLICABLE: ReadonlySet<string> = new Set(['na', 'not applicable']);
const TO_BE_CONFIRMED: ReadonlySet<string> = new Set(['tbc', 'tba', 'to be confirmed', 'to be advised', 'pending']);

/**
 * Says whether a cell holds no data, and why: blank (empty, only white space or null),
 * not applicable ("n/a", "na", a dash), to be confirmed ("tbc", "awaiting …") or an Excel
 * error ("#N/A", "#DIV/0!" …). Returns `undefined` when the cell holds something to parse.
 * Every parser calls this first, so "n/a" is never "not a percentage".
 *
 * @example
 * noData('  ')        // { status: 'no-data', why: 'blank' }
 * noData('N/A')       // { status: 'no-data', why: 'not-applicable' }
 * noData('#N/A')      // { status: 'no-data', why: 'excel-error' }
 * noData('Awaiting')  // { status: 'no-data', why: 'to-be-confirmed' }
 * noData('94.2%')     // undefined
 */
export function noData(raw: CellValue): NoDataReading | undefined {
  if (raw === null) return { status: 'no-data', why: 'blank' };
  if (typeof raw !== 'string') return undefined;
  const text = cleanText(raw);
  if (text === '') return { status: 'no-data', why: 'blank' };
  // Checked before the n/a words: "#N/A" is Excel failing, "N/A" is an officer's answer.
  if (EXCEL_ERRORS.has(text.toUpperCase())) return { status: 'no-data', why: 'excel-error' };
  if (DASHES.has(text)) return { status: 'no-data', why: 'not-applicable' };
  const key = wordKey(text);
  // Initialisms come dotted or spaced too: "N.A.", "T.B.C.", "t b c".
  const initials = key.replace(/ /g, '');
  if (NOT_APPLICABLE.has(key) || NOT_APPLICABLE.has(initials)) return { status: 'no-data', why: 'not-applicable' };
  if (TO_BE_CONFIRMED.has(key) || TO_BE_CONFIRMED.has(initials) || key === 'awaiting' || key.startsWith('awaiting ')) {
    return { status: 'no-data', why: 'to-be-confirmed' };
  }
  return undefined;
}
