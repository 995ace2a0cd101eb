/**
 * Who may use a command, and where: the one access rule every command declares, enforced by
 * the router before any handler runs (so no handler can forget it).
 *
 * - who: an officer (WAYMARK_OFFICERS, or anyone posting in a channel of WAYMARK_TEAM_ID),
 *   the head of a school (an account an officer confirmed as that school's head; the handler
 *   then limits them to their own school), or anyone;
 * - where: a personal chat, a channel of WAYMARK_TEAM_ID, another team's channel, a group chat.
 *
 * A refused officer gets {@link NOT_HERE}, whatever the command (the category command's words;
 * only a command that must be said in a channel says so instead); anyone else refused gets the command's own `refusal`, the same wherever they ask.
 * Neither says anything about any school or meeting. In local mode (no credentials) everyone
 * is an officer and every channel or group chat counts as the team's.
 */
import type { BotConfig } from '../config.js';
import type { CommandInput, Reply } from './types.js';

export type Place = 'personal' | 'team-channel' | 'other-channel' | 'groupChat';

export const PLACES: readonly Place[] = ['personal', 'team-channel', 'other-channel', 'groupChat'];

/** Only the asker, or only the improvement team, reads the answer. */
export const TEAM_ONLY: readonly Place[] = ['personal', 'team-channel'];

export interface AccessRule {
  /** Where an officer may use the command. */
  readonly officer: readonly Place[];
  /** Where a confirmed head may (their own school only: the handler checks which school). */
  readonly head: readonly Place[];
  /** Where anyone at all may. */
  readonly anyone: readonly Place[];
  /** What a non-officer who may not use it here hears. */
  readonly refusal: Reply;
  /** What an officer hears elsewhere, when {@link NOT_HERE} would not fit (e.g. "say this in the channel"). */
  readonly elsewhere?: Reply;
}

/** An officer asking where others may read the answer; says nothing about any school. */
export const NOT_HERE: Reply = {
  text: "Sorry, I only give category information in a 1:1 chat with me or in the improvement team's channel. Please ask me there.",
};

/** The rule of commands that reveal nothing (help, the fallback): anyone, anywhere. */
export const OPEN: AccessRule = { officer: PLACES, head: PLACES, anyone: PLACES, refusal: { text: '' } };

/** The kind of conversation `input` came from, for this configuration. */
export function placeOf(input: Pick<CommandInput, 'conversation'>, config: Pick<BotConfig, 'mode' | 'teamId'>): Place {
  const { type, teamId } = input.conversation;
  if (type === 'personal') return 'personal';
  // Local mode (the Playground, no credentials, loopback only): one user, one pretend team.
  if (config.mode === 'local') return 'team-channel';
  if (type === 'groupChat') return 'groupChat';
  const team = config.teamId?.trim().toLowerCase();
  return team !== undefined && team !== '' && teamId?.toLowerCase() === team ? 'team-channel' : 'other-channel';
}

export type Asker = { readonly kind: 'officer' } | { readonly kind: 'head'; readonly schools: readonly string[] } | { readonly kind: 'guest' };

export type Decision = { readonly ok: true } | { readonly ok: false; readonly reply: Reply; readonly auditRole: 'officer' | 'head' | 'guest' };

/** Allowed, or the refusal to give. Pure. */
export function decide(rule: AccessRule, asker: Asker, place: Place): Decision {
  if (rule.anyone.includes(place)) return { ok: true };
  if (asker.kind === 'officer') return rule.officer.includes(place) ? { ok: true } : { ok: false, reply: rule.elsewhere ?? NOT_HERE, auditRole: 'officer' };
  if (asker.kind === 'head' && rule.head.includes(place)) return { ok: true };
  return { ok: false, reply: rule.refusal, auditRole: asker.kind };
}

/** What anyone but an officer hears when asking for a letter: nothing about any school. */
export const LETTERS_OFFICERS_ONLY: Reply = {
  text: 'Only the school-improvement team can see and draft letters to schools.',
};

/**
 * "which letters for X": the seed's letter triggers for a school are category information, so
 * officers only, where only the team reads the answer (a 1:1 chat or the team's channel).
 */
export const WHICH_LETTERS_ACCESS: AccessRule = { officer: TEAM_ONLY, head: [], anyone: [], refusal: LETTERS_OFFICERS_ONLY };

/**
 * "draft the … letter for X": the same places; the Word draft itself is only ever offered in the
 * officer's personal chat (asked in the channel, the channel hears the reasons and the draft
 * goes to their personal chat).
 */
export const DRAFT_LETTER_ACCESS: AccessRule = { officer: TEAM_ONLY, head: [], anyone: [], refusal: LETTERS_OFFICERS_ONLY };
/** What anyone but an officer hears about school visits: nothing about any school. */
export const VISITS_OFFICERS_ONLY: Reply = {
  text: 'Only the school-improvement team can record and list school visits and category reviews.',
};

/** "visited Oakfield today", "reviewed Oakfield's category today": officers, where only the team reads the answer. */
export const RECORD_VISIT_ACCESS: AccessRule = { officer: TEAM_ONLY, head: [], anyone: [], refusal: VISITS_OFFICERS_ONLY };

/** "undo visit to Oakfield on 3 December": the same. */
export const UNDO_VISIT_ACCESS: AccessRule = { officer: TEAM_ONLY, head: [], anyone: [], refusal: VISITS_OFFICERS_ONLY };

/** "my visits this half term": which schools are due visits says their categories, so the same. */
export const MY_VISITS_ACCESS: AccessRule = { officer: TEAM_ONLY, head: [], anyone: [], refusal: VISITS_OFFICERS_ONLY };
