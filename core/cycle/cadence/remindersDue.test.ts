import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../../calendar/index.js';
import { lastWorkingDayOf, periodAround, remindersDueToday, schoolYearOf } from './index.js';

// The LA's 2026/27 term holidays (as in its WAYMARK_TERMS file).
const calendar = makeCalendar({
  closures: [
    { name: 'Autumn half term', start: '2026-10-26', end: '2026-10-30' },
    { name: 'Christmas', start: '2026-12-21', end: '2027-01-01' },
    { name: 'Spring half term', start: '2027-02-15', end: '2027-02-19' },
    { name: 'Easter', start: '2027-03-29', end: '2027-04-09' },
    { name: 'Summer half term', start: '2027-05-31', end: '2027-06-04' },
    { name: 'Summer', start: '2027-07-22', end: '2027-08-31' },
  ],
});
const high = (visits: string[] = []) => ({ urn: '101234', categoryCode: 'High', visits, reviews: [] });
const keys = (today: string, school = high()) => remindersDueToday('cambridgeshire', school, { today, calendar, closingDays: 5 }).map((r) => r.key);

describe('reminders due today', () => {
  it('a start reminder from the period’s first working day, a closing one 5 working days before its last', () => {
    expect(keys('2027-01-04')).toEqual(['cadence:visit:101234:2027-01-01:start', 'cadence:review:101234:2027-01-04:start']);
    expect(keys('2027-01-21')).toContain('cadence:visit:101234:2027-01-01:start');
    // January's last working day is Fri 29 Jan; 5 working days before it, Fri 22 Jan.
    expect(keys('2027-01-22')).toContain('cadence:visit:101234:2027-01-01:closing');
    // December's last working day is Fri 18 Dec (the holiday follows): closing on Fri 11 Dec.
    expect(keys('2026-12-10')).toContain('cadence:visit:101234:2026-12-01:start');
    expect(keys('2026-12-11')).toContain('cadence:visit:101234:2026-12-01:closing');
  });

  it('none in holidays, at weekends, or once the visit is recorded', () => {
    expect(keys('2026-12-22')).toEqual([]);
    expect(keys('2026-12-28')).toEqual([]);
    expect(keys('2027-01-09')).toEqual([]); // a Saturday
    expect(keys('2027-01-22', high(['2027-01-05']))).toEqual(['cadence:review:101234:2027-01-04:start']);
  });

  it('Reading: category reviews only (its seed sets no visit frequency)', () => {
    expect(remindersDueToday('reading', { urn: '1', categoryCode: 'R', visits: [], reviews: [] }, { today: '2027-03-18', calendar, closingDays: 5 }).map((r) => r.key)).toEqual([
      'cadence:review:1:2027-01-04:closing', // Thu 25 Mar is the spring term's last day (Good Friday follows)
    ]);
  });

  it('school year, last working day, and this half term', () => {
    expect(schoolYearOf('2027-01-04')).toBe(2026);
    expect(schoolYearOf('2026-09-01')).toBe(2026);
    expect(lastWorkingDayOf({ name: 'December 2026', start: '2026-12-01', end: '2026-12-31' }, calendar)).toBe('2026-12-18');
    expect(periodAround('half-term', '2026-12-22', calendar)).toMatchObject({ ok: true, value: { start: '2027-01-04', end: '2027-02-12' } });
    expect(periodAround('term', '2026-11-16', calendar)).toMatchObject({ ok: true, value: { name: 'Autumn 2026' } });
    expect(periodAround('term', '2026-11-16', makeCalendar())).toMatchObject({ ok: false });
  });
});
