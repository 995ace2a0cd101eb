/**
 * Pacing for proactive sends, as Company Communicator does it: every send first passes
 * through one Pacer, which holds
 * - one shared "throttled until" gate: after a 429 nobody sends until it opens;
 * - an overall limit (WAYMARK_SEND_RATE per second);
 * - a limit per conversation (Teams: 7 per second) or per mailbox (Exchange: 30 per minute).
 * Limits are sliding windows (at most `limit` starts in any `windowMs`), which is how Teams
 * states and enforces them; a small margin keeps network jitter from crossing the line.
 * Waiters are served first come, first served, except that one held back by its own
 * conversation's limit does not hold up others.
 */
import type { Clock } from './clock.js';

export interface Limit {
  readonly limit: number;
  readonly windowMs: number;
}

export interface PacerOptions {
  readonly clock: Clock;
  /** The overall limit, e.g. { limit: 30, windowMs: 1000 }. */
  readonly overall: Limit;
  /** The limit for a pacing key (e.g. 'teams:<conversation id>' or 'mail'). */
  readonly perKey: (key: string) => Limit;
  /** Added to every window, for jitter between here and the service. Default 40 ms. */
  readonly marginMs?: number;
}

/**
 * Starts within the last window (oldest first) plus permits granted but not started yet.
 * A permit counts against the limit from the moment it is granted until its start ages out
 * of the window, and its start is recorded when the request actually goes: so however long
 * the caller takes between the two (a database round trip), the service never sees more
 * than `limit` requests in any window.
 */
class Window {
  private readonly starts: number[] = [];
  private reserved = 0;
  constructor(private readonly l: Limit, private readonly marginMs: number) {}
  /** Milliseconds until one more permit may be granted at `now`; Infinity if only a start or release can free one. */
  waitMs(now: number): number {
    const span = this.l.windowMs + this.marginMs;
    while (this.starts.length > 0 && this.starts[0]! <= now - span) this.starts.shift();
    const excess = this.starts.length + this.reserved - this.l.limit + 1;
    if (excess <= 0) return 0;
    if (excess > this.starts.length) return Infinity;
    return this.starts[excess - 1]! + span - now;
  }
  reserve(): void {
    this.reserved++;
  }
  start(now: number): void {
    this.reserved--;
    this.starts.push(now);
  }
  release(): void {
    this.reserved--;
  }
  get idle(): boolean {
    return this.starts.length === 0 && this.reserved === 0;
  }
}

/** The right to send one request: `start()` just before it goes, or `release()` if it will not. */
export interface Permit {
  /** Waits while the shared gate is shut, then counts the start against the limits. */
  start(): Promise<void>;
  release(): void;
}

interface Waiter {
  readonly key: string;
  readonly resolve: (permit: Permit) => void;
}

export class Pacer {
  private readonly clock: Clock;
  private readonly overall: Window;
  private readonly windows = new Map<string, Window>();
  private readonly queue: Waiter[] = [];
  private readonly marginMs: number;
  private gateUntil = 0;
  private pumping = false;
  private wake: (() => void) | undefined;

  constructor(private readonly options: PacerOptions) {
    this.clock = options.clock;
    this.marginMs = options.marginMs ?? 40;
    this.overall = new Window(options.overall, this.marginMs);
  }

  /** Closes the shared gate until `until` (never shortens it). */
  throttle(until: Date): void {
    this.gateUntil = Math.max(this.gateUntil, until.getTime());
  }

  /** When the shared gate opens (epoch ms; in the past when open). */
  get throttledUntil(): number {
    return this.gateUntil;
  }

  get waiting(): number {
    return this.queue.length;
  }

  /**
   * Resolves with a permit once a send for `key` fits the limits and the gate is open; rejects
   * (and gives up its place) if `signal` aborts first.
   */
  acquire(key: string, signal?: AbortSignal): Promise<Permit> {
    return new Promise<Permit>((resolve, reject) => {
      if (signal?.aborted) return reject(abortError(signal));
      const onAbort = () => {
        const i = this.queue.indexOf(waiter);
        if (i < 0) return;
        this.queue.splice(i, 1);
        reject(abortError(signal!));
        this.kick();
      };
      const waiter: Waiter = {
        key,
        resolve: (permit) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(permit);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
      this.kick();
    });
  }

  /** Resolves once the shared gate is open (at once if it is), or when `signal` aborts. */
  async gateOpen(signal?: AbortSignal): Promise<void> {
    for (let now = this.clock.now().getTime(); this.gateUntil > now && !signal?.aborted; now = this.clock.now().getTime()) {
      await this.clock.sleep(this.gateUntil - now, signal);
    }
  }

  private kick(): void {
    this.wake?.();
    if (!this.pumping) void this.pump();
  }

  private window(key: string): Window {
    let w = this.windows.get(key);
    if (!w) {
      w = new Window(this.options.perKey(key), this.marginMs);
      this.windows.set(key, w);
    }
    return w;
  }

  private async untilGateOpens(): Promise<void> {
    for (let now = this.clock.now().getTime(); this.gateUntil > now; now = this.clock.now().getTime()) {
      await this.clock.sleep(this.gateUntil - now);
    }
  }

  private permit(w: Window): Permit {
    let done = false;
    const finish = (fn: () => void) => {
      if (done) return;
      done = true;
      fn();
      this.kick();
    };
    return {
      start: async () => {
        await this.untilGateOpens();
        const now = this.clock.now().getTime();
        finish(() => {
          this.overall.start(now);
          w.start(now);
        });
      },
      release: () =>
        finish(() => {
          this.overall.release();
          w.release();
        }),
    };
  }

  private async pump(): Promise<void> {
    this.pumping = true;
    try {
      while (this.queue.length > 0) {
        const now = this.clock.now().getTime();
        let wait = Math.max(this.gateUntil - now, this.overall.waitMs(now));
        if (wait <= 0) {
          let soonest = Infinity;
          const i = this.queue.findIndex((q) => {
            const ms = this.window(q.key).waitMs(now);
            if (ms > 0) soonest = Math.min(soonest, ms);
            return ms <= 0;
          });
          if (i >= 0) {
            const [q] = this.queue.splice(i, 1);
            const w = this.window(q!.key);
            this.overall.reserve();
            w.reserve();
            q!.resolve(this.permit(w));
            continue;
          }
          wait = soonest;
        }
        // Sleep until something may go, or until woken: a new waiter (it may be free to go),
        // or a permit started or released (Infinity: only that can free a place).
        // The sleep is cut short once the race is decided, so no timer outlives the wait.
        const woken = new Promise<void>((resolve) => (this.wake = resolve));
        const cut = new AbortController();
        await (wait === Infinity ? woken : Promise.race([this.clock.sleep(wait, cut.signal), woken]));
        cut.abort();
        this.wake = undefined;
      }
    } finally {
      this.pumping = false;
      // Forget idle conversations so the map does not grow without bound.
      if (this.windows.size > 10_000) for (const [k, w] of this.windows) if (w.idle) this.windows.delete(k);
    }
  }
}

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new DOMException('The wait for a send permit was aborted', 'AbortError');
}
