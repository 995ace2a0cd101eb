import type { CellReading, CellValue } from '../types.js';
import { cleanText } from '../_lib/cleanText/index.js';
import { describeRaw } from '../_lib/describeRaw/index.js';
import { readNumber } from '../_lib/readNumber/index.js';
import { invalidReading, valueReading } from '../_lib/reading/index.js';
import { noData } from '../noData/index.js';
import { versusNational } from '../_lib/versusNational/index.js';

const PERCENT_SUFFIX = /\s*(?:%|per ?cent|pc)$/i;
const EXPECTED = '(expected a number such as 94.2% or 94.2)';

/**
 * Reads a percentage into percentage points (0–100).
 *
 * Excel stores a cell formatted as a percentage as a fraction: 94.2% is the number 0.942 and
 * 100% is the number 1. So a **number** from 0 to 1 inclusive is a fraction and is scaled
 * (0.942 → 94.2, 1 → 100, 0 → 0); a number above 1 is already in points (94.2 → 94.2).
 * **Text** is read as typed, never scaled: "1" and "1%" are 1%, "0.5" is 0.5%, because an
 * officer who types text sees exactly those characters.
 *
 * A decimal comma ("94,2%") and anything outside 0–100 are invalid, with a reason.
 *
 * @example
 * parsePercentage('94.2%')  // { status: 'value', value: { kind: 'number', value: 94.2 } }
 * parsePercentage(0.942)    // { status: 'value', value: { kind: 'number', value: 94.2 } }
 * parsePercentage(1)        // 100 points: Excel's 100%
 * parsePercentage('1')      // 1 point: text is read as typed
 * parsePercentage('150%')   // { status: 'invalid', reason: '150% is more than 100%' }
 */
export function parsePercentage(raw: CellValue): CellReading {
  const empty = noData(raw);
  if (empty) return empty;
  if (typeof raw === 'boolean') return invalidReading(`${describeRaw(raw)} is not a percentage ${EXPECTED}`);
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return invalidReading(`${describeRaw(raw)} is not a percentage ${EXPECTED}`);
    return inRange(raw >= 0 && raw <= 1 ? fractionToPoints(raw) : raw);
  }
  const versus = versusNational(raw);
  if (versus !== undefined) return valueReading({ kind: 'versus-national', value: versus });
  const text = cleanText(raw ?? '');
  const digits = text.replace(PERCENT_SUFFIX, '');
  const read = readNumber(digits);
  if (read.ok) return inRange(read.value);
  // A percentage never needs a thousands separator, so any comma is a decimal comma.
  const withPoint = readNumber(digits.replace(',', '.'));
  if (digits.split(',').length === 2 && withPoint.ok) {
    return invalidReading(
      `${describeRaw(raw)} uses a comma as the decimal point; type ${describeRaw(text.replace(',', '.'))}`,
    );
  }
  return invalidReading(`${describeRaw(raw)} is not a percentage ${EXPECTED}`);
}

/** 0.942 * 100 is 94.19999999999999 in floating point; 15 significant digits drop the noise. */
function fractionToPoints(fraction: number): number {
  return Number((fraction * 100).toPrecision(15));
}

function inRange(points: number): CellReading {
  if (points > 100) return invalidReading(`${points}% is more than 100%`);
  if (points < 0) return invalidReading(`${points}% is less than 0%`);
  return valueReading({ kind: 'number', value: points === 0 ? 0 : points });
}
