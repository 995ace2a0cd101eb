// The meeting commands through the router, on a PGlite store with the real outbox and a fixed
// clock. Dates are literal and checkable by hand: in December 2026 London is on GMT (08:00 =
// 08:00Z); Christmas Day is Friday 25 Dec, Boxing Day is observed on Monday 28 Dec, New Year's
// Day is Friday 1 Jan 2027; Good Friday 2027 is 26 Mar, Easter Monday 29 Mar, and BST starts on
// 28 Mar 2027 (08:00 London = 07:00Z).
import { afterEach, describe, expect, it } from 'vitest';
import { SCHEDULE_FORM } from '../../bot/meetings/cards.js';
import { OFFICERS_ONLY } from '../../bot/meetings/command-kit.js';
import { makeCalendar } from '../../core/calendar/index.js';
import { OAKFIELD_HEAD } from '../bot/schools-fixture.js';
import { createOutbox } from '../../bot/outbox/outbox.js';
import type { Outbox } from '../../bot/outbox/types.js';
import { framework, harness, memoryOutbox, OFFICER, outboxView, type Harness } from './fakes.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.cleanup();
  h = undefined;
});

const HEAD = { role: 'guest' as const, addresses: [OAKFIELD_HEAD], aad: 'aad-head', name: 'Tom Davies' };

async function scheduleJan12(x: Harness) {
  x.at('2026-12-01T10:00:00Z');
  const { command, reply } = await x.say('schedule a RAP for Oakfield Primary School on 12 Jan 2027 at 10:00');
  expect(command).toBe('schedule-meeting');
  const [meeting] = await x.meetings();
  if (!meeting) throw new Error(`not scheduled: ${reply.text}`);
  return { id: meeting.id, reply };
}

