/**
 * Plain inputs and replies shared by every command. Nothing here knows about Teams,
 * botbuilder or HTTP: bot/teams/ converts Activities to and from these shapes.
 */
import type { BotConfig } from '../config.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';

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
}

export interface Reply {
  readonly text: string;
  /** Adaptive Card JSON, sent as an attachment beside the text. */
  readonly card?: object;
  /** Quick replies the user can tap (shown by Teams in personal chats). */
  readonly suggestions?: readonly string[];
}

export type Role = 'officer' | 'guest';

export interface CommandContext {
  readonly config: BotConfig;
  readonly store: Store;
  readonly log: Logger;
  /** The asker's role, decided by bot/teams from WAYMARK_OFFICERS (everyone in local mode). */
  readonly role: Role;
  readonly now: () => Date;
}

export interface Command {
  /** Short kebab-case name, used in logs and the audit trail. */
  readonly name: string;
  /** True when this command should answer `text` (mention already stripped, trimmed). */
  matches(text: string): boolean;
  handle(input: CommandInput, ctx: CommandContext): Promise<Reply> | Reply;
}
