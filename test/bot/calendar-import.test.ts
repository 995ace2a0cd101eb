// The calendar import (WAYMARK_CALENDAR) through the real Microsoft Graph client against a
// loopback fake calendarView: events become meetings with the reminders chat scheduling gives,
// a moved event re-plans, a cancelled or deleted one cancels, one it cannot match is listed for
// officers and never planned, a re-import changes nothing, throttling is waited out.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchCalendar, type CalendarWatch } from '../../bot/calendar/watch.js';
import { graphClient } from '../../bot/graph/client.js';
import { createCalendarReader } from '../../bot/graph/calendar.js';
import { memoryLogger } from '../../bot/log.js';
import { startFakeCalendar, type FakeCalendar } from '../fakes/graph-calendar.js';
import { harness, outboxView, type Harness } from '../meetings-bot/fakes.js';

const MAILBOX = 'school-improvement@la.gov.uk';
const ENV = { MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw', MicrosoftAppTenantId: 't-1', WAYMARK_CALENDAR: MAILBOX };
const credential = { getToken: async () => ({ token: 'graph-token', expiresOnTimestamp: Date.now() + 3_600_000 }) };

let calendar: FakeCalendar;
let h: Harness;
const watches: CalendarWatch[] = [];
beforeEach(async () => {
  calendar = await startFakeCalendar();
  h = await harness({ env: ENV });
  h.at('2026-12-01T10:00:00Z');
});
afterEach(async () => {
  for (const w of watches.splice(0)) await w.stop();
  await h.cleanup();
  await calendar.close();
});

const OFFICER_UPN = 'anna.patel@la.gov.uk';

function watch() {
  const sleeps: number[] = [];
  const log = memoryLogger();
  const reader = createCalendarReader(graphClient({ baseUrl: calendar.url, credential }), { sleep: async (ms) => void sleeps.push(ms), random: () => 0 });
  const w = watchCalendar({ mailbox: MAILBOX, reader, directory: h.directory, services: h.services, db: h.store.db, log, now: h.now, pollMs: 0, officers: [OFFICER_UPN, 'aad-officer'] });
  watches.push(w);
  return { w, sleeps, log };
}

const EVENTS = [
  { id: 'ev-oak', subject: 'RAP – Redwood Academy', start: '2027-01-12T10:00' },
  { id: 'ev-thorn', subject: 'Thornbury Primary School: RAP review meeting', start: '2027-01-19T10:30' },
  { id: 'ev-stmary', subject: "RAP – St Mary's CE Primary School", start: '2027-01-20T10:00' },
  { id: 'ev-lunch', subject: 'Team lunch', start: '2027-01-21T12:00' },
  { id: 'ev-laig', subject: 'LAIG - Elmhurst Primary', start: '2027-01-22T09:00' },
];

async function meetingOf(urn: string) {
  return (await h.meetings()).find((m) => m.school_urn === urn);
}

describe('calendar import', () => {
  it('imports matched events with the reminders chat scheduling gives, lists the rest for officers, and a re-import changes nothing', async () => {
    for (const e of EVENTS) calendar.put(MAILBOX, e);
    const { w } = watch();
    const summary = await w.check();
    expect(summary).toMatchObject({ imported: 2, moved: 0, cancelled: 0, listed: 2 });
    // Five events, two a page: three pages, each asked for in London time with the bot's token.
    expect(calendar.requests.map((r) => [r.status, r.prefer, r.authorization])).toEqual(
      Array.from({ length: 3 }, () => [200, 'outlook.timezone="Europe/London"', 'Bearer graph-token']),
    );
    const meetings = await h.meetings();
    expect(meetings.map((m) => [m.school_urn, m.type_id, m.starts_at, m.status])).toEqual([
      ['110213', 'rap', '2027-01-12T10:00', 'scheduled'],
      ['110057', 'rap', '2027-01-19T10:30', 'scheduled'],
    ]);

    // The same reminders as "schedule a RAP …" in chat, at the same times.
    const chat = await h.say('schedule a RAP for Elmhurst Primary on 12 Jan 2027 at 10:00');
    expect(chat.reply.text).toContain('Elmhurst Primary');
    const elmhurst = (await meetingOf('110034'))!;
    const imported = await outboxView(h.outbox, meetings[0]!.id);
    expect(Object.keys(imported).length).toBeGreaterThan(3);
    expect(imported).toEqual(await outboxView(h.outbox, elmhurst.id));

    const listed = await h.say('calendar events I could not match');
    expect(listed.command).toBe('calendar-events');
    expect(listed.reply.text).toContain('2 calendar events I could not match');
    expect(listed.reply.text).toContain(`"St Mary's CE Primary School" matches several schools`);
    // Not a Waymark meeting: not listed, not even kept.
    expect(listed.reply.text).not.toContain('Team lunch');
    expect(listed.reply.text).toContain("A LAIG is not one of this team's meetings");
    expect(listed.reply.text).not.toContain('**RAP – Redwood');
    expect(listed.reply.text).toContain('2 meetings imported');

    // Again: nothing new, nothing moved, no new reminders.
    const before = await h.store.db.query('SELECT key, status FROM outbox ORDER BY key');
    expect(await w.check()).toMatchObject({ imported: 0, moved: 0, cancelled: 0 });
    expect(await h.store.db.query('SELECT key, status FROM outbox ORDER BY key')).toEqual(before);
    expect((await h.meetings()).length).toBe(3);
  });

  it('a moved event re-plans its meeting; a cancelled one and a deleted one cancel theirs', async () => {
    for (const e of EVENTS.slice(0, 2)) calendar.put(MAILBOX, e);
    const { w } = watch();
    await w.check();
    const oak = (await meetingOf('110213'))!;
    const thorn = (await meetingOf('110057'))!;
    const pendingOak = Object.entries(await outboxView(h.outbox, oak.id)).filter(([, [s]]) => s === 'pending').map(([k]) => k);

    calendar.put(MAILBOX, { ...EVENTS[0]!, start: '2027-01-14T14:00' });
    expect(await w.check()).toMatchObject({ moved: 1, imported: 0 });
    const moved = (await meetingOf('110213'))!;
    expect([moved.starts_at, moved.revision, moved.status]).toEqual(['2027-01-14T14:00', 1, 'scheduled']);
    const afterMove = await outboxView(h.outbox, oak.id);
    for (const k of pendingOak) expect(afterMove[k]?.[0]).toBe('cancelled');
    expect(Object.values(afterMove).filter(([s]) => s === 'pending').length).toBeGreaterThan(1);

    // Moved beyond the 12-month window: asked for by id, and moved, not taken as deleted.
    calendar.put(MAILBOX, { ...EVENTS[1]!, start: '2028-01-18T10:30' });
    expect(await w.check()).toMatchObject({ moved: 1, cancelled: 0 });
    expect((await meetingOf('110057'))).toMatchObject({ starts_at: '2028-01-18T10:30', status: 'scheduled' });

    calendar.put(MAILBOX, { ...EVENTS[1]!, start: '2027-01-19T10:30', isCancelled: true });
    calendar.remove(MAILBOX, 'ev-oak');
    expect(await w.check()).toMatchObject({ cancelled: 2, moved: 0, imported: 0 });
    expect((await h.meetings()).map((m) => [m.school_urn, m.status])).toEqual([
      ['110213', 'cancelled'],
      ['110057', 'cancelled'],
    ]);
    // Only the heads' "cancelled" notices are still to go.
    for (const id of [oak.id, thorn.id]) {
      const rows = await h.outbox.forMeeting(id);
      expect(rows.filter((r) => r.status === 'pending').map((r) => r.step)).toEqual(['cancelled']);
    }
    // And it stays so.
    expect(await w.check()).toMatchObject({ cancelled: 0, moved: 0, imported: 0 });
  });

  it('never touches a meeting scheduled in chat: the event stands for it, and its later move is listed, not applied', async () => {
    await h.say('schedule a RAP for Redwood Academy on 12 Jan 2027 at 10:00');
    const chat = (await meetingOf('110213'))!;
    calendar.put(MAILBOX, EVENTS[0]!);
    const { w } = watch();
    expect(await w.check()).toMatchObject({ imported: 0, listed: 0 });
    expect((await h.meetings()).length).toBe(1);
    calendar.put(MAILBOX, { ...EVENTS[0]!, start: '2027-01-13T10:00' });
    expect(await w.check()).toMatchObject({ moved: 0, listed: 1 });
    expect((await meetingOf('110213'))).toMatchObject({ id: chat.id, starts_at: '2027-01-12T10:00', revision: 0 });
    expect((await h.say('unmatched calendar events')).reply.text).toContain('scheduled in chat, so it was left as it is');
  });

  it('waits out a 429 with its Retry-After; a 403 changes nothing and says which permission is missing', async () => {
    calendar.put(MAILBOX, EVENTS[0]!);
    const { w, sleeps } = watch();
    calendar.fail(429, 1, '3');
    expect(await w.check()).toMatchObject({ imported: 1 });
    expect(calendar.requests.map((r) => r.status)).toEqual([429, 200]);
    expect(sleeps[0]).toBeGreaterThanOrEqual(3000);

    calendar.forbid(MAILBOX);
    calendar.remove(MAILBOX, 'ev-oak');
    expect(await w.check()).toBeUndefined();
    expect((await meetingOf('110213'))?.status).toBe('scheduled');
    const reply = (await h.say('calendar import')).reply.text;
    expect(reply).toContain('failed');
    expect(reply).toContain('Calendars.ReadBasic');
  });

  it('reads an answer in UTC as London time (summer time included), and an all-day event as a day', async () => {
    calendar.honourPrefer = false;
    calendar.put(MAILBOX, { id: 'ev-summer', subject: 'RAP – Redwood Academy', start: '2027-06-15T10:00' });
    calendar.put(MAILBOX, { id: 'ev-day', subject: 'RAP – Thornbury Primary School', start: '2027-01-19', allDay: true });
    expect(await watch().w.check()).toMatchObject({ imported: 2 });
    expect((await h.meetings()).map((m) => [m.school_urn, m.starts_at])).toEqual([
      ['110057', '2027-01-19'],
      ['110213', '2027-06-15T10:00'],
    ]);
  });

  it('two replicas importing at once schedule each event once', async () => {
    for (const e of EVENTS.slice(0, 2)) calendar.put(MAILBOX, e);
    const [a, b] = [watch().w, watch().w];
    // One holds the lease and imports; the other skips that check.
    const first = await Promise.all([a.check(), b.check()]);
    expect(first.filter((r) => r === undefined)).toHaveLength(1);
    expect(first.find((r) => r !== undefined)).toMatchObject({ imported: 2 });
    // Then either may import, and finds nothing new.
    expect(await Promise.all([b.check(), a.check()])).toEqual(expect.arrayContaining([expect.objectContaining({ imported: 0, unchanged: 2 })]));
    expect((await h.meetings()).length).toBe(2);
  });

  it("a renamed event is matched again: another school cancels the first school's meeting and plans the new one; a subject that is no longer a meeting cancels it and is listed", async () => {
    calendar.put(MAILBOX, { id: 'ev1', subject: 'RAP – Redwood Academy', start: '2027-01-12T10:00' });
    const { w } = watch();
    expect(await w.check()).toMatchObject({ imported: 1 });
    const redwood = (await meetingOf('110213'))!;

    calendar.put(MAILBOX, { id: 'ev1', subject: 'RAP – Thornbury Primary School', start: '2027-01-12T10:00' });
    expect(await w.check()).toMatchObject({ imported: 1, cancelled: 1, listed: 0 });
    expect((await h.meetings()).map((m) => [m.school_urn, m.starts_at, m.status])).toEqual([
      ['110213', '2027-01-12T10:00', 'cancelled'],
      ['110057', '2027-01-12T10:00', 'scheduled'],
    ]);
    // Redwood's head gets only the "cancelled" notice now; Thornbury's gets the plan.
    const pending = async (id: string) => (await h.outbox.forMeeting(id)).filter((r) => r.status === 'pending').map((r) => r.step);
    expect(await pending(redwood.id)).toEqual(['cancelled']);
    const thornbury = (await meetingOf('110057'))!;
    expect((await pending(thornbury.id)).length).toBeGreaterThan(3);
    expect(await w.check()).toMatchObject({ imported: 0, cancelled: 0, moved: 0, unchanged: 1 });

    calendar.put(MAILBOX, { id: 'ev1', subject: 'POSTPONED RAP – Thornbury Primary School', start: '2027-01-12T10:00' });
    expect(await w.check()).toMatchObject({ imported: 0, cancelled: 1, listed: 1 });
    expect((await meetingOf('110057'))?.status).toBe('cancelled');
    expect(await pending(thornbury.id)).toEqual(['cancelled']);
    // Listed, and it stays listed until the subject changes again.
    expect(await w.check()).toMatchObject({ imported: 0, cancelled: 0, listed: 1 });
    const reply = (await h.say('calendar events I could not match')).reply.text;
    expect(reply).toContain('**POSTPONED RAP – Thornbury Primary School**');
    expect(reply).toContain("renamed in the calendar so it no longer names exactly a meeting type and a school; its meeting (Thornbury Primary School's RAP review meeting");
    expect(reply).toContain('was cancelled');

    // Named right again: planned afresh.
    calendar.put(MAILBOX, { id: 'ev1', subject: 'RAP – Thornbury Primary School', start: '2027-01-12T10:00' });
    expect(await w.check()).toMatchObject({ imported: 1, listed: 0 });
    expect((await h.meetings()).filter((m) => m.status === 'scheduled').map((m) => m.school_urn)).toEqual(['110057']);
    expect((await h.say('calendar events I could not match')).reply.text).toContain('Every calendar event');
  });

  it('an event renamed to the same school and type written another way changes nothing', async () => {
    calendar.put(MAILBOX, { id: 'ev1', subject: 'RAP – Redwood Academy', start: '2027-01-12T10:00' });
    const { w } = watch();
    await w.check();
    const before = await h.store.db.query('SELECT key, status FROM outbox ORDER BY key');
    calendar.put(MAILBOX, { id: 'ev1', subject: 'redwood academy: RAP review meeting', start: '2027-01-12T10:00' });
    expect(await w.check()).toMatchObject({ imported: 0, cancelled: 0, moved: 0, listed: 0 });
    expect(await h.store.db.query('SELECT key, status FROM outbox ORDER BY key')).toEqual(before);
  });

  it('schedules only exact types and schools for the right category: the rest is not a meeting (not kept) or listed, never guessed', async () => {
    const subjects = [
      'RAP prep – Brookside Academy',
      'Not a RAP – Brookside Academy',
      'RAP review meeting cancelled – Redwood Academy',
      'RAP – Thornbury',
      'RAP – Queensway Secondary School',
    ];
    subjects.forEach((subject, i) => calendar.put(MAILBOX, { id: `ev-${i}`, subject, start: `2027-01-1${i}T10:00` }));
    const { w } = watch();
    expect(await w.check()).toMatchObject({ imported: 0, listed: 2 });
    expect(await h.meetings()).toEqual([]);
    // The first three are not Waymark meetings: their subjects are not even stored.
    const { rows } = await h.store.db.query<{ subject: string }>('SELECT subject FROM calendar_events ORDER BY subject');
    expect(rows.map((r) => r.subject)).toEqual(['RAP – Queensway Secondary School', 'RAP – Thornbury']);
    const reply = (await h.say('calendar events I could not match')).reply.text;
    expect(reply).toContain('"Thornbury" is not the full name of a school in the workbook (did you mean Thornbury Primary School (URN 110057)?)');
    expect(reply).toContain('Queensway Secondary School is category G, and a RAP review meeting is for category R or C schools; it was not scheduled');
  });

  it("imports only the mailbox's own events and officers' invitations; never a private event, nor an outsider's or a declined invitation", async () => {
    calendar.put(MAILBOX, { id: 'own', subject: 'RAP – Redwood Academy', start: '2027-01-12T10:00' });
    calendar.put(MAILBOX, { id: 'officer', subject: 'RAP – Thornbury Primary School', start: '2027-01-13T10:00', isOrganizer: false, organizer: 'Anna.Patel@la.gov.uk' });
    calendar.put(MAILBOX, { id: 'outsider', subject: 'RAP – Brookside Academy', start: '2027-01-14T10:00', isOrganizer: false, organizer: 'someone@elsewhere.org' });
    calendar.put(MAILBOX, { id: 'declined', subject: 'RAP – Elmhurst School', start: '2027-01-15T10:00', isOrganizer: false, organizer: OFFICER_UPN, response: 'declined', showAs: 'free' });
    calendar.put(MAILBOX, { id: 'private', subject: 'RAP – Coley Primary Academy', start: '2027-01-16T10:00', sensitivity: 'private' });
    calendar.put(MAILBOX, { id: 'private-odd', subject: 'RAP – [Personal](https://example.org)', start: '2027-01-17T10:00', sensitivity: 'confidential' });
    const { w } = watch();
    expect(await w.check()).toMatchObject({ imported: 2, listed: 0 });
    expect((await h.meetings()).map((m) => m.school_urn).sort()).toEqual(['110057', '110213']);
    const { rows } = await h.store.db.query<{ event_id: string }>('SELECT event_id FROM calendar_events ORDER BY event_id');
    expect(rows.map((r) => r.event_id)).toEqual(['officer', 'own']);
    // It asked Graph for who organised each event and how private it is.
    expect(calendar.requests[0]?.query.$select?.split(',')).toEqual(expect.arrayContaining(['organizer', 'isOrganizer', 'sensitivity', 'showAs', 'responseStatus']));

    // Made private after it was imported: its meeting is left, and its subject is no longer kept or shown.
    calendar.put(MAILBOX, { id: 'own', subject: 'RAP – Redwood Academy', start: '2027-01-19T10:00', sensitivity: 'private' });
    expect(await w.check()).toMatchObject({ moved: 0, cancelled: 0, listed: 1 });
    expect(await meetingOf('110213')).toMatchObject({ starts_at: '2027-01-12T10:00', status: 'scheduled' });
    const reply = (await h.say('calendar events I could not match')).reply.text;
    expect(reply).toContain('**(subject not shown)**');
    expect(reply).toContain('made private in the calendar');
    expect(reply).not.toContain('Redwood');
  });

  it('escapes Markdown in a listed subject', async () => {
    calendar.put(MAILBOX, { id: 'ev', subject: 'RAP – [Thornbury](https://evil.example/*x*)', start: '2027-01-12T10:00' });
    const { w } = watch();
    expect(await w.check()).toMatchObject({ listed: 1 });
    const reply = (await h.say('calendar events I could not match')).reply.text;
    expect(reply).toContain('**RAP – \\[Thornbury\\](https://evil.example/\\*x\\*)**');
    expect(reply).not.toContain('[Thornbury](');
  });

  it('two events for one school, type and day: deleting the owning one hands the meeting to the other, which then owns it', async () => {
    calendar.put(MAILBOX, { id: 'a', subject: 'RAP – Brookside Academy', start: '2027-01-13T10:00' });
    calendar.put(MAILBOX, { id: 'b', subject: 'Brookside Academy: RAP', start: '2027-01-13T14:00' });
    const { w } = watch();
    expect(await w.check()).toMatchObject({ imported: 1, unchanged: 1 });
    const brookside = (await meetingOf('101236'))!;

    calendar.remove(MAILBOX, 'a');
    expect(await w.check()).toMatchObject({ cancelled: 0, moved: 1 });
    // Still on, at the remaining event's time.
    expect(await h.meetings()).toMatchObject([{ id: brookside.id, starts_at: '2027-01-13T14:00', status: 'scheduled' }]);
    // The other event now drives it: moving it moves the meeting, removing it cancels it.
    calendar.put(MAILBOX, { id: 'b', subject: 'Brookside Academy: RAP', start: '2027-01-13T15:00' });
    expect(await w.check()).toMatchObject({ moved: 1, listed: 0 });
    expect(await meetingOf('101236')).toMatchObject({ starts_at: '2027-01-13T15:00', status: 'scheduled' });
    calendar.put(MAILBOX, { id: 'b', subject: 'Brookside Academy: RAP', start: '2027-01-13T15:00', isCancelled: true });
    expect(await w.check()).toMatchObject({ cancelled: 1 });
    expect((await h.meetings()).map((m) => m.status)).toEqual(['cancelled']);
  });

  it('an owning event renamed away, with another event for the same meeting: the meeting stays with that one', async () => {
    calendar.put(MAILBOX, { id: 'a', subject: 'RAP – Brookside Academy', start: '2027-01-13T10:00' });
    calendar.put(MAILBOX, { id: 'b', subject: 'Brookside Academy: RAP', start: '2027-01-13T10:00' });
    const { w } = watch();
    await w.check();
    calendar.put(MAILBOX, { id: 'a', subject: 'RAP – Redwood Academy', start: '2027-01-13T10:00' });
    expect(await w.check()).toMatchObject({ imported: 1, cancelled: 0 });
    expect((await h.meetings()).map((m) => [m.school_urn, m.status])).toEqual([
      ['101236', 'scheduled'],
      ['110213', 'scheduled'],
    ]);
    calendar.remove(MAILBOX, 'b');
    expect(await w.check()).toMatchObject({ cancelled: 1 });
    expect((await h.meetings()).map((m) => [m.school_urn, m.status])).toEqual([
      ['101236', 'cancelled'],
      ['110213', 'scheduled'],
    ]);
  });

  it('an event standing for a meeting scheduled in chat, renamed to another school: listed, the chat meeting left, nothing new scheduled', async () => {
    await h.say('schedule a RAP for Redwood Academy on 12 Jan 2027 at 10:00');
    const chat = (await meetingOf('110213'))!;
    calendar.put(MAILBOX, { id: 'ev1', subject: 'RAP – Redwood Academy', start: '2027-01-12T10:00' });
    const { w } = watch();
    expect(await w.check()).toMatchObject({ imported: 0, unchanged: 1 });
    calendar.put(MAILBOX, { id: 'ev1', subject: 'RAP – Thornbury Primary School', start: '2027-01-12T10:00' });
    expect(await w.check()).toMatchObject({ imported: 0, cancelled: 0, listed: 1 });
    expect(await h.meetings()).toMatchObject([{ id: chat.id, status: 'scheduled' }]);
    expect((await h.say('calendar events I could not match')).reply.text).toContain(
      "renamed in the calendar to Thornbury Primary School's RAP review meeting, but the meeting was scheduled in chat, so it was left as it is",
    );
  });
});
