import { describe, expect, it } from 'vitest';
import {
  calendarOptionsFromFile,
  isWorkingDay,
  makeCalendar,
  parseCalendarFile,
  workingDaysBetween,
} from '../../calendar/index.js';
import { weekdayName } from '../../calendar/_lib/testing.js';
import { meetingOf, summary } from '../_lib/testing.js';
import { planMeeting } from './index.js';

const calendar = makeCalendar();
/** RAP review on Tuesday 12 January 2027 at 10:00: ten working days back crosses Christmas. */
const rap = meetingOf('rap', '2027-01-12T10:00');

const planned = (result: ReturnType<typeof planMeeting>) => {
  if (!result.ok) throw new Error(result.error);
  return result.value;
};

describe('planMeeting: around Christmas', () => {
  it('plans a RAP on Tue 12 Jan 2027 across the Christmas bank holidays', () => {
    // Back from Tue 12 Jan: Mon 11 (1), Fri 8 (2), Thu 7 (3), Wed 6 (4), Tue 5 (5), Mon 4 (6),
    // Fri 1 Jan bank holiday, Thu 31 Dec (7), Wed 30 (8), Tue 29 (9), Mon 28 (Boxing Day
    // substitute), Sun 27, Sat 26, Fri 25 (Christmas), Thu 24 Dec (10).
    expect(weekdayName('2027-01-12')).toBe('Tue');
    expect(['2026-12-25', '2026-12-28', '2027-01-01'].map((d) => isWorkingDay(d, calendar))).toEqual([false, false, false]);
    const steps = planned(planMeeting({ meeting: rap, today: '2026-12-01', calendar }));
    expect(summary(steps)).toEqual([
      '2026-12-24 agenda channel',
      '2026-12-24 agenda members',
      '2026-12-24 evidence-request head',
      '2026-12-31 evidence-reminder head',
      '2027-01-05 evidence-due head',
      '2027-01-06 escalation officer',
      '2027-01-13 minutes officer',
    ]);
    expect(weekdayName('2026-12-24')).toBe('Thu');
    expect(weekdayName('2026-12-31')).toBe('Thu');
    expect(weekdayName('2027-01-05')).toBe('Tue');
    expect(weekdayName('2027-01-06')).toBe('Wed');
  });

  it('sends at 08:00 London (GMT in winter), dates the evidence deadline and the minutes', () => {
    const steps = planned(planMeeting({ meeting: rap, today: '2026-12-01', calendar }));
    expect(steps.map((s) => s.sendAt)).toEqual([
      '2026-12-24T08:00:00.000Z',
      '2026-12-24T08:00:00.000Z',
      '2026-12-24T08:00:00.000Z',
      '2026-12-31T08:00:00.000Z',
      '2027-01-05T08:00:00.000Z',
      '2027-01-06T08:00:00.000Z',
      '2027-01-13T08:00:00.000Z',
    ]);
    const request = steps.find((s) => s.step === 'evidence-request');
    expect(request).toMatchObject({ recipient: 'head', condition: 'always', dueDay: '2027-01-05', late: false });
    expect(steps.filter((s) => s.condition === 'no-evidence').map((s) => s.step)).toEqual([
      'evidence-reminder',
      'evidence-due',
      'escalation',
    ]);
    // Minutes within 10 working days: Wed 13 (1) … Tue 26 Jan (10).
    expect(steps.at(-1)).toMatchObject({ step: 'minutes', recipient: 'officer', dueDay: '2027-01-26' });
  });

  it('skips an LA Christmas fortnight given in a term-holiday file', () => {
    const file = parseCalendarFile({ termHolidays: [{ name: 'Christmas', start: '2026-12-21', end: '2027-01-01' }] });
    if (!file.ok) throw new Error(file.error.join('\n'));
    const withTerms = makeCalendar(calendarOptionsFromFile(file.value));
    // Back from Tue 12 Jan: Mon 11 … Mon 4 are 1–6; 21 Dec–1 Jan closed; Fri 18 Dec (7),
    // Thu 17 (8), Wed 16 (9), Tue 15 Dec (10).
    const steps = planned(planMeeting({ meeting: rap, today: '2026-12-01', calendar: withTerms }));
    expect(summary(steps)).toEqual([
      '2026-12-15 agenda channel',
      '2026-12-15 agenda members',
      '2026-12-15 evidence-request head',
      '2026-12-18 evidence-reminder head',
      '2027-01-05 evidence-due head',
      '2027-01-06 escalation officer',
      '2027-01-13 minutes officer',
    ]);
    expect(weekdayName('2026-12-15')).toBe('Tue');
    expect(weekdayName('2026-12-18')).toBe('Fri');
  });

  it('refuses a meeting on a bank holiday, a weekend or in a term holiday', () => {
    const on = (startsAt: string, cal = calendar) => planMeeting({ meeting: meetingOf('rap', startsAt), today: '2026-12-01', calendar: cal });
    expect(on('2026-12-28T10:00')).toEqual({
      ok: false,
      error: 'Monday 28 December 2026 (2026-12-28) is not a working day: it is a bank holiday',
    });
    expect(on('2027-01-09T10:00')).toEqual({
      ok: false,
      error: 'Saturday 9 January 2027 (2027-01-09) is not a working day: it is a weekend',
    });
    const withTerms = makeCalendar({ closures: [{ name: 'Christmas', start: '2026-12-21', end: '2027-01-01' }] });
    expect(on('2026-12-22T10:00', withTerms)).toMatchObject({
      ok: false,
      error: expect.stringContaining('in a school holiday (Christmas)'),
    });
  });
});

