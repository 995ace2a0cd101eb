/**
 * The HTTP server: `POST /api/messages` through botbuilder's CloudAdapter, `GET /healthz`.
 * In local mode (no MicrosoftAppId) botbuilder checks no token at all, so the server then
 * listens on 127.0.0.1 only, whatever HOST says.
 *
 * With credentials, the bearer token is checked before a byte of the body is read; the body
 * is capped ({@link BODY_LIMIT}); headers, whole requests and idle keep-alive connections time
 * out ({@link TIMEOUTS}); each call to the Bot Connector (a reply) times out after
 * {@link REPLY_TIMEOUT_MS}; and only activities of the configured tenant are let through.
 */
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
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
import { fromConfiguredTenant } from './convert.js';
import { createBot, type MemberLookup } from './bot.js';

type AuthenticateRequestResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;

export const BODY_LIMIT = '256kb';
export const LOOPBACK = '127.0.0.1';

/** Teams gives up on a turn after about 15 s (and may resend): a reply that takes longer is lost anyway. */
export const REPLY_TIMEOUT_MS = 10_000;

/** Node's HTTP server timeouts (ms); a client that trickles or stalls is cut off. */
export const TIMEOUTS = { headersTimeout: 10_000, requestTimeout: 15_000, keepAliveTimeout: 5_000, connectionsCheckingInterval: 1_000 } as const;

export type ServerTimeouts = { readonly [K in keyof typeof TIMEOUTS]: number };


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
  /** Tests only: shorter timeouts than {@link TIMEOUTS} and {@link REPLY_TIMEOUT_MS}. */
  readonly timeouts?: Partial<ServerTimeouts> & { readonly replyMs?: number };
}

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:3978 (messages go to `${url}/api/messages`). */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** The address really listened on, e.g. "0.0.0.0:3978" (all interfaces) or "127.0.0.1:3978". */
  readonly listening: string;
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

  /**
   * Checks the bearer token alone (signature, issuer, audience, expiry), before the body is
   * read; {@link authenticate} then checks it against the activity (its service URL).
   */
  authenticateToken(authHeader: string, channelId: string): Promise<AuthenticateRequestResult> {
    return this.auth.authenticateStreamingRequest(authHeader, channelId);
  }

  /** Runs the turn for an already authenticated request. */
  handle(auth: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}

/**
 * What botbuilder is told of the bot's identity: the app type as configured (SingleTenant when
 * unset), so that a single-tenant bot gets its tokens from its own tenant, not botframework.com.
 */
export function authenticationOptions(config: BotConfig): ConfigurationBotFrameworkAuthenticationOptions {
  return config.mode === 'local'
    ? {}
    : {
        MicrosoftAppId: config.microsoftApp.id ?? '',
        MicrosoftAppPassword: config.microsoftApp.password ?? '',
        MicrosoftAppType: config.microsoftApp.type,
        MicrosoftAppTenantId: config.microsoftApp.tenantId ?? '',
      };
}

export function adapterFor(config: BotConfig): WaymarkAdapter {
  return new WaymarkAdapter(new ConfigurationBotFrameworkAuthentication(authenticationOptions(config)));
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
    replyTimeoutMs: options.timeouts?.replyMs ?? REPLY_TIMEOUT_MS,
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

  const unauthorized = (res: Response, error: unknown, activityId?: string) => {
    log.warn('rejected unauthenticated request', { activityId, reason: errorFields(error).message });
    // The body is not read: close the connection rather than drain whatever the client sends.
    res.set('Connection', 'close').status(401).json({ error: 'Unauthorized.' });
  };

  /** With credentials: the token alone, before the body is read. Any failure is a 401. */
  const tokenFirst = async (req: Request, res: Response, next: NextFunction) => {
    try {
      res.locals.token = await adapter.authenticateToken(req.headers.authorization ?? '', 'msteams');
    } catch (error) {
      unauthorized(res, error);
      return;
    }
    next();
  };

  /**
   * Checks the bearer token against the activity; any failure to verify is a 401: a bad token,
   * a forged signature (botbuilder throws a plain JsonWebTokenError for that), signing keys that
   * cannot be fetched right now, or a body botbuilder cannot even read.
   */
  const authenticate = async (req: Request, res: Response, next: NextFunction) => {
    const body: unknown = req.body;
    const activity = (body !== null && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Activity;
    try {
      res.locals.auth = await adapter.authenticate(activity, req.headers.authorization ?? '');
    } catch (error) {
      unauthorized(res, error, typeof activity.id === 'string' ? activity.id : undefined);
      return;
    }
    next();
  };

  /** Only the configured tenant's activities reach the bot (local mode: any). */
  const sameTenant = (req: Request, res: Response, next: NextFunction) => {
    if (fromConfiguredTenant(req.body as Activity, config)) {
      next();
      return;
    }
    log.warn('rejected activity from another tenant', { activityId: typeof (req.body as Activity).id === 'string' ? (req.body as Activity).id : undefined });
    res.status(403).json({ error: 'Forbidden.' });
  };

  // Not strict: a JSON string or number reaches the checks below (401, or 400 in local mode)
  // rather than failing to parse. Text that is not JSON at all is a bare 400 naming nothing.
  const body = express.json({ limit: BODY_LIMIT, strict: false });
  // With credentials, nobody gets a byte of the body read, nor learns anything about it, until
  // their token is good: 401 first, then the 400 naming a bad field. Local mode checks no
  // token, so it validates first.
  const checks = config.mode === 'local' ? [body, validateActivity, authenticate] : [tokenFirst, body, authenticate, validateActivity, sameTenant];

  app.post('/api/messages', ...checks, async (req: Request, res: Response) => {
    const activity = req.body as Activity & { timestamp?: unknown };
    // As CloudAdapter.process does: botbuilder expects Date objects for timestamps.
    if (typeof activity.timestamp === 'string') activity.timestamp = new Date(activity.timestamp);
    if (typeof activity.localTimestamp === 'string') activity.localTimestamp = new Date(activity.localTimestamp as unknown as string);
    const auth = res.locals.auth as AuthenticateRequestResult;
    try {
      const invoke = await adapter.handle(auth, activity, async (context) => {
        await bot.run(context);
      });
      // An invoke no handler takes: botbuilder says 501; it is the sender's request that is not
      // supported, not a server failure (found by the fuzz test).
      if (invoke?.status === 501) res.status(400).json({ error: 'Unsupported invoke.' });
      else if (invoke?.body !== undefined) res.status(invoke.status ?? 200).json(invoke.body);
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
  const timeouts = { ...TIMEOUTS, ...options.timeouts };
  const server: Server = createServer(
    { headersTimeout: timeouts.headersTimeout, requestTimeout: timeouts.requestTimeout, keepAliveTimeout: timeouts.keepAliveTimeout, connectionsCheckingInterval: timeouts.connectionsCheckingInterval },
    app,
  );
  server.keepAliveTimeout = timeouts.keepAliveTimeout;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? config.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const { port } = address;
  const bracket = (h: string) => (h.includes(':') ? `[${h}]` : h);
  const listening = `${bracket(address.address)}:${port}`;
  const everywhere = address.address === '0.0.0.0' || address.address === '::';
  // A URL to reach it from this machine; the log says where it really listens.
  const shown = everywhere ? LOOPBACK : address.address;
  const url = `http://${bracket(shown)}:${port}`;
  log.info('server listening', { address: listening, interfaces: everywhere ? 'all' : 'this one only', mode: config.mode });
  let closing: Promise<void> | undefined;
  return {
    url,
    host,
    port,
    listening,
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
