import { describe, expect, it } from 'vitest';
import { isWorkingDay } from '../isWorkingDay/index.js';
import { makeCalendar } from './index.js';

describe('makeCalendar', () => {
  it('defaults to the England and Wales list, covering 2024–2030', () => {
    const calendar = makeCalendar();
    expect(calendar.bankHolidays).toHaveLength(56);
    expect(calendar.bankHolidays).toContain('2026-12-28');
    expect(calendar.closures).toEqual([]);
    expect(calendar.coverage).toEqual({ start: '2024-01-01', end: '2030-12-31' });
  });

  it('returns a frozen calendar whose lists cannot be changed', () => {
    const calendar = makeCalendar({ closures: [{ name: 'Half term', start: '2026-10-26', end: '2026-10-30' }] });
    expect(Object.isFrozen(calendar)).toBe(true);
    expect(Object.isFrozen(calendar.bankHolidays)).toBe(true);
    expect(Object.isFrozen(calendar.closures)).toBe(true);
    expect(Object.isFrozen(calendar.closures[0])).toBe(true);
    expect(Object.isFrozen(calendar.coverage)).toBe(true);
    expect(() => (calendar.bankHolidays as string[]).push('2026-06-01')).toThrow(TypeError);
  });

  it('accepts frozen inputs and leaves them unchanged', () => {
    const bankHolidays = Object.freeze(['2026-12-28', '2026-01-01', '2026-12-25', '2026-01-01']);
    const closure = Object.freeze({ start: '2026-10-26', end: '2026-10-30' });
    const closures = Object.freeze([closure]);
    const calendar = makeCalendar({ bankHolidays, closures });
    expect(bankHolidays).toEqual(['2026-12-28', '2026-01-01', '2026-12-25', '2026-01-01']);
    expect(closures).toEqual([{ start: '2026-10-26', end: '2026-10-30' }]);
    // Sorted and de-duplicated copies.
    expect(calendar.bankHolidays).toEqual(['2026-01-01', '2026-12-25', '2026-12-28']);
    expect(calendar.closures[0]).not.toBe(closure);
  });

  it('does not freeze the caller’s own arrays', () => {
    const bankHolidays = ['2026-12-25'];
    makeCalendar({ bankHolidays });
    expect(Object.isFrozen(bankHolidays)).toBe(false);
  });

  it('replaces the default list with given bank holidays and covers their years', () => {
    const calendar = makeCalendar({ bankHolidays: ['2026-06-01'] });
    expect(isWorkingDay('2026-06-01', calendar)).toBe(false);
    expect(isWorkingDay('2026-12-25', calendar)).toBe(true);
    expect(calendar.coverage).toEqual({ start: '2026-01-01', end: '2026-12-31' });
    expect(() => isWorkingDay('2027-01-04', calendar)).toThrow(RangeError);
  });

  it('has no coverage limit with no bank holidays, or when told', () => {
    expect(makeCalendar({ bankHolidays: [] }).coverage).toBeNull();
    const unlimited = makeCalendar({ coverage: null });
    expect(unlimited.coverage).toBeNull();
    // 2031-01-01 is a Wednesday; with no limit it is an ordinary (working) weekday.
    expect(isWorkingDay('2031-01-01', unlimited)).toBe(true);
  });

  it('accepts an explicit coverage', () => {
    const calendar = makeCalendar({ coverage: { start: '2026-09-01', end: '2027-08-31' } });
    expect(isWorkingDay('2026-09-01', calendar)).toBe(true);
    expect(() => isWorkingDay('2026-08-31', calendar)).toThrow(/outside the calendar's coverage 2026-09-01 to 2027-08-31/);
  });

  it('rejects malformed days and back-to-front closures, naming them', () => {
    expect(() => makeCalendar({ bankHolidays: ['2026-12-25', '2026-02-30'] })).toThrow(/bankHolidays\[1\]/);
    expect(() => makeCalendar({ closures: [{ start: '2026-12-21', end: '2026-12-20' }] })).toThrow(
      /closures\[0\] ends \(2026-12-20\) before it starts \(2026-12-21\)/,
    );
    expect(() => makeCalendar({ closures: [{ start: '21/12/2026', end: '2027-01-01' }] })).toThrow(
      /closures\[0\]\.start/,
    );
    expect(() => makeCalendar({ coverage: { start: '2027-01-01', end: '2026-01-01' } })).toThrow(RangeError);
  });

  it('rejects a copy of a calendar, whose lookup table did not travel', () => {
    const copy = { ...makeCalendar() };
    expect(() => isWorkingDay('2026-06-01', copy)).toThrow(TypeError);
  });
});
