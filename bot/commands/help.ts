import { OPEN } from './access.js';
import type { Command, Reply } from './types.js';

export const HELP_EXAMPLES = [
  "what is St Mary's category?",
  'which category is Oakfield in?',
  'category of 101234',
  'show Oakfield Primary',
] as const;

/** The meeting commands (officers), for help. */
export const MEETING_EXAMPLES = [
  'schedule a RAP for Oakfield on 9 Dec at 10:00',
  "move Oakfield's RAP to 16 Dec",
  "cancel Oakfield's RAP",
  'meetings this week',
  'next meeting for Oakfield',
  'evidence received for Oakfield',
  "status of Oakfield's reminders",
] as const;

/**
 * What Waymark can do. Text only (Markdown): a card would repeat the same words, and text
 * reads well in every Teams client and in notification previews.
 */
export function helpReply(): Reply {
  const text = [
    "**I'm Waymark.** I answer questions about your schools' categories, straight from the team's categorisation workbook.",
    'Ask me about a school by name (typos and "C of E" are fine) or by its URN, for example:',
    HELP_EXAMPLES.map((e) => `- *${e}*`).join('\n'),
    "I answer with the school's category, each indicator's value and RAG rating, the reasons, the named officer and the data's date. If several schools match, pick one from the list.",
    'Categories are confidential to the school improvement team; a head teacher can ask about their own school in a personal chat.',
    '**Meetings and evidence** (the improvement team): I schedule RAP, LAIG, project board, progress review and steering group meetings, post the agenda and chase the head for evidence on working days. Dates are en-GB (9 Dec, 9/12, Tuesday 9 December 2026, tomorrow); say *schedule a meeting* for a form, or *import meetings* to read the workbook\'s "Meetings" sheet. For example:',
    MEETING_EXAMPLES.map((e) => `- *${e}*`).join('\n'),
    'Heads: reply to an evidence request with files or links, or press **Evidence sent**. Officers: say *use this channel for Waymark* in the channel I should post in.',
    'In a channel, @mention me first. Type **help** at any time to see this again.',
  ].join('\n\n');
  return { text, suggestions: [...HELP_EXAMPLES] };
}

const HELP = /^(help|\?|what can you do\??|commands|hi|hello)$/i;

export const help: Command = {
  name: 'help',
  matches: (text) => HELP.test(text.trim()),
  access: OPEN,
  handle: () => helpReply(),
};
