// parseMeetingCommand: many ways of saying the same thing, en-GB dates (literal, checkable
// by hand: 24 Nov 2026 is a Tuesday), dates around Christmas, and what it asks when unclear.
import { describe, expect, it } from 'vitest';
import {
  meetingCommandKind,
  parseMeetingCommand,
  parseMeetingDate,
  parseMeetingTime,
  parseMeetingTypeWords,
} from '../../core/meetings/parseMeetingCommand/index.js';

const TODAY = '2026-11-24'; // Tuesday
const parse = (text: string, today = TODAY) => parseMeetingCommand(text, { today });
const command = (text: string, today = TODAY) => {
  const p = parse(text, today);
  if (!p?.ok) throw new Error(`expected a command for ${JSON.stringify(text)}, got ${JSON.stringify(p)}`);
  return p.command;
};
/** The day of a schedule command. */
const dayOf = (text: string, today = TODAY) => {
  const c = command(text, today);
  return c.kind === 'schedule' ? c.day : undefined;
};
const error = (text: string, today = TODAY) => {
  const p = parse(text, today);
  if (!p || p.ok) throw new Error(`expected an error for ${JSON.stringify(text)}, got ${JSON.stringify(p)}`);
  return p.error;
};

describe('schedule', () => {
  it.each([
    ['schedule a RAP for Oakfield on 9 Dec at 10:00', 'Oakfield', { alias: 'rap' }, '2026-12-09', '10:00'],
    ['Schedule a RAP review meeting for St Mary\'s CE Primary on Wednesday 9 December 2026 at 2.30pm', "St Mary's CE Primary", { alias: 'rap' }, '2026-12-09', '14:30'],
    ['schedule a RAP for St Mary\u2019s on 9 Dec at 10:00', "St Mary's", { alias: 'rap' }, '2026-12-09', '10:00'],
    ['book a LAIG for Oakfield on 9/12 at 10am', 'Oakfield', { alias: 'laig' }, '2026-12-09', '10:00'],
    ['please schedule the LAIG for 101234 on 9/12/2026 at 9:30', '101234', { alias: 'laig' }, '2026-12-09', '09:30'],
    ['schedule a local authority implementation group for Oakfield on 9/12/26 at 09.30', 'Oakfield', { alias: 'laig' }, '2026-12-09', '09:30'],
    ['schedule an initial project board for Oakfield on 12 January at 10am', 'Oakfield', { alias: 'project-board', variant: 'initial' }, '2027-01-12', '10:00'],
    ['schedule a project board (subsequent) for Oakfield on Jan 12th 2027 at 14:00', 'Oakfield', { alias: 'project-board', variant: 'subsequent' }, '2027-01-12', '14:00'],
    ['schedule the first project board for Oakfield on Tue 12 Jan 2027 at 3pm', 'Oakfield', { alias: 'project-board', variant: 'initial' }, '2027-01-12', '15:00'],
    ['schedule a project board for Oakfield on 12 Jan at 10:00', 'Oakfield', { alias: 'project-board' }, '2027-01-12', '10:00'],
    ['set up a progress review for Oakfield tomorrow at 9am', 'Oakfield', { alias: 'progress-review' }, '2026-11-25', '09:00'],
    ['schedule a TRIP meeting for Oakfield on 2026-12-09 at 10:00', 'Oakfield', { alias: 'progress-review' }, '2026-12-09', '10:00'],
    ['arrange a steering group meeting with Oakfield on the 3rd of December at noon', 'Oakfield', { alias: 'steering-group' }, '2026-12-03', '12:00'],
    ['can you schedule a RAP for Oakfield on Friday at 10am?', 'Oakfield', { alias: 'rap' }, '2026-11-27', '10:00'],
    ['schedule a RAP on 9 Dec for Oakfield at 10:00', 'Oakfield', { alias: 'rap' }, '2026-12-09', '10:00'],
    ['schedule a RAP for Oakfield at 10:00 on 9 Dec', 'Oakfield', { alias: 'rap' }, '2026-12-09', '10:00'],
    ['schedule a steering group for Friday Bridge on Friday at 10am', 'Friday Bridge', { alias: 'steering-group' }, '2026-11-27', '10:00'],
    ['RAP for Oakfield on 9 Dec at 10', 'Oakfield', { alias: 'rap' }, '2026-12-09', '10:00'],
    ['project board for Oakfield on 12 Jan at 2pm', 'Oakfield', { alias: 'project-board' }, '2027-01-12', '14:00'],
    ['schedule a RAP for Oakfield on 9 December at 14:00.', 'Oakfield', { alias: 'rap' }, '2026-12-09', '14:00'],
  ])('%j', (text, school, type, day, time) => {
    expect(command(text)).toEqual({ kind: 'schedule', school, type, day, time });
  });

  it('leaves out what was not said (the bot asks with the form)', () => {
    expect(command('schedule a meeting')).toEqual({ kind: 'schedule' });
    expect(command('schedule a meeting for Oakfield')).toEqual({ kind: 'schedule', school: 'Oakfield' });
    expect(command('schedule a RAP')).toEqual({ kind: 'schedule', type: { alias: 'rap' } });
    expect(command('schedule a RAP for Oakfield on 9 Dec')).toEqual({ kind: 'schedule', school: 'Oakfield', type: { alias: 'rap' }, day: '2026-12-09' });
  });

  it('reads dates around Christmas and the new year', () => {
    expect(dayOf('schedule a RAP for Oakfield on 24 Dec at 10:00')).toBe('2026-12-24');
    // The parser reads the day; the plan refuses bank holidays (see the command tests).
    expect(dayOf('schedule a RAP for Oakfield on 25/12 at 10:00')).toBe('2026-12-25');
    expect(dayOf('schedule a RAP for Oakfield on 4 Jan at 10:00', '2026-12-20')).toBe('2027-01-04');
    expect(dayOf('schedule a RAP for Oakfield on 1 Jan at 10:00', '2026-12-29')).toBe('2027-01-01');
    expect(dayOf('schedule a RAP for Oakfield on 31 Dec at 10:00', '2026-12-31')).toBe('2026-12-31');
    expect(dayOf('schedule a RAP for Oakfield tomorrow at 10:00', '2026-12-31')).toBe('2027-01-01');
    expect(dayOf('schedule a RAP for Oakfield on Monday at 10:00', '2026-12-24')).toBe('2026-12-28');
  });

  it.each([
    ['schedule a RAP for Oakfield on 31 Nov at 10:00', 'there is no 31 November'],
    ['schedule a RAP for Oakfield on 30/02/2027 at 10:00', 'there is no 30 February in 2027'],
    ['schedule a RAP for Oakfield on 29/2/2027 at 10:00', 'there is no 29 February in 2027'],
    ['schedule a RAP for Oakfield on 9/13 at 10:00', 'there is no month 13: write dates day first, as in 9/12 for 9 December'],
    ['schedule a RAP for Oakfield on 20 Nov at 10:00', 'Friday 20 November 2026 has passed (today is Tuesday 24 November 2026); say the year if you mean 20 November 2027'],
    ['schedule a RAP for Oakfield on 9 Dec 2025 at 10:00', 'Tuesday 9 December 2025 is in the past (today is Tuesday 24 November 2026)'],
    ['schedule a RAP for Oakfield on 23/11/2026 at 10:00', 'Monday 23 November 2026 is in the past (today is Tuesday 24 November 2026)'],
    ['schedule a RAP for Oakfield on Tuesday 9 December 2026 at 10:00', '9 December 2026 is a Wednesday, not a Tuesday: which did you mean?'],
    ['schedule a RAP for Oakfield on next Tuesday at 10:00', '"next Tuesday" could mean Tuesday 1 December 2026 or Tuesday 8 December 2026: say the date, e.g. 1 December'],
    ['schedule a RAP for Oakfield on 9 Dec at 2', '"at 2": is that 2am or pm? Say 2pm or 14:00'],
    ['schedule a RAP for Oakfield on 9 Dec at 2:30', '"2:30": is that 2.30am or pm? Say 2.30pm or 14:30'],
    ['schedule a RAP for Oakfield on 9 Dec at 25:00', '"25:00" is not a time: hours go up to 23'],
    ['schedule a RAP for Oakfield on 9 Dec at 10:75', '"10:75" is not a time: minutes go up to 59'],
    ['schedule a RAP for Oakfield on 9 Dec at 13pm', '"13pm" is not a time: with am or pm the hour is 1 to 12'],
  ])('%j → asks or explains', (text, message) => {
    expect(error(text)).toBe(message);
  });

  it('asks which day when given two', () => {
    expect(error('schedule a RAP for Oakfield on 9 Dec or 10 Dec at 10:00')).toMatch(/^I found 2 dates \(Wednesday 9 December 2026, Thursday 10 December 2026\): which day/);
    expect(error('schedule a RAP for Oakfield on 9 Dec at 10am or 2pm')).toMatch(/^I found 2 times/);
  });

  it('reads 29 February without a year as the next leap year', () => {
    expect(dayOf('schedule a RAP for Oakfield on 29 Feb at 10:00')).toBe('2028-02-29');
  });
});

