/** The senders delivery uses, kept free of botbuilder and Graph types so tests can fake them. */

/** The result of one send attempt. A failure is a value with the service's status, if any. */
export type SendResult =
  | { readonly ok: true }
  | {
      readonly ok: false;
      /** HTTP status from the service; undefined for a network error. */
      readonly status?: number;
      /** Node's error code for a network error (ECONNREFUSED, …). */
      readonly code?: string;
      /** The Retry-After header as sent (seconds or an HTTP date). */
      readonly retryAfter?: string | null;
      /** Short, free of personal data (no names, addresses or message text). */
      readonly reason: string;
    };

export interface TeamsMessage {
  readonly subject: string;
  readonly text: string;
  readonly card?: object;
  /** @-mention someone in a channel post (an officer without a 1:1 chat). */
  readonly mention?: { readonly id: string; readonly name: string };
}

export interface SendOptions {
  /**
   * Called once, as late as possible before the HTTP request leaves (pacing counts the send
   * from then). Not called if the request is never made.
   */
  readonly beforeRequest?: () => Promise<void>;
}

/** Posts a message proactively to a stored conversation (bot/teams/proactive.ts). */
export interface TeamsSender {
  send(reference: Record<string, unknown>, message: TeamsMessage, options?: SendOptions): Promise<SendResult>;
}

export interface MailMessage {
  readonly subject: string;
  readonly text: string;
}

/** Sends an e-mail from the configured mailbox (bot/graph/mail.ts). */
export interface MailSender {
  send(to: { readonly email: string; readonly name?: string }, message: MailMessage, options?: SendOptions): Promise<SendResult>;
}
