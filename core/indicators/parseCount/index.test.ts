import { describe, expect, it } from 'vitest';
import { parseCount } from './index.js';

const count = (value: number) => ({ status: 'value', value: { kind: 'number', value } });

describe('parseCount', () => {
  it.each([
    ['12', 12],
    [12, 12],
    ['1,234', 1234],
    ['12,345,678', 12345678],
    [' 7 ', 7],
    ['\u00A07', 7],
    ['0', 0],
    [0, 0],
    ['12.0', 12],
    ['+3', 3],
  ] as const)('reads %j as %d', (raw, expected) => {
    expect(parseCount(raw)).toEqual(count(expected));
  });

  it('rejects a fraction, which cannot count anything', () => {
    expect(parseCount('3.5')).toEqual({ status: 'invalid', reason: '3.5 is not a whole number, and a count must be' });
    expect(parseCount(3.5)).toEqual({ status: 'invalid', reason: '3.5 is not a whole number, and a count must be' });
  });

  it('rejects a negative number', () => {
    expect(parseCount('-2')).toEqual({ status: 'invalid', reason: '-2 is negative, and a count cannot be' });
    expect(parseCount('−2')).toEqual({ status: 'invalid', reason: '-2 is negative, and a count cannot be' });
  });

  it('rejects "0,5", a decimal comma', () => {
    expect(parseCount('0,5')).toEqual({
      status: 'invalid',
      reason: '"0,5" has a decimal comma, and a count must be a whole number such as 12',
    });
  });

  it('rejects 1,23 rather than guessing at 123', () => {
    expect(parseCount('1,23').status).toBe('invalid');
  });

  it.each([true, false, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60, 'twelve', '12 pupils', '1 234'])(
    'rejects %j',
    (raw) => {
      expect(parseCount(raw).status).toBe('invalid');
    },
  );

  it('reads "-" and "#REF!" as no data', () => {
    expect(parseCount('-')).toEqual({ status: 'no-data', why: 'not-applicable' });
    expect(parseCount('#REF!')).toEqual({ status: 'no-data', why: 'excel-error' });
  });
});
