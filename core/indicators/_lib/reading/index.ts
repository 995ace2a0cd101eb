import type { CellReading, ParsedValue } from '../../types.js';

/**
 * A successful reading.
 *
 * @example
 * valueReading({ kind: 'number', value: 94.2 }) // { status: 'value', value: { kind: 'number', value: 94.2 } }
 */
export function valueReading(value: ParsedValue): CellReading {
  return { status: 'value', value };
}

/**
 * A failed reading, with the reason in an officer's words.
 *
 * @example
 * invalidReading('150% is more than 100%') // { status: 'invalid', reason: '150% is more than 100%' }
 */
export function invalidReading(reason: string): CellReading {
  return { status: 'invalid', reason };
}
