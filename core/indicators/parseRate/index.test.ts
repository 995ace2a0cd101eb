import { describe, expect, it } from 'vitest';
import { parseRate } from './index.js';

const rate = (value: number) => ({ status: 'value', value: { kind: 'number', value } });

describe('parseRate', () => {
  it.each([
    ['-0.35', -0.35],
    ['−0.35', -0.35],
    ['–0.35', -0.35],
    [-0.35, -0.35],
    ['+0.12', 0.12],
    ['0.12', 0.12],
    [0.021, 0.021],
    ['4.2', 4.2],
    ['4.2 per 100', 4.2],
    ['4.2 per 100 pupils', 4.2],
    ['4.2 Per 1,000 on roll', 4.2],
    ['2.1%', 2.1],
    ['2.1 %', 2.1],
    ['1,234.5', 1234.5],
    ['\u00A0-0.35\u00A0', -0.35],
    ['-0', 0],
  ] as const)('reads %j as %d', (raw, expected) => {
    expect(parseRate(raw)).toEqual(rate(expected));
  });

  it('never rescales a number: 0.021 from a percent-formatted cell stays 0.021', () => {
    expect(parseRate(0.021)).toEqual(rate(0.021));
  });

  it('names the decimal comma in "-0,35"', () => {
    expect(parseRate('-0,35')).toEqual({
      status: 'invalid',
      reason: '"-0,35" uses a comma as the decimal point; type "-0.35"',
    });
  });

  it.each([true, false, Number.NaN, Number.NEGATIVE_INFINITY, 'per 100', 'high', '-', '4.2 pupils', '0.35-'])(
    'does not read %j as a number',
    (raw) => {
      expect(parseRate(raw).status).not.toBe('value');
    },
  );

  it('explains what a rate looks like', () => {
    expect(parseRate('high')).toEqual({
      status: 'invalid',
      reason: '"high" is not a rate (expected a number such as -0.35 or 4.2 per 100 pupils)',
    });
  });
});
