import { describe, expect, it } from 'vitest';
import { parsePercentage } from './index.js';

const points = (value: number) => ({ status: 'value', value: { kind: 'number', value } });

describe('parsePercentage', () => {
  it.each([
    ['94.2%', 94.2],
    ['94.2', 94.2],
    [94.2, 94.2],
    [' 94.2 % ', 94.2],
    ['94.2\u00A0%', 94.2],
    ['\u00A094.2%\u00A0', 94.2],
    ['94.2 per cent', 94.2],
    ['94.2 Percent', 94.2],
    ['0%', 0],
    ['100%', 100],
    ['100', 100],
    ['.5%', 0.5],
    [50, 50],
    [100, 100],
  ] as const)('reads %j as %d points', (raw, expected) => {
    expect(parsePercentage(raw)).toEqual(points(expected));
  });

  describe('numbers from 0 to 1 are Excel percent-format fractions', () => {
    it.each([
      [0.942, 94.2],
      [0.035, 3.5],
      [0.07, 7],
      [0.5, 50],
      [0.0001, 0.01],
    ])('%d is %d%%, without floating-point noise', (raw, expected) => {
      expect(parsePercentage(raw)).toEqual(points(expected));
    });

    it('reads the number 0 as 0%', () => {
      expect(parsePercentage(0)).toEqual(points(0));
    });

    it('reads the number 1 as 100%, because Excel stores a cell showing 100% as 1', () => {
      expect(parsePercentage(1)).toEqual(points(100));
    });

    it('reads numbers just above 1 as points: 1.5 is 1.5%', () => {
      expect(parsePercentage(1.5)).toEqual(points(1.5));
    });
  });

  describe('text is read as typed, never scaled', () => {
    it.each([
      ['1', 1],
      ['1%', 1],
      ['0.5', 0.5],
      ['0.942', 0.942],
    ])('%j is %d%%', (raw, expected) => {
      expect(parsePercentage(raw)).toEqual(points(expected));
    });
  });

  it('names the decimal comma in "94,2%"', () => {
    expect(parsePercentage('94,2%')).toEqual({
      status: 'invalid',
      reason: '"94,2%" uses a comma as the decimal point; type "94.2%"',
    });
  });

  it.each([
    ['150%', '150% is more than 100%'],
    [150, '150% is more than 100%'],
    ['100.1', '100.1% is more than 100%'],
    ['-5%', '-5% is less than 0%'],
    ['−5%', '-5% is less than 0%'],
    [-0.05, '-0.05% is less than 0%'],
  ] as const)('rejects %j outside 0–100', (raw, reason) => {
    expect(parsePercentage(raw)).toEqual({ status: 'invalid', reason });
  });

  it.each([true, false])('rejects the boolean %j', (raw) => {
    expect(parsePercentage(raw)).toEqual({
      status: 'invalid',
      reason: `${raw ? 'TRUE' : 'FALSE'} is not a percentage (expected a number such as 94.2% or 94.2)`,
    });
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('rejects %d', (raw) => {
    expect(parsePercentage(raw).status).toBe('invalid');
  });

  it.each(['high', '94.2%%', '%', '94.2.1', '9 4', '1,2,3%', 'about 90%'])('rejects %j', (raw) => {
    expect(parsePercentage(raw)).toMatchObject({ status: 'invalid', reason: expect.stringContaining('is not a percentage') });
  });

  it('reads "n/a" and "#DIV/0!" as no data, not as bad percentages', () => {
    expect(parsePercentage('n/a')).toEqual({ status: 'no-data', why: 'not-applicable' });
    expect(parsePercentage('#DIV/0!')).toEqual({ status: 'no-data', why: 'excel-error' });
  });
});
