import { describe, expect, it } from 'vitest';
import { readNumber } from './index.js';

describe('readNumber', () => {
  it.each([
    ['12', 12],
    ['-0.35', -0.35],
    ['−0.35', -0.35],
    ['+4', 4],
    ['.5', 0.5],
    ['1,234', 1234],
    ['1,234,567.25', 1234567.25],
    ['-0', 0],
  ])('reads %j as %d', (text, value) => {
    expect(readNumber(text)).toEqual({ ok: true, value });
  });

  it.each(['94,2', '0,350', '-1,5'])('calls %j a decimal comma', (text) => {
    expect(readNumber(text)).toEqual({ ok: false, error: 'decimal-comma' });
  });

  it.each(['', '.', '-', '1,23,456', '1.2.3', '1e3', '12a', 'a12', '1 234', 'Infinity', '0x10'])(
    'does not read %j',
    (text) => {
      expect(readNumber(text)).toEqual({ ok: false, error: 'not-a-number' });
    },
  );
});
