/**
 * One calendar import: the events Graph returned for the window, applied to the meetings as
 * the chat commands would (bot/meetings/actions.ts), so reminders are planned, re-planned and
 * stopped exactly as for "schedule", "move" and "cancel".
 *
 * - Only events the mailbox organised, or an officer did, are read; private ones never
 *   (./eligible.ts). An event whose subject is not exactly a meeting type and a school
 *   (./match.ts) is not a Waymark meeting: it is not kept at all.
 * - A new event whose subject names a school and a meeting type is scheduled, and recorded with
 *   the meeting it became, its school and type in the same transaction (so two imports never
 *   schedule it twice).
 * - An event whose start changed since the last import moves its meeting; a cancelled event,
 *   or one imported before that is no longer in the window (deleted), cancels it. An event
 *   renamed to another school or type cancels its meeting and is matched afresh; renamed to
 *   something that is not a meeting, its meeting is cancelled and it is listed. When another
 *   event in the calendar stands for the same meeting, that one takes the meeting over instead.
 * - A meeting scheduled in chat is never touched: an event for the same school, type and day
 *   is recorded as standing for it, and a later change to that event is listed, not applied.
 * - An event that cannot be matched, or a change that cannot be applied, is listed for an
 *   officer ("calendar events I could not match") with the reason; nothing is guessed.
 */
import { londonDay } from '../../core/calendar/londonDay/index.js';
import type { MeetingType } from '../../core/frameworks/index.js';
import { fail, ok, type Result } from '../../core/result.js';
import type { DirectorySnapshot } from '../directory/directory.js';
import type { CalendarEvent } from '../graph/calendar.js';
import { cancelScheduledMeeting, moveMeeting, scheduleMeeting, type ActionDeps } from '../meetings/actions.js';
import { getMeeting, type MeetingRow } from '../meetings/repo.js';
import { meetingTypeOf } from '../meetings/services.js';
import { longStart } from '../meetings/words.js';
import { eligibility, type Eligibility } from './eligible.js';
import { matchEventSubject, type SubjectMatch } from './match.js';
import { calendarEventRows, deleteCalendarEvent, forgetCalendarEvent, saveCalendarEvent, scheduledMeetingOn, type CalendarEventRow } from './repo.js';

export interface CalendarImportSummary {
  readonly imported: number;
  readonly moved: number;
  readonly cancelled: number;
  /** Events listed for an officer (not matched, or a change not applied). */
  readonly listed: number;
  readonly unchanged: number;
}

export interface CalendarImportInput {
  readonly events: readonly CalendarEvent[];
  /** The window's last day ('yyyy-MM-dd'): an imported event after it is not "missing". */
  readonly lastDay: string;
  /**
   * Whether every event in the window was read: only then may an imported event that is not
   * among them be taken as deleted (an event Graph sent unreadably is not "missing").
   */
  readonly complete: boolean;
  readonly directory: DirectorySnapshot;
  /** WAYMARK_OFFICERS (lower case): events they organise are imported, as the mailbox's own are. */
  readonly officers: readonly string[];
  /**
   * The event itself, for one imported before that is not in the window: 'gone' when the
   * calendar no longer has it (deleted), undefined when that cannot be told now (then nothing
   * changes until the next import).
   */
  readonly lookup: (eventId: string) => Promise<CalendarEvent | 'gone' | undefined>;
}

/** Listed when an event that stood for a meeting can no longer be read (its meeting is left as it is). */
const NO_LONGER_READ: Record<Exclude<Eligibility, 'ok'>, string> = {
  private: 'made private in the calendar, so Waymark no longer reads it; its meeting was left as it is: move or cancel it in chat if it changed',
  'not-ours': 'no longer organised by the team (or declined), so Waymark no longer follows it; its meeting was left as it is: move or cancel it in chat if it changed',
};
const noLongerRead = new Set(Object.values(NO_LONGER_READ));