describe('planMeeting: around Easter 2027', () => {
  it('skips Good Friday (26 Mar) and Easter Monday (29 Mar), and moves to BST', () => {
    expect(weekdayName('2027-03-26')).toBe('Fri');
    expect(weekdayName('2027-03-29')).toBe('Mon');
    expect(isWorkingDay('2027-03-26', calendar)).toBe(false);
    expect(isWorkingDay('2027-03-29', calendar)).toBe(false);
    // Back from Thu 8 Apr: Wed 7 (1), Tue 6 (2), Mon 5 (3), Fri 2 (4), Thu 1 (5), Wed 31 (6),
    // Tue 30 (7), Mon 29 and Fri 26 skipped, Thu 25 (8), Wed 24 (9), Tue 23 Mar (10).
    const steps = planned(planMeeting({ meeting: meetingOf('laig', '2027-04-08T14:00'), today: '2027-03-01', calendar }));
    expect(summary(steps)).toEqual([
      '2027-03-23 agenda channel',
      '2027-03-23 agenda members',
      '2027-03-23 evidence-request head',
      '2027-03-30 evidence-reminder head',
      '2027-04-01 evidence-due head',
      '2027-04-02 escalation officer',
      '2027-04-09 minutes officer',
    ]);
    // Clocks go forward on Sun 28 Mar 2027: 08:00 is 08:00Z before it and 07:00Z after.
    expect(steps[0]?.sendAt).toBe('2027-03-23T08:00:00.000Z');
    expect(steps[3]?.sendAt).toBe('2027-03-30T07:00:00.000Z');
  });
});

