import { describe, expect, it } from 'vitest';
import { calendarFileSchema, daySchema } from './index.js';

const paths = (input: unknown) => {
  const result = calendarFileSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('calendarFileSchema', () => {
  it('accepts the documented file shape, and an empty file', () => {
    const file = {
      bankHolidays: [{ date: '2026-12-25', title: 'Christmas Day' }],
      termHolidays: [{ name: 'Christmas', start: '2026-12-21', end: '2027-01-01' }],
    };
    expect(calendarFileSchema.parse(file)).toEqual(file);
    expect(calendarFileSchema.parse({})).toEqual({});
  });

  it('accepts a one-day term holiday (end equal to start)', () => {
    expect(paths({ termHolidays: [{ name: 'INSET', start: '2026-09-01', end: '2026-09-01' }] })).toEqual([]);
  });

  it('names the path of a term holiday that ends before it starts', () => {
    expect(
      paths({
        termHolidays: [
          { name: 'Half term', start: '2026-10-26', end: '2026-10-30' },
          { name: 'Christmas', start: '2027-01-01', end: '2026-12-21' },
        ],
      }),
    ).toEqual(['termHolidays.1.end: end before start']);
  });

  it('names the path of malformed and impossible days', () => {
    expect(
      paths({
        bankHolidays: [{ date: '25/12/2026', title: 'Christmas Day' }],
        termHolidays: [{ name: 'Feb', start: '2026-02-16', end: '2026-02-30' }],
      }),
    ).toEqual([
      'bankHolidays.0.date: must be a real day written yyyy-MM-dd',
      'termHolidays.0.end: must be a real day written yyyy-MM-dd',
    ]);
  });

  it('rejects duplicate bank holidays, blank titles and unknown keys', () => {
    expect(
      paths({
        bankHolidays: [
          { date: '2026-12-25', title: 'Christmas Day' },
          { date: '2026-12-28', title: ' ' },
          { date: '2026-12-25', title: 'Christmas again' },
        ],
      }),
    ).toEqual([
      expect.stringMatching(/^bankHolidays\.1\.title: /),
      'bankHolidays.2.date: duplicate of bankHolidays.0',
    ]);
    expect(paths({ termHoliday: [] })).toEqual([expect.stringMatching(/termHoliday/)]);
    expect(paths({ termHolidays: [{ start: '2026-12-21', end: '2027-01-01', colour: 'red' }] })).toEqual([
      expect.stringMatching(/colour/),
    ]);
  });
});

describe('daySchema', () => {
  it('accepts only real zero-padded days', () => {
    expect(daySchema.safeParse('2028-02-29').success).toBe(true);
    expect(daySchema.safeParse('2027-02-29').success).toBe(false);
    expect(daySchema.safeParse('2026-12-25T00:00:00Z').success).toBe(false);
  });
});
