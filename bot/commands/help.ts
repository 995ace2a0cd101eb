import { OPEN } from './access.js';
import { helpCard } from '../../core/messages/helpCard.js';
import type { Command, Reply } from './types.js';

/** The questions help offers as buttons. */
export const HELP_EXAMPLES = [
  'category of st marys',
  'why is Oakfield in that category?',
  'what would move Oakfield up?',
  'summary',
  'category of 101234',
] as const;

/** The three on the welcome card. */
export const WELCOME_EXAMPLES = ['category of st marys', 'summary', 'help'] as const;

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

/** The rest of the improvement cycle (officers), for help: one example per kind of command. */
export const CYCLE_EXAMPLES = [
  'visited Oakfield today',
  "reviewed Oakfield's category today",
  'my visits this half term',
  'warning notice issued to Oakfield today',
  'which letters for Oakfield',
  'draft the significant concerns letter for Oakfield',
  'exit criteria for Coley',
  'tick exit criterion 3 for Coley',
  'project board report for Queensway',
  'calendar events I could not match',
  'head links',
] as const;

/** What Waymark can do, as a card whose examples are buttons (not Markdown). */
export function helpReply(): Reply {
  return helpCard({ kind: 'help', examples: [...HELP_EXAMPLES], meetingExamples: [...MEETING_EXAMPLES], cycleExamples: [...CYCLE_EXAMPLES] });
}

/** The welcome card sent when Waymark is installed in a personal chat or a team. */
export function welcomeReply(): Reply {
  return helpCard({ kind: 'welcome', examples: [...WELCOME_EXAMPLES] });
}

const HELP = /^(help|\?|what can you do\??|commands|hi|hello)$/i;

export const help: Command = {
  name: 'help',
  matches: (text) => HELP.test(text.trim()),
  access: OPEN,
  handle: () => helpReply(),
};
