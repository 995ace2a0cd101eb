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
import { bindOfficerUpn, confirmedSchools, headEmailsIn, requestHeadLinks } from '../identity/identity.js';
import type { MeetingServices } from '../meetings/services.js';
import type { Store } from '../store/store.js';
import { conversationType, fromConfiguredTenant, inTeamChannel, isCardSubmit, mentionsBot, referenceKey, storableReference, toActivity, toCommandInput } from './convert.js';
import { answerFileConsent, fileElsewhereWords, offerFileHere, offerFileToUser, ownerOf, type FileDeps } from './files.js';
import { botWasAdded, executeInput, EXECUTE_VERBS } from './meetings-events.js';
import type { Reply } from '../commands/types.js';

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
  /** How long a send to the Bot Connector may take before the turn gives up on it (default 10 s). */
  readonly replyTimeoutMs?: number;
}

/** A send to the Bot Connector that took longer than the turn allows. */
export class ReplyTimeoutError extends Error {
  override name = 'ReplyTimeoutError';
  constructor(ms: number) {
    super(`the Bot Connector did not answer within ${ms} ms`);
  }
}

/**
 * `promise`, or a {@link ReplyTimeoutError} after `ms`. The connector's request itself is left
 * to finish or fail on its own; the turn (and Teams' HTTP request) no longer waits for it.
 */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ReplyTimeoutError(ms)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
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

const addressesIn = (m: { upn?: string; email?: string }): readonly string[] => [m.upn, m.email].filter((a): a is string => a !== undefined);

