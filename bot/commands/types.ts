/**
 * Plain inputs and replies shared by every command. Nothing here knows about Teams,
 * botbuilder or HTTP: bot/teams/ converts Activities to and from these shapes.
 */
import type { BotConfig } from '../config.js';
import type { SchoolDirectory } from '../directory/directory.js';
import type { FileToSend } from '../files/offers.js';
import type { Logger } from '../log.js';
import type { MeetingServices } from '../meetings/services.js';
import type { Store } from '../store/store.js';
import type { AccessRule } from './access.js';

export type ConversationType = 'personal' | 'channel' | 'groupChat';

export interface CommandInput {
  /** What the user typed, with the bot's @mention removed and whitespace trimmed. */
  readonly text: string;
  readonly user: { readonly id: string; readonly aadObjectId?: string; readonly name?: string };
  readonly conversation: {
    readonly id: string;
    readonly type: ConversationType;
    readonly teamId?: string;
    readonly channelId?: string;
  };
  readonly locale?: string;
  /** Files sent with the message (names and types only; never their contents or download URLs). */
  readonly files?: readonly { readonly name: string; readonly contentType: string }[];
  /** The data of a Waymark card button pressed (Action.Submit or Action.Execute), with the card's inputs. */
  readonly submit?: Readonly<Record<string, unknown>>;
}

export interface Reply {
  readonly text: string;
  /** Adaptive Card JSON, sent as an attachment beside the text. */
  readonly card?: object;
  /** Quick replies the user can tap (shown by Teams in personal chats). */
  readonly suggestions?: readonly string[];
  /**
   * A file for the asker alone (a letter draft, a report). Teams offers it in the asker's
   * personal chat only (bot/teams/files.ts): asked elsewhere, it goes to their personal chat
   * when Waymark has one, and the reply says where.
   */
  readonly file?: FileToSend;
}

/**
 * `officer`: listed in WAYMARK_OFFICERS (by Entra object id, or by a UPN bound to one), posting
 * in a channel of WAYMARK_TEAM_ID, or anyone in local mode. Everyone else is a `guest`; a guest
 * whose account an officer confirmed as a school's head ({@link CommandContext.headOf}) may see
 * that school only.
 */
export type Role = 'officer' | 'guest';

export interface CommandContext {
  readonly config: BotConfig;
  readonly store: Store;
  readonly log: Logger;
  /** The asker's role, decided by bot/teams from WAYMARK_OFFICERS (everyone in local mode). */
  readonly role: Role;
  readonly now: () => Date;
  /** The schools, from the workbook (the copy in use at the time of asking). */
  readonly directory: SchoolDirectory;
  /**
   * The asker's e-mail address and user principal name, lower-cased, as Teams reports them
   * (looked up on first call, at most once a turn; empty when unknown). Never log them.
   */
  readonly askerAddresses: () => Promise<readonly string[]>;
  /**
   * URNs of the schools whose head this account is, by a link an officer confirmed (never by
   * the e-mail the account claims). Absent or empty: not a head.
   */
  readonly headOf?: () => Promise<readonly string[]>;
  /** Meetings and reminders (outbox, calendar, framework); absent where a bot runs without them. */
  readonly meetings?: MeetingServices;
}

export interface Command {
  /** Short kebab-case name, used in logs and the audit trail. */
  readonly name: string;
  /** True when this command should answer `text` (mention already stripped, trimmed). */
  matches(text: string, input?: CommandInput): boolean;
  /** Who may use it and where; the router refuses everyone else before `handle` runs. */
  readonly access: AccessRule;
  handle(input: CommandInput, ctx: CommandContext): Promise<Reply> | Reply;
}
