/**
 * Where a reminder goes:
 * - channel and members: the team channel chosen with "use this channel for Waymark"
 *   (settings 'team-channel'), else a channel of the improvement team (WAYMARK_TEAM_ID) the bot
 *   holds a reference for; never any other channel (another team's, e.g. the heads' team,
 *   must not see agendas or escalations), so without either the row has no route;
 * - head: the head the workbook names now (not the one a row was planned for): their Teams 1:1
 *   chat if the bot holds a reference for their AAD id, else e-mail; no route at all once the
 *   loaded workbook gives the school no valid head e-mail (the previous head must not get it);
 * - officer: their 1:1 chat, else an @mention in the team channel.
 */
import type { OutboxRow } from '../outbox/types.js';
import type { Queryable } from '../store/db.js';
import type { Store } from '../store/store.js';

export type Route =
  | {
      readonly kind: 'teams';
      readonly via: 'teams' | 'channel';
      readonly reference: Record<string, unknown>;
      /** The pacing key: one Teams conversation. */
      readonly pacingKey: string;
      readonly mention?: { readonly id: string; readonly name: string };
    }
  | { readonly kind: 'email'; readonly to: { readonly email: string; readonly name?: string }; readonly pacingKey: string }
  | {
      readonly kind: 'none';
      /** Why there is no route (recorded on the row as its last error). */
      readonly reason: string;
      /** The reason without its advice, for replies that give `fix` beside it. */
      readonly why?: string;
      /** What an officer does about it, in one sentence (replies show it; the scheduler need not). */
      readonly fix?: string;
    };

/** What routing reads of a row: who it is for. A reply can ask before any row exists. */
export type RouteTarget = Pick<OutboxRow, 'recipientRole' | 'recipient'> & {
  /** For the fix's wording ("confirm head for Oakfield"); the URN otherwise. */
  readonly schoolName?: string;
  readonly schoolUrn?: string;
};

/** Resolves a recipient to where a message would go now: the scheduler sends by it, replies report it. */
export type Router = (target: RouteTarget) => Promise<Route>;

export interface RouteOptions {
  readonly store: Pick<Store, 'conversations'>;
  readonly db: Queryable;
  /** Whether e-mail can be sent (a mailbox and Graph credentials are configured). */
  readonly mail: boolean;
  /** Maps a workbook e-mail address to an AAD object id, when something knows (optional). */
  readonly aadIdForEmail?: (email: string) => Promise<string | undefined>;
  /**
   * A school's head e-mail in the workbook as loaded now. A head's row carries the e-mail the
   * workbook gave when it was planned; when the team has changed it since, the reminder goes to
   * the head the workbook names now, never to the previous head.
   */
  readonly headEmailOf?: (schoolUrn: string) => string | undefined;
  /**
   * Whether the workbook has been loaded at least once (a failed reload keeps the last good
   * copy, which still counts). Once it has, a school with no valid head e-mail there (blanked,
   * not an address, or the school gone) has no head to remind: the planned recipient is the
   * previous head. Only before the first load is the planned recipient used as it stands.
   * Default: loaded whenever `headEmailOf` is given.
   */
  readonly workbookLoaded?: () => boolean;
  /** WAYMARK_TEAM_ID: the improvement team (its `19:…` id or its group id), whose channels may be used. */
  readonly teamId?: string | undefined;
}

/** Why a channel step has nowhere to go; officers fix it in one sentence. */
export const NO_TEAM_CHANNEL =
  'no team channel: an officer should @mention Waymark in the improvement team\'s channel and say "use this channel for Waymark"';

/** The fixes officers are told, word for word, with the reasons above. */
export const FIX_TEAM_CHANNEL = 'say "use this channel for Waymark" in the team\'s channel (with an @mention of Waymark)';
export const FIX_MAIL = 'set WAYMARK_MAIL_FROM (a mailbox Waymark may send from) and restart Waymark';
export const fixHeadChat = (school: string): string =>
  `ask the head to say hello to Waymark in a 1:1 chat and have an officer confirm them with "confirm head for ${school}"`;
export const FIX_HEAD_EMAIL = 'add the head\'s e-mail address to the workbook';
export const FIX_HEAD_EMAIL_INVALID = 'correct the head\'s e-mail address in the workbook';
/** Why a head reminder has no route once the workbook names no head for the school. */
export const NO_HEAD_EMAIL = 'no head e-mail in the workbook for this school';
export const HEAD_EMAIL_INVALID = 'the head e-mail in the workbook for this school is not an e-mail address';

const looksLikeEmail = (s: string): boolean => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(s);

export const MAIL_PACING_KEY = 'mail';

function conversationId(reference: Record<string, unknown>): string {
  const c = reference.conversation as { id?: unknown } | undefined;
  return typeof c?.id === 'string' ? c.id : 'unknown';
}

/** The settings value for 'team-channel': a conversation id, or an object holding one. */
function channelKeyFrom(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    for (const k of ['conversationId', 'channelId', 'id', 'key']) if (typeof v[k] === 'string' && v[k] !== '') return v[k] as string;
  }
  return undefined;
}

/**
 * A reference saved from a channel message points at that message's thread
 * ('19:…@thread.tacv2;messageid=…'); reminders start a new post in the channel instead.
 */
export function channelRoot(reference: Record<string, unknown>): Record<string, unknown> {
  const conversation = reference.conversation as Record<string, unknown> | undefined;
  if (!conversation || typeof conversation.id !== 'string') return reference;
  const { activityId: _thread, ...rest } = reference;
  return { ...rest, conversation: { ...conversation, id: conversation.id.split(';messageid=')[0] } };
}

