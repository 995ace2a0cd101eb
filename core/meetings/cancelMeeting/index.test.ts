import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../../calendar/index.js';
import { meetingOf } from '../_lib/testing.js';
import { planMeeting } from '../planMeeting/index.js';
import { cancelMeeting } from './index.js';

const calendar = makeCalendar();
const first = planMeeting({ meeting: meetingOf('rap', '2027-01-12T10:00'), today: '2026-12-01', calendar });
if (!first.ok) throw new Error(first.error);
const plan = first.value;

describe('cancelMeeting', () => {
  it('stops the pending steps and tells the head', () => {
    const cancelled = cancelMeeting({ plan, today: '2026-12-29', now: new Date('2026-12-29T12:00:00Z'), calendar });
    expect(cancelled).toEqual({
      ok: true,
      value: {
        cancel: ['m1:evidence-reminder:head', 'm1:evidence-due:head', 'm1:escalation:officer', 'm1:minutes:officer'],
        notifyHead: {
          key: 'm1:cancelled:head',
          meetingId: 'm1',
          meetingStartsAt: '2027-01-12T10:00',
          revision: 0,
          step: 'cancelled',
          recipient: 'head',
          condition: 'always',
          day: '2026-12-29',
          sendAt: '2026-12-29T12:00:00.000Z',
          plannedDay: '2026-12-29',
          late: false,
        },
      },
    });
  });

  it('before anything is sent, stops every step', () => {
    const cancelled = cancelMeeting({ plan, today: '2026-12-01', calendar });
    expect(cancelled.ok && cancelled.value.cancel).toEqual(plan.map((s) => s.key));
  });

  it('uses the sent keys when given, and waits for a working day to tell the head', () => {
    const cancelled = cancelMeeting({ plan, today: '2026-12-26', calendar, sent: ['m1:agenda:channel'] });
    if (!cancelled.ok) throw new Error(cancelled.error);
    expect(cancelled.value.cancel).toHaveLength(plan.length - 1);
    expect(cancelled.value.notifyHead).toMatchObject({ day: '2026-12-29', sendAt: '2026-12-29T08:00:00.000Z' });
  });

  it('refuses a meeting that has taken place, and an empty plan', () => {
    expect(cancelMeeting({ plan, today: '2027-01-12', now: new Date('2027-01-12T11:00:00Z'), calendar })).toMatchObject({
      ok: false,
      error: 'the meeting on Tuesday 12 January 2027 at 10:00 has already taken place',
    });
    expect(cancelMeeting({ plan: [], today: '2026-12-01', calendar }).ok).toBe(false);
  });
});
