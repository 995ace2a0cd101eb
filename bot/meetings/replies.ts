/** The replies meeting commands give officers. Text only (Markdown), en-GB dates. */
import type { Meeting, PlanStep } from '../../core/meetings/types.js';
import type { Reply } from '../commands/types.js';
import type { CancelResult, MoveResult, ScheduleResult } from './actions.js';
import { noRouteWords, reachable, reachLines, stoppedWords, unreachableRecipients, type Reach } from './reach.js';
import type { SchoolPeople } from './render.js';
import { longStart, planLines, schoolWords, shortStart } from './words.js';

const headNote = (people: SchoolPeople | undefined): string[] =>
  people?.headEmail?.includes('@')
    ? []
    : ['', 'Note: the workbook has no e-mail address for the head, so their reminders can go only in Teams, if they have chatted with Waymark.'];

export function scheduledReply(result: Extract<ScheduleResult, { status: 'scheduled' }>, people: SchoolPeople | undefined, extra: readonly string[] = []): Reply {
  const { meeting, steps, reach } = result;
  return {
    text: [
      `Scheduled: **${meeting.type.name}** for ${schoolWords(meeting)}, ${longStart(meeting.startsAt)}.`,
      ...extra,
      ...reachLines(reach),
      '',
      'Reminders (London time):',
      ...planLines(steps, meeting, unreachableRecipients(reach)),
      ...(meeting.startsAt.includes('T') ? [] : ['', `No start time yet: say "move ${meeting.schoolName}'s meeting to 10am" to set one.`]),
      // With routes known, the head's line above already says it (and how to fix it).
      ...(reach ? [] : headNote(people)),
    ].join('\n'),
  };
}

/** How the head hears of a move or cancellation: by its route, or why they won't. */
function headTold(reach: readonly Reach[] | undefined, what: string): string {
  const head = reach?.find((r) => r.role === 'head');
  if (!head || reachable(head.route)) return `the head is told ${what}${head?.route.kind === 'email' ? ' by e-mail' : head?.route.kind === 'teams' ? ' in Teams' : ''}.`;
  const route = head.route as Extract<Reach['route'], { kind: 'none' }>;
  return `the head **cannot be told** ${what}: ${noRouteWords(route)}`;
}

export function duplicateReply(school: { name: string; urn: string }, typeName: string, startsAt: string): Reply {
  return { text: `${schoolWords({ schoolName: school.name, schoolUrn: school.urn })} already has a ${typeName} on ${longStart(startsAt.slice(0, 10))}. Move that one instead, or pick another day.` };
}

export function movedReply(result: Extract<MoveResult, { status: 'moved' }>): Reply {
  const { meeting, added, notifyHead, from, reach } = result;
  const steps: PlanStep[] = [...added, notifyHead].sort((a, b) => a.sendAt.localeCompare(b.sendAt));
  return {
    text: [
      `Moved: **${meeting.type.name}** for ${schoolWords(meeting)}, from ${shortStart(from)} to ${longStart(meeting.startsAt)}.`,
      `${stoppedWords(result.stopped, result.stoppedNoRoute)}; ${headTold(reach, 'of the move')}`,
      ...reachLines(reach),
      '',
      'Reminders now (London time):',
      ...planLines(steps, meeting, unreachableRecipients(reach)),
    ].join('\n'),
  };
}

export function cancelledReply(result: Extract<CancelResult, { status: 'cancelled' }>): Reply {
  const { meeting, reach } = result;
  return {
    text: [
      `Cancelled: **${meeting.type.name}** for ${schoolWords(meeting)}, ${longStart(meeting.startsAt)}.`,
      `${stoppedWords(result.stopped, result.stoppedNoRoute)}; ${headTold(reach, 'the meeting is cancelled')}`,
    ].join('\n'),
  };
}

/** A meeting in one line: 'Wed 9 Dec 2026 10:00 · RAP review meeting · Oakfield Primary School (URN 101234)'. */
export const meetingLine = (m: Meeting, evidence?: boolean | 'unreached'): string =>
  `${shortStart(m.startsAt)} · ${m.type.name} · ${schoolWords(m)}${
    evidence === undefined ? '' : evidence === 'unreached' ? ' · no evidence asked for: the head cannot be reached' : evidence ? ' · evidence in' : ' · evidence awaited'
  }`;
