/** The replies meeting commands give officers. Text only (Markdown), en-GB dates. */
import type { Meeting, PlanStep } from '../../core/meetings/types.js';
import type { Reply } from '../commands/types.js';
import type { CancelResult, MoveResult, ScheduleResult } from './actions.js';
import type { SchoolPeople } from './render.js';
import { longStart, planLines, schoolWords, shortStart } from './words.js';

const headNote = (people: SchoolPeople | undefined): string[] =>
  people?.headEmail?.includes('@')
    ? []
    : ['', 'Note: the workbook has no e-mail address for the head, so their reminders can go only in Teams, if they have chatted with Waymark.'];

export function scheduledReply(result: Extract<ScheduleResult, { status: 'scheduled' }>, people: SchoolPeople | undefined, extra: readonly string[] = []): Reply {
  const { meeting, steps } = result;
  return {
    text: [
      `Scheduled: **${meeting.type.name}** for ${schoolWords(meeting)}, ${longStart(meeting.startsAt)}.`,
      ...extra,
      '',
      'Reminders (London time):',
      ...planLines(steps, meeting),
      ...(meeting.startsAt.includes('T') ? [] : ['', `No start time yet: say "move ${meeting.schoolName}'s meeting to 10am" to set one.`]),
      ...headNote(people),
    ].join('\n'),
  };
}

export function duplicateReply(school: { name: string; urn: string }, typeName: string, startsAt: string): Reply {
  return { text: `${schoolWords({ schoolName: school.name, schoolUrn: school.urn })} already has a ${typeName} on ${longStart(startsAt.slice(0, 10))}. Move that one instead, or pick another day.` };
}

export function movedReply(result: Extract<MoveResult, { status: 'moved' }>): Reply {
  const { meeting, added, notifyHead, cancelled, from } = result;
  const steps: PlanStep[] = [...added, notifyHead].sort((a, b) => a.sendAt.localeCompare(b.sendAt));
  return {
    text: [
      `Moved: **${meeting.type.name}** for ${schoolWords(meeting)}, from ${shortStart(from)} to ${longStart(meeting.startsAt)}.`,
      `${cancelled.length === 1 ? '1 pending reminder was' : `${cancelled.length} pending reminders were`} stopped; the head is told of the move.`,
      '',
      'Reminders now (London time):',
      ...planLines(steps, meeting),
    ].join('\n'),
  };
}

export function cancelledReply(result: Extract<CancelResult, { status: 'cancelled' }>): Reply {
  const { meeting, cancelled } = result;
  return {
    text: [
      `Cancelled: **${meeting.type.name}** for ${schoolWords(meeting)}, ${longStart(meeting.startsAt)}.`,
      `${cancelled.length === 1 ? '1 pending reminder was' : `${cancelled.length} pending reminders were`} stopped, and the head is told the meeting is cancelled.`,
    ].join('\n'),
  };
}

/** A meeting in one line: 'Wed 9 Dec 2026 10:00 · RAP review meeting · Oakfield Primary School (URN 101234)'. */
export const meetingLine = (m: Meeting, evidence?: boolean): string =>
  `${shortStart(m.startsAt)} · ${m.type.name} · ${schoolWords(m)}${evidence === undefined ? '' : evidence ? ' · evidence in' : ' · evidence awaited'}`;
