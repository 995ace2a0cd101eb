import { describe, expect, it } from 'vitest';
import { addWorkingDays } from '../addWorkingDays/index.js';
import { makeCalendar } from '../makeCalendar/index.js';
import { parseCalendarFile } from '../parseCalendarFile/index.js';
import { calendarOptionsFromFile } from './index.js';

describe('calendarOptionsFromFile', () => {
  it('keeps the default bank holidays when the file has none', () => {
    const options = calendarOptionsFromFile({
      termHolidays: [{ name: 'Christmas', start: '2026-12-21', end: '2027-01-01' }],
    });
    expect(options).toEqual({ closures: [{ name: 'Christmas', start: '2026-12-21', end: '2027-01-01' }] });
    expect('bankHolidays' in options).toBe(false);
    // Same answer as the hand-checked closure case in addWorkingDays.
    expect(addWorkingDays('2027-01-04', -10, makeCalendar(options))).toBe('2026-12-07');
  });

  it('replaces the bank holidays when the file lists them', () => {
    const parsed = parseCalendarFile({
      bankHolidays: [
        { date: '2026-12-25', title: 'Christmas Day' },
        { date: '2026-12-28', title: 'Boxing Day (substitute day)' },
      ],
      termHolidays: [{ start: '2026-10-26', end: '2026-10-30' }],
    });
    if (!parsed.ok) throw new Error(parsed.error.join('\n'));
    const calendar = makeCalendar(calendarOptionsFromFile(parsed.value));
    expect(calendar.bankHolidays).toEqual(['2026-12-25', '2026-12-28']);
    expect(calendar.closures).toEqual([{ start: '2026-10-26', end: '2026-10-30' }]);
    expect(calendar.coverage).toEqual({ start: '2026-01-01', end: '2026-12-31' });
  });
});
