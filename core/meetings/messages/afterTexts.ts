import { longDay } from '../_lib/format.js';
import type { Meeting, PlanStep } from '../types.js';
import { byWhen, school, sharesKeyPoints, when } from './_words.js';

/**
 * To the school's officer after the meeting: circulate the minutes (key points and actions)
 * by the day the deadline gives, and do what the meeting type shares afterwards. For a
 * meeting that shares "5 key points" with the governing body (LAIG) it adds a numbered
 * template for them; for a confidential one, a line that the minutes stay with members.
 * Only ever for the officer: heads are never sent minutes or key points.
 *
 * @example
 * minutesText(laigMeeting, { dueDay: '2027-01-26' })
 * //=> 'Minutes: Local Authority Implementation Group (LAIG), Oakfield … \n…\nSummary 5 key points for the whole governing body:\n1. \n2. \n3. \n4. \n5. '
 */
export function minutesText(meeting: Meeting, step: Pick<PlanStep, 'dueDay'>): string {
  const type = meeting.type;
  const lines = [
    `Minutes: ${type.name}, ${school(meeting)}, ${when(meeting)}`,
    '',
    `Please circulate the minutes (key points and actions) to the members${step.dueDay ? ` by ${longDay(step.dueDay)}` : ''}.`,
  ];
  if (type.confidential) lines.push('This meeting is confidential: the minutes go to its members only.');
  if (type.afterwards.length > 0) lines.push('', 'Afterwards:', ...type.afterwards.map((a) => `- ${a}`));
  if (sharesKeyPoints(meeting)) {
    lines.push('', 'Summary 5 key points for the whole governing body:', '1. ', '2. ', '3. ', '4. ', '5. ');
  }
  return lines.join('\n');
}

export interface NoticeTextOptions {
  /** The head's evidence has already arrived: say nothing more is needed. */
  readonly evidenceReceived?: boolean;
}

/**
 * To the head when the meeting moves: from when to when, and the new evidence deadline.
 *
 * @example
 * movedText(meeting, { day: '2026-12-29', dueDay: '2027-01-12', movedFrom: '2027-01-12T10:00' })
 * //=> 'Moved: RAP review meeting for Oakfield Primary School\n\n… has moved from Tuesday 12 January 2027 at 10:00 to Tuesday 19 January 2027 at 10:00. …'
 */
export function movedText(
  meeting: Meeting,
  step: Pick<PlanStep, 'day' | 'dueDay' | 'movedFrom'>,
  options: NoticeTextOptions = {},
): string {
  const from = step.movedFrom ? ` from ${when({ startsAt: step.movedFrom })}` : '';
  const evidence = options.evidenceReceived
    ? 'We have your evidence already: there is nothing more to send.'
    : step.dueDay
      ? `Your evidence is now needed ${byWhen(step.dueDay, step.day)}.`
      : '';
  return [
    `Moved: ${meeting.type.name} for ${meeting.schoolName}`,
    '',
    'Dear Headteacher,',
    '',
    `The ${meeting.type.name} for ${meeting.schoolName} has moved${from} to ${when(meeting)}.`,
    ...(evidence ? [evidence] : []),
  ].join('\n');
}

/**
 * To the head when the meeting is cancelled: no evidence needed, no more reminders.
 *
 * @example
 * cancelledText(meeting)
 * //=> 'Cancelled: RAP review meeting for Oakfield Primary School\n\n… on Tuesday 12 January 2027 at 10:00 has been cancelled. …'
 */
export function cancelledText(meeting: Meeting): string {
  return [
    `Cancelled: ${meeting.type.name} for ${meeting.schoolName}`,
    '',
    'Dear Headteacher,',
    '',
    `The ${meeting.type.name} for ${meeting.schoolName} on ${when(meeting)} has been cancelled.`,
    'You do not need to send evidence for it, and you will get no more reminders about it.',
  ].join('\n');
}
