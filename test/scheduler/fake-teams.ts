/**
 * A loopback Bot Connector for reminders that behaves like Teams under load: it can enforce
 * Teams' limits (sends per conversation and overall in any sliding window, answering 429 with
 * Retry-After when crossed), answer 403 for conversations where the user blocked the bot,
 * throttle the next n requests, and hold requests unanswered (to kill a sender mid-request).
 * Messages are counted by their text (a card's summary), which the tests make unique per outbox key.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { performance } from 'node:perf_hooks';
import express from 'express';

export interface Received {
  readonly conversationId: string;
  readonly text: string;
  readonly status: number;
  /** performance.now() at arrival. */
  readonly at: number;
  readonly activity: Record<string, unknown>;
}

export interface FakeTeamsOptions {
  /** Enforce Teams' limits (real time): e.g. { limit: 7, windowMs: 1000 }. */
  readonly perConversation?: { limit: number; windowMs: number };
  readonly overall?: { limit: number; windowMs: number };
}

export interface FakeTeams {
  readonly serviceUrl: string;
  readonly received: Received[];
  /** Accepted (200) messages, plus held ones (they reached the service). */
  delivered(): Received[];
  /** How many times each reminder was delivered, by the outbox key in its text ("reminder <key>"). */
  counts(): Map<string, number>;
  /** Answer the next `times` requests 429 with Retry-After `seconds`. */
  throttle(times: number, seconds?: number | string): void;
  /** Answer 403 (user blocked the bot) for this conversation. */
  block(conversationId: string): void;
  /** Answer `status` for this conversation (e.g. 503 for ever). */
  fail(conversationId: string, status: number): void;
  /** Accept the first `n` more requests, then hold every later one unanswered. */
  holdAfter(n: number): void;
  /** Resolves when `count` requests (any status) have arrived. */
  waitForRequests(count: number, timeoutMs?: number): Promise<void>;
  /** Forgets what was received and every block, failure, throttle and hold. */
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeTeams(options: FakeTeamsOptions = {}): Promise<FakeTeams> {
  const received: Received[] = [];
  const perConv = new Map<string, number[]>();
  const overall: number[] = [];
  const blocked = new Set<string>();
  const failing = new Map<string, number>();
  let throttleLeft = 0;
  let retryAfter = '1';
  let acceptBeforeHold = Infinity;
  let waiters: (() => void)[] = [];

  const overLimit = (log: number[], l: { limit: number; windowMs: number } | undefined, now: number): boolean => {
    if (!l) return false;
    while (log.length > 0 && log[0]! <= now - l.windowMs) log.shift();
    return log.length >= l.limit;
  };

  const app = express();
  app.use(express.json({ limit: '1mb' }));
  // botbuilder's proactive sends reply to the continuation activity's id: …/activities/{id}.
  app.post(['/v3/conversations/:conversationId/activities', '/v3/conversations/:conversationId/activities/:replyToId'], (req, res) => {
    const now = performance.now();
    const conversationId = String(req.params.conversationId);
    const activity = req.body as Record<string, unknown>;
    const log = perConv.get(conversationId) ?? [];
    perConv.set(conversationId, log);
    let status = 200;
    let after = retryAfter;
    if (throttleLeft > 0) {
      throttleLeft--;
      status = 429;
    } else if (blocked.has(conversationId)) status = 403;
    else if (failing.has(conversationId)) status = failing.get(conversationId)!;
    else if (overLimit(overall, options.overall, now) || overLimit(log, options.perConversation, now)) {
      status = 429;
      after = '1';
    } else if (acceptBeforeHold <= 0) status = 0; // held
    if (status === 200 || status === 0) {
      overall.push(now);
      log.push(now);
      if (status === 200 && acceptBeforeHold !== Infinity) acceptBeforeHold--;
    }
    // A reminder with a card has no text: its summary carries the same words.
    received.push({ conversationId, text: String(activity.text ?? activity.summary ?? ''), status, at: now, activity });
    for (const w of waiters.splice(0)) w();
    if (status === 0) return; // never answered
    if (status === 200) res.status(200).json({ id: `activity-${received.length}` });
    else res.status(status).set('Retry-After', after).json({ error: { code: status === 429 ? 'TooManyRequests' : 'Error', message: 'fake' } });
  });

  app.use((req, res) => {
    console.log("fake Teams: unmatched", req.method, req.path);
    res.status(404).end();
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const delivered = () => received.filter((r) => r.status === 200 || r.status === 0);
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    received,
    delivered,
    counts() {
      const m = new Map<string, number>();
      for (const r of delivered()) {
        const key = /reminder (\S+)/.exec(r.text)?.[1] ?? r.text;
        m.set(key, (m.get(key) ?? 0) + 1);
      }
      return m;
    },
    throttle(times, seconds = 1) {
      throttleLeft = times;
      retryAfter = String(seconds);
    },
    block: (id) => void blocked.add(id),
    fail: (id, status) => void failing.set(id, status),
    holdAfter(n) {
      acceptBeforeHold = n;
    },
    waitForRequests(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`fake Teams: expected ${count} requests, got ${received.length}`)), timeoutMs);
        const check = () => {
          if (received.length >= count) {
            clearTimeout(timer);
            resolve();
          } else waiters.push(check);
        };
        check();
      });
    },
    reset() {
      received.length = 0;
      blocked.clear();
      failing.clear();
      perConv.clear();
      overall.length = 0;
      throttleLeft = 0;
      acceptBeforeHold = Infinity;
    },
    close: () =>
      new Promise<void>((resolve) => {
        waiters = [];
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