describe('planMeeting: set up late', () => {
  it('3 working days before: agenda and request go now, the request says as soon as possible, chasers are dropped', () => {
    const today = '2027-01-07'; // Thu; Fri 8, Mon 11, Tue 12 left
    expect(workingDaysBetween(today, '2027-01-12', calendar)).toBe(3);
    const now = new Date('2027-01-07T10:15:00Z'); // 10:15 GMT
    const steps = planned(planMeeting({ meeting: rap, today, now, calendar }));
    expect(summary(steps)).toEqual([
      '2027-01-07 agenda channel',
      '2027-01-07 agenda members',
      '2027-01-07 evidence-request head',
      '2027-01-13 minutes officer',
    ]);
    expect(steps.slice(0, 3).map((s) => [s.sendAt, s.plannedDay, s.late])).toEqual([
      ['2027-01-07T10:15:00.000Z', '2026-12-24', true],
      ['2027-01-07T10:15:00.000Z', '2026-12-24', true],
      ['2027-01-07T10:15:00.000Z', '2026-12-24', true],
    ]);
    // The deadline (Tue 5 Jan) has passed: the request still goes, due before it is sent.
    expect(steps[2]?.dueDay).toBe('2027-01-05');
    expect(steps.every((s) => s.sendAt >= now.toISOString())).toBe(true);
  });

  it('6 working days before: request now, the passed reminder dropped, deadline and escalation kept', () => {
    const now = new Date('2027-01-04T09:30:00Z'); // Mon 4 Jan, 09:30
    const steps = planned(planMeeting({ meeting: rap, today: '2027-01-04', now, calendar }));
    expect(summary(steps)).toEqual([
      '2027-01-04 agenda channel',
      '2027-01-04 agenda members',
      '2027-01-04 evidence-request head',
      '2027-01-05 evidence-due head',
      '2027-01-06 escalation officer',
      '2027-01-13 minutes officer',
    ]);
  });

  it('after 17:00 waits for 08:00 the next working day, and never chases together with the request', () => {
    const now = new Date('2027-01-04T18:00:00Z');
    const steps = planned(planMeeting({ meeting: rap, today: '2027-01-04', now, calendar }));
    expect(summary(steps)).toEqual([
      '2027-01-05 agenda channel',
      '2027-01-05 agenda members',
      '2027-01-05 evidence-request head', // due "by 5pm today"; the deadline-day message would repeat it
      '2027-01-06 escalation officer',
      '2027-01-13 minutes officer',
    ]);
    expect(steps[2]).toMatchObject({ sendAt: '2027-01-05T08:00:00.000Z', dueDay: '2027-01-05', late: true });
  });

  it('marks a step late when its time passed earlier the same day', () => {
    // Planned on Thu 24 Dec at 08:00, set up that day at 10:15: sent at once, same day.
    const steps = planned(planMeeting({ meeting: rap, today: '2026-12-24', now: new Date('2026-12-24T10:15:00Z'), calendar }));
    expect(steps[2]).toMatchObject({ step: 'evidence-request', day: '2026-12-24', plannedDay: '2026-12-24', sendAt: '2026-12-24T10:15:00.000Z', late: true });
    expect(steps.find((s) => s.step === 'evidence-reminder')?.late).toBe(false);
  });

  it('before 08:00 waits for 08:00 today; on a non-working day, the next working day', () => {
    const early = planned(planMeeting({ meeting: rap, today: '2027-01-04', now: new Date('2027-01-04T06:59:00Z'), calendar }));
    expect(early[0]?.sendAt).toBe('2027-01-04T08:00:00.000Z');
    const saturday = planned(planMeeting({ meeting: rap, today: '2027-01-02', now: new Date('2027-01-02T11:00:00Z'), calendar }));
    expect(saturday[0]).toMatchObject({ day: '2027-01-04', sendAt: '2027-01-04T08:00:00.000Z' });
    expect(summary(saturday).slice(3)).toEqual([
      '2027-01-05 evidence-due head',
      '2027-01-06 escalation officer',
      '2027-01-13 minutes officer',
    ]);
  });

  it('without now, treats the start of today as now', () => {
    // Thu 31 Dec is the reminder's own day: the request is brought forward to 08:00 that day,
    // and the reminder, due at the same 08:00, is dropped rather than sent with it.
    const steps = planned(planMeeting({ meeting: rap, today: '2026-12-31', calendar }));
    expect(steps[2]).toMatchObject({ step: 'evidence-request', sendAt: '2026-12-31T08:00:00.000Z', late: true });
    expect(summary(steps)).toEqual([
      '2026-12-31 agenda channel',
      '2026-12-31 agenda members',
      '2026-12-31 evidence-request head',
      '2027-01-05 evidence-due head',
      '2027-01-06 escalation officer',
      '2027-01-13 minutes officer',
    ]);
  });

  it('sends nothing before a meeting that starts before the first moment it could', () => {
    // Tue 12 Jan at 08:00, planned on Mon 11 Jan at 17:30: the next slot is 08:00 on the 12th.
    const steps = planned(
      planMeeting({ meeting: meetingOf('rap', '2027-01-12T08:00'), today: '2027-01-11', now: new Date('2027-01-11T17:30:00Z'), calendar }),
    );
    expect(summary(steps)).toEqual(['2027-01-13 minutes officer']);
  });
});

