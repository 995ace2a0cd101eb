/**
 * E-mail to heads without a Teams chat: Microsoft Graph `POST /users/{from}/sendMail` with the
 * Graph client, authenticated with the bot's app registration (client credentials). The
 * client's own RetryHandler is left out: the scheduler retries, honouring Retry-After, through
 * the same gate as Teams sends.
 */
import { ClientSecretCredential, type TokenCredential } from '@azure/identity';
import { Client, GraphError, HTTPMessageHandler, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import type { MailSender, SendResult } from '../delivery/types.js';

export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

export interface GraphMailOptions {
  /** The mailbox reminders are sent from (WAYMARK_MAIL_FROM): a UPN or object id. */
  readonly from: string;
  /** Graph's base URL (WAYMARK_GRAPH_URL), e.g. https://graph.microsoft.com. */
  readonly baseUrl: string;
  readonly credential: TokenCredential;
  readonly scope?: string;
}

/** The app registration's client-secret credential (MicrosoftAppId/Password/TenantId). */
export function appCredential(app: { id?: string | undefined; password?: string | undefined; tenantId?: string | undefined }, authorityHost?: string): TokenCredential {
  if (!app.id || !app.password || !app.tenantId) {
    throw new Error('Graph e-mail needs MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId');
  }
  return new ClientSecretCredential(app.tenantId, app.id, app.password, authorityHost ? { authorityHost } : {});
}

/** Adds the bearer token for every request (Graph's AuthenticationHandler only does so for https Graph hosts). */
class BearerMiddleware implements Middleware {
  private next: Middleware | undefined;
  constructor(private readonly credential: TokenCredential, private readonly scope: string) {}
  async execute(context: Context): Promise<void> {
    const token = await this.credential.getToken(this.scope);
    if (!token) throw new GraphError(401, 'no access token for Microsoft Graph');
    const options = (context.options ??= {});
    const headers = options.headers;
    if (headers instanceof Headers) headers.set('Authorization', `Bearer ${token.token}`);
    else options.headers = { ...(headers as Record<string, string> | undefined), Authorization: `Bearer ${token.token}` };
    await this.next!.execute(context);
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}

export function graphClient(options: Omit<GraphMailOptions, 'from'>): Client {
  return Client.initWithMiddleware({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    middleware: [new BearerMiddleware(options.credential, options.scope ?? GRAPH_SCOPE), new HTTPMessageHandler()],
  });
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

/** A Node network error code (ECONNREFUSED, …) anywhere in an error's causes. */
function networkCode(error: unknown, depth = 0): string | undefined {
  if (!error || typeof error !== 'object' || depth > 5) return undefined;
  const e = error as { code?: unknown; cause?: unknown; body?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code)) return e.code;
  for (const next of [e.cause, e.body, ...(Array.isArray(e.errors) ? e.errors : [])]) {
    const code = networkCode(next, depth + 1);
    if (code) return code;
  }
  return undefined;
}

function resultFromGraphError(error: unknown): SendResult {
  const e = error as Partial<GraphError> | undefined;
  const status = typeof e?.statusCode === 'number' && e.statusCode > 0 ? e.statusCode : undefined;
  if (status !== undefined) {
    const retryAfter = e?.headers?.get?.('retry-after') ?? undefined;
    return {
      ok: false,
      status,
      ...(retryAfter ? { retryAfter } : {}),
      reason: `Graph answered ${status}${e?.code ? ` (${e.code})` : ''}`,
    };
  }
  const code = networkCode(error);
  return { ok: false, ...(code ? { code } : {}), reason: `Graph request failed (${code ?? 'network error'})` };
}

export function createGraphMailer(options: GraphMailOptions): MailSender {
  const client = graphClient(options);
  const path = `/users/${encodeURIComponent(options.from)}/sendMail`;
  return {
    async send(to, message, sendOptions = {}) {
      try {
        await sendOptions.beforeRequest?.();
        await client.api(path).post(sendMailBody(to, message));
        return { ok: true };
      } catch (error) {
        return resultFromGraphError(error);
      }
    },
  };
}
