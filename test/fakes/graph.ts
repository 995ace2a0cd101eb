/**
 * A loopback fake of Microsoft Graph's sendMail: records each request (mailbox, body,
 * Authorization header) and can answer 429 with Retry-After, like Exchange Online throttling.
 * Point the real Graph client at `url` (WAYMARK_GRAPH_URL).
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';

export interface RecordedMail {
  readonly from: string;
  readonly version: string;
  readonly body: {
    message: {
      subject: string;
      body: { contentType: string; content: string };
      toRecipients: { emailAddress: { address: string; name?: string } }[];
    };
    saveToSentItems?: boolean;
  };
  readonly authorization: string | undefined;
  readonly status: number;
}

export interface FakeGraph {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:1234 */
  readonly url: string;
  readonly received: RecordedMail[];
  /** Accepted (202) sendMail requests. */
  sent(): RecordedMail[];
  /** Answer the next `times` requests with `status` (default 429) and Retry-After. */
  throttle(times: number, retryAfter?: string, status?: number): void;
  close(): Promise<void>;
}

export async function startFakeGraph(): Promise<FakeGraph> {
  const received: RecordedMail[] = [];
  let left = 0;
  let retryAfter = '1';
  let failStatus = 429;
  const app = express();
  app.use(express.json({ limit: '1mb' }));
  app.post('/:version/users/:from/sendMail', (req, res) => {
    const status = left > 0 ? failStatus : 202;
    received.push({
      from: String(req.params.from),
      version: String(req.params.version),
      body: req.body as RecordedMail['body'],
      authorization: req.headers.authorization,
      status,
    });
    if (status !== 202) {
      left--;
      res
        .status(status)
        .set('Retry-After', retryAfter)
        .json({ error: { code: status === 429 ? 'ApplicationThrottled' : 'ServiceUnavailable', message: 'try later' } });
      return;
    }
    res.status(202).end();
  });
  app.use((req, res) => {
    res.status(404).json({ error: { code: 'NotFound', message: `${req.method} ${req.path}` } });
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    sent: () => received.filter((r) => r.status === 202),
    throttle(times, after = '1', status = 429) {
      left = times;
      retryAfter = after;
      failStatus = status;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
