import { fail, ok, type Result } from '../../../result.js';

/** Why text is not a number; 'decimal-comma' gets its own words because it is so common. */
export type NumberProblem = 'decimal-comma' | 'not-a-number';

/**
 * Minus signs that arrive from Word, Outlook and web pages. An en dash counts only in front
 * of digits: on its own it means "no data" and never reaches here.
 */
const MINUS = /^[\u2212\u2012\u2013\uFE63\uFF0D]/;

// The first thousands group must not start with 0, so "0,350" is a decimal comma, not 350.
const DECIMAL = /^[+-]?(?:[1-9]\d{0,2}(?:,\d{3})+|\d+)?(?:\.\d+)?$/;
const COMMA_DECIMAL = /^[+-]?\d+,\d+$/;

/**
 * Reads an English-format decimal from cleaned text: optional sign (a Unicode minus is
 * fine), optional thousands commas in groups of three, optional decimal point.
 *
 * @example
 * readNumber('1,234.5')  // { ok: true, value: 1234.5 }
 * readNumber('−0.35')    // { ok: true, value: -0.35 }
 * readNumber('94,2')     // { ok: false, error: 'decimal-comma' }
 */
export function readNumber(text: string): Result<number, NumberProblem> {
  const signed = text.replace(MINUS, '-');
  if (!/\d/.test(signed)) return fail('not-a-number');
  if (DECIMAL.test(signed)) {
    const value = Number(signed.replace(/,/g, ''));
    // -0 would print as "0" but compare oddly in callers' tests and thresholds.
    return Number.isFinite(value) ? ok(value === 0 ? 0 : value) : fail('not-a-number');
  }
  return fail(COMMA_DECIMAL.test(signed) ? 'decimal-comma' : 'not-a-number');
}
