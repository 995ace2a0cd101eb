/**
 * Letters to schools in the chat (officers only, issue 14):
 * - "which letters for Victoria Primary": the letters the school's framework describes whose
 *   triggers hold (core/letters suggestLetters), each with the seed's bullets and the evidence;
 * - "draft the significant concerns letter for Victoria Primary" (congratulations, warning
 *   notice, category change; "… anyway" drafts it when no trigger holds): the Word draft
 *   (core/letters draftLetter laid out by letters/docx.ts), given to the officer as a file in
 *   their personal chat (Reply.file; bot/teams/files.ts offers it there, whatever the place).
 * Nothing is ever sent to a school: the draft is the officer's to edit and sign.
 */
import { parseISO, format } from 'date-fns';
import { makeCalendar } from '../../core/calendar/index.js';
import { getFramework, type Framework } from '../../core/frameworks/index.js';
import { draftLetter, LETTER_KINDS, LETTER_TITLES, suggestLetters, type LetterKind, type LetterSuggestion } from '../../core/letters/index.js';
import { letterDocx } from '../../letters/docx.js';
import { schoolLetterFacts } from '../letters/facts.js';
import { auditMeetingCommand, todayIn } from '../meetings/command-kit.js';
import { lookupSchool } from '../meetings/lookup.js';
import { DRAFT_LETTER_ACCESS, WHICH_LETTERS_ACCESS } from './access.js';
import type { Command, CommandContext, CommandInput, Reply } from './types.js';

const WHICH = /^(?:which|what)\s+letters?\s+(?:(?:should|could|would)\s+(?:i|we)\s+(?:send|write)\s+)?(?:for|to)\s+(.+?)\s*\??$/i;
const WHICH_SHORT = /^(?:suggest\s+(?:a\s+)?letters?|letters?)\s+(?:for|to)\s+(.+?)\s*\??$/i;
const DRAFT = /^(?:please\s+)?(?:draft|write|prepare)\s+(?:me\s+)?(?:a|an|the)\s+(.+?)\s+(?:letter\s+)?(?:for|to)\s+(.+?)(\s+anyway)?\s*[.!]?$/i;

/** The words an officer may use for each kind of letter. */
const KIND_WORDS: readonly (readonly [RegExp, LetterKind])[] = [
  [/^(?:congratulations?|congratulatory)(?:\s+letter)?$/i, 'congratulations'],
  [/^(?:significant\s+)?concerns?(?:\s+letter)?$/i, 'significant-concerns'],
  [/^(?:formal\s+)?warning(?:\s+notice)?(?:\s+letter)?$/i, 'warning-notice'],
  [/^(?:(?:category|categorisation|categorization)\s+change|change\s+of\s+category|re-?categori[sz]ation)(?:\s+letter)?$/i, 'category-change'],
];

const kindOf = (words: string): LetterKind | undefined => KIND_WORDS.find(([re]) => re.test(words.trim()))?.[1];

/** What the officer would type for each kind. */
const KIND_ASK: Record<LetterKind, string> = {
  congratulations: 'congratulations',
  'significant-concerns': 'significant concerns',
  'warning-notice': 'warning notice',
  'category-change': 'category change',
};

function frameworkOf(ctx: CommandContext): Framework | undefined {
  if (ctx.meetings) return ctx.meetings.framework;
  const f = getFramework(ctx.config.framework);
  return f.ok ? f.value : undefined;
}

const reasonLines = (s: Pick<LetterSuggestion, 'reasons'>) => s.reasons.map((r) => `- "${r.trigger}": ${r.evidence}`);
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const longDate = (day: string) => format(parseISO(day), 'd MMMM yyyy');

