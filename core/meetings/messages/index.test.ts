import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../../calendar/index.js';
import { meetingOf } from '../_lib/testing.js';
import { cancelMeeting } from '../cancelMeeting/index.js';
import { planMeeting } from '../planMeeting/index.js';
import { replanMeeting } from '../replanMeeting/index.js';
import type { Meeting, PlanStep } from '../types.js';
import {
  agendaText,
  cancelledText,
  dueTodayText,
  escalationText,
  evidenceRequestText,
  messageForStep,
  minutesText,
  movedText,
  reminderText,
} from './index.js';

const calendar = makeCalendar();
const rap = meetingOf('rap', '2027-01-12T10:00');
const laig = meetingOf('laig', '2027-01-12T14:00', { id: 'm2' });

function planOf(meeting: Meeting, today = '2026-12-01'): PlanStep[] {
  const plan = planMeeting({ meeting, today, calendar });
  if (!plan.ok) throw new Error(plan.error);
  return plan.value;
}

/** Every message a plan sends, moves and cancellations included, for one recipient kind. */
function allTexts(meeting: Meeting, recipient: PlanStep['recipient']): string[] {
  const plan = planOf(meeting);
  const moved = replanMeeting({ plan, meeting: { ...meeting, startsAt: '2027-01-19T10:00' }, today: '2026-12-01', calendar });
  const cancelled = cancelMeeting({ plan, today: '2026-12-01', calendar });
  if (!moved.ok || !cancelled.ok) throw new Error('move or cancel failed');
  const render = (step: PlanStep, m: Meeting) => {
    const message = messageForStep(step, m);
    if (!message.ok) throw new Error(message.error);
    return message.value;
  };
  return [
    ...plan.map((s) => render(s, meeting)),
    render(moved.value.notifyHead, { ...meeting, startsAt: '2027-01-19T10:00' }),
    render(cancelled.value.notifyHead, meeting),
  ]
    .filter((m) => m.recipient === recipient)
    .map((m) => m.text);
}

describe('agendaText', () => {
  it("gives Camden's initial project-board agenda verbatim, in order", () => {
    const text = agendaText(meetingOf('project-board', '2027-01-12T10:00', { variant: 'initial' }));
    expect(text).toContain(
      [
        'Agenda:',
        '1. Chair to define purpose of the meeting',
        '2. Agree the end of year outcomes',
        '3. Initial actions taken by senior and middle leaders and school development planning',
        '4. Initial actions taken by governors',
        '5. Support from Camden Learning and other partners & plan for brokered support',
        '6. Identify follow up actions with dates',
        '7. Dates of Future Meetings',
      ].join('\n'),
    );
  });

  it("gives Camden's subsequent agenda verbatim, numbered 1 to 8", () => {
    const text = agendaText(meetingOf('project-board', '2027-01-12T10:00'));
    expect(text.startsWith('Agenda: Project board: subsequent meeting\nOakfield Primary School (URN 100001)\nTuesday 12 January 2027 at 10:00')).toBe(true);
    expect(text).toContain('2. School to present report on progress against outcomes and any contextual changes');
    expect(text).toContain('8. Dates of Future Meetings');
  });

  it("lists Reading's RAP purposes, chair and members", () => {
    const text = agendaText(rap);
    expect(text).toContain('Chair: Strategic Lead for School Improvement or Head of Education');
    expect(text).toContain('- Celebrate success');
    expect(text).toContain('- Hold the school to account for the impact of external support and achieving accelerated improvement');
    expect(text).toContain("1. Headteacher's evidence of progress against the RAP success criteria and milestones");
  });

  it('marks the LAIG confidential', () => {
    const text = agendaText(laig);
    expect(text.split('\n').slice(0, 4)).toEqual([
      'Agenda: Local Authority Implementation Group (LAIG)',
      'Oakfield Primary School (URN 100001)',
      'Tuesday 12 January 2027 at 14:00',
      'Confidential: for members of the meeting only.',
    ]);
    expect(text).toContain('1. Progress against the priorities, targets and actions of the Local Authority Support and Intervention Plan');
  });

  it("takes the LA's own items", () => {
    const text = agendaText(rap, { agenda: ['Welcome', 'RAP progress'], purposes: false });
    expect(text.endsWith('Agenda:\n1. Welcome\n2. RAP progress')).toBe(true);
    expect(text).not.toContain('Purposes:');
  });
});

