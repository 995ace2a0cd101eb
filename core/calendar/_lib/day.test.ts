import { describe, expect, it } from 'vitest';
import { dayNumberFromParts, fromDayNumber, isDay, toDayNumber, weekdayOf } from './day.js';

describe('day numbers', () => {
  it('counts from 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1970-01-02')).toBe(1);
    expect(toDayNumber('1969-12-31')).toBe(-1);
  });

  it('agrees with Date.UTC for every day 2020–2035', () => {
    // Date.UTC is only the reference here; the code under test never uses Date.
    for (let n = toDayNumber('2020-01-01'); n <= toDayNumber('2035-12-31'); n++) {
      const reference = new Date(n * 86_400_000);
      expect(fromDayNumber(n)).toBe(reference.toISOString().slice(0, 10));
      expect(weekdayOf(n)).toBe(reference.getUTCDay());
      expect(toDayNumber(fromDayNumber(n))).toBe(n);
    }
  });

  it('handles leap days', () => {
    expect(fromDayNumber(dayNumberFromParts(2028, 2, 29))).toBe('2028-02-29');
    expect(fromDayNumber(toDayNumber('2028-02-28') + 1)).toBe('2028-02-29');
    expect(fromDayNumber(toDayNumber('2027-02-28') + 1)).toBe('2027-03-01');
  });

  it('accepts only real zero-padded days', () => {
    expect(isDay('2026-12-25')).toBe(true);
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('2000-02-29')).toBe(true);
    expect(isDay('2100-02-29')).toBe(false);
    expect(isDay('2027-02-29')).toBe(false);
    expect(isDay('2026-04-31')).toBe(false);
    expect(isDay('2026-13-01')).toBe(false);
    expect(isDay('2026-1-05')).toBe(false);
    expect(isDay('2026-01-05T00:00')).toBe(false);
    expect(isDay(20260105)).toBe(false);
    expect(() => toDayNumber('25/12/2026')).toThrow(RangeError);
  });
});
