/**
 * One calendar import: the events Graph returned for the window, applied to the meetings as
 * the chat commands would (bot/meetings/actions.ts), so reminders are planned, re-planned and
 * stopped exactly as for "schedule", "move" and "cancel".
 *
 * - A new event whose subject names a school and a meeting type is scheduled, and recorded with
 *   the meeting it became in the same transaction (so two imports never schedule it twice).
 * - An event whose start changed since the last import moves its meeting; a cancelled event,
 *   or one imported before that is no longer in the window (deleted), cancels it.
 * - A meeting scheduled in chat is never touched: an event for the same school, type and day
 *   is recorded as standing for it, and a later change to that event is listed, not applied.
 * - An event that cannot be matched, or a change that cannot be applied, is listed for an
 *   officer ("calendar events I could not match") with the reason; nothing is guessed.
 */
import { londonDay } from '../../core/calendar/londonDay/index.js';
import type { MeetingType } from '../../core/frameworks/index.js';
import type { DirectorySnapshot } from '../directory/directory.js';
import type { CalendarEvent } from '../graph/calendar.js';
import { cancelScheduledMeeting, moveMeeting, scheduleMeeting, type ActionDeps } from '../meetings/actions.js';
import { getMeeting, type MeetingRow } from '../meetings/repo.js';
import { meetingTypeOf } from '../meetings/services.js';
import { longStart } from '../meetings/words.js';
import { matchEventSubject } from './match.js';
import { calendarEventRows, deleteCalendarEvent, saveCalendarEvent, scheduledMeetingOn, type CalendarEventRow } from './repo.js';

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
  /**
   * The event itself, for one imported before that is not in the window: 'gone' when the
   * calendar no longer has it (deleted), undefined when that cannot be told now (then nothing
   * changes until the next import).
   */
  readonly lookup: (eventId: string) => Promise<CalendarEvent | 'gone' | undefined>;
}

