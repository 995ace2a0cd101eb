import type { Command, Reply } from './types.js';

export const HELP_EXAMPLES = [
  "what is St Mary's category?",
  'category of 101234',
  'show Oakfield Primary',
] as const;

export function helpReply(): Reply {
  const text = [
    "I'm Waymark. I answer questions about your schools' categories, straight from the team's categorisation workbook.",
    '',
    'Ask me about a school by name or URN, for example:',
    ...HELP_EXAMPLES.map((e) => `- "${e}"`),
    '',
    'In a channel, @mention me first. Type "help" at any time to see this again.',
    'Meeting scheduling and reminders are coming soon.',
  ].join('\n');
  const card = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: 'Waymark help', weight: 'Bolder', size: 'Medium', wrap: true },
      {
        type: 'TextBlock',
        wrap: true,
        text: "I answer questions about your schools' categories, from the team's categorisation workbook.",
      },
      { type: 'TextBlock', text: 'Try:', weight: 'Bolder', wrap: true },
      ...HELP_EXAMPLES.map((e) => ({ type: 'TextBlock', text: `• ${e}`, wrap: true })),
      { type: 'TextBlock', text: 'In a channel, @mention me first.', isSubtle: true, wrap: true },
    ],
  };
  return { text, card, suggestions: [...HELP_EXAMPLES] };
}

const HELP = /^(help|\?|what can you do\??|commands|hi|hello)$/i;

export const help: Command = {
  name: 'help',
  matches: (text) => HELP.test(text.trim()),
  handle: () => helpReply(),
};
