import type { CellReading, CellValue } from '../types.js';
import { cleanText, wordKey } from '../_lib/cleanText/index.js';
import { describeRaw } from '../_lib/describeRaw/index.js';
import { lookupPhrase } from '../_lib/lookupPhrase/index.js';
import { invalidReading, valueReading } from '../_lib/reading/index.js';
import { noData } from '../noData/index.js';

/** Ticks and crosses, looked up before {@link wordKey} would strip them as punctuation. */
const SYMBOLS: ReadonlyMap<string, boolean> = new Map([
  ['✓', true],
  ['✔', true],
  ['✅', true],
  ['☑', true],
  ['🗸', true],
  ['✗', false],
  ['✘', false],
  ['❌', false],
  ['❎', false],
]);

const WORDS: ReadonlyMap<string, boolean> = new Map([
  ['y', true],
  ['yes', true],
  ['true', true],
  ['1', true],
  ['issued', true],
  ['n', false],
  ['no', false],
  ['false', false],
  ['0', false],
  ['none', false],
  ['not issued', false],
]);

const EXPECTED = '(expected Y/N, yes/no, ✓/✗, TRUE/FALSE or 1/0)';

/**
 * Reads a yes/no flag: Y/N, yes/no, ✓/✗ (and ✔/✘), TRUE/FALSE or Excel booleans, 1/0, and
 * "issued"/"none" (warning notices). Case and surrounding space are ignored.
 *
 * A plain "x" is invalid: in a spreadsheet it is as often a mark meaning yes as a cross
 * meaning no, and a guessed flag can move a school's category.
 *
 * @example
 * parseFlag('Yes')    // { status: 'value', value: { kind: 'flag', value: true } }
 * parseFlag('✗')      // { status: 'value', value: { kind: 'flag', value: false } }
 * parseFlag('x')      // { status: 'invalid', reason: '"x" is ambiguous: …' }
 */
export function parseFlag(raw: CellValue): CellReading {
  const empty = noData(raw);
  if (empty) return empty;
  if (typeof raw === 'boolean') return valueReading({ kind: 'flag', value: raw });
  if (typeof raw === 'number') {
    if (raw === 1 || raw === 0) return valueReading({ kind: 'flag', value: raw === 1 });
    return invalidReading(`${describeRaw(raw)} is not a yes/no flag ${EXPECTED}`);
  }
  const text = cleanText(raw ?? '');
  const found = lookupPhrase(text, (part) => SYMBOLS.get(part.trim()) ?? WORDS.get(wordKey(part)));
  if (found !== undefined) return valueReading({ kind: 'flag', value: found });
  if (wordKey(text) === 'x') {
    return invalidReading(`"x" is ambiguous: a mark for yes or a cross for no? Type Y or N`);
  }
  return invalidReading(`${describeRaw(raw)} is not a yes/no flag ${EXPECTED}`);
}
