/**
 * The retry rules every Microsoft Graph read uses (the SharePoint workbook, the calendar
 * import), the same as the reminders' (bot/delivery/retry.ts): Retry-After honoured, a wait
 * longer than we hold a call for handed back as `notBefore`.
 */
import { backoffMs, DEFAULT_MAX_RETRY_WAIT_MS, GATEWAY_STATUSES, MAX_GATEWAY_RETRIES, parseRetryAfter, RETRYABLE_CODES, RETRYABLE_STATUSES } from '../delivery/retry.js';
import { graphFailure, type GraphFailure } from './client.js';

/** A Graph call that failed for good (after the retries the reminders use too). */
export class GraphCallFailed extends Error {
  override name = 'GraphCallFailed';
  constructor(
    readonly failure: GraphFailure,
    /** The service asked for a wait longer than we hold a check for: try again after this time. */
    readonly notBefore?: Date,
  ) {
    super(`Microsoft Graph call failed (${failure.status ?? failure.network ?? 'error'})`);
  }
}

export interface RetryOptions {
  readonly now?: () => Date;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  /** Attempts in all (default 5, as for reminders). */
  readonly attempts?: number;
  /** The longest in-process wait (default 60 s, as for reminders). */
  readonly maxWaitMs?: number;
  readonly baseMs?: number;
}

/**
 * Runs a Graph call with the reminders' retry rules (bot/delivery/retry.ts): 429, 412 and 503
 * retried with jittered backoff of at least Retry-After, 502/504 once, network errors that
 * never reached the service; a Retry-After beyond `maxWaitMs` stops with `notBefore` set.
 */
export async function withGraphRetry<T>(call: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const attempts = options.attempts ?? 5;
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_RETRY_WAIT_MS;
  let gatewayRetries = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const failure = graphFailure(error);
      if (failure.status === undefined && failure.network === undefined) throw error;
      const retryable =
        (failure.status !== undefined && RETRYABLE_STATUSES.has(failure.status)) || (failure.network !== undefined && RETRYABLE_CODES.has(failure.network));
      const gateway = failure.status !== undefined && GATEWAY_STATUSES.has(failure.status);
      if (!retryable || attempt >= attempts || (gateway && gatewayRetries >= MAX_GATEWAY_RETRIES)) throw new GraphCallFailed(failure);
      if (gateway) gatewayRetries++;
      const retryAfter = parseRetryAfter(failure.retryAfter, now());
      if (retryAfter !== undefined && retryAfter > maxWaitMs) {
        throw new GraphCallFailed(failure, new Date(now().getTime() + retryAfter));
      }
      await sleep(backoffMs(attempt, { baseMs: options.baseMs ?? 1_000, maxMs: 30_000, ...(options.random ? { random: options.random } : {}) }, retryAfter));
    }
  }
}