describe('move', () => {
  it.each([
    ["move Oakfield's RAP to 16 Dec", { school: "Oakfield's", type: { alias: 'rap' }, day: '2026-12-16' }],
    ['move the RAP for Oakfield to 16/12 at 2pm', { school: 'Oakfield', type: { alias: 'rap' }, day: '2026-12-16', time: '14:00' }],
    ["reschedule Oakfield's LAIG from 9 Dec to 16 Dec", { school: "Oakfield's", type: { alias: 'laig' }, fromDay: '2026-12-09', day: '2026-12-16' }],
    ["move Oakfield's RAP to 2pm", { school: "Oakfield's", type: { alias: 'rap' }, time: '14:00' }],
    ["postpone Oakfield's meeting until 6 January", { school: "Oakfield's", day: '2027-01-06' }],
    ["change the time of Oakfield's RAP to 11am", { school: "Oakfield's", type: { alias: 'rap' }, time: '11:00' }],
    ['move the Oakfield RAP to Tuesday 15 December 2026 at 9:30', { school: 'Oakfield', type: { alias: 'rap' }, day: '2026-12-15', time: '09:30' }],
    ["move St Mary's project board to 12 Jan", { school: "St Mary's", type: { alias: 'project-board' }, day: '2027-01-12' }],
  ])('%j', (text, expected) => {
    expect(command(text)).toEqual({ kind: 'move', ...expected });
  });

  it('asks when a school or a new time is missing, and refuses a past day', () => {
    expect(error("move Oakfield's RAP")).toMatch(/^Move it to when\?/);
    expect(error('move the RAP to 16 Dec')).toMatch(/^Which school's meeting\?/);
    expect(error("move Oakfield's RAP to 23/11/2026")).toBe('Monday 23 November 2026 is in the past (today is Tuesday 24 November 2026)');
    expect(error("move Oakfield's RAP to next Wednesday")).toMatch(/^"next Wednesday" could mean/);
  });
});

describe('cancel', () => {
  it.each([
    ["cancel Oakfield's RAP", { school: "Oakfield's", type: { alias: 'rap' } }],
    ['cancel the RAP for Oakfield', { school: 'Oakfield', type: { alias: 'rap' } }],
    ['cancel the LAIG for Oakfield on 9 Dec', { school: 'Oakfield', type: { alias: 'laig' }, day: '2026-12-09' }],
    ["call off Oakfield's project board", { school: "Oakfield's", type: { alias: 'project-board' } }],
    ['cancel the meeting for 101234', { school: '101234' }],
    ["please cancel St Mary's steering group meeting", { school: "St Mary's", type: { alias: 'steering-group' } }],
  ])('%j', (text, expected) => {
    expect(command(text)).toEqual({ kind: 'cancel', ...expected });
  });

  it('is not a meeting command without a meeting in it', () => {
    expect(parse('cancel')).toBeUndefined();
    expect(parse('cancel that')).toBeUndefined();
  });
});

describe('list and next', () => {
  it.each([
    ['meetings this week', { from: '2026-11-23', to: '2026-11-29', label: 'this week' }],
    ['What meetings are there next week?', { from: '2026-11-30', to: '2026-12-06', label: 'next week' }],
    ['meetings today', { from: TODAY, to: TODAY, label: 'today' }],
    ['any meetings tomorrow', { from: '2026-11-25', to: '2026-11-25', label: 'tomorrow' }],
    ['show me all meetings this month', { from: TODAY, to: '2026-11-30', label: 'this month' }],
    ['meetings next month', { from: '2026-12-01', to: '2026-12-31', label: 'next month' }],
    ['meetings in the next 2 weeks', { from: TODAY, to: '2026-12-07', label: 'next 2 weeks' }],
    ['list meetings', { from: TODAY, to: '2026-12-21', label: 'the next four weeks' }],
    ['upcoming meetings', { from: TODAY, to: '2026-12-21', label: 'the next four weeks' }],
  ])('%j', (text, range) => {
    expect(command(text)).toEqual({ kind: 'list', range });
  });

  it('lists one school', () => {
    expect(command('meetings for Oakfield')).toMatchObject({ kind: 'list', school: 'Oakfield' });
    expect(command("Oakfield's meetings next week")).toMatchObject({ kind: 'list', school: "Oakfield's", range: { label: 'next week' } });
  });

  it.each([
    ['next meeting for Oakfield', { school: 'Oakfield' }],
    ["Oakfield's next meeting", { school: "Oakfield's" }],
    ["when is Oakfield's next meeting?", { school: "Oakfield's" }],
    ['when is the next meeting', {}],
    ['next RAP meeting for Oakfield', { school: 'Oakfield', type: { alias: 'rap' } }],
    ["what's St Mary's next LAIG meeting", { school: "St Mary's", type: { alias: 'laig' } }],
  ])('%j', (text, expected) => {
    expect(command(text)).toEqual({ kind: 'next', ...expected });
  });
});

describe('evidence and status', () => {
  it.each([
    ['evidence received for Oakfield', { school: 'Oakfield' }],
    ['Evidence received from Oakfield Primary School', { school: 'Oakfield Primary School' }],
    ["Oakfield's evidence is in", { school: "Oakfield's" }],
    ['evidence in for 101234', { school: '101234' }],
    ['got the evidence for Oakfield', { school: 'Oakfield' }],
    ['Oakfield has sent their evidence', { school: 'Oakfield' }],
    ["record evidence received for Oakfield's RAP", { school: "Oakfield's", type: { alias: 'rap' } }],
    ['evidence sent', {}],
    ["I've sent the evidence", {}],
    ['here is our evidence: https://example.sharepoint.com/x', {}],
  ])('%j', (text, expected) => {
    expect(command(text)).toEqual({ kind: 'evidence', ...expected });
  });

  it.each([
    ["status of Oakfield's reminders", "Oakfield's"],
    ['reminder status for Oakfield', 'Oakfield'],
    ['reminders for Oakfield Primary School', 'Oakfield Primary School'],
    ['what is the status of 101234 reminders', '101234'],
    ['Oakfield reminders status', 'Oakfield'],
    // "status of X": the same answer (with any warning notice's dates).
    ['status of Oakfield Primary School', 'Oakfield Primary School'],
    ["what's the status of St Mary's CE Primary School", "St Mary's CE Primary School"],
  ])('%j', (text, school) => {
    expect(command(text)).toEqual({ kind: 'status', school });
  });
});

describe('not meeting commands', () => {
  it.each(["what is St Mary's category?", 'category of 101234', 'show Oakfield Primary', 'which category is Oakfield in?', 'help', 'hello', '', 'Oakfield', 'cancel', 'move on', 'schedule'])(
    '%j',
    (text) => {
      expect(meetingCommandKind(text)).toBeUndefined();
      expect(parse(text)).toBeUndefined();
    },
  );
});

describe('parseMeetingDate, parseMeetingTime and parseMeetingTypeWords', () => {
  it('reads a whole field', () => {
    expect(parseMeetingDate('9 Dec', { today: TODAY })).toEqual({ ok: true, value: '2026-12-09' });
    expect(parseMeetingDate('9/1', { today: TODAY })).toEqual({ ok: true, value: '2027-01-09' });
    expect(parseMeetingDate('Tuesday', { today: TODAY })).toEqual({ ok: true, value: '2026-12-01' });
    expect(parseMeetingDate('1 Sep 2026', { today: TODAY, allowPast: true })).toEqual({ ok: true, value: '2026-09-01' });
    expect(parseMeetingDate('soon', { today: TODAY }).ok).toBe(false);
    expect(parseMeetingTime('2.30pm')).toEqual({ ok: true, value: '14:30' });
    expect(parseMeetingTime('10am')).toEqual({ ok: true, value: '10:00' });
    expect(parseMeetingTime('12am')).toEqual({ ok: true, value: '00:00' });
    expect(parseMeetingTime('12 p.m.')).toEqual({ ok: true, value: '12:00' });
    expect(parseMeetingTime('9')).toEqual({ ok: true, value: '09:00' });
    expect(parseMeetingTime('teatime').ok).toBe(false);
    expect(parseMeetingTypeWords('RAP')).toEqual({ alias: 'rap' });
    expect(parseMeetingTypeWords('Project board (initial)')).toEqual({ alias: 'project-board', variant: 'initial' });
    expect(parseMeetingTypeWords('camden/project-board-subsequent')).toEqual({ alias: 'project-board', variant: 'subsequent' });
    expect(parseMeetingTypeWords('steering-group')).toEqual({ alias: 'steering-group' });
    expect(parseMeetingTypeWords('visit')).toBeUndefined();
  });
});
