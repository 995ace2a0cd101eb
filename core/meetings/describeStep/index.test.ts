import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../../calendar/index.js';
import { meetingOf } from '../_lib/testing.js';
import { planMeeting } from '../planMeeting/index.js';
import { describeStep } from './index.js';

const calendar = makeCalendar();

describe('describeStep', () => {
  it('says what each step of a LAIG plan does', () => {
    const laig = meetingOf('laig', '2027-01-12T14:00');
    const plan = planMeeting({ meeting: laig, today: '2026-12-01', calendar });
    if (!plan.ok) throw new Error(plan.error);
    expect(plan.value.map((s) => describeStep(s, laig))).toEqual([
      'Post the agenda',
      'Send the agenda (6 members)',
      'Ask for evidence, due by 5pm Tue 5 Jan 2027',
      'Remind: evidence due by 5pm Tue 5 Jan 2027, if no evidence yet',
      'Deadline day: evidence due by 5pm today, if no evidence yet',
      'Tell the officer evidence is overdue, if no evidence yet',
      'Circulate the minutes by Tue 26 Jan 2027, and the 5 key points for the governing body',
    ]);
  });

  it('says when a step was brought forward', () => {
    const rap = meetingOf('rap', '2027-01-12T10:00');
    const plan = planMeeting({ meeting: rap, today: '2027-01-07', calendar });
    if (!plan.ok) throw new Error(plan.error);
    expect(describeStep(plan.value[2]!, rap)).toBe(
      'Ask for evidence, due as soon as possible (deadline Tue 5 Jan 2027 passed); brought forward from Thu 24 Dec 2026',
    );
  });
});