describe('schedule', () => {
  it('stores the meeting and puts each step in the outbox on working days around Christmas', async () => {
    h = await harness();
    const { id, reply } = await scheduleJan12(h);
    expect(await h.meetings()).toEqual([
      { id, school_urn: '101234', type_id: 'rap', starts_at: '2027-01-12T10:00', status: 'scheduled', revision: 0 },
    ]);
    expect(await outboxView(h.outbox, id)).toEqual({
      'agenda:channel': ['pending', '2026-12-24T08:00:00.000Z'],
      'agenda:members': ['pending', '2026-12-24T08:00:00.000Z'],
      'evidence-request:head': ['pending', '2026-12-24T08:00:00.000Z'],
      'evidence-reminder:head': ['pending', '2026-12-31T08:00:00.000Z'],
      'evidence-due:head': ['pending', '2027-01-05T08:00:00.000Z'],
      'escalation:officer': ['pending', '2027-01-06T08:00:00.000Z'],
      'minutes:officer': ['pending', '2027-01-13T08:00:00.000Z'],
    });
    const rows = await h.outbox.forMeeting(id);
    const byKey = Object.fromEntries(rows.map((r) => [r.key.slice(id.length + 1), r]));
    expect(byKey['evidence-request:head']).toMatchObject({
      recipientRole: 'head',
      recipient: { email: OAKFIELD_HEAD, name: 'Tom Davies' },
      condition: 'always',
      schoolUrn: '101234',
      step: 'evidence-request',
    });
    expect(byKey['evidence-reminder:head']?.condition).toBe('no-evidence');
    expect(byKey['escalation:officer']).toMatchObject({ recipientRole: 'officer', recipient: { name: 'A. Patel' } });
    expect(byKey['agenda:channel']?.recipient).toBeUndefined();
    // The head's request says what and by when, and carries the "Evidence sent" button.
    const request = byKey['evidence-request:head']!.message;
    expect(request.subject).toBe('Evidence for the RAP review meeting on Tuesday 12 January 2027 at 10:00');
    expect(request.text).toContain('by 5pm on Tuesday 5 January 2027');
    expect((request.card as { actions: unknown[] }).actions).toEqual([{ type: 'Action.Submit', title: 'Evidence sent', data: { waymark: 'evidence-sent', meetingId: id } }]);
    expect(byKey['agenda:channel']!.message.subject).toBe('Agenda: RAP review meeting');
    // The reply: the meeting and its plan in en-GB.
    expect(reply.text).toContain('Scheduled: **RAP review meeting** for Oakfield Primary School (URN 101234), Tuesday 12 January 2027 at 10:00.');
    expect(reply.text).toContain('- Thu 24 Dec 2026 08:00: Ask for evidence, due by 5pm Tue 5 Jan 2027 → headteacher');
    expect(reply.text).toContain('- Wed 6 Jan 2027 08:00: Tell the officer evidence is overdue, if no evidence yet → officer');
    expect(reply.text).toContain('- Wed 13 Jan 2027 08:00: Circulate the minutes by Tue 26 Jan 2027 → officer');
  });

  it('plans around Easter 2027 and the change to BST', async () => {
    h = await harness();
    h.at('2027-03-01T10:00:00Z');
    await h.say('schedule a RAP for 101234 on Tuesday 6 April 2027 at 2pm');
    const [m] = await h.meetings();
    expect(m?.starts_at).toBe('2027-04-06T14:00');
    expect(await outboxView(h.outbox, m!.id)).toEqual({
      'agenda:channel': ['pending', '2027-03-19T08:00:00.000Z'],
      'agenda:members': ['pending', '2027-03-19T08:00:00.000Z'],
      'evidence-request:head': ['pending', '2027-03-19T08:00:00.000Z'],
      'evidence-reminder:head': ['pending', '2027-03-24T08:00:00.000Z'],
      'evidence-due:head': ['pending', '2027-03-30T07:00:00.000Z'],
      'escalation:officer': ['pending', '2027-03-31T07:00:00.000Z'],
      'minutes:officer': ['pending', '2027-04-07T07:00:00.000Z'],
    });
  });

  it('skips the LA’s term holidays when WAYMARK_TERMS gives them, and refuses a meeting in one', async () => {
    h = await harness({ calendar: makeCalendar({ closures: [{ name: 'Christmas', start: '2026-12-21', end: '2027-01-01' }] }) });
    h.at('2026-12-01T10:00:00Z');
    const refused = await h.say('schedule a RAP for 101234 on 22 Dec at 10:00');
    expect(refused.reply.text).toBe("I can't schedule that: Tuesday 22 December 2026 (2026-12-22) is not a working day: it is in a school holiday (Christmas).");
    await h.say('schedule a RAP for 101234 on 12 Jan 2027 at 10:00');
    const [m] = await h.meetings();
    // Ten working days before 12 Jan with 21 Dec–1 Jan closed: 11, 8, 7, 6, 5, 4 Jan, 18, 17, 16, 15 Dec.
    expect((await outboxView(h.outbox, m!.id))['evidence-request:head']).toEqual(['pending', '2026-12-15T08:00:00.000Z']);
  });

  it('refuses bank holidays, weekends and the past with a clear message', async () => {
    h = await harness();
    h.at('2026-12-01T10:00:00Z');
    expect((await h.say('schedule a RAP for 101234 on 28 Dec at 10:00')).reply.text).toBe(
      "I can't schedule that: Monday 28 December 2026 (2026-12-28) is not a working day: it is a bank holiday.",
    );
    expect((await h.say('schedule a RAP for 101234 on Saturday 12 December 2026 at 10:00')).reply.text).toBe(
      "I can't schedule that: Saturday 12 December 2026 (2026-12-12) is not a working day: it is a weekend.",
    );
    expect((await h.say('schedule a RAP for 101234 on 30 Nov at 10:00')).reply.text).toMatch(
      /^Monday 30 November 2026 has passed \(today is Tuesday 1 December 2026\); say the year if you mean 30 November 2027/,
    );
    expect((await h.say('schedule a RAP for 101234 today at 9am')).reply.text).toBe(
      "I can't schedule that: the meeting on Tuesday 1 December 2026 at 09:00 is in the past (today is 2026-12-01).",
    );
    expect(await h.meetings()).toEqual([]);
  });

  it('sends the request at once when the meeting is set up late, never dating a step in the past', async () => {
    h = await harness();
    h.at('2026-12-01T10:00:00Z');
    const { reply } = await h.say('schedule a RAP for 101234 on Tuesday 8 December 2026 at 10:00');
    const [m] = await h.meetings();
    expect(await outboxView(h.outbox, m!.id)).toEqual({
      'agenda:channel': ['pending', '2026-12-01T10:00:00.000Z'],
      'agenda:members': ['pending', '2026-12-01T10:00:00.000Z'],
      'evidence-request:head': ['pending', '2026-12-01T10:00:00.000Z'],
      'escalation:officer': ['pending', '2026-12-02T08:00:00.000Z'],
      'minutes:officer': ['pending', '2026-12-09T08:00:00.000Z'],
    });
    const request = (await h.outbox.forMeeting(m!.id)).find((r) => r.step === 'evidence-request');
    // The evidence deadline (5 working days before) is today.
    expect(request?.message.text).toContain('It is needed by 5pm today');
    expect(reply.text).toContain('brought forward from Tue 24 Nov 2026');
  });

  it('refuses a second meeting of the same type on the same day', async () => {
    h = await harness();
    await scheduleJan12(h);
    const again = await h.say('schedule a RAP for 101234 on 12 Jan 2027 at 14:00');
    expect(again.reply.text).toBe('Oakfield Primary School (URN 101234) already has a RAP review meeting on Tuesday 12 January 2027. Move that one instead, or pick another day.');
    expect(await h.meetings()).toHaveLength(1);
  });

  it('asks which school when a name matches several, offering the command with each URN', async () => {
    h = await harness();
    const { reply } = await h.say('schedule a RAP for Oakfield on 12 Jan 2027 at 10:00');
    expect(reply.text).toContain('Which school do you mean by "Oakfield"?');
    expect(reply.suggestions).toEqual(['schedule a RAP for 101234 on 12 Jan 2027 at 10:00', 'schedule a RAP for 110040 on 12 Jan 2027 at 10:00']);
    expect(await h.meetings()).toEqual([]);
  });

  it("refuses a meeting type of another framework, naming the team's own", async () => {
    h = await harness();
    const { reply } = await h.say('schedule a LAIG for 101234 on 12 Jan 2027 at 10:00');
    expect(reply.text).toBe(
      "A LAIG is not one of this team's meetings: it comes from the Cambridgeshire categorisation of LA maintained schools. This team uses the Reading School Improvement Framework, whose meetings are: RAP review meeting.",
    );
  });

  it('makes a school’s first project board the initial one, and later ones subsequent (Camden)', async () => {
    h = await harness({ framework: framework('camden') });
    h.at('2026-12-01T10:00:00Z');
    const first = await h.say('schedule a project board for 101234 on 12 Jan 2027 at 10:00');
    expect(first.reply.text).toContain("This is Oakfield Primary School's first project board, so it uses the initial meeting's agenda");
    const second = await h.say('schedule a project board for 101234 on 9 Feb 2027 at 10:00');
    expect(second.reply.text).toContain('has had a project board before, so this is a subsequent meeting');
    expect((await h.meetings()).map((m) => m.type_id)).toEqual(['project-board-initial', 'project-board-subsequent']);
    await h.say('schedule an initial project board for 110057 on 10 Feb 2027 at 10:00');
    expect((await h.meetings()).at(-1)?.type_id).toBe('project-board-initial');
  });

  it('answers "schedule a meeting" with a form, and the form’s Submit creates the meeting', async () => {
    h = await harness();
    h.at('2026-12-01T10:00:00Z');
    const { reply } = await h.say('schedule a meeting');
    const card = JSON.stringify(reply.card);
    for (const part of ['"Input.ChoiceSet","id":"school"', '"Input.ChoiceSet","id":"type"', '"Input.Date","id":"date"', '"Input.Time","id":"time"', `"data":{"waymark":"${SCHEDULE_FORM}"}`]) {
      expect(card).toContain(part);
    }
    expect(card).toContain('{"title":"Oakfield Primary School (101234)","value":"101234"}');
    const partial = await h.say('schedule a RAP for Oakfield Primary School');
    expect(partial.reply.text).toBe('I still need the date.');
    expect(JSON.stringify(partial.reply.card)).toContain('"id":"school","label":"School","style":"filtered","isRequired":true,"errorMessage":"Choose the school","choices"');
    const submitted = await h.say('', OFFICER, { submit: { waymark: SCHEDULE_FORM, school: '101234', type: 'rap', date: '2027-01-12', time: '10:00' } });
    expect(submitted.command).toBe('schedule-meeting');
    expect(submitted.reply.text).toContain('Scheduled: **RAP review meeting** for Oakfield Primary School (URN 101234), Tuesday 12 January 2027 at 10:00.');
    const missing = await h.say('', OFFICER, { submit: { waymark: SCHEDULE_FORM, school: '101234', type: 'rap', date: '', time: '10:00' } });
    expect(missing.reply.text).toBe('Please fill in: date.');
  });

  it('removes the meeting again when the outbox cannot take its reminders', async () => {
    h = await harness({ outbox: () => memoryOutbox({ failEnqueue: true }) });
    await expect(h.say('schedule a RAP for 101234 on 12 Jan 2027 at 10:00')).rejects.toThrow('outbox unavailable');
    expect(await h.meetings()).toEqual([]);
  });
});

