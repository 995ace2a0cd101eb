import { describe, expect, it } from 'vitest';
import { parseCalendarFile } from './index.js';

describe('parseCalendarFile', () => {
  it('returns the file when valid', () => {
    const file = { termHolidays: [{ name: 'Christmas', start: '2026-12-21', end: '2027-01-01' }] };
    expect(parseCalendarFile(file)).toEqual({ ok: true, value: file });
  });

  it('returns one message per problem, each led by its path', () => {
    expect(
      parseCalendarFile({ termHolidays: [{ name: 'Christmas', start: '2027-01-01', end: '2026-12-21' }] }),
    ).toEqual({ ok: false, error: ['termHolidays.0.end: end before start'] });
  });

  it('labels problems with the whole file', () => {
    const result = parseCalendarFile([]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error[0]).toMatch(/^\(file\): /);
  });
});
