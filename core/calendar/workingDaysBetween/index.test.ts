import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../makeCalendar/index.js';
import { workingDaysBetween } from './index.js';

const calendar = makeCalendar();

describe('workingDaysBetween', () => {
  it('counts working days after from, up to and including to', () => {
    // Mon 8 to Fri 12 June 2026: Tue, Wed, Thu, Fri.
    expect(workingDaysBetween('2026-06-08', '2026-06-12', calendar)).toBe(4);
    // Fri 12 to Mon 15 June 2026: only Mon.
    expect(workingDaysBetween('2026-06-12', '2026-06-15', calendar)).toBe(1);
    // Sat 13 to Sun 14: none.
    expect(workingDaysBetween('2026-06-13', '2026-06-14', calendar)).toBe(0);
  });

  it('is 0 for the same day', () => {
    expect(workingDaysBetween('2026-06-10', '2026-06-10', calendar)).toBe(0);
    expect(Object.is(workingDaysBetween('2026-06-14', '2026-06-13', calendar), 0)).toBe(true);
  });

  it('is negative when reversed', () => {
    expect(workingDaysBetween('2026-06-12', '2026-06-08', calendar)).toBe(-4);
    expect(workingDaysBetween('2027-01-04', '2026-12-16', calendar)).toBe(-10);
  });

  it('leaves out bank holidays and closures', () => {
    expect(workingDaysBetween('2026-04-02', '2026-04-07', calendar)).toBe(1);
    expect(workingDaysBetween('2026-12-16', '2027-01-04', calendar)).toBe(10);
    const closed = makeCalendar({ closures: [{ start: '2026-12-21', end: '2027-01-01' }] });
    // Wed 16 Dec to Mon 4 Jan: Thu 17, Fri 18, Mon 4.
    expect(workingDaysBetween('2026-12-16', '2027-01-04', closed)).toBe(3);
  });

  it('throws when either end is outside the coverage', () => {
    expect(() => workingDaysBetween('2030-12-01', '2031-01-10', calendar)).toThrow(RangeError);
    expect(() => workingDaysBetween('2031-01-10', '2030-12-01', calendar)).toThrow(RangeError);
    expect(() => workingDaysBetween('2026-06-01', 'June', calendar)).toThrow(/^to must be/);
  });
});
