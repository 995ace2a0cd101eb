import { longDay } from '../_lib/format.js';
import type { Meeting, PlanStep } from '../types.js';
import { byWhen, EVIDENCE_DEADLINE, evidenceWanted, school, when } from './_words.js';

/** A step's send day and evidence deadline: all the chase texts need. */
export type ChaseStep = Pick<PlanStep, 'day' | 'dueDay'>;

export interface ChaseTextOptions {
  /** What to send, in the LA's words, instead of the meeting type's. */
  readonly evidence?: string;
}

const dueOf = (step: ChaseStep): string => step.dueDay ?? step.day;

/**
 * To the head: what to send for the meeting, and by when (5pm on the evidence deadline, or
 * "as soon as possible" when a late set-up finds it passed).
 *
 * @example
 * evidenceRequestText(meeting, { day: '2026-12-24', dueDay: '2027-01-05' })
 * //=> 'Evidence for the RAP review meeting on Tuesday 12 January 2027 at 10:00\n\nDear Headteacher,\n\nPlease send evidence of progress … by 5pm on Tuesday 5 January 2027, …'
 */
export function evidenceRequestText(meeting: Meeting, step: ChaseStep, options: ChaseTextOptions = {}): string {
  return [
    `Evidence for the ${meeting.type.name} on ${when(meeting)}`,
    '',
    'Dear Headteacher,',
    '',
    `Ahead of the ${meeting.type.name} for ${meeting.schoolName} on ${when(meeting)}, please send ${evidenceWanted(meeting, options.evidence)}.`,
    '',
    `It is needed ${byWhen(dueOf(step), step.day)}, so that members can read it before the meeting.`,
    'Reply with files or links, or say when you have sent it.',
  ].join('\n');
}

/**
 * To the head, if nothing has arrived: a reminder of what is due and when.
 *
 * @example
 * reminderText(meeting, { day: '2026-12-31', dueDay: '2027-01-05' })
 * //=> 'Reminder: evidence for the RAP review meeting on …\n\n… is needed by 5pm on Tuesday 5 January 2027. …'
 */
export function reminderText(meeting: Meeting, step: ChaseStep, options: ChaseTextOptions = {}): string {
  return [
    `Reminder: evidence for the ${meeting.type.name} on ${when(meeting)}`,
    '',
    'Dear Headteacher,',
    '',
    `We have not yet received the evidence for the ${meeting.type.name} for ${meeting.schoolName}: ${evidenceWanted(meeting, options.evidence)}.`,
    `It is needed ${byWhen(dueOf(step), step.day)}.`,
    'Reply with files or links, or say when you have sent it.',
  ].join('\n');
}

/**
 * To the head on the deadline day, if nothing has arrived: "by 5pm today".
 *
 * @example
 * dueTodayText(meeting, { day: '2027-01-05', dueDay: '2027-01-05' })
 * //=> 'Evidence due by 5pm today: RAP review meeting on Tuesday 12 January 2027 at 10:00\n…'
 */
export function dueTodayText(meeting: Meeting, step: ChaseStep, options: ChaseTextOptions = {}): string {
  return [
    `Evidence due ${byWhen(dueOf(step), step.day)}: ${meeting.type.name} on ${when(meeting)}`,
    '',
    'Dear Headteacher,',
    '',
    `The evidence for the ${meeting.type.name} for ${meeting.schoolName} is due ${byWhen(dueOf(step), step.day)}: ${evidenceWanted(meeting, options.evidence)}.`,
    'Reply with files or links, or say when you have sent it.',
  ].join('\n');
}

/**
 * To the school's officer in the team channel, if nothing has arrived by the deadline.
 *
 * @example
 * escalationText(meeting, { day: '2027-01-06', dueDay: '2027-01-05' })
 * //=> 'No evidence yet from Oakfield Primary School (URN 100001) for the RAP review meeting on …'
 */
export function escalationText(meeting: Meeting, step: ChaseStep): string {
  return [
    `No evidence yet from ${school(meeting)} for the ${meeting.type.name} on ${when(meeting)}.`,
    `It was due by ${EVIDENCE_DEADLINE} on ${longDay(dueOf(step))}; the headteacher was asked for it.`,
    'Please follow up with the school.',
  ].join('\n');
}
