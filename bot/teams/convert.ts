/** Conversions between botbuilder Activities and the plain command shapes. */
import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import { z } from 'zod';
import type { CommandInput, ConversationType, Reply } from '../commands/types.js';
import { askButton, textCard } from '../../core/messages/card.js';
import type { ConversationKind } from '../store/store.js';

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

export function conversationType(activity: Partial<Activity>): ConversationType {
  const t = activity.conversation?.conversationType;
  return t === 'channel' || t === 'groupChat' ? t : 'personal';
}

interface TeamsChannelData {
  team?: { id?: string; aadGroupId?: string };
  channel?: { id?: string };
}

/** The team a channel message came from: its thread id and its Microsoft 365 group id, as Teams sends them. */
export function teamOf(activity: Partial<Activity>): { id?: string; aadGroupId?: string } | undefined {
  const team = (activity.channelData as TeamsChannelData | undefined)?.team;
  if (!team || typeof team !== 'object') return undefined;
  const out = {
    ...(typeof team.id === 'string' && team.id !== '' ? { id: team.id } : {}),
    ...(typeof team.aadGroupId === 'string' && team.aadGroupId !== '' ? { aadGroupId: team.aadGroupId } : {}),
  };
  return out.id || out.aadGroupId ? out : undefined;
}

/** The Entra tenant an activity comes from, as Teams reports it (conversation, else channelData). */
export function tenantOf(activity: Partial<Activity>): string | undefined {
  const fromConversation = (activity.conversation as { tenantId?: unknown } | undefined)?.tenantId;
  const fromData = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  const id = typeof fromConversation === 'string' && fromConversation !== '' ? fromConversation : fromData;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/**
 * True when the activity may be answered: anything in local mode; with credentials, only an
 * activity of the configured tenant (MicrosoftAppTenantId). An account of another tenant can
 * carry any e-mail or UPN it likes, so it must never get as far as being recognised.
 */
export function fromConfiguredTenant(activity: Partial<Activity>, config: { readonly mode: string; readonly microsoftApp: { readonly tenantId: string | undefined } }): boolean {
  if (config.mode === 'local') return true;
  const wanted = config.microsoftApp.tenantId?.trim().toLowerCase();
  return wanted !== undefined && wanted !== '' && tenantOf(activity)?.trim().toLowerCase() === wanted;
}

/** True when `team` is the team `teamId` names (WAYMARK_TEAM_ID: its `19:…` id or its group id). */
export function isTeam(team: { id?: unknown; aadGroupId?: unknown } | undefined, teamId: string | undefined): boolean {
  if (!team || !teamId) return false;
  const wanted = teamId.trim().toLowerCase();
  return wanted !== '' && [team.id, team.aadGroupId].some((id) => typeof id === 'string' && id.toLowerCase() === wanted);
}

/** True when the activity was posted in a channel of the team `teamId` names. */
export function inTeamChannel(activity: Partial<Activity>, teamId: string | undefined): boolean {
  return conversationType(activity) === 'channel' && isTeam(teamOf(activity), teamId);
}

/** What Waymark's own card buttons send back (see core/messages chooseSchoolReply). */
interface CardValue {
  waymark?: unknown;
  urn?: unknown;
  school?: unknown;
  /** A question button (core/messages askButton): the question it stands for. */
  ask?: unknown;
}

/** True when the activity is a press of one of Waymark's card buttons (every one carries `waymark`). */
export function isCardSubmit(activity: Partial<Activity>): boolean {
  const v = activity.value as CardValue | undefined;
  return typeof v === 'object' && v !== null && typeof v.waymark === 'string' && v.waymark !== '';
}

/** The button's data and the card's inputs, for commands other than the category buttons. */
function submitOf(activity: Activity): Record<string, unknown> | undefined {
  if (!isCardSubmit(activity)) return undefined;
  const v = activity.value as Record<string, unknown>;
  return v.waymark === 'category' || v.waymark === 'ask' ? undefined : { ...v };
}

/** Teams' own copies of the message (HTML) and cards are not files the user sent. */
const NOT_FILES = /^(text\/html|application\/vnd\.microsoft\.card\.|application\/vnd\.microsoft\.teams\.card\.)/i;

/** What Waymark reads of an attachment; anything else about it is ignored. */
const IncomingAttachment = z.looseObject({
  contentType: z.string().min(1).max(256),
  name: z.string().max(1024).optional(),
  contentUrl: z.string().max(4096).optional(),
});

/**
 * Names and types of the files sent with a message (a 1:1 file, a pasted image); never their
 * URLs. An attachment that is not shaped like one (no content type, a name that is not text)
 * is left out, so a malformed one cannot fail the turn.
 */
export function filesOf(activity: Partial<Activity>): { name: string; contentType: string }[] {
  const attachments: unknown[] = Array.isArray(activity.attachments) ? activity.attachments : [];
  return attachments
    .flatMap((a) => {
      const parsed = IncomingAttachment.safeParse(a);
      return parsed.success && !NOT_FILES.test(parsed.data.contentType) ? [parsed.data] : [];
    })
    .map((a, i) => ({ name: (a.name ?? '').trim() || `attachment ${i + 1}`, contentType: a.contentType }));
}

/**
 * The text of a message: what was typed, or for a card button that sent no text (clients
 * other than Teams send only the button's data) the question the button stands for.
 */
function messageText(activity: Activity): string {
  const typed = (activity.text ?? '').trim();
  if (typed !== '' || !isCardSubmit(activity)) return typed;
  const v = activity.value as CardValue;
  if (v.waymark === 'ask') return typeof v.ask === 'string' ? v.ask.trim().slice(0, 500) : '';
  if (v.waymark !== 'category') return typed;
  const which = typeof v.urn === 'string' ? v.urn : typeof v.school === 'string' ? v.school : '';
  return which === '' ? '' : `category of ${which}`;
}

/**
 * The plain input a command sees. Call after the bot's mention has been removed from `text`.
 * With `teamId` (WAYMARK_TEAM_ID), a channel of that team reports `conversation.teamId` exactly
 * as configured, whichever of its two ids the setting names; other teams report their `19:…` id.
 */
export function toCommandInput(activity: Activity, options: { readonly teamId?: string | undefined } = {}): CommandInput {
  const data = (activity.channelData ?? {}) as TeamsChannelData;
  const teamId = inTeamChannel(activity, options.teamId) ? options.teamId : data.team?.id;
  const channelId = data.channel?.id;
  const from = activity.from ?? { id: 'unknown', name: '' };
  return {
    text: messageText(activity),
    user: {
      id: from.id,
      ...(from.aadObjectId ? { aadObjectId: from.aadObjectId } : {}),
      ...(from.name ? { name: from.name } : {}),
    },
    conversation: {
      id: activity.conversation.id,
      type: conversationType(activity),
      ...(teamId ? { teamId } : {}),
      ...(channelId ? { channelId } : {}),
    },
    ...(activity.locale ? { locale: activity.locale } : {}),
    ...withFilesAndSubmit(activity),
  };
}

function withFilesAndSubmit(activity: Activity): { files?: { name: string; contentType: string }[]; submit?: Record<string, unknown> } {
  const files = filesOf(activity);
  const submit = submitOf(activity);
  return { ...(files.length > 0 ? { files } : {}), ...(submit ? { submit } : {}) };
}

/**
 * The outgoing message Activity for a reply: one message per answer. A reply with a card (or
 * with suggestions, which become the card's buttons) is sent as the card alone, its text kept
 * as the card's fallback and the activity's summary (notifications, clients without cards):
 * text beside a card is drawn as a second bubble. Suggestions are card buttons rather than
 * suggested actions, which Teams shows in personal chats only and the Playground not at all.
 */
export function toActivity(reply: Reply, _activity?: Partial<Activity>): Partial<Activity> {
  const buttons = (reply.suggestions ?? []).map((s) => askButton(s, s));
  let card = reply.card as ({ actions?: readonly unknown[] } & Record<string, unknown>) | undefined;
  if (!card && buttons.length === 0) return { type: 'message', text: reply.text, textFormat: 'markdown' };
  if (!card) card = { ...textCard({ paragraphs: reply.text.split(/\n{2,}/), fallbackText: reply.text }) };
  if (buttons.length > 0) card = { ...card, actions: [...(card.actions ?? []), ...buttons] };
  return {
    type: 'message',
    summary: reply.text,
    attachments: [{ contentType: ADAPTIVE_CARD, content: { ...card, fallbackText: reply.text } }],
  };
}

/** True when the activity @mentions the bot (its recipient). */
export function mentionsBot(activity: Activity): boolean {
  const botId = activity.recipient?.id;
  return TurnContext.getMentions(activity).some((m) => m.mentioned?.id !== undefined && m.mentioned.id === botId);
}

/**
 * Where to keep this conversation's reference for proactive messages: users by AAD object id
 * (personal chats), channels by channel id. Group chats are not kept yet.
 */
export function referenceKey(activity: Activity): { key: string; kind: ConversationKind } | undefined {
  const type = conversationType(activity);
  if (type === 'personal') {
    const id = activity.from?.aadObjectId ?? activity.from?.id;
    return id ? { key: id, kind: 'user' } : undefined;
  }
  if (type === 'channel') {
    const channelId = (activity.channelData as TeamsChannelData | undefined)?.channel?.id ?? activity.conversation.id;
    return { key: channelId, kind: 'channel' };
  }
  return undefined;
}

/**
 * The conversation reference to store, without the user's display name (not needed to send).
 * A channel's reference also keeps its `team` (ids only), so that reminders can tell a channel
 * of the improvement team from any other channel the bot is in (see bot/delivery/route.ts).
 * botbuilder ignores the extra field when it continues the conversation.
 */
export function storableReference(activity: Activity): Record<string, unknown> {
  const ref: Partial<ConversationReference> = TurnContext.getConversationReference(activity);
  const user = ref.user ? { id: ref.user.id, ...(ref.user.aadObjectId ? { aadObjectId: ref.user.aadObjectId } : {}) } : undefined;
  const team = conversationType(activity) === 'channel' ? teamOf(activity) : undefined;
  return JSON.parse(JSON.stringify({ ...ref, user, ...(team ? { team } : {}) })) as Record<string, unknown>;
}
