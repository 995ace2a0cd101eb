/**
 * One loopback server playing both the Bot Connector (Teams) and Microsoft Graph's sendMail for
 * the simulated year, misbehaving as they do in production: 429 with Retry-After (short, and
 * long enough that the scheduler hands the row back), 503, gateway timeouts (504: the gateway
 * gave up before the service acted, so nothing was delivered), a user who blocked the bot (403),
 * and a few milliseconds of real latency per request so that a replica killed with SIGKILL is
 * sometimes killed while its request is out.
 *
 * Every outbox message in the simulation ends with "ref <outbox key>", so the server counts
 * deliveries per key: a key delivered twice is a duplicate.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { seededRandom } from './random.js';

export interface FaultRates {
  /** 429 with Retry-After 1–5 s. */
  readonly throttle: number;
  /** 429 with Retry-After 120 s (longer than the scheduler waits in-process). */
  readonly longThrottle: number;
  /** 503 Service Unavailable. */
  readonly unavailable: number;
  /** 504 Gateway Timeout, not delivered. */
  readonly timeout: number;
}

export const DEFAULT_FAULTS: FaultRates = { throttle: 0.04, longThrottle: 0.005, unavailable: 0.02, timeout: 0.01 };

export interface FakeServices {
  /** Bot Connector base (ends with '/'). */
  readonly serviceUrl: string;
  /** Graph base (no trailing slash). */
  readonly graphUrl: string;
  /** Deliveries per outbox key (Teams and e-mail). */
  readonly delivered: Map<string, number>;
  /** Answers by status, e.g. { 200: 2400, 429: 96, … }. */
  readonly answers: Map<number, number>;
  block(conversationId: string): void;
  close(): Promise<void>;
}

const keyOf = (text: string): string | undefined => /ref (\S+)\s*$/.exec(text)?.[1];

export async function startFakeServices(options: { seed: number; faults?: FaultRates; latencyMs?: [number, number] }): Promise<FakeServices> {
  const random = seededRandom(options.seed);
  const faults = options.faults ?? DEFAULT_FAULTS;
  const [minLatency, maxLatency] = options.latencyMs ?? [1, 6];
  const delivered = new Map<string, number>();
  const answers = new Map<number, number>();
  const blocked = new Set<string>();

  /** Draws this request's fate: a status and a Retry-After. */
  function fate(): { status: number; retryAfter?: string } {
    const r = random.next();
    let edge = faults.throttle;
    if (r < edge) return { status: 429, retryAfter: String(random.int(1, 5)) };
    if (r < (edge += faults.longThrottle)) return { status: 429, retryAfter: '120' };
    if (r < (edge += faults.unavailable)) return { status: 503, retryAfter: '2' };
    if (r < (edge += faults.timeout)) return { status: 504 };
    return { status: 200 };
  }

  const answer = async (res: express.Response, status: number, text: string, retryAfter: string | undefined, ok: () => void) => {
    await new Promise((r) => setTimeout(r, random.int(minLatency, maxLatency)));
    answers.set(status, (answers.get(status) ?? 0) + 1);
    if (status === 200 || status === 202) {
      const key = keyOf(text);
      if (key) delivered.set(key, (delivered.get(key) ?? 0) + 1);
      ok();
      return;
    }
    if (retryAfter) res.set('Retry-After', retryAfter);
    res.status(status).json({ error: { code: status === 429 ? 'TooManyRequests' : status === 403 ? 'Forbidden' : 'ServiceError', message: 'simulated' } });
  };

  const app = express();
  app.use(express.json({ limit: '1mb' }));
  app.post(['/v3/conversations/:conversationId/activities', '/v3/conversations/:conversationId/activities/:replyToId'], async (req, res) => {
    const conversationId = String(req.params.conversationId);
    // A reminder with a card has no text: its summary carries the same words (and the ref).
    const body = req.body as { text?: unknown; summary?: unknown };
    const text = String(body.text ?? body.summary ?? '');
    const f = blocked.has(conversationId) ? { status: 403 } : fate();
    await answer(res, f.status, text, f.retryAfter, () => res.status(200).json({ id: `activity-${random.int(1, 1e9)}` }));
  });
  app.post('/:version/users/:from/sendMail', async (req, res) => {
    const body = req.body as { message?: { body?: { content?: string } } };
    const f = fate();
    await answer(res, f.status === 200 ? 202 : f.status, String(body.message?.body?.content ?? ''), f.retryAfter, () => res.status(202).end());
  });
  app.use((req, res) => {
    res.status(404).json({ error: { code: 'NotFound', message: `${req.method} ${req.path}` } });
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    graphUrl: `http://127.0.0.1:${port}`,
    delivered,
    answers,
    block: (id) => void blocked.add(id),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
