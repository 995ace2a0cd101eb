import type { CellReading, CellValue } from '../types.js';
import { cleanText } from '../_lib/cleanText/index.js';
import { describeRaw } from '../_lib/describeRaw/index.js';
import { readNumber } from '../_lib/readNumber/index.js';
import { invalidReading, valueReading } from '../_lib/reading/index.js';
import { noData } from '../noData/index.js';

/**
 * Reads a count: a whole number, zero or more ("12", 12, "1,234"). Fractions and negative
 * numbers are invalid, as are booleans (Excel's TRUE is not a count of one).
 *
 * @example
 * parseCount('1,234') // { status: 'value', value: { kind: 'number', value: 1234 } }
 * parseCount('3.5')   // { status: 'invalid', reason: '3.5 is not a whole number, and a count must be' }
 */
export function parseCount(raw: CellValue): CellReading {
  const empty = noData(raw);
  if (empty) return empty;
  if (typeof raw === 'boolean') {
    return invalidReading(`${describeRaw(raw)} is not a count (expected a whole number such as 12)`);
  }
  let count: number;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return invalidReading(`${describeRaw(raw)} is not a count (expected a whole number such as 12)`);
    count = raw;
  } else {
    const read = readNumber(cleanText(raw ?? ''));
    if (!read.ok) {
      return invalidReading(
        read.error === 'decimal-comma'
          ? `${describeRaw(raw)} has a decimal comma, and a count must be a whole number such as 12`
          : `${describeRaw(raw)} is not a count (expected a whole number such as 12)`,
      );
    }
    count = read.value;
  }
  if (!Number.isInteger(count)) return invalidReading(`${count} is not a whole number, and a count must be`);
  if (count < 0) return invalidReading(`${count} is negative, and a count cannot be`);
  // Beyond 2^53 the number in the cell is no longer the number typed.
  if (!Number.isSafeInteger(count)) return invalidReading(`${count} is too large to be an exact count`);
  return valueReading({ kind: 'number', value: count === 0 ? 0 : count });
}
