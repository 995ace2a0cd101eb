/**
 * A loopback fake of the Bot Connector service: the bot replies by POSTing Activities to
 * `{serviceUrl}/v3/conversations/{id}/activities[/{replyToId}]`, so pointing an incoming
 * Activity's serviceUrl here records everything the bot sends.
 */
import type { AddressInfo } from 'node:net';
import express from 'express';

export interface RecordedActivity {
  readonly conversationId: string;
  readonly replyToId?: string;
  readonly activity: Record<string, unknown> & { type?: string; text?: string };
  readonly headers: Record<string, string | string[] | undefined>;
  readonly status: number;
}

export interface FakeMember {
  id: string;
  aadObjectId?: string;
  name?: string;
  userPrincipalName?: string;
  email?: string;
}

export interface FakeConnector {
  /** Base URL to use as an Activity's serviceUrl (ends with `/`). */
  readonly serviceUrl: string;
  /** Every POST received, in order, including throttled ones (status 429). */
  readonly received: RecordedActivity[];
  /** Only the activities accepted (status 200). */
  accepted(): RecordedActivity[];
  /** Accepted `message` activities. */
  messages(): RecordedActivity[];
  /** Answer the next `times` POSTs with 429 and `Retry-After: retryAfterSeconds`. */
  throttle(times: number, retryAfterSeconds?: number): void;
  /** Members returned by GET /v3/conversations/:id/members/:memberId. */
  members: Map<string, FakeMember>;
  /** Resolves when `count` accepted message activities have arrived (or rejects after timeoutMs). */
  waitForMessages(count: number, timeoutMs?: number): Promise<RecordedActivity[]>;
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeConnector(): Promise<FakeConnector> {
  const received: RecordedActivity[] = [];
  const members = new Map<string, FakeMember>();
  let throttleLeft = 0;
  let retryAfter = 1;
  let nextId = 1;
  const waiters: Array<() => void> = [];

  const app = express();
  app.use(express.json({ limit: '1mb' }));

  const record = (req: express.Request, res: express.Response) => {
    const conversationId = String(req.params.conversationId);
    const replyToId = req.params.replyToId === undefined ? undefined : String(req.params.replyToId);
    const status = throttleLeft > 0 ? 429 : 200;
    received.push({
      conversationId,
      ...(replyToId !== undefined ? { replyToId } : {}),
      activity: req.body as RecordedActivity['activity'],
      headers: { ...req.headers },
      status,
    });
    if (status === 429) {
      throttleLeft--;
      res.status(429).set('Retry-After', String(retryAfter)).json({ error: { code: 'TooManyRequests', message: 'throttled' } });
    } else {
      res.status(200).json({ id: `activity-${nextId++}` });
    }
    for (const w of waiters.splice(0)) w();
  };

  app.post('/v3/conversations/:conversationId/activities', record);
  app.post('/v3/conversations/:conversationId/activities/:replyToId', record);
  app.get('/v3/conversations/:conversationId/members/:memberId', (req, res) => {
    const m = members.get(String(req.params.memberId));
    if (m) res.json(m);
    else res.status(404).json({ error: { code: 'NotFound', message: 'member not found' } });
  });

  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;

  const accepted = () => received.filter((r) => r.status === 200);
  const messages = () => accepted().filter((r) => r.activity.type === 'message');

  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    received,
    accepted,
    messages,
    members,
    throttle(times, seconds = 1) {
      throttleLeft = times;
      retryAfter = seconds;
    },
    waitForMessages(count, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`fake connector: expected ${count} messages, got ${messages().length}`)),
          timeoutMs,
        );
        const check = () => {
          if (messages().length >= count) {
            clearTimeout(timer);
            resolve(messages());
          } else waiters.push(check);
        };
        check();
      });
    },
    reset() {
      received.length = 0;
      throttleLeft = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
