import { describe, expect, it } from 'vitest';
import { weekdayName } from '../_lib/testing.js';
import { makeCalendar } from '../makeCalendar/index.js';
import { isWorkingDay } from './index.js';

const calendar = makeCalendar();

describe('isWorkingDay', () => {
  it('is true Monday to Friday and false at weekends', () => {
    // The week of Monday 8 June 2026, which has no bank holiday.
    const week = ['2026-06-08', '2026-06-09', '2026-06-10', '2026-06-11', '2026-06-12', '2026-06-13', '2026-06-14'];
    expect(week.map(weekdayName)).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(week.map((day) => isWorkingDay(day, calendar))).toEqual([true, true, true, true, true, false, false]);
  });

  it('is false on bank holidays, including substitute days', () => {
    expect(isWorkingDay('2026-04-03', calendar)).toBe(false); // Good Friday
    expect(isWorkingDay('2026-04-06', calendar)).toBe(false); // Easter Monday
    expect(isWorkingDay('2026-12-25', calendar)).toBe(false);
    expect(isWorkingDay('2026-12-28', calendar)).toBe(false); // Boxing Day substitute
    expect(isWorkingDay('2026-12-29', calendar)).toBe(true);
  });

  it('is false inside a closure, both ends included', () => {
    const withHalfTerm = makeCalendar({ closures: [{ name: 'Half term', start: '2026-10-26', end: '2026-10-30' }] });
    expect(weekdayName('2026-10-26')).toBe('Mon');
    expect(isWorkingDay('2026-10-23', withHalfTerm)).toBe(true);
    expect(isWorkingDay('2026-10-26', withHalfTerm)).toBe(false);
    expect(isWorkingDay('2026-10-30', withHalfTerm)).toBe(false);
    expect(isWorkingDay('2026-11-02', withHalfTerm)).toBe(true);
  });

  it('throws on malformed days and days outside the coverage', () => {
    expect(() => isWorkingDay('2026-6-8', calendar)).toThrow(RangeError);
    expect(() => isWorkingDay('2031-01-02', calendar)).toThrow(/2031-01-02 is outside/);
    expect(() => isWorkingDay('2023-12-29', calendar)).toThrow(RangeError);
    expect(isWorkingDay('2030-12-31', calendar)).toBe(true);
  });
});
