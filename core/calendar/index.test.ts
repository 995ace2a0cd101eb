import { describe, expect, it } from 'vitest';
import * as calendar from './index.js';

describe('core/calendar public API', () => {
  it('exports exactly the documented functions and data', () => {
    expect(Object.keys(calendar).sort()).toEqual([
      'BANK_HOLIDAYS_COVERAGE',
      'BANK_HOLIDAYS_SOURCE',
      'addWorkingDays',
      'calendarFileSchema',
      'calendarOptionsFromFile',
      'daySchema',
      'englandAndWalesBankHolidays',
      'isDay',
      'isWorkingDay',
      'londonDateTime',
      'londonDay',
      'londonTime',
      'makeCalendar',
      'nextWorkingDay',
      'parseCalendarFile',
      'previousWorkingDay',
      'subWorkingDays',
      'workingDaysBetween',
    ]);
  });

  it('answers the chasing question end to end: 5 working days before a meeting', () => {
    const cal = calendar.makeCalendar();
    const meeting = calendar.londonDateTime('2026-04-07', '10:00');
    const chaseDay = calendar.subWorkingDays(calendar.londonDay(meeting), 5, cal);
    expect(chaseDay).toBe('2026-03-27');
    // 09:00 on Fri 27 March 2026 is GMT; the clocks go forward two days later.
    expect(calendar.londonDateTime(chaseDay, '09:00').toISOString()).toBe('2026-03-27T09:00:00.000Z');
  });
});
