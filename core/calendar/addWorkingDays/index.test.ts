import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../_lib/day.js';
import { weekdayName } from '../_lib/testing.js';
import { isWorkingDay } from '../isWorkingDay/index.js';
import { makeCalendar } from '../makeCalendar/index.js';
import { nextWorkingDay } from '../nextWorkingDay/index.js';
import { workingDaysBetween } from '../workingDaysBetween/index.js';
import { addWorkingDays } from './index.js';

const calendar = makeCalendar();
const christmasClosure = makeCalendar({
  closures: [{ name: 'Christmas', start: '2026-12-21', end: '2027-01-01' }],
});

describe('addWorkingDays', () => {
  it('skips weekends', () => {
    expect(weekdayName('2026-06-12')).toBe('Fri');
    expect(addWorkingDays('2026-06-12', 1, calendar)).toBe('2026-06-15'); // Mon
    expect(addWorkingDays('2026-06-08', 5, calendar)).toBe('2026-06-15'); // Mon + a week
    expect(addWorkingDays('2026-06-13', 1, calendar)).toBe('2026-06-15'); // from Sat
  });

  it('skips Easter: 1 working day after Thu 2 April 2026 is Tue 7 April', () => {
    expect(weekdayName('2026-04-02')).toBe('Thu');
    expect(weekdayName('2026-04-07')).toBe('Tue');
    expect(addWorkingDays('2026-04-02', 1, calendar)).toBe('2026-04-07');
  });

  it('goes back 10 working days from Mon 4 Jan 2027 to Wed 16 Dec 2026', () => {
    // Back from Mon 4 Jan: Sun 3, Sat 2, Fri 1 (New Year), Thu 31 (1), Wed 30 (2), Tue 29 (3),
    // Mon 28 (Boxing Day substitute), Sun 27, Sat 26, Fri 25 (Christmas), Thu 24 (4),
    // Wed 23 (5), Tue 22 (6), Mon 21 (7), Sun 20, Sat 19, Fri 18 (8), Thu 17 (9), Wed 16 (10).
    expect(weekdayName('2027-01-04')).toBe('Mon');
    expect(weekdayName('2026-12-16')).toBe('Wed');
    expect(addWorkingDays('2027-01-04', -10, calendar)).toBe('2026-12-16');
  });

  it('goes further back when the LA is closed over Christmas 2026', () => {
    // Closed Mon 21 Dec to Fri 1 Jan, so back from Mon 4 Jan: Fri 18 (1), Thu 17 (2),
    // Wed 16 (3), Tue 15 (4), Mon 14 (5), Fri 11 (6), Thu 10 (7), Wed 9 (8), Tue 8 (9), Mon 7 (10).
    expect(weekdayName('2026-12-07')).toBe('Mon');
    expect(addWorkingDays('2027-01-04', -10, christmasClosure)).toBe('2026-12-07');
    expect(addWorkingDays('2026-12-18', 1, christmasClosure)).toBe('2027-01-04');
  });

  it('skips both Christmas substitutes in 2027', () => {
    // Fri 24 Dec 2027 → Sat 25, Sun 26, Mon 27 and Tue 28 (substitutes) → Wed 29.
    expect(weekdayName('2027-12-24')).toBe('Fri');
    expect(addWorkingDays('2027-12-24', 1, calendar)).toBe('2027-12-29');
  });

  it('returns the day unchanged for 0, working or not', () => {
    expect(addWorkingDays('2026-06-10', 0, calendar)).toBe('2026-06-10');
    expect(addWorkingDays('2026-12-25', 0, calendar)).toBe('2026-12-25');
    expect(addWorkingDays('2026-06-13', 0, calendar)).toBe('2026-06-13'); // Saturday
    expect(addWorkingDays('2026-06-13', -0, calendar)).toBe('2026-06-13');
  });

  it('does not count a non-working start day', () => {
    // From Sat 13 June 2026: back 1 is Fri 12, forward 1 is Mon 15.
    expect(addWorkingDays('2026-06-13', -1, calendar)).toBe('2026-06-12');
    expect(addWorkingDays('2026-06-13', 1, calendar)).toBe('2026-06-15');
  });

  it('rejects fractional amounts, malformed days, and walks past the coverage', () => {
    expect(() => addWorkingDays('2026-06-10', 1.5, calendar)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-06-10', Number.NaN, calendar)).toThrow(RangeError);
    expect(() => addWorkingDays('10/06/2026', 1, calendar)).toThrow(RangeError);
    // Tue 31 Dec 2030 is the last covered day; the next working day is unknown.
    expect(() => addWorkingDays('2030-12-31', 1, calendar)).toThrow(/2031-01-01 is outside/);
  });

  it('undoes workingDaysBetween and lands on working days (property)', () => {
    const first = toDayNumber('2024-04-01');
    const last = toDayNumber('2030-10-15');
    // Far enough inside 2024–2030 that 40 working days either way stay covered.
    const days = fc.integer({ min: first, max: last }).map(fromDayNumber);
    fc.assert(
      fc.property(days, fc.integer({ min: -40, max: 40 }), (start, amount) => {
        // From a working day the round trip holds both ways (see workingDaysBetween).
        const from = nextWorkingDay(start, christmasClosure);
        const result = addWorkingDays(from, amount, christmasClosure);
        if (amount === 0) return result === from;
        return isWorkingDay(result, christmasClosure) && workingDaysBetween(from, result, christmasClosure) === amount;
      }),
    );
    fc.assert(
      fc.property(days, fc.integer({ min: 1, max: 40 }), (from, amount) => {
        // From any day, working or not, the round trip holds going forward.
        const result = addWorkingDays(from, amount, christmasClosure);
        return isWorkingDay(result, christmasClosure) && workingDaysBetween(from, result, christmasClosure) === amount;
      }),
    );
  });
});
