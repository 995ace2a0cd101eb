/**
 * What Waymark can do, as a card: the help answer and the welcome on install. Words, not
 * Markdown (a card shows Markdown's asterisks and dashes in some clients), and every example
 * is a button that asks it.
 */
import { askButton, CARD_SCHEMA, type AdaptiveCard } from './card.js';

export interface HelpCardOptions {
  /** "welcome" on install; "help" when asked. */
  readonly kind: 'help' | 'welcome';
  /** Example questions, each shown as a button (the first three on the welcome card). */
  readonly examples: readonly string[];
  /** Meeting examples, listed in words (help only). */
  readonly meetingExamples?: readonly string[];
  /** The rest of the improvement cycle (visits, letters, statutory clocks…), in words (help only). */
  readonly cycleExamples?: readonly string[];
}

const WHO =
  'Categories are confidential to the school improvement team: officers can ask about any school, in a 1:1 chat with me or in the team’s channel, never in a group chat. A head teacher can ask about their own school only, in a 1:1 chat.';

/**
 * The help or welcome card, with its text for notifications and clients without cards.
 *
 * @example
 * helpCard({ kind: 'welcome', examples: ['category of st marys', 'summary', 'help'] }).text
 * //=> "Hello, I'm Waymark. …"
 */
export function helpCard(options: HelpCardOptions): { text: string; card: AdaptiveCard } {
  const welcome = options.kind === 'welcome';
  const examples = welcome ? options.examples.slice(0, 3) : options.examples;
  const intro = welcome
    ? "Hello, I'm Waymark. I answer the school improvement team's questions about schools' categories, straight from the team's categorisation workbook, and I schedule and chase the framework's meetings."
    : "I'm Waymark. I answer questions about your schools' categories, straight from the team's categorisation workbook.";
  const ask =
    'Ask about a school by name (typos, "the", "school", "C of E" and "St" are fine) or by its URN: its category, why it is in it, what would move it, and its history. Ask "summary" for the whole team, and "what changed?" for recent changes. After a school, "and what would move it?" keeps to that school.';
  const meetings = options.meetingExamples && options.meetingExamples.length > 0
    ? `Meetings and evidence (officers): ${options.meetingExamples.map((e) => `"${e}"`).join(', ')}. Say "schedule a meeting" for a form.`
    : undefined;
  const cycle = options.cycleExamples && options.cycleExamples.length > 0
    ? `The rest of the improvement cycle (officers): ${options.cycleExamples.map((e) => `"${e}"`).join(', ')}.`
    : undefined;
  const channel = 'In a channel, @mention me first. Type "help" at any time.';
  const paragraphs = [intro, ask, ...(meetings ? [meetings] : []), ...(cycle ? [cycle] : []), WHO, channel];
  const text = [...paragraphs, `Try: ${examples.map((e) => `"${e}"`).join(', ')}.`].join('\n\n');
  const body: Record<string, unknown>[] = [
    { type: 'TextBlock', text: welcome ? "Hello, I'm Waymark" : 'What I can do', weight: 'Bolder', size: 'Large', wrap: true },
    ...paragraphs.map((p) => ({ type: 'TextBlock', text: p, wrap: true, spacing: 'Small' })),
    { type: 'TextBlock', text: welcome ? 'Three things to try' : 'Try one of these', weight: 'Bolder', spacing: 'Medium', wrap: true },
  ];
  // One button per row, so long questions are never cut off.
  body.push({
    type: 'ActionSet',
    actions: examples.map((e) => askButton(e, e)),
  });
  return {
    text,
    card: { type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: '1.5', fallbackText: text, body },
  };
}