describe('evidence chasing texts', () => {
  it('asks for what the meeting needs, by 5pm on the deadline, dates in en-GB', () => {
    const text = evidenceRequestText(rap, { day: '2026-12-24', dueDay: '2027-01-05' });
    expect(text).toContain('Evidence for the RAP review meeting on Tuesday 12 January 2027 at 10:00');
    expect(text).toContain('success criteria and milestones in your Raising Achievement Plan');
    expect(text).toContain('It is needed by 5pm on Tuesday 5 January 2027');
  });

  it('asks for the Project Board report before a subsequent board', () => {
    expect(evidenceRequestText(meetingOf('project-board', '2027-01-12T10:00'), { day: '2026-12-24', dueDay: '2027-01-05' })).toContain(
      'the completed Project Board report',
    );
  });

  it('says "as soon as possible" when a late set-up finds the deadline passed, "today" on the day', () => {
    expect(evidenceRequestText(rap, { day: '2027-01-07', dueDay: '2027-01-05' })).toContain(
      'It is needed as soon as possible (the deadline was 5pm on Tuesday 5 January 2027)',
    );
    expect(evidenceRequestText(rap, { day: '2027-01-05', dueDay: '2027-01-05' })).toContain('It is needed by 5pm today');
  });

  it('reminds, then says "by 5pm today" on the deadline day, then escalates to the officer', () => {
    expect(reminderText(rap, { day: '2026-12-31', dueDay: '2027-01-05' })).toContain('needed by 5pm on Tuesday 5 January 2027');
    const due = dueTodayText(rap, { day: '2027-01-05', dueDay: '2027-01-05' });
    expect(due.split('\n')[0]).toBe('Evidence due by 5pm today: RAP review meeting on Tuesday 12 January 2027 at 10:00');
    expect(escalationText(rap, { day: '2027-01-06', dueDay: '2027-01-05' })).toBe(
      [
        'No evidence yet from Oakfield Primary School (URN 100001) for the RAP review meeting on Tuesday 12 January 2027 at 10:00.',
        'It was due by 5pm on Tuesday 5 January 2027; the headteacher was asked for it.',
        'Please follow up with the school.',
      ].join('\n'),
    );
  });

  it("uses the LA's words for what to send", () => {
    expect(reminderText(rap, { day: '2026-12-31', dueDay: '2027-01-05' }, { evidence: 'your updated RAP tracker' })).toContain(
      'your updated RAP tracker',
    );
  });
});

describe('after the meeting, moves and cancellations', () => {
  it('LAIG minutes go to the officer with the 5 key points for the governing body', () => {
    const plan = planOf(laig);
    const minutes = plan.filter((s) => s.step === 'minutes');
    expect(minutes.map((s) => s.recipient)).toEqual(['officer']);
    const text = minutesText(laig, { dueDay: minutes[0]?.dueDay });
    expect(text).toContain('by Tuesday 26 January 2027');
    expect(text).toContain('This meeting is confidential: the minutes go to its members only.');
    expect(text).toContain('Summary 5 key points for the whole governing body:\n1. \n2. \n3. \n4. \n5. ');
  });

  it('RAP minutes carry no key-points template', () => {
    expect(minutesText(rap, { dueDay: '2027-01-26' })).not.toContain('Summary 5 key points');
  });

  it('tells the head of a move and the new deadline, or that nothing more is needed', () => {
    const moved = { ...rap, startsAt: '2027-01-19T10:00' };
    const step = { day: '2026-12-29', dueDay: '2027-01-12', movedFrom: '2027-01-12T10:00' };
    expect(movedText(moved, step)).toContain(
      'has moved from Tuesday 12 January 2027 at 10:00 to Tuesday 19 January 2027 at 10:00.\nYour evidence is now needed by 5pm on Tuesday 12 January 2027.',
    );
    expect(movedText(moved, step, { evidenceReceived: true })).toContain('there is nothing more to send');
    expect(cancelledText(rap)).toContain('on Tuesday 12 January 2027 at 10:00 has been cancelled');
  });
});

describe("heads' messages", () => {
  it('never carry LAIG minutes or key points', () => {
    const plan = planOf(laig);
    expect(plan.filter((s) => s.recipient === 'head').map((s) => s.step)).toEqual([
      'evidence-request',
      'evidence-reminder',
      'evidence-due',
    ]);
    const texts = allTexts(laig, 'head');
    expect(texts).toHaveLength(5); // request, reminder, due today, moved, cancelled
    for (const text of texts) {
      expect(text).not.toMatch(/key points/i);
      expect(text).not.toMatch(/minute/i);
    }
  });

  it('never carry another school', () => {
    const other = meetingOf('rap', '2027-01-12T11:00', { id: 'm9', urn: '100999', name: 'Brookside Academy' });
    for (const [mine, theirs] of [
      [rap, other],
      [other, rap],
    ] as const) {
      for (const text of allTexts(mine, 'head')) {
        expect(text).toContain(mine.schoolName);
        expect(text).not.toContain(theirs.schoolName);
        expect(text).not.toContain(theirs.schoolUrn);
      }
    }
  });

  it('messageForStep refuses minutes for a head, stale steps and other meetings', () => {
    const minutes = planOf(laig).find((s) => s.step === 'minutes');
    if (!minutes) throw new Error('no minutes step');
    expect(messageForStep({ ...minutes, recipient: 'head' }, laig)).toEqual({
      ok: false,
      error: 'step m2:minutes:officer: heads are never sent minutes or key points',
    });
    expect(messageForStep(minutes, { ...laig, startsAt: '2027-01-19T10:00' })).toMatchObject({
      ok: false,
      error: expect.stringContaining('re-plan it'),
    });
    expect(messageForStep(minutes, rap)).toMatchObject({ ok: false, error: expect.stringContaining('not "m1"') });
  });
});