export async function importCalendar(deps: ActionDeps, input: CalendarImportInput): Promise<CalendarImportSummary> {
  const { db, services } = deps;
  const today = londonDay(deps.now);
  const counts = { imported: 0, moved: 0, cancelled: 0, listed: 0, unchanged: 0 };
  const known = new Map((await calendarEventRows(db)).map((r) => [r.eventId, r]));
  const seen = new Set<string>();
  const peopleOf = (urn: string) => input.directory.index.byUrn.get(urn);
  const match = (subject: string): SubjectMatch => matchEventSubject(subject, input.directory.index, services.framework);
  /** Events of this import that can stand for a meeting: read, not cancelled. */
  const live = new Map(input.events.filter((e) => !e.isCancelled && eligibility(e, input.officers) === 'ok').map((e) => [e.id, e]));

  // Every write goes through these, so `known` is the table as it now is.
  const save = async (row: CalendarEventRow): Promise<void> => {
    await saveCalendarEvent(db, row);
    known.set(row.eventId, row);
  };
  const forget = async (eventId: string): Promise<void> => {
    await forgetCalendarEvent(db, eventId);
    known.delete(eventId);
  };
  const list = async (row: CalendarEventRow, problem: string) => {
    counts.listed++;
    await save({ ...row, problem });
  };

  /** The stored meeting and its type, when the import may still change it. */
  const ownedMeeting = async (row: CalendarEventRow): Promise<{ meeting: MeetingRow; type: MeetingType } | undefined> => {
    if (!row.meetingId || !row.owned) return undefined;
    const meeting = await getMeeting(db, row.meetingId);
    if (!meeting || meeting.status !== 'scheduled') return undefined;
    const type = meetingTypeOf(meeting, services.framework);
    return type ? { meeting, type } : undefined;
  };

  /** Whose the meeting a non-owned event stands for is, in words. */
  const whose = (meeting: MeetingRow) =>
    meeting.createdBy === 'calendar' ? 'the meeting follows another calendar event for the same school, type and day' : 'the meeting was scheduled in chat';

  /**
   * The owning event no longer stands for its meeting (cancelled, deleted, renamed). Another
   * live event linked to the same meeting, still naming its school and type, takes it over (the
   * meeting follows that event's start). Without one the meeting is cancelled as "cancel" in
   * chat does, and any other event linked to it is unlinked, so it is matched afresh.
   */
  const release = async (row: CalendarEventRow, found: { meeting: MeetingRow; type: MeetingType }): Promise<Result<'handed' | 'cancelled', string>> => {
    const { meeting, type } = found;
    const heirs = [...known.values()]
      .filter((r) => r.eventId !== row.eventId && r.meetingId === meeting.id && !r.cancelled)
      .flatMap((r) => {
        const event = live.get(r.eventId);
        const m = event ? match(event.subject) : undefined;
        return event && m?.kind === 'match' && m.school.urn === meeting.schoolUrn && m.type.id === meeting.typeId ? [{ r, event }] : [];
      })
      .sort((a, b) => Number(b.event.start === meeting.startsAt) - Number(a.event.start === meeting.startsAt) || a.event.start.localeCompare(b.event.start) || a.r.eventId.localeCompare(b.r.eventId));
    const [heir] = heirs;
    if (heir) {
      const moved = await moveMeeting(deps, { row: meeting, type, startsAt: heir.event.start, people: peopleOf(meeting.schoolUrn) });
      if (moved.status === 'moved') counts.moved++;
      // Not moved (another meeting that day, or not re-plannable): the heir keeps the meeting's
      // start, so its next import tries the move again and lists why it cannot.
      const startsAt = moved.status === 'moved' || moved.status === 'unchanged' ? heir.event.start : meeting.startsAt;
      await save({ ...heir.r, owned: true, startsAt, subject: heir.event.subject, schoolUrn: meeting.schoolUrn, typeId: meeting.typeId, problem: null });
      return ok('handed');
    }
    const result = await cancelScheduledMeeting(deps, { row: meeting, type, people: peopleOf(meeting.schoolUrn) });
    if (result.status === 'refused') return fail(result.reason);
    counts.cancelled++;
    for (const r of [...known.values()]) {
      if (r.eventId !== row.eventId && r.meetingId === meeting.id && !r.cancelled) await save({ ...r, meetingId: null, owned: false, problem: null });
    }
    return ok('cancelled');
  };

  const cancel = async (row: CalendarEventRow, why: string) => {
    if (row.meetingId && !row.owned) {
      // Scheduled in chat (or owned by another event): not this event's to cancel.
      const meeting = await getMeeting(db, row.meetingId);
      if (meeting?.status === 'scheduled') return list({ ...row, cancelled: true }, `${why} in the calendar, but ${whose(meeting)}, so it was left as it is; cancel it in chat if it is off`);
      return save({ ...row, cancelled: true, problem: null });
    }
    const found = await ownedMeeting(row);
    if (found) {
      const released = await release(row, found);
      if (!released.ok) return list(row, `${why} in the calendar, but its meeting could not be cancelled: ${released.error}`);
    }
    if (row.meetingId) await save({ ...row, owned: false, cancelled: true, problem: null });
    else {
      await deleteCalendarEvent(db, row.eventId);
      known.delete(row.eventId);
    }
  };

  /** An event that can no longer be read (made private, or not the team's). */
  const unread = async (row: CalendarEventRow | undefined, why: Exclude<Eligibility, 'ok'>) => {
    if (!row || row.cancelled) return;
    if (!row.meetingId) return forget(row.eventId);
    // A private event's subject is not kept, whatever it was before.
    const kept = { ...row, subject: why === 'private' ? '' : row.subject };
    const meeting = await getMeeting(db, row.meetingId);
    if (meeting?.status === 'scheduled') return list(kept, NO_LONGER_READ[why]);
    return save({ ...kept, problem: null });
  };

  /** A new event, or one not matched before (the subject or the workbook may have changed since). */
  const add = async (event: CalendarEvent, row: CalendarEventRow | undefined, m: SubjectMatch, note?: string): Promise<void> => {
    const noted = (reason: string) => (note ? `${note}; ${reason}` : reason);
    if (m.kind === 'none') {
      // Not a Waymark meeting. A renamed one stays listed until its subject changes again.
      if (row?.problem && row.subject === event.subject) {
        counts.listed++;
        return;
      }
      if (row) await forget(row.eventId);
      return;
    }
    const base: CalendarEventRow = { eventId: event.id, meetingId: null, owned: false, startsAt: event.start, subject: event.subject, problem: null, cancelled: false, schoolUrn: null, typeId: null };
    if (m.kind === 'unclear') return list(base, noted(m.reason));
    const { school, type } = m;
    const keyed: CalendarEventRow = { ...base, schoolUrn: school.urn, typeId: type.id };
    const existing = await scheduledMeetingOn(db, school.urn, type.id, event.start.slice(0, 10));
    if (existing) {
      // Scheduled in chat (or by the "Meetings" sheet, or another event): this event stands for it, untouched.
      const linked = { ...keyed, meetingId: existing };
      if (await saveCalendarEvent(db, linked, true)) known.set(event.id, linked);
      counts.unchanged++;
      return;
    }
    let claimed: CalendarEventRow | undefined;
    const result = await scheduleMeeting(deps, {
      school,
      type,
      frameworkId: services.framework.id,
      startsAt: event.start,
      createdBy: 'calendar',
      claim: (tx, meetingId) => saveCalendarEvent(tx, (claimed = { ...keyed, meetingId, owned: true }), true),
    });
    if (result.status === 'scheduled') {
      counts.imported++;
      if (claimed) known.set(event.id, claimed);
    } else if (result.status === 'duplicate') counts.unchanged++;
    else if (/in the past/.test(result.reason)) {
      // Earlier today: nothing to remind anyone of.
      if (row) {
        await deleteCalendarEvent(db, event.id);
        if (!known.get(event.id)?.meetingId) known.delete(event.id);
      }
    } else await list(keyed, noted(`${school.name}'s ${type.name} could not be planned: ${result.reason}`));
  };

  /** An event that stood for a meeting now names another school or type, or none. Never silent. */
  const renamed = async (row: CalendarEventRow & { meetingId: string }, event: CalendarEvent, m: SubjectMatch): Promise<void> => {
    const now =
      m.kind === 'match'
        ? `renamed in the calendar to ${m.school.name}'s ${m.type.name}`
        : m.kind === 'unclear'
          ? `renamed in the calendar, and the new subject cannot be used (${m.reason})`
          : 'renamed in the calendar so it no longer names exactly a meeting type and a school';
    if (!row.owned) {
      const meeting = await getMeeting(db, row.meetingId);
      const next = { ...row, subject: event.subject };
      if (meeting?.status === 'scheduled') return list(next, `${now}, but ${whose(meeting)}, so it was left as it is; cancel it in chat if it is off, and schedule the right one`);
      return save({ ...next, problem: null });
    }
    const found = await ownedMeeting(row);
    let note: string | undefined;
    if (found) {
      const released = await release(row, found);
      if (!released.ok) return list({ ...row, subject: event.subject }, `${now}, but its meeting could not be cancelled: ${released.error}`);
      note =
        released.value === 'cancelled'
          ? `${now}; its meeting (${found.meeting.schoolName}'s ${found.type.name}, ${longStart(found.meeting.startsAt)}) was cancelled`
          : `${now}; its meeting (${found.meeting.schoolName}'s ${found.type.name}) stays, with another event for it`;
    }
    // Unlinked, then matched as a new event.
    const fresh: CalendarEventRow = { eventId: event.id, meetingId: null, owned: false, startsAt: event.start, subject: event.subject, problem: null, cancelled: false, schoolUrn: null, typeId: null };
    await save(fresh);
    if (m.kind === 'none') {
      if (note) return list(fresh, `${note}. Schedule it in chat if it is still on`);
      return forget(event.id);
    }
    return add(event, fresh, m, note);
  };

  const apply = async (event: CalendarEvent): Promise<void> => {
    let row = known.get(event.id);
    if (row?.cancelled) return;
    const allowed = eligibility(event, input.officers);
    if (allowed !== 'ok') return unread(row, allowed);
    if (row?.problem && noLongerRead.has(row.problem)) {
      row = { ...row, problem: null };
      await save(row);
    }
    if (event.isCancelled) {
      if (row) await cancel(row, 'cancelled');
      return;
    }
    if (!row?.meetingId) return add(event, row, match(event.subject));
    const meetingId = row.meetingId;
    if (event.subject !== row.subject) {
      const m = match(event.subject);
      const meeting = row.schoolUrn && row.typeId ? undefined : await getMeeting(db, meetingId);
      const schoolUrn = row.schoolUrn ?? meeting?.schoolUrn ?? null;
      const typeId = row.typeId ?? meeting?.typeId ?? null;
      if (!(m.kind === 'match' && m.school.urn === schoolUrn && m.type.id === typeId)) return renamed({ ...row, meetingId }, event, m);
      // The same school and type, written another way.
      row = { ...row, subject: event.subject, schoolUrn, typeId };
      if (row.startsAt === event.start) {
        await save(row);
        counts.unchanged++;
        return;
      }
    }
    if (row.startsAt === event.start) {
      counts.unchanged++;
      return;
    }
    const moved: CalendarEventRow = { ...row, startsAt: event.start, subject: event.subject };
    if (!row.owned) {
      const meeting = await getMeeting(db, meetingId);
      if (meeting?.status !== 'scheduled') await save({ ...moved, problem: null });
      else await list(moved, `moved in the calendar to ${longStart(event.start)}, but ${whose(meeting)}, so it was left as it is; move it in chat if the new time is right`);
      return;
    }
    const found = await ownedMeeting(row);
    if (!found) {
      // Cancelled or held since (in chat): the calendar no longer drives it.
      await save({ ...moved, problem: null });
      return;
    }
    const result = await moveMeeting(deps, { row: found.meeting, type: found.type, startsAt: event.start, people: peopleOf(found.meeting.schoolUrn) });
    switch (result.status) {
      case 'moved':
        counts.moved++;
        await save({ ...moved, problem: null });
        break;
      case 'unchanged':
        counts.unchanged++;
        await save({ ...moved, problem: null });
        break;
      case 'duplicate':
        // Keeps the old start, so it is tried again once the other meeting moves.
        await list(row, `moved in the calendar to ${longStart(event.start)}, but ${found.meeting.schoolName} already has a ${found.type.name} that day; the meeting was not moved`);
        break;
      case 'refused':
        await list(row, `moved in the calendar to ${longStart(event.start)}, but it could not be re-planned: ${result.reason}`);
        break;
    }
  };

  for (const event of input.events) {
    seen.add(event.id);
    await apply(event);
  }

  for (const row of [...known.values()]) {
    const now = known.get(row.eventId);
    if (!now || seen.has(now.eventId) || now.cancelled) continue;
    if (!now.meetingId) {
      // An unmatched event no longer in the calendar: nothing left to look at.
      await forget(now.eventId);
      continue;
    }
    // Gone from the window: deleted, unless it has simply passed (or lies beyond the window).
    const day = now.startsAt.slice(0, 10);
    if (!input.complete || day < today || day > input.lastDay) continue;
    // Not in the window: deleted, or moved out of it (beyond 12 months). Asked once each.
    const found = await input.lookup(now.eventId);
    seen.add(now.eventId);
    if (found === 'gone') await cancel(now, 'deleted');
    else if (found !== undefined) await apply(found);
  }
  return counts;
}

/** The import in words, for the log and an officer. Counts only. */
export function calendarSummaryText(s: CalendarImportSummary): string {
  const n = (k: number, one: string, many = `${one}s`) => `${k} ${k === 1 ? one : many}`;
  return `${n(s.imported, 'meeting')} imported, ${n(s.moved, 'moved', 'moved')}, ${n(s.cancelled, 'cancelled', 'cancelled')}; ${n(s.listed, 'event')} to look at`;
}
