/**
 * Small building blocks shared by every Waymark card, so that buttons, RAG words and plain
 * text cards look and behave the same everywhere.
 */
import type { Rag } from '../frameworks/schema.js';
import { ragLabel } from '../rating/ragWords.js';

/** An Adaptive Card 1.5 as JSON. */
export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: string;
  readonly version: '1.5';
  /** Shown by clients that cannot draw the card; Teams also uses it in notifications. */
  readonly fallbackText?: string;
  readonly body: readonly Record<string, unknown>[];
  readonly actions?: readonly Record<string, unknown>[];
}

export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

/** What every Waymark question button sends back as the activity's `value`. */
export interface AskValue {
  readonly waymark: 'ask';
  /** The question the button stands for, routed as if it had been typed. */
  readonly ask: string;
}

/**
 * A button that asks Waymark a question. A plain `Action.Submit` with data only: Teams and the
 * Agents Playground both deliver it (the Playground cannot send an `Action.Submit` that carries
 * an `msteams` messageBack or imBack: it fails with "Cannot add property msTeams"), and in a
 * channel Teams delivers it without an @mention.
 *
 * @example
 * askButton('Oakfield Primary School', 'category of 101234')
 * //=> { type: 'Action.Submit', title: 'Oakfield Primary School', data: { waymark: 'ask', ask: 'category of 101234' } }
 */
export function askButton(title: string, ask: string): Record<string, unknown> {
  const data: AskValue = { waymark: 'ask', ask };
  return { type: 'Action.Submit', title, data };
}

/**
 * The Adaptive Card container style for a RAG. The word sits in the default text colour on the
 * style's background, which every Teams theme (light, dark, high contrast) draws readably;
 * a coloured word on the plain background (amber as yellow on white) is not.
 */
export const ragStyle: Record<Rag, 'good' | 'warning' | 'attention'> = { G: 'good', A: 'warning', R: 'attention' };

/** The RAG as a word in its coloured box: never colour alone. */
export function ragBadge(rag: Rag | undefined): Record<string, unknown> {
  if (!rag) return { type: 'TextBlock', text: 'not read', isSubtle: true, wrap: true };
  return {
    type: 'Container',
    style: ragStyle[rag],
    bleed: false,
    items: [{ type: 'TextBlock', text: ragLabel[rag], weight: 'Bolder', wrap: false }],
  };
}

/** A card of a heading, paragraphs and question buttons: for answers that are mostly words. */
export function textCard(options: {
  readonly title?: string;
  readonly paragraphs: readonly string[];
  readonly buttons?: readonly { readonly title: string; readonly ask: string }[];
  readonly fallbackText: string;
}): AdaptiveCard {
  const body: Record<string, unknown>[] = [];
  if (options.title) body.push({ type: 'TextBlock', text: options.title, weight: 'Bolder', size: 'Medium', wrap: true });
  for (const p of options.paragraphs) body.push({ type: 'TextBlock', text: p, wrap: true, spacing: 'Small' });
  const actions = (options.buttons ?? []).map((b) => askButton(b.title, b.ask));
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: '1.5',
    fallbackText: options.fallbackText,
    body,
    ...(actions.length > 0 && { actions }),
  };
}
