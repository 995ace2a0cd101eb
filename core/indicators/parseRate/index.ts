import type { CellReading, CellValue } from '../types.js';
import { cleanText } from '../_lib/cleanText/index.js';
import { describeRaw } from '../_lib/describeRaw/index.js';
import { readNumber } from '../_lib/readNumber/index.js';
import { invalidReading, valueReading } from '../_lib/reading/index.js';
import { noData } from '../noData/index.js';
import { versusNational } from '../_lib/versusNational/index.js';

/**
 * Units officers write after a rate; the number is the same with or without them. "per …"
 * takes any words because denominators vary ("per 100 pupils", "per 1,000 on roll").
 */
const UNIT_SUFFIX = /^(.*?\d)\s*(?:%|per ?cent|per\s.+|pts?|points?)$/i;
const EXPECTED = '(expected a number such as -0.35 or 4.2 per 100 pupils)';

/**
 * Reads a rate or score: any finite number, negative allowed (Progress 8 "-0.35", with a
 * Unicode minus "−0.35" too), with optional unit words after it stripped ("4.2 per 100
 * pupils", "2.1%"). Numbers are never rescaled: unlike {@link parsePercentage}, a number
 * 0.021 stays 0.021, because a rate below 1 is ordinary (Progress 8, suspensions per pupil).
 *
 * @example
 * parseRate('−0.35')              // { status: 'value', value: { kind: 'number', value: -0.35 } }
 * parseRate('4.2 per 100 pupils') // { status: 'value', value: { kind: 'number', value: 4.2 } }
 */
export function parseRate(raw: CellValue): CellReading {
  const empty = noData(raw);
  if (empty) return empty;
  if (typeof raw === 'boolean') return invalidReading(`${describeRaw(raw)} is not a rate ${EXPECTED}`);
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return invalidReading(`${describeRaw(raw)} is not a rate ${EXPECTED}`);
    return valueReading({ kind: 'number', value: raw === 0 ? 0 : raw });
  }
  const versus = versusNational(raw);
  if (versus !== undefined) return valueReading({ kind: 'versus-national', value: versus });
  const text = cleanText(raw ?? '');
  const digits = UNIT_SUFFIX.exec(text)?.[1] ?? text;
  const read = readNumber(digits);
  if (read.ok) return valueReading({ kind: 'number', value: read.value });
  if (read.error === 'decimal-comma') {
    return invalidReading(`${describeRaw(raw)} uses a comma as the decimal point; type ${describeRaw(digits.replace(',', '.'))}`);
  }
  return invalidReading(`${describeRaw(raw)} is not a rate ${EXPECTED}`);
}
