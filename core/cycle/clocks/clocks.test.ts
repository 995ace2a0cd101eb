import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../../calendar/index.js';
import { CLOCK_SOURCES, statementOfActionDue, warningNoticeClocks } from './index.js';

const calendar = makeCalendar();
const christmasFortnight = makeCalendar({ closures: [{ name: 'Christmas', start: '2026-12-21', end: '2027-01-01' }] });

const clocks = (input: Parameters<typeof warningNoticeClocks>[0], cal = calendar) => {
  const r = warningNoticeClocks(input, cal);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('warning notice clocks (Tri-borough 5.8–5.16)', () => {
  it('counts the compliance period over Christmas 2026: given Mon 14 Dec, ends Thu 7 Jan 2027', () => {
    // Following Mon 14 Dec: Tue 15 (1), Wed 16 (2), Thu 17 (3), Fri 18 (4), Mon 21 (5), Tue 22 (6),
    // Wed 23 (7), Thu 24 (8); Fri 25 Christmas, Mon 28 Boxing Day substitute; Tue 29 (9),
    // Wed 30 (10), Thu 31 (11); Fri 1 Jan New Year; Mon 4 (12), Tue 5 (13), Wed 6 (14), Thu 7 (15).
    const c = clocks({ issuedOn: '2026-12-14' });
    expect(c.complianceDeadline.day).toBe('2027-01-07');
    expect(c.complianceDeadline.rule).toBe('15 working days following Mon 14 Dec 2026, the day the notice was given');
    expect(c.representationsDeadline.day).toBe('2027-01-07');
    // No confirmation known: eligible, if the LA finds it has not complied, the next working day.
    expect(c.earliestIntervention.day).toBe('2027-01-08');
    expect(c.earliestIntervention.seed).toBe('003 Tri-borough, 5.16');
    expect(c.ofstedDecisionExpected).toBeUndefined();
  });

  it('does not stop the statutory clock for the LA’s Christmas fortnight', () => {
    expect(clocks({ issuedOn: '2026-12-14' }, christmasFortnight).complianceDeadline.day).toBe('2027-01-07');
  });

  it('counts representations from receipt when the notice arrived later than it was given', () => {
    // Received Wed 16 Dec: Thu 17 (1) … Thu 24 (6), Tue 29 (7), Wed 30 (8), Thu 31 (9),
    // Mon 4 (10) … Fri 8 (14), Mon 11 Jan (15).
    const c = clocks({ issuedOn: '2026-12-14', receivedOn: '2026-12-16' });
    expect(c.representationsDeadline.day).toBe('2027-01-11');
    expect(c.complianceDeadline.day).toBe('2027-01-07');
  });

  it('around the August bank holiday 2027: decision expected and intervention "beginning with" the confirmation', () => {
    // Representations received Fri 6 Aug 2027; 10 working days after: Mon 9 … Fri 13 (5),
    // Mon 16 … Fri 20 Aug (10).
    // Confirmed Mon 16 Aug: the 15 working days BEGINNING WITH it are Mon 16 (1) … Fri 20 (5),
    // Mon 23 … Fri 27 (10), Mon 30 Aug is the bank holiday, Tue 31 (11), Wed 1 Sep (12),
    // Thu 2 (13), Fri 3 (14), Mon 6 Sep (15). Eligible after them: Tue 7 Sep 2027.
    const c = clocks({ issuedOn: '2027-07-19', representationsReceivedOn: '2027-08-06', ofstedConfirmedOn: '2027-08-16' });
    expect(c.ofstedDecisionExpected?.day).toBe('2027-08-20');
    expect(c.ofstedDecisionExpected?.expected).toBe(true);
    expect(c.earliestIntervention.day).toBe('2027-09-07');
    expect(c.earliestIntervention.rule).toContain('the last of them is Mon 6 Sep 2027');
    expect(c.dates.map((d) => d.id)).toEqual(['compliance', 'representations', 'ofstedDecision', 'interventionAfterConfirmation']);
  });

  it('a confirmation on a Saturday starts the period on the next working day', () => {
    // Sat 14 Aug 2027: the period begins Mon 16 Aug, so it ends Mon 6 Sep as above.
    expect(clocks({ issuedOn: '2027-07-19', ofstedConfirmedOn: '2027-08-14' }).earliestIntervention.day).toBe('2027-09-07');
  });

  it('cites the seed sentence for each date', () => {
    const c = clocks({ issuedOn: '2027-07-19', representationsReceivedOn: '2027-08-06', ofstedConfirmedOn: '2027-08-16' });
    for (const d of c.dates) expect(d.quote).toBe(CLOCK_SOURCES[d.id].text);
    expect(c.complianceDeadline.quote).toContain('ending 15 working days following that day');
    expect(c.earliestIntervention.quote).toContain('after 15 working days beginning with the day on which Ofsted confirms');
  });

  it('refuses bad days with a message, never a throw', () => {
    expect(warningNoticeClocks({ issuedOn: '14/12/2026' }, calendar)).toEqual({ ok: false, error: 'the day the notice was issued "14/12/2026" is not a date (expected yyyy-MM-dd)' });
    expect(warningNoticeClocks({ issuedOn: '2026-12-14', ofstedConfirmedOn: '2026-12-01' }, calendar)).toMatchObject({ ok: false, error: expect.stringContaining('is before the notice was issued') });
    expect(warningNoticeClocks({ issuedOn: '2030-12-20' }, calendar)).toMatchObject({ ok: false, error: expect.stringContaining('cannot count these days') });
  });
});

describe('statement of action due (Tri-borough 5.28)', () => {
  it('skips Easter 2027: report published Wed 24 Mar, due Fri 9 Apr', () => {
    // Thu 25 (1); Fri 26 Good Friday; Mon 29 Easter Monday; Tue 30 (2), Wed 31 (3), Thu 1 Apr (4),
    // Fri 2 (5), Mon 5 (6), Tue 6 (7), Wed 7 (8), Thu 8 (9), Fri 9 Apr (10).
    const due = statementOfActionDue('2027-03-24', calendar);
    expect(due).toMatchObject({ ok: true, value: { day: '2027-04-09', seed: '003 Tri-borough, 5.28' } });
  });

  it('skips Christmas 2026: published Fri 18 Dec, due Mon 4 Jan 2027', () => {
    // Mon 21 (1), Tue 22 (2), Wed 23 (3), Thu 24 (4), Tue 29 (5), Wed 30 (6), Thu 31 (7),
    // (Fri 1 Jan New Year) Mon 4 Jan (8), Tue 5 (9), Wed 6 Jan (10).
    expect(statementOfActionDue('2026-12-18', calendar)).toMatchObject({ ok: true, value: { day: '2027-01-06' } });
  });

  it('refuses a malformed day', () => {
    expect(statementOfActionDue('next week', calendar).ok).toBe(false);
  });
});