async function which(input: CommandInput, ctx: CommandContext): Promise<Reply> {
  const schoolText = (WHICH.exec(input.text) ?? WHICH_SHORT.exec(input.text))?.[1] ?? '';
  const framework = frameworkOf(ctx);
  const found = lookupSchool(schoolText, ctx.directory.current(), 'which letters for {school}');
  if (!found.ok || !framework) {
    await auditMeetingCommand(ctx, input, whichLettersCommand.name, 'not-found');
    return found.ok ? { text: "This Waymark has no framework set up, so it cannot tell which letters the seed calls for." } : found.reply;
  }
  const school = found.school;
  await auditMeetingCommand(ctx, input, whichLettersCommand.name, 'allowed', school.urn);
  const kinds = LETTER_KINDS[framework.id] ?? [];
  const who = `${school.name} (URN ${school.urn})`;
  if (kinds.length === 0) return { text: `The ${framework.name} describes no letters to schools, so Waymark suggests none for ${who}.` };
  const facts = await schoolLetterFacts(ctx.store.db, school, framework);
  const suggested = suggestLetters(facts);
  const available = kinds.map((k) => LETTER_TITLES[k].toLowerCase()).join(', ');
  if (suggested.length === 0) {
    return {
      text: [
        `No letter is suggested for ${who}: none of the seed's triggers holds in the workbook (${framework.name}'s letters: ${available}).`,
        `You can still draft one: "draft the ${KIND_ASK[kinds[0]!]} letter for ${school.name} anyway".`,
      ].join('\n\n'),
    };
  }
  const blocks = suggested.map((s) =>
    [`**${s.title}** — the seed: ${s.source}. Where one or more of these apply:`, ...reasonLines(s), ...(s.unchecked.length ? [`(not checked, no data in the workbook: ${s.unchecked.length} of the seed's ${s.unchecked.length === 1 ? 'bullet' : 'bullets'})`] : [])].join('\n'),
  );
  return {
    text: [`Letters suggested for ${who}:`, ...blocks, 'Suggestions only: the decision is yours, and nothing is sent to the school. Ask me to draft one as a Word file.'].join('\n\n'),
    suggestions: suggested.map((s) => `draft the ${KIND_ASK[s.kind]} letter for ${school.urn}`),
  };
}

async function draft(input: CommandInput, ctx: CommandContext): Promise<Reply> {
  const [, kindText = '', schoolText = '', anyway] = DRAFT.exec(input.text) ?? [];
  const kind = kindOf(kindText);
  const framework = frameworkOf(ctx);
  if (!kind) {
    await auditMeetingCommand(ctx, input, draftLetterCommand.name, 'not-found');
    return { text: `I don't know a "${kindText}" letter. I can draft: ${Object.values(KIND_ASK).map((k) => `the ${k} letter`).join(', ')} (as your framework has them).` };
  }
  const found = lookupSchool(schoolText, ctx.directory.current(), `draft the ${KIND_ASK[kind]} letter for {school}`);
  if (!found.ok || !framework) {
    await auditMeetingCommand(ctx, input, draftLetterCommand.name, 'not-found');
    return found.ok ? { text: 'This Waymark has no framework set up, so it cannot draft letters.' } : found.reply;
  }
  const school = found.school;
  const facts = await schoolLetterFacts(ctx.store.db, school, framework);
  const today = todayIn(ctx);
  const drafted = draftLetter(kind, facts, {
    date: today,
    calendar: ctx.meetings?.calendar ?? makeCalendar(),
    ...(anyway ? { force: true } : {}),
  });
  await auditMeetingCommand(ctx, input, draftLetterCommand.name, drafted.ok ? 'allowed' : 'not-found', school.urn);
  if (!drafted.ok) {
    const more = drafted.error.startsWith('no reason') ? ` To draft it all the same, say "draft the ${KIND_ASK[kind]} letter for ${school.name} anyway".` : '';
    return { text: `I have not drafted it: ${drafted.error}.${more}` };
  }
  const d = drafted.value;
  const name = `${slug(school.name)}-${kind}-${today}.docx`;
  const bytes = await letterDocx(d);
  return {
    text: [
      `Draft **${d.title}** for ${school.name} (URN ${school.urn}), dated ${longDate(today)}.`,
      d.reasons.length ? ['Its reasons, from the seed\'s triggers:', ...d.reasons.map((r) => `- ${r}`)].join('\n') : 'No trigger holds: the draft has no reasons in it; add yours.',
      `Source: ${d.source}.`,
      'A confidential draft for you to edit and sign: nothing is sent to the school.',
    ].join('\n\n'),
    file: { name, bytes: new Uint8Array(bytes), description: `Draft ${d.title.toLowerCase()} for ${school.name}, for the officer (not sent to the school)` },
  };
}

export const whichLettersCommand: Command = {
  name: 'which-letters',
  access: WHICH_LETTERS_ACCESS,
  matches: (text) => WHICH.test(text) || WHICH_SHORT.test(text),
  handle: which,
};

export const draftLetterCommand: Command = {
  name: 'draft-letter',
  access: DRAFT_LETTER_ACCESS,
  matches: (text) => {
    const m = DRAFT.exec(text);
    return m !== null && (/\bletter\b/i.test(text) || kindOf(m[1] ?? '') !== undefined);
  },
  handle: draft,
};
