import type { Command, Reply } from './types.js';

export const HELP_EXAMPLES = [
  "what is St Mary's category?",
  'which category is Oakfield in?',
  'category of 101234',
  'show Oakfield Primary',
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
    'In a channel, @mention me first. Type **help** at any time to see this again. Meeting scheduling and reminders are coming soon.',
  ].join('\n\n');
  return { text, suggestions: [...HELP_EXAMPLES] };
}

const HELP = /^(help|\?|what can you do\??|commands|hi|hello)$/i;

export const help: Command = {
  name: 'help',
  matches: (text) => HELP.test(text.trim()),
  handle: () => helpReply(),
};
