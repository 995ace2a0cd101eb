import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../makeCalendar/index.js';
import { previousWorkingDay } from './index.js';

const calendar = makeCalendar();

describe('previousWorkingDay', () => {
  it('returns a working day itself', () => {
    expect(previousWorkingDay('2026-04-07', calendar)).toBe('2026-04-07');
  });

  it('moves back past weekends and bank holidays', () => {
    expect(previousWorkingDay('2026-06-14', calendar)).toBe('2026-06-12'); // Sun → Fri
    expect(previousWorkingDay('2026-04-06', calendar)).toBe('2026-04-02'); // Easter Monday → Thu
    expect(previousWorkingDay('2026-12-28', calendar)).toBe('2026-12-24');
  });

  it('moves back past closures', () => {
    const closed = makeCalendar({ closures: [{ start: '2026-12-21', end: '2027-01-01' }] });
    expect(previousWorkingDay('2027-01-03', closed)).toBe('2026-12-18');
  });

  it('throws when the search leaves the coverage', () => {
    // Mon 1 Jan 2024 is a bank holiday and the first covered day.
    expect(() => previousWorkingDay('2024-01-01', calendar)).toThrow(/2023-12-31 is outside/);
  });
});