describe('move and cancel', () => {
  it('never plans again a reminder that is being sent while the meeting moves (issue 8, finding 10)', async () => {
    h = await harness();
    const { id } = await scheduleJan12(h);
    await h.mark([`${id}:agenda:channel`, `${id}:agenda:members`], 'sent', { via: 'teams', sentAt: new Date('2026-12-24T08:00:05Z') });
    // The scheduler has claimed the evidence request and its request is out.
    await h.mark([`${id}:evidence-request:head`], 'claimed');
    h.at('2026-12-24T08:00:06Z');
    const { command } = await h.say('move the RAP for Oakfield Primary School to 19 Jan');
    expect(command).toBe('move-meeting');
    const view = await outboxView(h.outbox, id);
    expect(view['evidence-request:head']).toEqual(['claimed', '2026-12-24T08:00:00.000Z']);
    // No second evidence request, in any revision.
    expect(Object.keys(view).filter((k) => k.startsWith('evidence-request'))).toEqual(['evidence-request:head']);
  });

  it('re-plans the pending steps, keeps what was sent, and tells the head now', async () => {
    h = await harness();
    const { id } = await scheduleJan12(h);
    await h.mark([`${id}:agenda:channel`, `${id}:agenda:members`, `${id}:evidence-request:head`], 'sent', { via: 'teams', sentAt: new Date('2026-12-24T08:00:05Z') });
    h.at('2026-12-29T10:00:00Z');
    const { command, reply } = await h.say('move the RAP for Oakfield Primary School to 19 Jan');
    expect(command).toBe('move-meeting');
    expect(await outboxView(h.outbox, id)).toEqual({
      'agenda:channel': ['sent', '2026-12-24T08:00:00.000Z'],
      'agenda:members': ['sent', '2026-12-24T08:00:00.000Z'],
      'evidence-request:head': ['sent', '2026-12-24T08:00:00.000Z'],
      'moved:head:r1': ['pending', '2026-12-29T10:00:00.000Z'],
      'evidence-reminder:head': ['cancelled', '2026-12-31T08:00:00.000Z'],
      'evidence-due:head': ['cancelled', '2027-01-05T08:00:00.000Z'],
      'escalation:officer': ['cancelled', '2027-01-06T08:00:00.000Z'],
      'evidence-reminder:head:r1': ['pending', '2027-01-08T08:00:00.000Z'],
      'evidence-due:head:r1': ['pending', '2027-01-12T08:00:00.000Z'],
      'minutes:officer': ['cancelled', '2027-01-13T08:00:00.000Z'],
      'escalation:officer:r1': ['pending', '2027-01-13T08:00:00.000Z'],
      'minutes:officer:r1': ['pending', '2027-01-20T08:00:00.000Z'],
    });
    const rows = await h.outbox.forMeeting(id);
    expect(rows.find((r) => r.key.endsWith(':evidence-due:head'))?.lastError).toBe('meeting moved');
    const moved = rows.find((r) => r.step === 'moved');
    expect(moved?.recipient).toEqual({ email: OAKFIELD_HEAD, name: 'Tom Davies' });
    expect(moved?.message.text).toContain('Tuesday 19 January 2027 at 10:00');
    expect((await h.meetings())[0]).toMatchObject({ starts_at: '2027-01-19T10:00', revision: 1 });
    expect(reply.text).toContain('Moved: **RAP review meeting** for Oakfield Primary School (URN 101234), from Tue 12 Jan 2027 10:00 to Tuesday 19 January 2027 at 10:00.');
    expect(reply.text).toContain('4 pending reminders were stopped; the head is told of the move.');

    // A second move re-plans the plan in force (r1), not the cancelled rows.
    h.at('2027-01-04T09:00:00Z');
    await h.say('move the RAP for 101234 to 2pm');
    const view = await outboxView(h.outbox, id);
    expect(view['moved:head:r2']).toEqual(['pending', '2027-01-04T09:00:00.000Z']);
    expect(view['evidence-reminder:head:r1']?.[0]).toBe('cancelled');
    expect(view['evidence-due:head:r2']).toEqual(['pending', '2027-01-12T08:00:00.000Z']);
    expect((await h.meetings())[0]).toMatchObject({ starts_at: '2027-01-19T14:00', revision: 2 });
  });

  it('stops every pending step and tells the head when a meeting is cancelled', async () => {
    h = await harness();
    const { id } = await scheduleJan12(h);
    await h.mark([`${id}:agenda:channel`], 'sent', { via: 'channel' });
    h.at('2026-12-29T10:00:00Z');
    const { command, reply } = await h.say("cancel the RAP for Oakfield Primary School");
    expect(command).toBe('cancel-meeting');
    const view = await outboxView(h.outbox, id);
    expect(view['agenda:channel']?.[0]).toBe('sent');
    for (const key of ['agenda:members', 'evidence-request:head', 'evidence-reminder:head', 'evidence-due:head', 'escalation:officer', 'minutes:officer']) {
      expect(view[key]?.[0]).toBe('cancelled');
    }
    expect(view['cancelled:head']).toEqual(['pending', '2026-12-29T10:00:00.000Z']);
    const notice = (await h.outbox.forMeeting(id)).find((r) => r.step === 'cancelled');
    expect(notice?.recipient?.email).toBe(OAKFIELD_HEAD);
    expect((await h.meetings())[0]?.status).toBe('cancelled');
    expect(reply.text).toContain('Cancelled: **RAP review meeting** for Oakfield Primary School (URN 101234), Tuesday 12 January 2027 at 10:00.');
    // Nothing left to cancel or move.
    expect((await h.say('cancel the RAP for 101234')).reply.text).toBe('Oakfield Primary School (URN 101234) has no upcoming meeting of that type scheduled.');
  });

  it('changes nothing when the outbox fails part-way: the meeting, its plan and its reminders move (or are cancelled) together', async () => {
    // The real outbox, whose enqueue fails on demand (after the cancel has run in the same transaction).
    const state = { fail: false };
    const flaky = (real: Outbox): Outbox => ({
      ...real,
      enqueue: async (items) => {
        if (state.fail) throw new Error('outbox unavailable');
        return real.enqueue(items);
      },
      withTx: (tx) => flaky(real.withTx(tx)),
    });
    h = await harness({ outbox: (store) => flaky(createOutbox(store.db)) });
    const { id } = await scheduleJan12(h);
    const before = await outboxView(h.outbox, id);
    const steps = async () => (await h!.store.db.query('SELECT key, in_force FROM meeting_steps WHERE meeting_id = $1 ORDER BY key', [id])).rows;
    const stepsBefore = await steps();
    expect(Object.values(before).every(([status]) => status === 'pending')).toBe(true);
    h.at('2026-12-29T10:00:00Z');
    state.fail = true;
    await expect(h.say('move the RAP for 101234 to 19 Jan')).rejects.toThrow('outbox unavailable');
    await expect(h.say('cancel the RAP for 101234')).rejects.toThrow('outbox unavailable');
    expect(await h.meetings()).toMatchObject([{ starts_at: '2027-01-12T10:00', revision: 0, status: 'scheduled' }]);
    expect(await outboxView(h.outbox, id)).toEqual(before);
    expect(await steps()).toEqual(stepsBefore);
    // Once the outbox works again, the move goes through whole.
    state.fail = false;
    expect((await h.say('move the RAP for 101234 to 19 Jan')).reply.text).toContain('Moved:');
    expect((await outboxView(h.outbox, id))['moved:head:r1']?.[0]).toBe('pending');
  });

  it('asks which meeting when a school has two, and takes "from <day>"', async () => {
    h = await harness();
    h.at('2026-12-01T10:00:00Z');
    await h.say('schedule a RAP for 101234 on 12 Jan 2027 at 10:00');
    await h.say('schedule a RAP for 101234 on 9 Feb 2027 at 10:00');
    const ask = await h.say('move the RAP for 101234 to 16 Feb');
    expect(ask.reply.text).toContain('Oakfield Primary School has 2 such meetings scheduled:');
    expect(ask.reply.text).toContain('*move the RAP for 101234 from 12 Jan to 16 Feb*');
    await h.say('move the RAP for 101234 from 9 Feb to 16 Feb');
    expect((await h.meetings()).map((m) => m.starts_at)).toEqual(['2027-01-12T10:00', '2027-02-16T10:00']);
  });
});

