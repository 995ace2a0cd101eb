import { format, parseISO } from 'date-fns';
import { ragLabel } from '../rating/ragWords.js';
import type { SchoolRecord } from '../schools/types.js';
import { askButton, CARD_SCHEMA as SCHEMA, ragBadge, textCard, type AdaptiveCard } from './card.js';

export type { AdaptiveCard } from './card.js';

/** A reply as plain data: text for every client, and an Adaptive Card where cards show. */
export interface Reply {
  readonly text: string;
  readonly card?: AdaptiveCard;
}

/** The question buttons under a school's card: the follow-ups an officer asks next. */
export function schoolButtons(s: SchoolRecord): Record<string, unknown>[] {
  const which = s.urn ?? s.name;
  return [
    askButton('Why this category?', `why is ${which} in that category?`),
    askButton('What would move it up?', `what would move ${which} up?`),
    askButton('History', `history of ${which}`),
  ];
}

/** en-GB long date: "1 November 2026". */
export const longDate = (day: string): string => format(parseISO(day), 'd MMMM yyyy');

const who = (s: SchoolRecord): string => `${s.name}${s.urn ? ` (URN ${s.urn})` : ''}`;

function categoryLine(s: SchoolRecord): string {
  if (!s.category) return 'No category: insufficient data for a suggestion, and no officer category in the sheet';
  const { category, source } = s.category;
  const base = `${category.code} — ${category.label}`;
  if (source === 'suggested') return `${base} (suggested by Waymark; no officer category in the sheet)`;
  const differs = s.suggested && s.suggested.code !== category.code;
  return differs ? `${base} (officer's category; Waymark suggests ${s.suggested?.code})` : `${base} (officer's category)`;
}

/**
 * The answer to "what is this school's category?": the category as text (never colour only),
 * each indicator's value and RAG, the reasons, the named officer and the data's date.
 *
 * @example
 * categoryReply(oakfield).text
 * //=> "Oakfield Primary School (URN 101234): G — Strengthening Good (officer's category). …"
 */
export function categoryReply(s: SchoolRecord): Reply {
  const line = categoryLine(s);
  const facts = [
    { title: 'Category', value: line },
    ...(s.officer ? [{ title: 'Officer', value: s.officer }] : []),
    ...(s.dataDate ? [{ title: 'Data as at', value: longDate(s.dataDate) }] : []),
  ];
  const indicatorFacts = s.indicators.map((i) => ({
    title: i.label,
    value: i.rag ? `${i.display} — ${ragLabel[i.rag]}` : `${i.display} — not read`,
  }));
  const body: Record<string, unknown>[] = [
    { type: 'TextBlock', text: who(s), weight: 'Bolder', size: 'Large', wrap: true },
    {
      type: 'TextBlock',
      text: s.category ? `${s.category.category.code} — ${s.category.category.label}` : 'Insufficient data',
      size: 'ExtraLarge',
      weight: 'Bolder',
      wrap: true,
    },
    { type: 'FactSet', facts },
  ];
  if (s.rationale.trim() !== '') {
    body.push(
      { type: 'TextBlock', text: 'Why', weight: 'Bolder', spacing: 'Medium' },
      { type: 'TextBlock', text: s.rationale, wrap: true },
    );
  }
  if (indicatorFacts.length > 0) {
    body.push({ type: 'TextBlock', text: 'Indicators', weight: 'Bolder', spacing: 'Medium' });
    body.push({
      type: 'Container',
      items: s.indicators.map((i) => ({
        type: 'ColumnSet',
        columns: [
          { type: 'Column', width: 'stretch', items: [{ type: 'TextBlock', text: i.label, wrap: true }] },
          { type: 'Column', width: 'auto', items: [{ type: 'TextBlock', text: i.display, wrap: true }] },
          { type: 'Column', width: 'auto', verticalContentAlignment: 'Center', items: [ragBadge(i.rag)] },
        ],
      })),
    });
  }
  body.push({
    type: 'TextBlock',
    text: 'Suggestions only: the officer’s category stands. Confidential to the school improvement team.',
    isSubtle: true,
    size: 'Small',
    wrap: true,
  });
  const reds = s.indicators.filter((i) => i.rag === 'R').map((i) => `${i.label} ${i.display}`);
  const text = [
    `${who(s)}: ${line}.`,
    s.rationale.trim() !== '' ? `Why: ${s.rationale.trim().replace(/\.$/, '')}.` : undefined,
    reds.length > 0 ? `Red: ${reds.join('; ')}.` : undefined,
    s.officer ? `Officer: ${s.officer}.` : undefined,
    s.dataDate ? `Data as at ${longDate(s.dataDate)}.` : undefined,
  ]
    .filter(Boolean)
    .join(' ');
  return { text, card: { type: 'AdaptiveCard', $schema: SCHEMA, version: '1.5', fallbackText: text, body, actions: schoolButtons(s) } };
}

/**
 * Several schools match: a short list to choose from, each a button that asks again by URN.
 * The buttons are plain `Action.Submit` (see {@link askButton}): they work in Teams, in a
 * channel without an @mention, and in the Agents Playground.
 *
 * @example
 * chooseSchoolReply('st marys', [stMarysA, stMarysB]).text
 * //=> 'Which school did you mean by "st marys"? St Mary\'s CE Primary School (URN 101235); …'
 */
export function chooseSchoolReply(query: string, schools: readonly SchoolRecord[], ask: (which: string) => string = (w) => `category of ${w}`): Reply {
  const text = `Which school did you mean by "${query}"? ${schools.map(who).join('; ')}`;
  const buttons = schools.map((s) => ({ title: who(s), ask: ask(s.urn ?? s.name) }));
  return { text, card: textCard({ title: `Which school did you mean by "${query}"?`, paragraphs: [], buttons, fallbackText: text }) };
}

/**
 * No school matches: say so, with the three closest names as buttons.
 *
 * @example
 * notFoundReply('Oakfeld', [oakfield]).text //=> 'I couldn\'t find "Oakfeld". Closest: Oakfield Primary School.'
 */
export function notFoundReply(query: string, closest: readonly SchoolRecord[], ask: (which: string) => string = (w) => `category of ${w}`): Reply {
  const hint = closest.length > 0 ? ` Closest: ${closest.map((s) => s.name).join(', ')}.` : ' Try the school’s name or its 6-digit URN.';
  const text = `I couldn't find "${query}".${hint}`;
  if (closest.length === 0) return { text };
  const buttons = closest.slice(0, 3).map((s) => ({ title: s.name, ask: ask(s.urn ?? s.name) }));
  return { text, card: textCard({ title: `I couldn't find "${query}".`, paragraphs: ['Did you mean one of these?'], buttons, fallbackText: text }) };
}

/**
 * What anyone gets who may not see a school's category: polite, and revealing nothing, not
 * even whether the school exists.
 */
export const refusalReply: Reply = {
  text: 'Sorry, I can only share school category information with the school improvement team. If you think you should have access, ask your school improvement officer.',
};
