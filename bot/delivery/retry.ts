/** What a failed send means, and how long to wait before the next try. */

/** Statuses worth retrying (Teams and Graph both): throttled, precondition, gateway, unavailable. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 412, 502, 503, 504]);

/**
 * 429, 412 and 503 say the service did not act on the request: retried freely. A gateway error
 * (502 Bad Gateway, 504 Gateway Timeout) comes from a proxy in front of the service, which may
 * have processed the request before the proxy gave up on it; a retry can then post the
 * message twice. So these are retried at most once (MAX_GATEWAY_RETRIES), and a claim is not
 * marked "definitely not sent" after one (a crash later leaves it in doubt, never re-sent).
 */
export const GATEWAY_STATUSES: ReadonlySet<number> = new Set([502, 504]);
export const MAX_GATEWAY_RETRIES = 1;

/**
 * The longest a sender waits in-process before retrying (SchedulerOptions.maxRetryWaitMs). A
 * longer Retry-After hands the row back to the outbox (pending, not before the time the
 * service gave) for a later tick, instead of holding the shared gate, the tick and shutdown.
 */
export const DEFAULT_MAX_RETRY_WAIT_MS = 60_000;

/** Network errors raised before a request could reach the service: safe to retry. */
export const RETRYABLE_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

/**
 * Retry-After as milliseconds: delta-seconds ("120") or an HTTP date. Undefined when absent or
 * unreadable; never negative.
 */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  if (value === null || value === undefined) return undefined;
  const v = value.trim();
  if (v === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}

export interface BackoffOptions {
  /** First delay; doubles each attempt. */
  readonly baseMs: number;
  readonly maxMs: number;
  /** Returns [0, 1); injectable for tests. */
  readonly random?: () => number;
}

/**
 * "Full jitter" exponential backoff for attempt n (1-based), at least `retryAfterMs` when the
 * service said how long to wait: the service's figure wins, the jitter only spreads retries.
 */
export function backoffMs(attempt: number, options: BackoffOptions, retryAfterMs?: number): number {
  const random = options.random ?? Math.random;
  const cap = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = cap / 2 + random() * (cap / 2);
  return Math.round(retryAfterMs === undefined ? jittered : Math.max(retryAfterMs, 0) + random() * Math.min(cap / 4, 1000));
}