function linkRequestedText(schools: readonly string[]): string {
  return `I've asked your school-improvement team to confirm that this account is the headteacher of ${schools.join(' and ')}. Until an officer confirms it, I can't show you anything about the school.`;
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
  const replyTimeoutMs = deps.replyTimeoutMs ?? 10_000;
  const send = (context: TurnContext, activity: Partial<Activity>) => withTimeout(context.sendActivity(activity), replyTimeoutMs);
  const fileDeps: FileDeps = { store, log, now, appId: config.microsoftApp.id ?? '' };
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
      await send(context, { type: 'message', text: APOLOGY });
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
        await send(context, { type: ActivityTypes.Typing }).catch((error: unknown) => {
          log.warn('could not send typing', { ...turnFields(activity), error: errorFields(error, personalStrings(activity)) });
        });
      }
      await rememberConversation(activity);
      const member = once(() => memberOf(context));
      const askerAddresses = once(async () => addressesIn(await member()));
      if (type === 'personal') await rememberAddresses(activity, askerAddresses);
      const role = await roleOf(context, member);
      const ctx: CommandContext = {
        config, store, log, role, now, directory, askerAddresses, headOf: headOf(activity),
        ...(deps.meetings ? { meetings: deps.meetings } : {}),
      };
      const linkRequested = type === 'personal' && role !== 'officer' ? await requestLinks(activity, askerAddresses) : [];
      const { command, reply: routed } = await route(toCommandInput(activity, { teamId: config.teamId }), ctx, deps.commands);
      const reply = await withFileElsewhere(context, routed);
      if (!(await sendReply(context, toActivity(reply, activity), command))) return;
      if (reply.file && type === 'personal') await offerFileHere(context, fileDeps, reply.file);
      if (linkRequested.length > 0) await sendReply(context, toActivity({ text: linkRequestedText(linkRequested) }, activity), command);
    } catch (error) {
      await onTurnError(context, error);
    }
  });

  // The answer to a file consent card (a letter draft offered in the personal chat).
  app.fileConsentAccept(async (context) => answerFileConsent(context, fileDeps));
  app.fileConsentDecline(async (context) => answerFileConsent(context, fileDeps));

  /**
   * A reply carrying a file, asked for outside the personal chat: the file goes to the asker's
   * personal chat (if Waymark has one), never here, and the reply says where it went.
   */
  async function withFileElsewhere(context: TurnContext, reply: Reply): Promise<Reply> {
    if (!reply.file || conversationType(context.activity) === 'personal') return reply;
    const { file, ...rest } = reply;
    const owner = ownerOf(context.activity);
    const outcome = owner ? await offerFileToUser(context.adapter, fileDeps, owner, file) : 'no-personal-chat';
    return { ...rest, text: `${rest.text}\n\n${fileElsewhereWords(file.name, outcome)}` };
  }

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
      const member = once(() => memberOf(context));
      const askerAddresses = once(async () => addressesIn(await member()));
      const ctx: CommandContext = {
        config, store, log, role: await roleOf(context, member), now, directory, askerAddresses, headOf: headOf(activity),
        ...(deps.meetings ? { meetings: deps.meetings } : {}),
      };
      const { command, reply: routed } = await route(executeInput(toCommandInput(activity, { teamId: config.teamId }), activity), ctx, deps.commands);
      const reply = await withFileElsewhere(context, routed);
      if ((await sendReply(context, toActivity(reply, activity), command)) && reply.file && conversationType(activity) === 'personal') {
        await offerFileHere(context, fileDeps, reply.file);
      }
      return reply.text.split('\n')[0] ?? 'Done';
    } catch (error) {
      log.error('turn failed', { ...turnFields(activity), error: errorFields(error, personalStrings(activity)) });
      return APOLOGY;
    }
  });

  /**
   * Sends a reply and logs its outcome: 'answered' (with how long the connector took), or
   * 'reply not delivered' ('timeout' when the connector did not answer in time, else 'error').
   * Not delivered is not retried and no apology is attempted: the connector is what failed.
   */
  async function sendReply(context: TurnContext, reply: Partial<Activity>, command: string): Promise<boolean> {
    const started = performance.now();
    try {
      await send(context, reply);
      log.info('answered', { ...turnFields(context.activity), command, replyMs: Math.round(performance.now() - started) });
      return true;
    } catch (error) {
      const e = error as { name?: unknown; code?: unknown; message?: unknown };
      const timedOut = error instanceof ReplyTimeoutError || e?.name === 'AbortError' || e?.code === 'ETIMEDOUT';
      log.error('reply not delivered', {
        ...turnFields(context.activity),
        command,
        outcome: timedOut ? 'timeout' : 'error',
        replyMs: Math.round(performance.now() - started),
        error: errorFields(error, personalStrings(context.activity)),
      });
      return false;
    }
  }

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

  /** The sender's UPN and e-mail as their tenant reports them, lower-cased; none when Teams cannot say (logged, no details). */
  async function memberOf(context: TurnContext): Promise<{ upn?: string; email?: string }> {
    const clean = (a: unknown) => (typeof a === 'string' && a.trim() !== '' ? a.trim().toLowerCase() : undefined);
    try {
      const m = await withTimeout(lookupMember(context), replyTimeoutMs);
      const upn = clean(m.userPrincipalName);
      const email = clean(m.email);
      return { ...(upn ? { upn } : {}), ...(email ? { email } : {}) };
    } catch (error) {
      log.warn('could not look up member', { ...turnFields(context.activity), error: errorFields(error, personalStrings(context.activity)) });
      return {};
    }
  }

  /**
   * Officers by Entra object id. A UPN in WAYMARK_OFFICERS only finds that id: the first account
   * of the configured tenant (the server refuses every other tenant) whose UPN it is gets it
   * bound, for good; another account with the same UPN later is not an officer.
   */
  async function roleOf(context: TurnContext, member: () => Promise<{ upn?: string }>): Promise<Role> {
    if (config.mode === 'local') return 'officer';
    const activity = context.activity;
    // Anyone posting in a channel of the improvement team's own team.
    if (inTeamChannel(activity, config.teamId)) return 'officer';
    const aad = activity.from?.aadObjectId?.trim().toLowerCase();
    if (!aad) return 'guest';
    if (config.officers.includes(aad)) return 'officer';
    const upns = config.officers.filter((o) => o.includes('@'));
    if (upns.length === 0) return 'guest';
    const { upn } = await member();
    if (upn === undefined) log.warn('could not look up member for officer check', turnFields(activity));
    if (upn === undefined || !upns.includes(upn)) return 'guest';
    const binding = await bindOfficerUpn(store.db, upn, aad);
    if (binding === 'bound') log.info('officer UPN bound to its object id', turnFields(activity));
    if (binding === 'other') {
      log.warn('an officer UPN came from another account than the one it is bound to: treated as a guest', turnFields(activity));
      return 'guest';
    }
    return 'officer';
  }

  /** The schools an officer confirmed this account as head of, whose workbook head e-mail is still the link's. */
  function headOf(activity: Activity): () => Promise<readonly string[]> {
    const aad = activity.from?.aadObjectId;
    return once(async () => (aad ? confirmedSchools(store.db, aad, headEmailsIn(directory)) : []));
  }

  /**
   * A guest in a 1:1 chat whose tenant reports the workbook's head e-mail of a school that has
   * no current head link (none, or one suspended because that e-mail changed): a pending link
   * for an officer to confirm ("head links"). Returns the
   * schools' names for which it was requested now.
   */
  async function requestLinks(activity: Activity, addresses: () => Promise<readonly string[]>): Promise<string[]> {
    const aad = activity.from?.aadObjectId;
    if (!aad || config.mode === 'local') return [];
    const known = await addresses();
    if (known.length === 0) return [];
    const schools = directory.current().schools.flatMap((s) =>
      s.urn !== undefined && s.headEmail && known.includes(s.headEmail.trim().toLowerCase()) ? [{ urn: s.urn, email: s.headEmail, name: s.name }] : [],
    );
    if (schools.length === 0) return [];
    const created = await requestHeadLinks(store.db, aad, schools);
    if (created.length > 0) log.info('head link requested', { ...turnFields(activity), schools: created.length });
    return schools.filter((s) => created.includes(s.urn)).map((s) => s.name);
  }

  return {
    async run(context) {
      // The server refuses other tenants first; this guards every other way in.
      if (!fromConfiguredTenant(context.activity, config)) {
        log.warn('ignored activity from another tenant', turnFields(context.activity));
        return false;
      }
      return app.run(context);
    },
    onTurnError,
  };
}
