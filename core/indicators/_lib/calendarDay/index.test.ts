import { describe, expect, it } from 'vitest';
import { calendarDay, dayFromEpochDays, daysInMonth, isoDate, monthName, weekdayName } from './index.js';

describe('calendarDay', () => {
  it('finds real days, with their weekday', () => {
    expect(calendarDay(2024, 9, 1)).toEqual({ year: 2024, month: 9, day: 1, weekday: 0 });
    expect(calendarDay(2024, 2, 29)).toEqual({ year: 2024, month: 2, day: 29, weekday: 4 });
  });

  it.each([
    [2023, 2, 29],
    [2024, 4, 31],
    [2024, 13, 1],
    [2024, 0, 1],
    [2024, 1, 0],
    [1900, 2, 29],
    [99, 1, 1],
  ])('has no %d-%d-%d', (year, month, day) => {
    expect(calendarDay(year, month, day)).toBeUndefined();
  });

  it('counts days from 1970-01-01', () => {
    expect(isoDate(dayFromEpochDays(0))).toBe('1970-01-01');
    expect(isoDate(dayFromEpochDays(19_997))).toBe('2024-10-01');
    expect(isoDate(dayFromEpochDays(-25_567))).toBe('1900-01-01');
  });

  it('knows month lengths and names', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2024, 12)).toBe(31);
    expect(monthName(9)).toBe('September');
    expect(weekdayName(0)).toBe('Sunday');
  });
});