describe('planMeeting: options', () => {
  it('takes per-LA deadlines and a send time', () => {
    const steps = planned(
      planMeeting({ meeting: rap, today: '2026-12-01', calendar, deadlines: { agenda: 15, minutes: 5 }, sendTime: '09:30' }),
    );
    // 15 working days back from 12 Jan: Thu 24 Dec is 10, then 23 (11), 22 (12), 21 (13), 18 (14), 17 Dec (15).
    expect(steps[0]).toMatchObject({ step: 'agenda', day: '2026-12-17', sendAt: '2026-12-17T09:30:00.000Z' });
    expect(steps.at(-1)).toMatchObject({ step: 'minutes', dueDay: '2027-01-19' });
  });

  it('plans every built-in meeting type with unique keys', () => {
    for (const name of ['rap', 'laig', 'project-board', 'progress-review', 'steering-group']) {
      const meeting = meetingOf(name, '2027-01-12T10:00', { id: `m-${name}` });
      const steps = planned(planMeeting({ meeting, today: '2026-12-01', calendar }));
      const keys = steps.map((s) => s.key);
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys).toContain(`m-${name}:evidence-request:head`);
      expect(keys).toContain(`m-${name}:agenda:channel`);
    }
  });

  it('returns frozen steps and leaves the meeting alone', () => {
    const meeting = structuredClone(rap);
    const steps = planned(planMeeting({ meeting, today: '2026-12-01', calendar }));
    expect(Object.isFrozen(steps[0])).toBe(true);
    expect(meeting).toEqual(rap);
  });

  it('accepts a day without a time', () => {
    const steps = planned(planMeeting({ meeting: meetingOf('rap', '2027-01-12'), today: '2027-01-12', now: new Date('2027-01-12T12:00:00Z'), calendar }));
    expect(summary(steps)).toEqual([
      '2027-01-12 agenda channel',
      '2027-01-12 agenda members',
      '2027-01-12 evidence-request head',
      '2027-01-13 minutes officer',
    ]);
  });
});

describe('planMeeting: errors are values', () => {
  const error = (result: ReturnType<typeof planMeeting>) => (result.ok ? 'ok' : result.error);

  it('refuses a meeting in the past', () => {
    expect(error(planMeeting({ meeting: rap, today: '2027-01-13', calendar }))).toBe(
      'the meeting on Tuesday 12 January 2027 at 10:00 is in the past (today is 2027-01-13)',
    );
    expect(error(planMeeting({ meeting: rap, today: '2027-01-12', now: new Date('2027-01-12T10:00:00Z'), calendar }))).toContain(
      'is in the past',
    );
  });

  it('refuses malformed input', () => {
    expect(error(planMeeting({ meeting: meetingOf('rap', '2027-02-30T10:00'), today: '2026-12-01', calendar }))).toContain(
      'meeting start must be yyyy-MM-ddTHH:mm',
    );
    expect(error(planMeeting({ meeting: meetingOf('rap', '2027-01-12T24:00'), today: '2026-12-01', calendar }))).toContain(
      'meeting start must be',
    );
    expect(error(planMeeting({ meeting: rap, today: '1/12/2026', calendar }))).toContain('today must be');
    expect(error(planMeeting({ meeting: rap, today: '2026-12-01', now: new Date('2026-12-02T09:00:00Z'), calendar }))).toContain(
      'not on today',
    );
  });

  it('refuses days outside the calendar', () => {
    expect(error(planMeeting({ meeting: meetingOf('rap', '2031-01-14T10:00'), today: '2030-12-01', calendar }))).toContain(
      "outside the calendar's coverage",
    );
  });

  it('refuses deadlines out of order', () => {
    expect(error(planMeeting({ meeting: rap, today: '2026-12-01', calendar, deadlines: { 'evidence-reminder': 4 } }))).toContain(
      'must come in that order',
    );
    expect(error(planMeeting({ meeting: rap, today: '2026-12-01', calendar, deadlines: { minutes: 0 } }))).toContain(
      'at least 1 working day',
    );
    expect(error(planMeeting({ meeting: rap, today: '2026-12-01', calendar, deadlines: { agenda: 2.5 } }))).toContain(
      'whole number',
    );
  });
});
