/**
 * The Teams side of a turn: a teams-ai Application (message handlers only, no planner) that
 * turns an Activity into a plain CommandInput, routes it, and sends the Reply back.
 */
import { Application, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes, TeamsInfo, type Activity, type TurnContext } from 'botbuilder';
import type { BotConfig } from '../config.js';
import { welcomeReply } from '../commands/help.js';
import { route } from '../commands/router.js';
import type { Command, CommandContext, Role } from '../commands/types.js';
import { emptyDirectory, type SchoolDirectory } from '../directory/directory.js';
import { errorFields, type Logger } from '../log.js';
import type { MeetingServices } from '../meetings/services.js';
import type { Store } from '../store/store.js';
import { conversationType, inTeamChannel, isCardSubmit, mentionsBot, referenceKey, storableReference, toActivity, toCommandInput } from './convert.js';
import { botWasAdded, executeInput, EXECUTE_VERBS } from './meetings-events.js';

export const APOLOGY = 'Sorry — something went wrong answering that. The team has been told.';

export interface BotDeps {
  readonly config: BotConfig;
  readonly store: Store;
  readonly log: Logger;
  readonly commands?: readonly Command[];
  readonly now?: () => Date;
  /** The schools; default none (tests of other commands). */
  readonly directory?: SchoolDirectory;
  /** How to learn the sender's UPN and e-mail; default TeamsInfo.getMember. Tests pass a fake. */
  readonly lookupMember?: MemberLookup;
  /** Meetings and reminders (outbox, calendar, framework); without them meeting commands say so. */
  readonly meetings?: MeetingServices;
}

/** The sender's addresses as Teams knows them. Throws when Teams cannot say. */
export type MemberLookup = (context: TurnContext) => Promise<{ userPrincipalName?: string | undefined; email?: string | undefined }>;

const teamsMember: MemberLookup = async (context) => {
  const m = await TeamsInfo.getMember(context, context.activity.from.id);
  return { userPrincipalName: m.userPrincipalName, email: m.email };
};

export interface Bot {
  /** Runs one turn. Returns false when the activity was not for the bot (e.g. no mention in a channel). */
  run(context: TurnContext): Promise<boolean>;
  /** Logs a failed turn and apologises to the user; for the adapter's onTurnError. */
  onTurnError(context: TurnContext, error: unknown): Promise<void>;
}

/** Runs `fn` at most once, on first call. */
function once<T>(fn: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= fn());
}

/** Strings from this turn that must never reach the log. */
function personalStrings(activity: Partial<Activity>): string[] {
  return [activity.from?.name, activity.text, activity.from?.aadObjectId].filter((s): s is string => !!s);
}

function turnFields(activity: Partial<Activity>) {
  return { conversationType: conversationType(activity), activityId: activity.id, activityType: activity.type };
}

