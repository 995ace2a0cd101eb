/**
 * The HTTP server: `POST /api/messages` through botbuilder's CloudAdapter, `GET /healthz`.
 * In local mode (no MicrosoftAppId) botbuilder checks no token at all, so the server then
 * listens on 127.0.0.1 only, whatever HOST says.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { BotConfig } from '../config.js';
import type { Command } from '../commands/types.js';
import type { SchoolDirectory } from '../directory/directory.js';
import { createLogger, errorFields, type Logger } from '../log.js';
import type { MeetingServices } from '../meetings/services.js';
import type { Store } from '../store/store.js';
import { validateActivity } from './activity-schema.js';
import { createBot, type MemberLookup } from './bot.js';

type AuthenticateRequestResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;

export const BODY_LIMIT = '256kb';
export const LOOPBACK = '127.0.0.1';

export interface ServerOptions {
  readonly config: BotConfig;
  readonly store: Store;
  /** Overrides config.port; 0 picks a free port. */
  readonly port?: number;
  readonly log?: Logger;
  readonly commands?: readonly Command[];
  readonly now?: () => Date;
  readonly directory?: SchoolDirectory;
  /** Tests only: how the sender's UPN and e-mail are learnt (default TeamsInfo.getMember). */
  readonly lookupMember?: MemberLookup;
  /** Meetings and reminders for the meeting commands. */
  readonly meetings?: MeetingServices;
}

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:3978 (messages go to `${url}/api/messages`). */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly mode: BotConfig['mode'];
  close(): Promise<void>;
}

/**
 * CloudAdapter, with its turn processing reachable directly so that we, not botbuilder's
 * console.error, decide what an authentication failure logs and answers.
 */
export class WaymarkAdapter extends CloudAdapter {
  constructor(readonly auth: ConfigurationBotFrameworkAuthentication) {
    super(auth);
  }

  /** Checks the bearer token (no check at all in local mode). Throws if it is not valid. */
  authenticate(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.auth.authenticateRequest(activity, authHeader);
  }

  /** Runs the turn for an already authenticated request. */
  handle(auth: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}

export function adapterFor(config: BotConfig): WaymarkAdapter {
  const auth: ConfigurationBotFrameworkAuthenticationOptions =
    config.mode === 'local'
      ? {}
      : {
          MicrosoftAppId: config.microsoftApp.id ?? '',
          MicrosoftAppPassword: config.microsoftApp.password ?? '',
          MicrosoftAppType: config.microsoftApp.type,
          MicrosoftAppTenantId: config.microsoftApp.tenantId ?? '',
        };
  return new WaymarkAdapter(new ConfigurationBotFrameworkAuthentication(auth));
}

/** The interface the server will listen on for this configuration. */
export function listenHost(config: BotConfig): string {
  return config.mode === 'local' ? LOOPBACK : (config.host ?? '0.0.0.0');
}

export function createExpressApp(options: ServerOptions & { log: Logger }): express.Express {
  const { config, store, log } = options;
  const adapter = adapterFor(config);
  const bot = createBot({
    config,
    store,
    log,
    ...(options.commands ? { commands: options.commands } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.directory ? { directory: options.directory } : {}),
    ...(options.lookupMember ? { lookupMember: options.lookupMember } : {}),
    ...(options.meetings ? { meetings: options.meetings } : {}),
  });
  adapter.onTurnError = (context, error) => bot.onTurnError(context, error);
  const started = Date.now();

  const app = express();
  app.disable('x-powered-by');

  app.get('/healthz', (_req, res) => {
    const workbook = options.directory?.current();
    res.json({
      status: 'ok',
      mode: config.mode,
      store: store.kind,
      uptimeSeconds: Math.round((Date.now() - started) / 1000),
      // Counts and times only: nothing about any school.
      ...(workbook && {
        workbook: {
          schools: workbook.schools.length,
          loadedAt: workbook.loadedAt?.toISOString() ?? null,
          lastLoadFailed: workbook.error !== undefined,
        },
      }),
    });
  });

  /**
   * Checks the bearer token; any failure to verify is a 401: a bad token, a forged signature
   * (botbuilder throws a plain JsonWebTokenError for that), signing keys that cannot be fetched
   * right now, or a body botbuilder cannot even read.
   */
  const authenticate = async (req: Request, res: Response, next: NextFunction) => {
    const body: unknown = req.body;
    const activity = (body !== null && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Activity;
    try {
      res.locals.auth = await adapter.authenticate(activity, req.headers.authorization ?? '');
    } catch (error) {
      log.warn('rejected unauthenticated request', { activityId: typeof activity.id === 'string' ? activity.id : undefined, reason: errorFields(error).message });
      res.status(401).json({ error: 'Unauthorized.' });
      return;
    }
    next();
  };
  // With credentials, nobody learns anything about a body until their token is good: 401
  // first, then the 400 naming a bad field. Local mode checks no token, so it validates first.
  const checks = config.mode === 'local' ? [validateActivity, authenticate] : [authenticate, validateActivity];

  // Not strict: a JSON string or number reaches the checks above (401, or 400 in local mode)
  // rather than failing to parse. Text that is not JSON at all is a bare 400 naming nothing.
  app.post('/api/messages', express.json({ limit: BODY_LIMIT, strict: false }), ...checks, async (req: Request, res: Response) => {
    const activity = req.body as Activity & { timestamp?: unknown };
    // As CloudAdapter.process does: botbuilder expects Date objects for timestamps.
    if (typeof activity.timestamp === 'string') activity.timestamp = new Date(activity.timestamp);
    if (typeof activity.localTimestamp === 'string') activity.localTimestamp = new Date(activity.localTimestamp as unknown as string);
    const auth = res.locals.auth as AuthenticateRequestResult;
    try {
      const invoke = await adapter.handle(auth, activity, async (context) => {
        await bot.run(context);
      });
      if (invoke?.body !== undefined) res.status(invoke.status ?? 200).json(invoke.body);
      else res.status(invoke?.status ?? 200).end();
    } catch (error) {
      log.error('request failed', { activityId: activity.id, error: errorFields(error) });
      if (!res.headersSent) res.status(500).json({ error: 'Internal error.' });
    }
  });

  app.use((_req: Request, res: Response) => {
    res.status(404).json({ error: 'Not found.' });
  });

  // Body-parser failures (bad JSON, too large) and anything else thrown before the adapter.
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const e = err as { type?: string; status?: number };
    if (e.type === 'entity.too.large') {
      res.status(413).json({ error: `Request body larger than ${BODY_LIMIT}.` });
    } else if (e.type === 'entity.parse.failed') {
      res.status(400).json({ error: 'Request body is not valid JSON.' });
    } else if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
      res.status(e.status).json({ error: 'Bad request.' });
    } else {
      log.error('unhandled server error', { error: errorFields(err) });
      res.status(500).json({ error: 'Internal error.' });
    }
  });
  return app;
}

/** Starts the bot's HTTP server. In local mode it binds 127.0.0.1 only. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { config } = options;
  const log = options.log ?? createLogger();
  const app = createExpressApp({ ...options, log });
  const host = listenHost(config);
  if (config.mode === 'local') {
    log.warn(
      'local mode: no MicrosoftAppId, so requests are NOT authenticated; listening on loopback (127.0.0.1) only; every user is treated as an officer',
      config.host && config.host !== LOOPBACK ? { ignoredHost: config.host } : {},
    );
  }
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(options.port ?? config.port, host, (err?: Error) => (err ? reject(err) : resolve(s)));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const shown = host === '0.0.0.0' || host === '::' ? LOOPBACK : host;
  const url = `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    host,
    port,
    mode: config.mode,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
