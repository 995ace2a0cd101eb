import { longDay, longStart } from '../_lib/format.js';
import { parseStartsAt } from '../_lib/startsAt.js';
import type { Meeting } from '../types.js';

/** The evidence deadline's time of day, as the messages say it. */
export const EVIDENCE_DEADLINE = '5pm';

/** 'Tuesday 12 January 2027 at 10:00' for a meeting (or its start as written, if malformed). */
export function when(meeting: Pick<Meeting, 'startsAt'>): string {
  const start = parseStartsAt(meeting.startsAt);
  return start === null ? meeting.startsAt : longStart(start);
}

/** 'Oakfield Primary School (URN 100001)'. */
export const school = (meeting: Meeting): string => `${meeting.schoolName} (URN ${meeting.schoolUrn})`;

/** What the head is asked to send, by meeting type, in the seeds' words where they give any. */
const EVIDENCE: Readonly<Record<string, string>> = {
  rap: 'evidence of progress against the success criteria and milestones in your Raising Achievement Plan, drawing on existing data and analysis',
  laig: 'evidence of progress against the priorities, targets and actions of the Local Authority Support and Intervention Plan',
  'project-board-initial':
    'your current school development plan and your proposed key priorities (no more than 4) and measurable end of year outcomes',
  'project-board-subsequent':
    "the completed Project Board report: the school's actions and impact against the agreed priorities and next steps",
  'progress-review': 'evidence of progress against your action plan for rapid improvement',
  'steering-group': "evidence of progress against the school's action plan to address the concerns",
};

/** What to send for this meeting: the LA's own words if given, else the type's. */
export function evidenceWanted(meeting: Meeting, override?: string): string {
  return override ?? EVIDENCE[meeting.type.id] ?? 'evidence of progress against the priorities agreed at the last meeting';
}

/**
 * The deadline as seen on the day the message goes: 'by 5pm on Tuesday 5 January 2027',
 * 'by 5pm today', or 'as soon as possible (the deadline was 5pm on …)'.
 */
export function byWhen(dueDay: string, sendDay: string): string {
  if (dueDay === sendDay) return `by ${EVIDENCE_DEADLINE} today`;
  if (dueDay < sendDay) return `as soon as possible (the deadline was ${EVIDENCE_DEADLINE} on ${longDay(dueDay)})`;
  return `by ${EVIDENCE_DEADLINE} on ${longDay(dueDay)}`;
}

/** Whether a meeting type shares "5 key points" with the governing body afterwards (LAIG). */
export const sharesKeyPoints = (meeting: Meeting): boolean =>
  meeting.type.afterwards.some((a) => /\b(5|five) key points\b/i.test(a));