/**
 * True when a stored channel reference is in the team `teamId` names: by the team ids
 * bot/teams keeps with it, or (references kept before it did) because the channel is the
 * team's General channel, whose id is the team's `19:…` id.
 */
export function inTeam(reference: Record<string, unknown>, teamId: string | undefined): boolean {
  const wanted = teamId?.trim().toLowerCase();
  if (!wanted) return false;
  const team = reference.team as { id?: unknown; aadGroupId?: unknown } | undefined;
  const ids = [team?.id, team?.aadGroupId, conversationId(channelRoot(reference))];
  return ids.some((id) => typeof id === 'string' && id.toLowerCase() === wanted);
}

export function createRouter(options: RouteOptions): Router {
  const { store, db } = options;

  async function userReference(aadObjectId: string | undefined, email: string | undefined) {
    const ids = new Set<string>();
    if (aadObjectId) ids.add(aadObjectId).add(aadObjectId.toLowerCase());
    if (email && options.aadIdForEmail) {
      const id = await options.aadIdForEmail(email);
      if (id) ids.add(id).add(id.toLowerCase());
    }
    for (const id of ids) {
      const ref = await store.conversations.get(id);
      if (ref && ref.kind === 'user') return ref.reference;
    }
    return undefined;
  }

  async function channelReference() {
    const ref = await storedChannelReference();
    return ref ? channelRoot(ref) : undefined;
  }

  async function storedChannelReference() {
    const { rows } = await db.query<{ value: unknown }>(`SELECT value FROM settings WHERE key = 'team-channel'`);
    const key = channelKeyFrom(rows[0]?.value);
    if (key) {
      const ref = await store.conversations.get(key);
      if (ref) return ref.reference;
    }
    // No channel chosen: a channel of the improvement team, never just any channel.
    const inTheTeam = (await store.conversations.list('channel')).find((c) => inTeam(c.reference, options.teamId));
    return inTheTeam?.reference;
  }

  const teams = (via: 'teams' | 'channel', reference: Record<string, unknown>, mention?: { id: string; name: string }): Route => ({
    kind: 'teams',
    via,
    reference,
    pacingKey: `teams:${conversationId(reference)}`,
    ...(mention ? { mention } : {}),
  });

  return async (row) => {
    const who = row.recipient ?? {};
    switch (row.recipientRole) {
      case 'channel':
      case 'members': {
        const ref = await channelReference();
        return ref ? teams('channel', ref) : { kind: 'none', reason: NO_TEAM_CHANNEL, why: 'no team channel is set for Waymark', fix: FIX_TEAM_CHANNEL };
      }
      case 'head': {
        const loaded = options.headEmailOf !== undefined && (options.workbookLoaded?.() ?? true);
        const now = loaded && row.schoolUrn !== undefined ? (options.headEmailOf?.(row.schoolUrn)?.trim().toLowerCase() ?? '') : undefined;
        // The workbook names no head now (the cell blanked when a head left, or the school
        // removed): the planned recipient is the previous head, who must not get it.
        if (now === '') return { kind: 'none', reason: `${NO_HEAD_EMAIL} (${FIX_HEAD_EMAIL})`, why: NO_HEAD_EMAIL, fix: FIX_HEAD_EMAIL };
        if (now !== undefined && !looksLikeEmail(now)) {
          return { kind: 'none', reason: `${HEAD_EMAIL_INVALID} (${FIX_HEAD_EMAIL_INVALID})`, why: HEAD_EMAIL_INVALID, fix: FIX_HEAD_EMAIL_INVALID };
        }
        // The workbook's head now: a changed e-mail is a new head (the old head's name goes too).
        const who: NonNullable<RouteTarget['recipient']> =
          now !== undefined && now !== row.recipient?.email?.trim().toLowerCase() ? { email: now } : (row.recipient ?? {});
        const ref = await userReference(who.aadObjectId, who.email);
        if (ref) return teams('teams', ref);
        if (who.email && options.mail) return { kind: 'email', to: { email: who.email, ...(who.name ? { name: who.name } : {}) }, pacingKey: MAIL_PACING_KEY };
        const chat = fixHeadChat(row.schoolName ?? row.schoolUrn ?? '<school>');
        if (who.email) return { kind: 'none', reason: 'no Teams chat with the head and e-mail is not configured (WAYMARK_MAIL_FROM)', fix: `${chat}, or ${FIX_MAIL}` };
        return {
          kind: 'none',
          reason: 'no Teams chat with the head and no e-mail address for them',
          fix: options.mail ? `${chat}, or ${FIX_HEAD_EMAIL}` : chat,
        };
      }
      case 'officer': {
        const ref = await userReference(who.aadObjectId, who.email);
        if (ref) return teams('teams', ref);
        const channel = await channelReference();
        if (!channel) {
          // Workbook officers are names or addresses, never Teams ids: the channel is their route.
          return { kind: 'none', reason: `no Teams chat with the officer, and ${NO_TEAM_CHANNEL}`, why: 'no Teams chat with the officer and no team channel to @mention them in', fix: FIX_TEAM_CHANNEL };
        }
        return teams('channel', channel, who.aadObjectId ? { id: who.aadObjectId, name: who.name ?? 'officer' } : undefined);
      }
      default:
        return { kind: 'none', reason: 'unknown recipient' };
    }
  };
}
