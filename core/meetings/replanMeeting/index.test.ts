import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../../calendar/index.js';
import { meetingOf, summary } from '../_lib/testing.js';
import { planMeeting } from '../planMeeting/index.js';
import type { PlanStep } from '../types.js';
import { replanMeeting } from './index.js';

const calendar = makeCalendar();
const rap = meetingOf('rap', '2027-01-12T10:00');
const first = planMeeting({ meeting: rap, today: '2026-12-01', calendar });
if (!first.ok) throw new Error(first.error);
const plan: readonly PlanStep[] = first.value;

describe('replanMeeting', () => {
  it('moves a RAP from Tue 12 to Tue 19 Jan after the agenda and request went on 24 Dec', () => {
    const moved = replanMeeting({ plan, meeting: { ...rap, startsAt: '2027-01-19T10:00' }, today: '2026-12-29', calendar });
    if (!moved.ok) throw new Error(moved.error);
    // Pending on Tue 29 Dec: the reminder (31 Dec), deadline, escalation and minutes.
    expect(moved.value.cancel).toEqual([
      'm1:evidence-reminder:head',
      'm1:evidence-due:head',
      'm1:escalation:officer',
      'm1:minutes:officer',
    ]);
    // Back from Tue 19 Jan: 18 (1), 15, 14, 13, 12 (5), 11, 8 (7); agenda and request were
    // sent already and are not sent again. Minutes: Wed 20 Jan, due Tue 2 Feb (10).
    expect(summary(moved.value.add)).toEqual([
      '2027-01-08 evidence-reminder head',
      '2027-01-12 evidence-due head',
      '2027-01-13 escalation officer',
      '2027-01-20 minutes officer',
    ]);
    expect(moved.value.add.map((s) => s.key)).toEqual([
      'm1:evidence-reminder:head:r1',
      'm1:evidence-due:head:r1',
      'm1:escalation:officer:r1',
      'm1:minutes:officer:r1',
    ]);
    expect(moved.value.add.at(-1)?.dueDay).toBe('2027-02-02');
    expect(moved.value.notifyHead).toMatchObject({
      key: 'm1:moved:head:r1',
      step: 'moved',
      recipient: 'head',
      day: '2026-12-29',
      sendAt: '2026-12-29T08:00:00.000Z',
      dueDay: '2027-01-12',
      movedFrom: '2027-01-12T10:00',
      meetingStartsAt: '2027-01-19T10:00',
      revision: 1,
    });
  });

  it('re-plans everything not yet sent, by the outbox sent keys when given', () => {
    // Nothing sent yet (e.g. planned, then moved the same day): the whole new plan is added.
    const moved = replanMeeting({
      plan,
      meeting: { ...rap, startsAt: '2027-01-19T10:00' },
      today: '2026-12-29',
      calendar,
      sent: ['m1:agenda:channel'],
    });
    if (!moved.ok) throw new Error(moved.error);
    expect(moved.value.cancel).not.toContain('m1:agenda:channel');
    expect(moved.value.cancel).toContain('m1:agenda:members');
    expect(moved.value.cancel).toContain('m1:evidence-request:head');
    // The members' agenda and the request were never sent: they are planned again, 10 working
    // days before Tue 19 Jan (18, 15, 14, 13, 12, 11, 8, 7, 6, Tue 5 Jan), with r1 keys.
    expect(summary(moved.value.add).slice(0, 2)).toEqual(['2027-01-05 agenda members', '2027-01-05 evidence-request head']);
    expect(moved.value.add[1]?.key).toBe('m1:evidence-request:head:r1');
  });

  it('moving earlier past the evidence deadline tells the head it is needed as soon as possible', () => {
    const moved = replanMeeting({
      plan,
      meeting: { ...rap, startsAt: '2027-01-04T10:00' },
      today: '2026-12-29',
      now: new Date('2026-12-29T11:00:00Z'),
      calendar,
    });
    if (!moved.ok) throw new Error(moved.error);
    // Back from Mon 4 Jan: Thu 31 (1), Wed 30 (2), Tue 29 (3), Thu 24 (4), Wed 23 Dec (5),
    // skipping 1 Jan, 28 and 25 Dec: the new deadline has passed, and so has the escalation.
    expect(moved.value.notifyHead).toMatchObject({ day: '2026-12-29', sendAt: '2026-12-29T11:00:00.000Z', dueDay: '2026-12-23' });
    expect(summary(moved.value.add)).toEqual(['2027-01-05 minutes officer']);
  });

  it('a second move uses the next revision', () => {
    const once = replanMeeting({ plan, meeting: { ...rap, startsAt: '2027-01-19T10:00' }, today: '2026-12-29', calendar });
    if (!once.ok) throw new Error(once.error);
    const kept = plan.filter((s) => !once.value.cancel.includes(s.key));
    const live = [...kept, ...once.value.add, once.value.notifyHead];
    const twice = replanMeeting({ plan: live, meeting: { ...rap, startsAt: '2027-01-26T10:00' }, today: '2027-01-04', calendar });
    if (!twice.ok) throw new Error(twice.error);
    expect(twice.value.notifyHead).toMatchObject({ key: 'm1:moved:head:r2', movedFrom: '2027-01-19T10:00' });
    expect(twice.value.cancel).toEqual([
      'm1:evidence-reminder:head:r1',
      'm1:evidence-due:head:r1',
      'm1:escalation:officer:r1',
      'm1:minutes:officer:r1',
    ]);
    expect(twice.value.add.every((s) => s.key.endsWith(':r2'))).toBe(true);
  });

  it('refuses a move to a non-working day, a past meeting and another meeting', () => {
    const to = (startsAt: string, today = '2026-12-29') =>
      replanMeeting({ plan, meeting: { ...rap, startsAt }, today, calendar });
    expect(to('2027-01-01T10:00')).toMatchObject({ ok: false, error: expect.stringContaining('bank holiday') });
    expect(to('2027-01-19T10:00', '2027-01-13')).toMatchObject({ ok: false, error: expect.stringContaining('already taken place') });
    expect(replanMeeting({ plan, meeting: { ...rap, id: 'm2' }, today: '2026-12-29', calendar })).toMatchObject({ ok: false });
    expect(replanMeeting({ plan: [], meeting: rap, today: '2026-12-29', calendar })).toMatchObject({ ok: false });
  });
});