describe('evidence', () => {
  it('an officer records it: chasing stops at once and the channel is told', async () => {
    h = await harness();
    const { id } = await scheduleJan12(h);
    await h.mark([`${id}:agenda:channel`, `${id}:agenda:members`, `${id}:evidence-request:head`], 'sent', { via: 'email' });
    h.at('2026-12-30T11:00:00Z');
    const { command, reply } = await h.say('evidence received for Oakfield Primary School');
    expect(command).toBe('evidence');
    const view = await outboxView(h.outbox, id);
    expect(view['evidence-reminder:head']?.[0]).toBe('cancelled');
    expect(view['evidence-due:head']?.[0]).toBe('cancelled');
    expect(view['escalation:officer']?.[0]).toBe('cancelled');
    expect(view['minutes:officer']?.[0]).toBe('pending');
    expect(view['evidence-received:channel']).toEqual(['pending', '2026-12-30T11:00:00.000Z']);
    const notice = (await h.outbox.forMeeting(id)).find((r) => r.step === 'evidence-received');
    expect(notice).toMatchObject({ recipientRole: 'channel', condition: 'always' });
    expect(notice?.message.text).toBe(
      'Evidence received from Oakfield Primary School (URN 101234) for the RAP review meeting on Tuesday 12 January 2027 at 10:00: recorded by Anna Patel.\nReminders to the headteacher have stopped.',
    );
    const { rows } = await h.store.db.query<{ how: string; recorded_by: string }>('SELECT how, recorded_by FROM evidence WHERE meeting_id = $1', [id]);
    expect(rows).toEqual([{ how: 'officer', recorded_by: 'aad-officer' }]);
    expect(reply.text).toBe('Recorded: evidence received from Oakfield Primary School for the RAP review meeting on Tuesday 12 January 2027 at 10:00. 3 pending reminders were stopped; the channel is told.');
    // Recorded again: no second channel message.
    await h.say('evidence received for 101234');
    expect((await h.outbox.forMeeting(id)).filter((r) => r.step === 'evidence-received')).toHaveLength(1);
  });

  it('a head sending a file in their chat stops chasing for their next meeting only', async () => {
    h = await harness();
    const { id } = await scheduleJan12(h);
    // Another school's meeting, which must not be touched nor named.
    await h.say('schedule a RAP for Thornbury Primary School on 13 Jan 2027 at 10:00');
    h.at('2026-12-30T11:00:00Z');
    const { command, reply } = await h.say('', HEAD, { files: [{ name: 'RAP evidence.pdf', contentType: 'application/vnd.microsoft.teams.file.download.info' }] });
    expect(command).toBe('evidence');
    expect(reply.text).toBe(
      "Thank you: your evidence for the RAP review meeting on Tuesday 12 January 2027 at 10:00 is recorded, and I won't send you any more reminders for it. Your school-improvement officer has been told.",
    );
    expect(reply.text).not.toContain('Thornbury');
    expect((await outboxView(h.outbox, id))['evidence-reminder:head']?.[0]).toBe('cancelled');
    const notice = (await h.outbox.forMeeting(id)).find((r) => r.step === 'evidence-received');
    expect(notice?.message.text).toContain('1 file from the headteacher (Tom Davies) (RAP evidence.pdf)');
    const thornbury = (await h.meetings()).find((m) => m.school_urn === '110057')!;
    expect(Object.values(await outboxView(h.outbox, thornbury.id)).every(([status]) => status === 'pending')).toBe(true);
  });

  it('a head pressing "Evidence sent" records it for that meeting; a link counts too', async () => {
    h = await harness();
    const { id } = await scheduleJan12(h);
    h.at('2026-12-30T11:00:00Z');
    const pressed = await h.say('', HEAD, { submit: { waymark: 'evidence-sent', meetingId: id } });
    expect(pressed.reply.text).toContain('Thank you: your evidence for the RAP review meeting');
    const { rows } = await h.store.db.query<{ how: string }>('SELECT how FROM evidence WHERE meeting_id = $1', [id]);
    expect(rows).toEqual([{ how: 'button' }]);
    const link = await h.say('and here is the SEF https://example.sharepoint.com/sef.docx', HEAD);
    expect(link.reply.text).toBe('Thank you: added to your evidence for the RAP review meeting on Tuesday 12 January 2027 at 10:00.');
  });

  it("never lets someone record evidence for another school's meeting", async () => {
    h = await harness();
    await scheduleJan12(h);
    await h.say('schedule a RAP for Thornbury Primary School on 13 Jan 2027 at 10:00');
    const thornbury = (await h.meetings()).find((m) => m.school_urn === '110057')!;
    const theirs = await h.say('', HEAD, { submit: { waymark: 'evidence-sent', meetingId: thornbury.id } });
    const none = await h.say('', HEAD, { submit: { waymark: 'evidence-sent', meetingId: 'mtg-doesnotexist' } });
    expect(theirs.reply.text).toBe(none.reply.text);
    expect(theirs.reply.text).not.toContain('Thornbury');
    const stranger = await h.say('evidence sent', { role: 'guest', addresses: ['someone@else.example'] });
    expect(stranger.reply.text).toMatch(/^I can only take evidence from a school's headteacher/);
    const { rows } = await h.store.db.query('SELECT 1 FROM evidence');
    expect(rows).toHaveLength(0);
  });

  it("refuses a head's \"evidence received for <another school>\", recording nothing against their own (issue 8, finding 4)", async () => {
    h = await harness();
    await scheduleJan12(h);
    await h.say('schedule a RAP for Thornbury Primary School on 13 Jan 2027 at 10:00');
    const other = await h.say('evidence received for Thornbury Primary School', HEAD);
    const missing = await h.say('evidence received for Nowhere Academy', HEAD);
    expect(other.reply.text).toMatch(/^I can only record evidence for your own school's meetings/);
    expect(missing.reply.text).toBe(other.reply.text);
    expect((await h.store.db.query('SELECT 1 FROM evidence')).rows).toHaveLength(0);
    // Their own school, named, still counts.
    const own = await h.say('evidence received for Oakfield Primary School', HEAD);
    expect(own.reply.text).toMatch(/^Thank you: your evidence for the RAP/);
    const { rows } = await h.store.db.query<{ school_urn: string }>('SELECT m.school_urn FROM evidence e JOIN meetings m ON m.id = e.meeting_id');
    expect(rows).toEqual([{ school_urn: '101234' }]);
  });
});

describe('who may do what', () => {
  it('a head can neither schedule, move, cancel, list nor see reminder status', async () => {
    h = await harness();
    await scheduleJan12(h);
    for (const text of [
      'schedule a RAP for 101234 on 9 Feb 2027 at 10:00',
      'move the RAP for 101234 to 19 Jan',
      'cancel the RAP for 101234',
      'meetings this week',
      'next meeting for 101234',
      "status of 101234's reminders",
      'use this channel for Waymark',
      'import meetings',
    ]) {
      const { reply } = await h.say(text, HEAD);
      expect(reply).toEqual(OFFICERS_ONLY);
    }
    expect((await h.meetings()).map((m) => [m.starts_at, m.status])).toEqual([['2027-01-12T10:00', 'scheduled']]);
    const audit = await h.store.audit.recent(20);
    expect(audit.filter((a) => a.outcome === 'refused').map((a) => a.command)).toContain('reminder-status');
  });
});

describe('status, list and next', () => {
  it("says what happened to each of a school's reminders", async () => {
    h = await harness();
    const { id } = await scheduleJan12(h);
    await h.mark([`${id}:agenda:channel`], 'sent', { via: 'channel', sentAt: new Date('2026-12-24T08:00:03Z') });
    await h.mark([`${id}:agenda:members`], 'no-route', { lastError: 'no Teams chat and no e-mail for a member' });
    await h.mark([`${id}:evidence-request:head`], 'sent', { via: 'email', sentAt: new Date('2026-12-24T08:00:09Z') });
    await h.mark([`${id}:evidence-reminder:head`], 'blocked', { lastError: 'Teams answered 403' });
    await h.mark([`${id}:evidence-due:head`], 'failed', { attempts: 5, lastError: 'Graph answered 503' });
    await h.mark([`${id}:escalation:officer`], 'skipped', { lastError: 'evidence received' });
    h.at('2027-01-05T12:00:00Z');
    const { command, reply } = await h.say("status of Oakfield Primary School's reminders");
    expect(command).toBe('reminder-status');
    expect(reply.text).toBe(
      [
        '**Reminders for Oakfield Primary School (URN 101234)**',
        '',
        '**RAP review meeting, Tuesday 12 January 2027 at 10:00 (scheduled) · evidence awaited**',
        '- Agenda → team channel: sent Thu 24 Dec 2026 08:00 by the team channel',
        '- Agenda → members: no route: no Teams chat and no e-mail for a member',
        '- Evidence request → head (Tom Davies): sent Thu 24 Dec 2026 08:00 by e-mail',
        '- Evidence reminder → head (Tom Davies): blocked: the recipient has blocked Waymark in Teams',
        '- Deadline-day reminder → head (Tom Davies): failed after 5 attempts: Graph answered 503',
        '- Escalation → officer (A. Patel): skipped: evidence was in',
        '- Minutes → officer (A. Patel): pending, due Wed 13 Jan 2027 08:00',
      ].join('\n'),
    );
    await h.say('cancel the RAP for 101234');
    const after = await h.say('reminders for 101234');
    expect(after.reply.text).toContain('(cancelled)');
    expect(after.reply.text).toContain('- Minutes → officer (A. Patel): cancelled: meeting cancelled');
    expect(after.reply.text).toContain('- Cancelled notice → head (Tom Davies): pending, due Tue 5 Jan 2027 12:00');
  });

  it('lists meetings this week and next, and the next one for a school', async () => {
    h = await harness();
    h.at('2026-12-01T10:00:00Z');
    await h.say('schedule a RAP for 101234 on Tuesday 8 December 2026 at 10:00');
    await h.say('schedule a RAP for Thornbury on 10/12 at 2pm');
    await h.say('schedule a RAP for 101234 on 12 Jan 2027 at 10:00');
    expect((await h.say('meetings this week')).reply.text).toBe('No meetings scheduled in this week (Mon 30 Nov 2026 to Sun 6 Dec 2026).');
    expect((await h.say('meetings next week')).reply.text).toBe(
      [
        '**Meetings, next week** (Mon 7 Dec 2026 to Sun 13 Dec 2026):',
        '- Tue 8 Dec 2026 10:00 · RAP review meeting · Oakfield Primary School (URN 101234) · evidence awaited',
        '- Thu 10 Dec 2026 14:00 · RAP review meeting · Thornbury Primary School (URN 110057) · evidence awaited',
      ].join('\n'),
    );
    const next = await h.say('next meeting for Oakfield Primary School');
    expect(next.reply.text).toMatch(/^Next: Tue 8 Dec 2026 10:00 · RAP review meeting · Oakfield Primary School \(URN 101234\) · evidence awaited\n\nStill to send/);
    h.at('2026-12-08T11:00:00Z');
    expect((await h.say('next meeting for 101234')).reply.text).toMatch(/^Next: Tue 12 Jan 2027 10:00/);
  });
});

describe('use this channel', () => {
  it("stores the channel an officer names, in the channel only", async () => {
    h = await harness();
    const personal = await h.say('use this channel for Waymark');
    expect(personal.reply.text).toMatch(/^Say this in the improvement team's channel/);
    const { command, reply } = await h.say('use this channel for Waymark', { ...OFFICER, conversation: 'channel' });
    expect(command).toBe('use-channel');
    expect(reply.text).toBe('Done: Waymark will post agendas, escalations and evidence notices in this channel.');
    const { rows } = await h.store.db.query<{ value: unknown; updated_by: string }>("SELECT value, updated_by FROM settings WHERE key = 'team-channel'");
    expect(rows).toEqual([{ value: '19:general@thread.tacv2', updated_by: 'aad-officer' }]);
  });
});

describe('LAIG confidentiality', () => {
  it('sends heads no minutes or key points; the officer gets the 5 key points to share', async () => {
    h = await harness({ framework: framework('cambridgeshire') });
    h.at('2026-12-01T10:00:00Z');
    await h.say('schedule a LAIG for 101234 on 12 Jan 2027 at 10:00');
    const [m] = await h.meetings();
    const rows = await h.outbox.forMeeting(m!.id);
    const heads = rows.filter((r) => r.recipientRole === 'head');
    expect(heads.map((r) => r.step)).toEqual(['evidence-request', 'evidence-reminder', 'evidence-due']);
    for (const r of heads) expect(r.message.text).not.toMatch(/minutes|key points/i);
    const minutes = rows.find((r) => r.step === 'minutes');
    expect(minutes?.recipientRole).toBe('officer');
    expect(minutes?.message.text).toContain('Summary 5 key points for the whole governing body:');
  });
});

describe('the form, partly filled in', () => {
  it('keeps what was said, and refuses another framework’s type before asking for the rest', async () => {
    h = await harness();
    const rap = await h.say('schedule a RAP on 12 Jan 2027');
    expect(rap.reply.text).toBe('I still need the school.');
    expect((rap.reply.card as { body: { id?: string; value?: string }[] }).body.filter((b) => b.id).map((b) => [b.id, b.value])).toEqual([
      ['school', undefined],
      ['type', 'rap'],
      ['date', '2027-01-12'],
      ['time', '10:00'],
    ]);
    const laig = await h.say('schedule a LAIG');
    expect(laig.reply.text).toMatch(/^A LAIG is not one of this team's meetings/);
    expect(laig.reply.card).toBeUndefined();
  });
});
