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
  /** Added to every window, for jitter between here and the service. Default 20 ms. */
  readonly marginMs?: number;
}

/** Start times within the last window, oldest first. */
class Window {
  private readonly starts: number[] = [];
  constructor(private readonly l: Limit, private readonly marginMs: number) {}
  /** Milliseconds until one more start is allowed at `now`. */
  waitMs(now: number): number {
    const span = this.l.windowMs + this.marginMs;
    while (this.starts.length > 0 && this.starts[0]! <= now - span) this.starts.shift();
    if (this.starts.length < this.l.limit) return 0;
    return this.starts[this.starts.length - this.l.limit]! + span - now;
  }
  record(now: number): void {
    this.starts.push(now);
  }
  get idle(): boolean {
    return this.starts.length === 0;
  }
}

interface Waiter {
  readonly key: string;
  readonly resolve: () => void;
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
    this.marginMs = options.marginMs ?? 20;
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

  /** Resolves when a send for `key` may start now; the start is counted against the limits. */
  acquire(key: string): Promise<void> {
    return new Promise<void>((resolve) => {
      this.queue.push({ key, resolve });
      this.wake?.();
      if (!this.pumping) void this.pump();
    });
  }

  private window(key: string): Window {
    let w = this.windows.get(key);
    if (!w) {
      w = new Window(this.options.perKey(key), this.marginMs);
      this.windows.set(key, w);
    }
    return w;
  }

  private async pump(): Promise<void> {
    this.pumping = true;
    try {
      while (this.queue.length > 0) {
        const now = this.clock.now().getTime();
        let wait = Math.max(this.gateUntil - now, this.overall.waitMs(now));
        if (wait <= 0) {
          let soonest = Infinity;
          const i = this.queue.findIndex((w) => {
            const ms = this.window(w.key).waitMs(now);
            if (ms > 0) soonest = Math.min(soonest, ms);
            return ms <= 0;
          });
          if (i >= 0) {
            const [w] = this.queue.splice(i, 1);
            this.overall.record(now);
            this.window(w!.key).record(now);
            w!.resolve();
            continue;
          }
          wait = soonest;
        }
        // Sleep until something may go, or until a new waiter arrives (it may be free to go).
        await Promise.race([this.clock.sleep(wait), new Promise<void>((resolve) => (this.wake = resolve))]);
        this.wake = undefined;
      }
    } finally {
      this.pumping = false;
      // Forget idle conversations so the map does not grow without bound.
      if (this.windows.size > 10_000) for (const [k, w] of this.windows) if (w.idle) this.windows.delete(k);
    }
  }
}
