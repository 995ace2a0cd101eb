import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../../calendar/index.js';
import { reviewsDue, schoolTerms, visitsDue } from './index.js';

// An LA's 2026/27 term holidays, as in its WAYMARK_TERMS file.
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
const input = (today: string, held: string[]) => ({ startYear: 2026, today, held, calendar });

describe('school terms from the LA calendar', () => {
  it('finds three terms and six half terms; Good Friday ends the spring term a day early', () => {
    const year = schoolTerms(2026, calendar);
    if (!year.ok) throw new Error(year.error);
    expect(year.value.terms).toEqual([
      { name: 'Autumn 2026', start: '2026-09-01', end: '2026-12-18' },
      { name: 'Spring 2027', start: '2027-01-04', end: '2027-03-25' },
      { name: 'Summer 2027', start: '2027-04-12', end: '2027-07-21' },
    ]);
    expect(year.value.halfTerms.map((h) => [h.start, h.end])).toEqual([
      ['2026-09-01', '2026-10-23'],
      ['2026-11-02', '2026-12-18'],
      ['2027-01-04', '2027-02-12'],
      ['2027-02-22', '2027-03-25'],
      ['2027-04-12', '2027-05-28'],
      ['2027-06-07', '2027-07-21'],
    ]);
    expect(year.value.months.map((m) => m.name)).toHaveLength(11); // September to July
  });

  it('refuses to guess terms without the LA’s term dates', () => {
    expect(schoolTerms(2026, makeCalendar())).toMatchObject({ ok: false, error: expect.stringContaining('WAYMARK_TERMS') });
  });
});

describe('visits due (Cambridgeshire 004, by level of support)', () => {
  it('High: monthly; a month with no visit is overdue, this month is due', () => {
    const list = visitsDue('cambridgeshire', 'High', input('2026-11-16', ['2026-09-10', '2026-09-24']));
    if (!list.ok) throw new Error(list.error);
    expect(list.value.rule.quote).toContain('visited monthly (as a minimum)');
    expect(list.value.outstanding.map((i) => [i.period.name, i.status])).toEqual([
      ['October 2026', 'overdue'],
      ['November 2026', 'due'],
    ]);
    expect(list.value.items[0]).toMatchObject({ status: 'done', held: ['2026-09-10', '2026-09-24'] });
  });

  it('Medium: half-termly; a visit in the October half-term week counts for no half term', () => {
    const list = visitsDue('cambridgeshire', 'Medium', input('2026-11-16', ['2026-10-27']));
    if (!list.ok) throw new Error(list.error);
    expect(list.value.outstanding.map((i) => i.status)).toEqual(['overdue', 'due']);
  });

  it('Low: termly', () => {
    const list = visitsDue('cambridgeshire', 'Low', input('2027-05-10', ['2026-10-05', '2027-02-01']));
    if (!list.ok) throw new Error(list.error);
    expect(list.value.items.map((i) => i.status)).toEqual(['done', 'done', 'due']);
  });

  it('says which categories have a frequency', () => {
    expect(visitsDue('cambridgeshire', 'Severe', input('2026-11-16', []))).toEqual({
      ok: false,
      error: 'the cambridgeshire framework sets no visit frequency for category "Severe" (only High, Medium, Low)',
    });
    expect(visitsDue('reading', 'R', input('2026-11-16', [])).ok).toBe(false);
  });
});

describe('review points', () => {
  it('Reading reviews categories three times a year, one a term', () => {
    const list = reviewsDue('reading', input('2027-05-10', ['2026-10-05']));
    if (!list.ok) throw new Error(list.error);
    expect(list.value.rule.quote).toBe('On three occasions each year officers of the LA meet to discuss the categorisation of schools.');
    expect(list.value.items).toHaveLength(3);
    expect(list.value.outstanding.map((i) => [i.period.name, i.status])).toEqual([
      ['Spring 2027', 'overdue'],
      ['Summer 2027', 'due'],
    ]);
  });
});
