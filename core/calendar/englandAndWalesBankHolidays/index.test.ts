import { describe, expect, it } from 'vitest';
import { computeEnglandAndWalesBankHolidays, easterSunday } from '../_lib/bankHolidayRules.js';
import { weekdayName } from '../_lib/testing.js';
import { BANK_HOLIDAYS_COVERAGE, BANK_HOLIDAYS_SOURCE, englandAndWalesBankHolidays } from './index.js';

const dates = englandAndWalesBankHolidays.map((holiday) => holiday.date);

describe('englandAndWalesBankHolidays', () => {
  it('matches the standing rules for every year 2024–2030', () => {
    // One-off proclamations (none announced for these years) would be listed here as
    // expected differences between the literal list and the rules.
    const recomputed = [2024, 2025, 2026, 2027, 2028, 2029, 2030].flatMap(computeEnglandAndWalesBankHolidays);
    expect(englandAndWalesBankHolidays).toEqual(recomputed);
  });

  it('has eight holidays a year, in order, on weekdays, inside its coverage', () => {
    for (let year = 2024; year <= 2030; year++) {
      expect(dates.filter((date) => date.startsWith(`${year}-`))).toHaveLength(8);
    }
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
    for (const date of dates) expect(['Mon', 'Tue', 'Wed', 'Thu', 'Fri']).toContain(weekdayName(date));
    expect(dates[0]! >= BANK_HOLIDAYS_COVERAGE.start).toBe(true);
    expect(dates.at(-1)! <= BANK_HOLIDAYS_COVERAGE.end).toBe(true);
  });

  it.each([
    ['2024-12-25', 'Wed', 'Christmas Day'],
    ['2024-12-26', 'Thu', 'Boxing Day'],
    ['2025-04-18', 'Fri', 'Good Friday'],
    ['2025-04-21', 'Mon', 'Easter Monday'],
    ['2025-05-05', 'Mon', 'Early May bank holiday'],
    ['2025-05-26', 'Mon', 'Spring bank holiday'],
    ['2025-08-25', 'Mon', 'Summer bank holiday'],
    ['2026-04-03', 'Fri', 'Good Friday'],
    ['2026-04-06', 'Mon', 'Easter Monday'],
    ['2026-12-25', 'Fri', 'Christmas Day'],
    ['2026-12-28', 'Mon', 'Boxing Day (substitute day)'],
    ['2027-12-27', 'Mon', 'Christmas Day (substitute day)'],
    ['2027-12-28', 'Tue', 'Boxing Day (substitute day)'],
    ['2028-01-03', 'Mon', 'New Year’s Day (substitute day)'],
  ])('includes %s (%s), %s', (date, weekday, title) => {
    expect(weekdayName(date)).toBe(weekday);
    expect(englandAndWalesBankHolidays).toContainEqual({ date, title });
  });

  it('moves holidays off the weekends that cause substitutes', () => {
    expect(weekdayName('2026-12-26')).toBe('Sat');
    expect(weekdayName('2027-12-25')).toBe('Sat');
    expect(weekdayName('2027-12-26')).toBe('Sun');
    expect(weekdayName('2028-01-01')).toBe('Sat');
    for (const date of ['2026-12-26', '2027-12-25', '2027-12-26', '2028-01-01']) {
      expect(dates).not.toContain(date);
    }
  });

  it('computes Easter Sunday for known years', () => {
    // Easter Sundays: 2024-03-31, 2025-04-20, 2026-04-05, 2027-03-28, 2028-04-16,
    // 2029-04-01, 2030-04-21; plus extremes 2285-03-22 and 2038-04-25.
    expect(easterSunday(2024)).toEqual({ month: 3, day: 31 });
    expect(easterSunday(2025)).toEqual({ month: 4, day: 20 });
    expect(easterSunday(2026)).toEqual({ month: 4, day: 5 });
    expect(easterSunday(2027)).toEqual({ month: 3, day: 28 });
    expect(easterSunday(2028)).toEqual({ month: 4, day: 16 });
    expect(easterSunday(2029)).toEqual({ month: 4, day: 1 });
    expect(easterSunday(2030)).toEqual({ month: 4, day: 21 });
    expect(easterSunday(2285)).toEqual({ month: 3, day: 22 });
    expect(easterSunday(2038)).toEqual({ month: 4, day: 25 });
    for (let year = 2024; year <= 2030; year++) {
      const { month, day } = easterSunday(year);
      expect(weekdayName(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`)).toBe('Sun');
    }
  });

  it('applies the Christmas substitute rules for each weekday of 25 December', () => {
    // 2022: Sun; 2021: Sat; 2026: Fri; 2025: Thu.
    const christmas = (year: number) =>
      computeEnglandAndWalesBankHolidays(year).filter((holiday) => holiday.date.startsWith(`${year}-12`));
    expect(christmas(2022)).toEqual([
      { date: '2022-12-26', title: 'Boxing Day' },
      { date: '2022-12-27', title: 'Christmas Day (substitute day)' },
    ]);
    expect(christmas(2021)).toEqual([
      { date: '2021-12-27', title: 'Christmas Day (substitute day)' },
      { date: '2021-12-28', title: 'Boxing Day (substitute day)' },
    ]);
    expect(christmas(2025).map((holiday) => holiday.date)).toEqual(['2025-12-25', '2025-12-26']);
  });

  it('is frozen and states its source', () => {
    expect(Object.isFrozen(englandAndWalesBankHolidays)).toBe(true);
    expect(Object.isFrozen(englandAndWalesBankHolidays[0])).toBe(true);
    expect(BANK_HOLIDAYS_SOURCE).toMatch(/GOV\.UK/);
    expect(BANK_HOLIDAYS_SOURCE).toMatch(/Banking and Financial Dealings Act 1971/);
  });
});
