import { describe, expect, it } from 'vitest';
import { weekdayName } from '../_lib/testing.js';
import { addWorkingDays } from '../addWorkingDays/index.js';
import { makeCalendar } from '../makeCalendar/index.js';
import { subWorkingDays } from './index.js';

const calendar = makeCalendar();

describe('subWorkingDays', () => {
  it('goes back 5 working days from Tue 7 April 2026 to Fri 27 March, past Easter', () => {
    // Mon 6 (Easter Monday), Sun 5, Sat 4, Fri 3 (Good Friday), Thu 2 (1), Wed 1 (2),
    // Tue 31 (3), Mon 30 (4), Sun 29, Sat 28, Fri 27 (5).
    expect(weekdayName('2026-04-07')).toBe('Tue');
    expect(weekdayName('2026-03-27')).toBe('Fri');
    expect(subWorkingDays('2026-04-07', 5, calendar)).toBe('2026-03-27');
  });

  it('is addWorkingDays with the sign flipped', () => {
    expect(subWorkingDays('2027-01-04', 10, calendar)).toBe('2026-12-16');
    expect(subWorkingDays('2026-12-24', -1, calendar)).toBe('2026-12-29');
    expect(subWorkingDays('2026-12-24', -1, calendar)).toBe(addWorkingDays('2026-12-24', 1, calendar));
  });

  it('returns the day unchanged for 0', () => {
    expect(subWorkingDays('2026-12-26', 0, calendar)).toBe('2026-12-26');
  });
});
