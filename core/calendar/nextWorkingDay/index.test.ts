import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../makeCalendar/index.js';
import { nextWorkingDay } from './index.js';

const calendar = makeCalendar();

describe('nextWorkingDay', () => {
  it('returns a working day itself', () => {
    expect(nextWorkingDay('2026-12-24', calendar)).toBe('2026-12-24');
  });

  it('moves past weekends and bank holidays', () => {
    expect(nextWorkingDay('2026-06-13', calendar)).toBe('2026-06-15'); // Sat → Mon
    expect(nextWorkingDay('2026-12-25', calendar)).toBe('2026-12-29'); // Fri 25 → Tue 29
    expect(nextWorkingDay('2027-12-25', calendar)).toBe('2027-12-29'); // Sat 25 → Wed 29
    expect(nextWorkingDay('2028-01-01', calendar)).toBe('2028-01-04'); // Sat 1 → Tue 4
  });

  it('moves past closures', () => {
    const closed = makeCalendar({ closures: [{ start: '2026-12-21', end: '2027-01-01' }] });
    expect(nextWorkingDay('2026-12-21', closed)).toBe('2027-01-04');
  });
});
