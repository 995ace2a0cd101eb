import { londonDay } from '../calendar/londonDay/index.js';
import { londonTime } from '../calendar/londonTime/index.js';
import { longDate, type Reply } from './categoryReply.js';

/** Why the workbook could not be (re)loaded, and when. */
export interface WorkbookProblem {
  readonly at: Date;
  readonly reason: string;
}

const MAX_REASON = 240;

/**
 * What to tell an officer when the latest workbook could not be read: when, why, and which
 * copy the answers come from. Times are London times; the date is added when the copy is
 * from another day.
 *
 * @example
 * workbookNotice({ at: new Date('2026-11-24T14:02:00Z'), reason: 'the file is damaged' }, new Date('2026-11-24T09:15:00Z'))
 * //=> 'The workbook could not be reloaded at 14:02: the file is damaged; answers use the copy loaded at 09:15.'
 */
export function workbookNotice(problem: WorkbookProblem, loadedAt: Date | undefined): string {
  const reason = problem.reason.length > MAX_REASON ? `${problem.reason.slice(0, MAX_REASON - 1)}…` : problem.reason;
  const when = londonTime(problem.at);
  if (!loadedAt) {
    return `The workbook could not be loaded at ${when}: ${reason.replace(/\.$/, '')}; I have no school information until it can be read.`;
  }
  const sameDay = londonDay(loadedAt) === londonDay(problem.at);
  const copy = `${londonTime(loadedAt)}${sameDay ? '' : ` on ${longDate(londonDay(loadedAt))}`}`;
  return `The workbook could not be reloaded at ${when}: ${reason.replace(/\.$/, '')}; answers use the copy loaded at ${copy}.`;
}

/**
 * The reply with a notice on top: first in the text, and a warning line at the top of the card.
 *
 * @example
 * withNotice(categoryReply(oakfield), 'The workbook could not be reloaded at 14:02: …').text
 * //=> 'The workbook could not be reloaded at 14:02: … \n\nOakfield Primary School (URN 101234): …'
 */
export function withNotice<R extends Reply>(reply: R, notice: string | undefined): R {
  if (!notice) return reply;
  const text = `${notice}\n\n${reply.text}`;
  if (!reply.card) return { ...reply, text };
  // Default text on the warning style's background: readable in every Teams theme.
  const warning = { type: 'Container', style: 'warning', items: [{ type: 'TextBlock', text: notice, wrap: true, size: 'Small' }] };
  return { ...reply, text, card: { ...reply.card, fallbackText: text, body: [warning, ...reply.card.body] } };
}
