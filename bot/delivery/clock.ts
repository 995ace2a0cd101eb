/** Time for the scheduler and delivery: injected, so tests run on a fake clock. */
import { setTimeout as delay } from 'node:timers/promises';

export interface Clock {
  now(): Date;
  /** Resolves after `ms` of this clock's time, or as soon as `signal` aborts (never rejects). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms, signal) =>
    ms > 0 && !signal?.aborted ? delay(ms, undefined, signal ? { signal } : undefined).catch(() => {}) : Promise.resolve(),
};

/**
 * A clock that only moves when told to or when someone sleeps: `sleep(ms)` moves it to at least
 * (time of the call + ms), then resolves on the next turn of the event loop. Concurrent
 * sleepers therefore overlap rather than add up, and no test waits in real time.
 */
export interface FakeClock extends Clock {
  set(at: Date | string): void;
  advance(ms: number): void;
}

export function fakeClock(start: Date | string): FakeClock {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    async sleep(ms, signal) {
      const until = t + Math.max(0, ms);
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (signal?.aborted) return;
      if (until > t) t = until;
    },
    set(at) {
      t = new Date(at).getTime();
    },
    advance(ms) {
      t += ms;
    },
  };
}
