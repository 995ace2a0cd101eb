/**
 * "calendar events I could not match" (officers): the Outlook events the calendar import
 * (WAYMARK_CALENDAR) did not turn into meetings, or whose change it did not apply, each with
 * the reason; and the last import's outcome. Subjects name schools, so officers only, where
 * only the team reads the answer. Only events whose subject names a meeting type are kept at
 * all; anyone in the team can type a subject, so it (and the reason, which quotes it) is
 * escaped, never read as Markdown.
 */
import { londonDay } from '../../core/calendar/londonDay/index.js';
import { londonTime } from '../../core/calendar/londonTime/index.js';
import { calendarProblems } from '../calendar/repo.js';
import { calendarStatus, calendarSummaryText } from '../calendar/watch.js';
import { auditMeetingCommand, officerAccess, OFFICER_COMMAND } from '../meetings/command-kit.js';
import { shortStart } from '../meetings/words.js';
import { escapeMarkdown } from './markdown.js';
import type { Command, CommandContext, CommandInput, Reply } from './types.js';

const NAME = 'calendar-events';
const ASK =
  /^(?:(?:show|list)\s+(?:me\s+)?)?(?:the\s+)?(?:(?:calendar\s+events?|events?\s+in\s+the\s+calendar)\s+(?:that\s+)?(?:i|you)\s+(?:could\s*n[o’']t|could\s+not|can\s*n[o’']t|can't|did\s*n[o’']t|did\s+not)\s+match|unmatched\s+calendar\s+events?|calendar\s+(?:import|problems?))[?.!]?$/i;

const MAX = 25;

async function handle(input: CommandInput, ctx: CommandContext): Promise<Reply> {
  const access = await officerAccess(input, ctx, NAME);
  if (!access.ok) return access.reply;
  await auditMeetingCommand(ctx, input, NAME, 'allowed');
  if (!ctx.config.calendar.mailbox) {
    return { text: 'No calendar is imported: set WAYMARK_CALENDAR to the team\'s shared mailbox to import RAP, LAIG and other meetings from its Outlook calendar.' };
  }
  const db = ctx.store.db;
  const [problems, status] = [await calendarProblems(db), await calendarStatus(db)];
  const when = (iso: string) => {
    const d = new Date(iso);
    return shortStart(`${londonDay(d)}T${londonTime(d)}`);
  };
  const last = !status
    ? 'The calendar has not been imported yet.'
    : status.ok && status.summary
      ? `Last import ${when(status.at)}: ${calendarSummaryText(status.summary)}.`
      : `The last import (${when(status.at)}) failed: ${status.reason ?? 'unknown reason'}.`;
  if (problems.length === 0) return { text: `${last}\n\nEvery calendar event in the next 12 months that names a meeting type was matched to a school.` };
  const lines = problems.slice(0, MAX).map((p) => `- **${p.subject ? escapeMarkdown(p.subject) : '(subject not shown)'}**, ${shortStart(p.startsAt)}: ${escapeMarkdown(p.problem ?? '')}.`);
  if (problems.length > MAX) lines.push(`- … and ${problems.length - MAX} more`);
  return {
    text: [
      `${problems.length === 1 ? '1 calendar event' : `${problems.length} calendar events`} I could not match or apply (nothing was guessed):`,
      ...lines,
      '',
      'Name the meeting type and the school in the subject, e.g. "RAP – Oakfield Primary School", and it is imported at the next check.',
      last,
    ].join('\n'),
  };
}

export const calendarEventsCommand: Command = {
  name: NAME,
  matches: (text) => ASK.test(text.trim()),
  access: OFFICER_COMMAND,
  handle,
};