export async function importCalendar(deps: ActionDeps, input: CalendarImportInput): Promise<CalendarImportSummary> {
  const { db, services } = deps;
  const today = londonDay(deps.now);
  const counts = { imported: 0, moved: 0, cancelled: 0, listed: 0, unchanged: 0 };
  const known = new Map((await calendarEventRows(db)).map((r) => [r.eventId, r]));
  const seen = new Set<string>();
  const peopleOf = (urn: string) => input.directory.index.byUrn.get(urn);

  const list = async (row: CalendarEventRow, problem: string) => {
    counts.listed++;
    await saveCalendarEvent(db, { ...row, problem });
  };

  /** The stored meeting and its type, when the import may still change it. */
  const ownedMeeting = async (row: CalendarEventRow): Promise<{ meeting: MeetingRow; type: MeetingType } | undefined> => {
    if (!row.meetingId || !row.owned) return undefined;
    const meeting = await getMeeting(db, row.meetingId);
    if (!meeting || meeting.status !== 'scheduled') return undefined;
    const type = meetingTypeOf(meeting, services.framework);
    return type ? { meeting, type } : undefined;
  };

  const cancel = async (row: CalendarEventRow, why: string) => {
    if (row.meetingId && !row.owned) {
      // Scheduled in chat: an officer decides.
      const meeting = await getMeeting(db, row.meetingId);
      if (meeting?.status === 'scheduled') return list({ ...row, cancelled: true }, `${why} in the calendar, but the meeting was scheduled in chat, so it was left as it is; cancel it in chat if it is off`);
      return void (await saveCalendarEvent(db, { ...row, cancelled: true, problem: null }));
    }
    const found = await ownedMeeting(row);
    if (found) {
      const result = await cancelScheduledMeeting(deps, { row: found.meeting, type: found.type, people: peopleOf(found.meeting.schoolUrn) });
      if (result.status === 'refused') return list(row, `could not cancel its reminders: ${result.reason}`);
      counts.cancelled++;
    }
    if (row.meetingId) await saveCalendarEvent(db, { ...row, cancelled: true, problem: null });
    else await deleteCalendarEvent(db, row.eventId);
  };

  const apply = async (event: CalendarEvent): Promise<void> => {
    const row = known.get(event.id);
    if (row?.cancelled) return;
    if (event.isCancelled) {
      if (row) await cancel(row, 'cancelled');
      return;
    }
    if (row?.meetingId) {
      if (row.startsAt === event.start) {
        counts.unchanged++;
        return;
      }
      const moved: CalendarEventRow = { ...row, startsAt: event.start, subject: event.subject };
      if (!row.owned) {
        const meeting = await getMeeting(db, row.meetingId);
        if (meeting?.status !== 'scheduled') await saveCalendarEvent(db, { ...moved, problem: null });
        else await list(moved, `moved in the calendar to ${longStart(event.start)}, but the meeting was scheduled in chat, so it was left as it is; move it in chat if the new time is right`);
        return;
      }
      const found = await ownedMeeting(row);
      if (!found) {
        // Cancelled or held since (in chat): the calendar no longer drives it.
        await saveCalendarEvent(db, { ...moved, problem: null });
        return;
      }
      const result = await moveMeeting(deps, { row: found.meeting, type: found.type, startsAt: event.start, people: peopleOf(found.meeting.schoolUrn) });
      switch (result.status) {
        case 'moved':
          counts.moved++;
          await saveCalendarEvent(db, { ...moved, problem: null });
          break;
        case 'unchanged':
          counts.unchanged++;
          await saveCalendarEvent(db, { ...moved, problem: null });
          break;
        case 'duplicate':
          // Keeps the old start, so it is tried again once the other meeting moves.
          await list(row, `moved in the calendar to ${longStart(event.start)}, but ${found.meeting.schoolName} already has a ${found.type.name} that day; the meeting was not moved`);
          break;
        case 'refused':
          await list(row, `moved in the calendar to ${longStart(event.start)}, but it could not be re-planned: ${result.reason}`);
          break;
      }
      return;
    }
    // New, or not matched before (the subject or the workbook may have changed since).
    const base: CalendarEventRow = { eventId: event.id, meetingId: null, owned: false, startsAt: event.start, subject: event.subject, problem: null, cancelled: false };
    const match = matchEventSubject(event.subject, input.directory.index, services.framework);
    if (!match.ok) {
      await list(base, match.error);
      return;
    }
    const { school, type } = match.value;
    const existing = await scheduledMeetingOn(db, school.urn, type.id, event.start.slice(0, 10));
    if (existing) {
      // Scheduled in chat (or by the "Meetings" sheet): this event stands for it, untouched.
      await saveCalendarEvent(db, { ...base, meetingId: existing }, true);
      counts.unchanged++;
      return;
    }
    const result = await scheduleMeeting(deps, {
      school,
      type,
      frameworkId: services.framework.id,
      startsAt: event.start,
      createdBy: 'calendar',
      claim: (tx, meetingId) => saveCalendarEvent(tx, { ...base, meetingId, owned: true }, true),
    });
    if (result.status === 'scheduled') counts.imported++;
    else if (result.status === 'duplicate') counts.unchanged++;
    else if (/in the past/.test(result.reason)) {
      // Earlier today: nothing to remind anyone of.
      if (row) await deleteCalendarEvent(db, event.id);
    } else await list(base, `${school.name}'s ${type.name} could not be planned: ${result.reason}`);
  };

  for (const event of input.events) {
    seen.add(event.id);
    await apply(event);
  }

  for (const row of known.values()) {
    if (seen.has(row.eventId) || row.cancelled) continue;
    if (!row.meetingId) {
      // An unmatched event no longer in the calendar: nothing left to look at.
      await deleteCalendarEvent(db, row.eventId);
      continue;
    }
    // Gone from the window: deleted, unless it has simply passed (or lies beyond the window).
    const day = row.startsAt.slice(0, 10);
    if (!input.complete || day < today || day > input.lastDay) continue;
    // Not in the window: deleted, or moved out of it (beyond 12 months). Asked once each.
    const found = await input.lookup(row.eventId);
    if (found === 'gone') await cancel(row, 'deleted');
    else if (found !== undefined) await apply(found);
  }
  return counts;
}

/** The import in words, for the log and an officer. Counts only. */
export function calendarSummaryText(s: CalendarImportSummary): string {
  const n = (k: number, one: string, many = `${one}s`) => `${k} ${k === 1 ? one : many}`;
  return `${n(s.imported, 'meeting')} imported, ${n(s.moved, 'moved', 'moved')}, ${n(s.cancelled, 'cancelled', 'cancelled')}; ${n(s.listed, 'event')} to look at`;
}