export function createBot(deps: BotDeps): Bot {
  const { config, store, log } = deps;
  const now = deps.now ?? (() => new Date());
  const directory = deps.directory ?? emptyDirectory();
  const lookupMember = deps.lookupMember ?? teamsMember;
  /** AAD ids whose e-mail this process has already stored: one member lookup per user. */
  const addressesKnown = new Set<string>();
  const app = new Application<TurnState>({
    removeRecipientMention: true,
    // teams-ai's timer is one per Application, shared by concurrent turns; we send typing ourselves.
    startTypingTimer: false,
    longRunningMessages: false,
  });

  const onTurnError = async (context: TurnContext, error: unknown) => {
    const activity = context.activity;
    log.error('turn failed', { ...turnFields(activity), error: errorFields(error, personalStrings(activity)) });
    try {
      await context.sendActivity(APOLOGY);
    } catch (sendError) {
      log.error('could not send apology', { ...turnFields(activity), error: errorFields(sendError, personalStrings(activity)) });
    }
  };

  app.activity(ActivityTypes.Message, async (context) => {
    const activity = context.activity;
    const type = conversationType(activity);
    // Channels deliver to the bot only when it is @mentioned (or a button on its card is
    // pressed); never answer chatter that is not for us.
    if (type === 'channel' && !mentionsBot(activity) && !isCardSubmit(activity)) {
      log.debug('ignored channel message without mention', turnFields(activity));
      return;
    }
    try {
      // Typing in a channel thread makes Teams (and the Playground) drop the reply: chats only.
      if (type === 'personal' || type === 'groupChat') {
        // Typing is a courtesy: if it fails (e.g. throttled), still answer.
        await context.sendActivity({ type: ActivityTypes.Typing }).catch((error: unknown) => {
          log.warn('could not send typing', { ...turnFields(activity), error: errorFields(error, personalStrings(activity)) });
        });
      }
      await rememberConversation(activity);
      const askerAddresses = once(() => addressesOf(context));
      if (type === 'personal') await rememberAddresses(activity, askerAddresses);
      const ctx: CommandContext = {
        config, store, log, role: await roleOf(context, askerAddresses), now, directory, askerAddresses,
        ...(deps.meetings ? { meetings: deps.meetings } : {}),
      };
      const { command, reply } = await route(toCommandInput(activity, { teamId: config.teamId }), ctx, deps.commands);
      await context.sendActivity(toActivity(reply, activity));
      log.info('answered', { ...turnFields(activity), command });
    } catch (error) {
      await onTurnError(context, error);
    }
  });

  // Installed in a team (or a chat): keep the conversation's reference, so reminders can be
  // posted there before anyone has @mentioned the bot.
  app.activity(ActivityTypes.ConversationUpdate, async (context) => {
    if (botWasAdded(context.activity)) {
      await rememberConversation(context.activity);
      log.info('installed', turnFields(context.activity));
      // A welcome in the personal chat or the team's General channel, so nobody meets a blank chat.
      if (conversationType(context.activity) !== 'groupChat') {
        await context.sendActivity(toActivity(welcomeReply(), context.activity)).catch((error: unknown) => {
          log.warn('could not send welcome', { ...turnFields(context.activity), error: errorFields(error, personalStrings(context.activity)) });
        });
      }
    }
  });

  // Action.Execute on a Waymark card: the same commands as Action.Submit; the reply is posted
  // in the conversation and the invoke answered with its first line.
  app.adaptiveCards.actionExecute(EXECUTE_VERBS, async (context) => {
    const activity = context.activity;
    try {
      await rememberConversation(activity);
      const askerAddresses = once(() => addressesOf(context));
      const ctx: CommandContext = {
        config, store, log, role: await roleOf(context, askerAddresses), now, directory, askerAddresses,
        ...(deps.meetings ? { meetings: deps.meetings } : {}),
      };
      const { command, reply } = await route(executeInput(toCommandInput(activity, { teamId: config.teamId }), activity), ctx, deps.commands);
      await context.sendActivity(toActivity(reply, activity));
      log.info('answered', { ...turnFields(activity), command });
      return reply.text.split('\n')[0] ?? 'Done';
    } catch (error) {
      log.error('turn failed', { ...turnFields(activity), error: errorFields(error, personalStrings(activity)) });
      return APOLOGY;
    }
  });

  async function rememberConversation(activity: Activity) {
    const where = referenceKey(activity);
    if (!where) return;
    try {
      await store.conversations.save(where.key, where.kind, storableReference(activity));
    } catch (error) {
      // Losing a reference only delays a later reminder; answering matters more.
      log.warn('could not store conversation reference', { ...turnFields(activity), error: errorFields(error, personalStrings(activity)) });
    }
  }

  /**
   * Learns which e-mail a user in a personal chat has, once per user per process, so that a
   * head the workbook knows only by e-mail gets reminders in this chat rather than by e-mail.
   */
  async function rememberAddresses(activity: Activity, addresses: () => Promise<readonly string[]>) {
    const aad = activity.from?.aadObjectId;
    if (!aad || addressesKnown.has(aad)) return;
    try {
      const found = await addresses();
      if (found.length === 0) return;
      await store.users.remember(aad, found);
      addressesKnown.add(aad);
    } catch (error) {
      log.warn('could not store user addresses', { ...turnFields(activity), error: errorFields(error, personalStrings(activity)) });
    }
  }

  /** The sender's UPN and e-mail, lower-cased; empty when Teams cannot say (logged, no details). */
  async function addressesOf(context: TurnContext): Promise<readonly string[]> {
    try {
      const member = await lookupMember(context);
      return [member.userPrincipalName, member.email]
        .filter((a): a is string => typeof a === 'string' && a.trim() !== '')
        .map((a) => a.trim().toLowerCase());
    } catch (error) {
      log.warn('could not look up member', { ...turnFields(context.activity), error: errorFields(error, personalStrings(context.activity)) });
      return [];
    }
  }

  async function roleOf(context: TurnContext, addresses: () => Promise<readonly string[]>): Promise<Role> {
    if (config.mode === 'local') return 'officer';
    const activity = context.activity;
    // Anyone posting in a channel of the improvement team's own team.
    if (inTeamChannel(activity, config.teamId)) return 'officer';
    const officers = new Set(config.officers);
    const aad = activity.from?.aadObjectId?.toLowerCase();
    if (aad && officers.has(aad)) return 'officer';
    if (![...officers].some((o) => o.includes('@'))) return 'guest';
    const known = await addresses();
    if (known.length === 0) log.warn('could not look up member for officer check', turnFields(activity));
    return known.some((a) => officers.has(a)) ? 'officer' : 'guest';
  }

  return {
    run: (context) => app.run(context),
    onTurnError,
  };
}
