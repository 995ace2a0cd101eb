/**
 * E-mail to heads without a Teams chat: Microsoft Graph `POST /users/{from}/sendMail` with the
 * Graph client, authenticated as the bot (client secret or managed identity: ./credential.ts). The
 * client's own RetryHandler is left out: the scheduler retries, honouring Retry-After, through
 * the same gate as Teams sends.
 */
import type { TokenCredential } from '@azure/identity';
import type { MailSender, SendResult } from '../delivery/types.js';
import { graphClient, graphFailure } from './client.js';
import { graphCredential, GRAPH_SCOPE, type GraphApp } from './credential.js';

export { GRAPH_SCOPE } from './credential.js';
export { graphClient } from './client.js';

export interface GraphMailOptions {
  /** The mailbox reminders are sent from (WAYMARK_MAIL_FROM): a UPN or object id. */
  readonly from: string;
  /** Graph's base URL (WAYMARK_GRAPH_URL), e.g. https://graph.microsoft.com. */
  readonly baseUrl: string;
  readonly credential: TokenCredential;
  readonly scope?: string;
}

/** The bot's Graph credential (client secret or user-assigned managed identity): see ./credential.ts. */
export function appCredential(app: GraphApp, authorityHost?: string): TokenCredential {
  return graphCredential(app, authorityHost);
}

export function sendMailBody(to: { email: string; name?: string }, message: { subject: string; text: string }) {
  return {
    message: {
      subject: message.subject,
      body: { contentType: 'Text', content: message.text },
      toRecipients: [{ emailAddress: { address: to.email, ...(to.name ? { name: to.name } : {}) } }],
    },
    saveToSentItems: true,
  };
}

function resultFromGraphError(error: unknown): SendResult {
  const f = graphFailure(error);
  if (f.status !== undefined) {
    return {
      ok: false,
      status: f.status,
      ...(f.retryAfter ? { retryAfter: f.retryAfter } : {}),
      reason: `Graph answered ${f.status}${f.code ? ` (${f.code})` : ''}`,
    };
  }
  return { ok: false, ...(f.network ? { code: f.network } : {}), reason: `Graph request failed (${f.network ?? 'network error'})` };
}

export function createGraphMailer(options: GraphMailOptions): MailSender {
  const client = graphClient(options);
  const path = `/users/${encodeURIComponent(options.from)}/sendMail`;
  return {
    async send(to, message, sendOptions = {}) {
      try {
        // The token first (the credential caches it for the request's own call): beforeRequest
        // marks the request as leaving, so a crash while getting a token must come before it.
        await options.credential.getToken(options.scope ?? GRAPH_SCOPE);
        await sendOptions.beforeRequest?.();
        await client.api(path).post(sendMailBody(to, message));
        return { ok: true };
      } catch (error) {
        return resultFromGraphError(error);
      }
    },
  };
}
