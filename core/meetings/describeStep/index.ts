import { shortDay } from '../_lib/format.js';
import { sharesKeyPoints } from '../messages/_words.js';
import type { Meeting, PlanStep, Recipient } from '../types.js';

/** Who a recipient is, in words. */
export const recipientWords: Readonly<Record<Recipient, string>> = Object.freeze({
  channel: 'team channel',
  members: 'each member',
  head: 'headteacher',
  officer: 'officer',
});

function due(step: PlanStep): string {
  if (step.dueDay === undefined) return '';
  if (step.dueDay === step.day) return 'by 5pm today';
  if (step.dueDay < step.day) return `as soon as possible (deadline ${shortDay(step.dueDay)} passed)`;
  return `by 5pm ${shortDay(step.dueDay)}`;
}

/**
 * One line saying what a step does, for people reading a plan (the `npm run plan` table,
 * "meetings this week"). Not the message itself: see `messageForStep`.
 *
 * @example
 * describeStep(requestStep, meeting) //=> 'Ask for evidence, due by 5pm Tue 5 Jan 2027'
 * describeStep(lateRequest, meeting) //=> 'Ask for evidence, due as soon as possible (deadline Tue 5 Jan 2027 passed); brought forward from Thu 24 Dec 2026'
 */
export function describeStep(step: PlanStep, meeting: Meeting): string {
  const ifNone = step.condition === 'no-evidence' ? ', if no evidence yet' : '';
  let what: string;
  switch (step.step) {
    case 'agenda':
      what = step.recipient === 'channel' ? 'Post the agenda' : `Send the agenda (${meeting.type.members.length} members)`;
      break;
    case 'evidence-request':
      what = `Ask for evidence, due ${due(step)}`;
      break;
    case 'evidence-reminder':
      what = `Remind: evidence due ${due(step)}${ifNone}`;
      break;
    case 'evidence-due':
      what = `Deadline day: evidence due ${due(step)}${ifNone}`;
      break;
    case 'escalation':
      what = `Tell the officer evidence is overdue${ifNone}`;
      break;
    case 'minutes': {
      const keyPoints = sharesKeyPoints(meeting) ? ', and the 5 key points for the governing body' : '';
      what = `Circulate the minutes${step.dueDay ? ` by ${shortDay(step.dueDay)}` : ''}${keyPoints}`;
      break;
    }
    case 'moved':
      what = `Tell the head the meeting has moved${step.dueDay ? `; evidence due ${due(step)}` : ''}`;
      break;
    case 'cancelled':
      what = 'Tell the head the meeting is cancelled';
      break;
  }
  if (!step.late) return what;
  return step.day === step.plannedDay
    ? `${what}; late, planned for earlier today`
    : `${what}; brought forward from ${shortDay(step.plannedDay)}`;
}
