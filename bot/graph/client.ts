/**
 * The Microsoft Graph client every Graph call goes through, with a bearer token from the one
 * credential (./credential.ts). The client's own RetryHandler is left out on purpose: callers
 * retry through bot/delivery/retry.ts, honouring Retry-After, so a 429 is handled the same
 * way for e-mail and for the workbook.
 */
import type { TokenCredential } from '@azure/identity';
import { Client, GraphError, HTTPMessageHandler, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import { GRAPH_SCOPE } from './credential.js';

export interface GraphClientOptions {
  /** Graph's base URL (WAYMARK_GRAPH_URL), e.g. https://graph.microsoft.com. */
  readonly baseUrl: string;
  readonly credential: TokenCredential;
  readonly scope?: string;
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

export function graphClient(options: GraphClientOptions): Client {
  return Client.initWithMiddleware({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    middleware: [new BearerMiddleware(options.credential, options.scope ?? GRAPH_SCOPE), new HTTPMessageHandler()],
  });
}

/** A Node network error code (ECONNREFUSED, …) anywhere in an error's causes. */
export function networkCode(error: unknown, depth = 0): string | undefined {
  if (!error || typeof error !== 'object' || depth > 5) return undefined;
  const e = error as { code?: unknown; cause?: unknown; body?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code)) return e.code;
  for (const next of [e.cause, e.body, ...(Array.isArray(e.errors) ? e.errors : [])]) {
    const code = networkCode(next, depth + 1);
    if (code) return code;
  }
  return undefined;
}

/** What a failed Graph call said: its HTTP status, Graph error code and Retry-After, or a network code. */
export interface GraphFailure {
  readonly status?: number;
  readonly code?: string;
  readonly retryAfter?: string;
  readonly network?: string;
}

export function graphFailure(error: unknown): GraphFailure {
  const e = error as Partial<GraphError> | undefined;
  const status = typeof e?.statusCode === 'number' && e.statusCode > 0 ? e.statusCode : undefined;
  if (status !== undefined) {
    const retryAfter = e?.headers?.get?.('retry-after') ?? undefined;
    return { status, ...(e?.code ? { code: e.code } : {}), ...(retryAfter ? { retryAfter } : {}) };
  }
  const network = networkCode(error);
  return network ? { network } : {};
}
