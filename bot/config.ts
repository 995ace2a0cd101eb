/**
 * Bot configuration, read once from the environment and checked with zod.
 * A bad value stops start-up with a message that names the variable.
 */
import cron from 'node-cron';
import { z } from 'zod';
import { parseWorkbookLocation, type WorkbookLocation } from '../workbook/source/location.js';

const optionalString = z
  .string()
  .transform((s) => s.trim())
  .optional()
  .transform((s) => (s === undefined || s === '' ? undefined : s));

const port = z
  .string()
  .trim()
  .regex(/^\d+$/, 'must be a whole number between 0 and 65535')
  .transform(Number)
  .refine((n) => n >= 0 && n <= 65535, 'must be a whole number between 0 and 65535');

const EnvSchema = z
  .object({
    PORT: port.optional().default(3978),
    HOST: optionalString,
    MicrosoftAppId: optionalString,
    MicrosoftAppPassword: optionalString,
    MicrosoftAppTenantId: optionalString,
    MicrosoftAppType: z
      .enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], {
        error: 'must be MultiTenant, SingleTenant or UserAssignedMSI',
      })
      .optional(),
    WAYMARK_WORKBOOK: optionalString.transform((s) => s ?? 'examples/reading.xlsx'),
    WAYMARK_FRAMEWORK: optionalString.transform((s) => s ?? 'reading'),
    /** The workbook's sheet config (column mappings, header row, thresholds), as for `npm run rate --config`. */
    WAYMARK_SHEET_CONFIG: optionalString,
    WAYMARK_OFFICERS: optionalString.transform((s) =>
      (s ?? '')
        .split(',')
        .map((x) => x.trim().toLowerCase())
        .filter((x) => x !== ''),
    ),
    WAYMARK_TEAM_ID: optionalString,
    WAYMARK_DATA_DIR: optionalString.transform((s) => s ?? '.data'),
    DATABASE_URL: optionalString.refine(
      (s) => s === undefined || /^postgres(ql)?:\/\//.test(s),
      'must be a postgres:// or postgresql:// URL',
    ),
    // Reminders (issue 4): cron in Europe/London; the tick also skips non-working days.
    WAYMARK_SCHEDULE: optionalString
      .transform((s) => s ?? '*/15 8-17 * * 1-5')
      .refine((s) => cron.validate(s), 'must be a cron expression, e.g. "*/15 8-17 * * 1-5"'),
    WAYMARK_SEND_RATE: optionalString
      .transform((s) => (s === undefined ? 30 : Number(s)))
      .refine((n) => Number.isInteger(n) && n >= 1 && n <= 1000, 'must be a whole number of sends per second (1–1000)'),
    WAYMARK_MAIL_FROM: optionalString,
    WAYMARK_GRAPH_URL: optionalString
      .transform((s) => s ?? 'https://graph.microsoft.com')
      .refine((s) => /^https?:\/\/[^/\s]+/.test(s), 'must be an http(s) URL'),
    WAYMARK_TERMS: optionalString,
    /** How often a SharePoint/OneDrive workbook's eTag is checked (issue 12). */
    WAYMARK_WORKBOOK_POLL_SECONDS: optionalString
      .transform((s) => (s === undefined ? 60 : Number(s)))
      .refine((n) => Number.isInteger(n) && n >= 5 && n <= 86_400, 'must be a whole number of seconds (5–86400)'),
    /** The shared mailbox (or group) whose Outlook calendar meetings are imported from (issue 12); off when unset. */
    WAYMARK_CALENDAR: optionalString.refine(
      (s) => s === undefined || /^[^@\s/]+@[^@\s/]+\.[^@\s/]+$/.test(s),
      'must be the e-mail address of the mailbox or Microsoft 365 group whose calendar holds the meetings',
    ),
    WAYMARK_CALENDAR_POLL_SECONDS: optionalString
      .transform((s) => (s === undefined ? 300 : Number(s)))
      .refine((n) => Number.isInteger(n) && n >= 30 && n <= 86_400, 'must be a whole number of seconds (30–86400)'),
  })
  .superRefine((env, ctx) => {
    const type = env.MicrosoftAppType ?? DEFAULT_APP_TYPE;
    if (env.MicrosoftAppPassword && !env.MicrosoftAppId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppId'], message: 'is required when MicrosoftAppPassword is set' });
    }
    if (env.MicrosoftAppId && type !== 'UserAssignedMSI' && !env.MicrosoftAppPassword) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: `is required when MicrosoftAppId is set (MicrosoftAppType ${type})` });
    }
    // Activities are accepted from this tenant only (officers, heads and channels all live there).
    if (env.MicrosoftAppId && !env.MicrosoftAppTenantId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: 'is required when MicrosoftAppId is set: Waymark accepts activities from that tenant only' });
    }
    // Graph (e-mail, a SharePoint workbook) needs the app's client secret or its managed identity.
    const graphReady = !!env.MicrosoftAppId && (type === 'UserAssignedMSI' || (!!env.MicrosoftAppPassword && !!env.MicrosoftAppTenantId));
    if (env.WAYMARK_MAIL_FROM && !graphReady) {
      ctx.addIssue({
        code: 'custom',
        path: ['WAYMARK_MAIL_FROM'],
        message: 'needs MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId, or a UserAssignedMSI (Graph sendMail with the app registration)',
      });
    }
    if (env.WAYMARK_CALENDAR && !graphReady) {
      ctx.addIssue({
        code: 'custom',
        path: ['WAYMARK_CALENDAR'],
        message: 'needs MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId, or a UserAssignedMSI, to read the calendar through Microsoft Graph',
      });
    }
    const location = parseWorkbookLocation(env.WAYMARK_WORKBOOK);
    if ('error' in location) {
      ctx.addIssue({ code: 'custom', path: ['WAYMARK_WORKBOOK'], message: location.error });
    } else if (location.kind !== 'file' && !graphReady) {
      ctx.addIssue({
        code: 'custom',
        path: ['WAYMARK_WORKBOOK'],
        message: 'a SharePoint or OneDrive workbook needs MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId, or a UserAssignedMSI, to read it through Microsoft Graph',
      });
    }
    if (!env.MicrosoftAppId && env.MicrosoftAppType === 'UserAssignedMSI') {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppId'], message: 'is required for MicrosoftAppType UserAssignedMSI' });
    }
  });

export type AppType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';

/**
 * An unset MicrosoftAppType. Azure creates only single-tenant and managed-identity bots now, so
 * unset means SingleTenant (MicrosoftAppTenantId is required with credentials anyway);
 * MultiTenant is used only when set, for a bot registered as multi-tenant before.
 */
export const DEFAULT_APP_TYPE: AppType = 'SingleTenant';

/** Said once at start-up (bot/start.ts): settings that work but are probably not meant. */
export function configWarnings(config: BotConfig): string[] {
  const warnings: string[] = [];
  if (config.microsoftApp.type === 'MultiTenant') {
    warnings.push(
      'MicrosoftAppType is MultiTenant: Azure no longer creates multi-tenant bots, so a bot registered now is SingleTenant (the default when unset) or UserAssignedMSI; keep MultiTenant only for a bot registered as multi-tenant before',
    );
  }
  return warnings;
}

export interface BotConfig {
  readonly port: number;
  /** Interface to listen on. Ignored in local mode, which always uses 127.0.0.1. */
  readonly host: string | undefined;
  /** `local`: no app id, so no token is checked; the server must stay on loopback. */
  readonly mode: 'local' | 'authenticated';
  readonly microsoftApp: {
    readonly id: string | undefined;
    readonly password: string | undefined;
    readonly tenantId: string | undefined;
    readonly type: AppType;
  };
  readonly workbook: string;
  /** Where the workbook is: a local file, a SharePoint/OneDrive link or a drive item (issue 12). */
  readonly workbookLocation: WorkbookLocation;
  /** Seconds between eTag checks of a SharePoint/OneDrive workbook (WAYMARK_WORKBOOK_POLL_SECONDS). */
  readonly workbookPollSeconds: number;
  /** WAYMARK_FRAMEWORK, or "reading" when unset (start-up then detects it from the workbook). */
  readonly framework: string;
  /** Whether WAYMARK_FRAMEWORK was set: if not, start-up detects the framework from the workbook. */
  readonly frameworkNamed: boolean;
  /** Path of the sheet config JSON (WAYMARK_SHEET_CONFIG): mappings, header row, thresholds. */
  readonly sheetConfig: string | undefined;
  /** Lower-cased Entra object ids of officers, or UPNs (each bound to the first object id of the configured tenant using it). */
  readonly officers: readonly string[];
  readonly teamId: string | undefined;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  /** Reminders: schedule, pacing, e-mail and the LA's term dates. */
  readonly reminders: ReminderConfig;
  /** The calendar import (WAYMARK_CALENDAR); `mailbox` undefined: off. */
  readonly calendar: CalendarConfig;
}

export interface CalendarConfig {
  /** E-mail address of the mailbox or group whose Outlook calendar is imported. */
  readonly mailbox: string | undefined;
  /** Seconds between imports (WAYMARK_CALENDAR_POLL_SECONDS). */
  readonly pollSeconds: number;
}

export interface ReminderConfig {
  /** Cron expression, Europe/London (WAYMARK_SCHEDULE). */
  readonly schedule: string;
  /** Sends per second overall (WAYMARK_SEND_RATE). */
  readonly sendRate: number;
  /** Mailbox e-mail is sent from; e-mail is off without it (WAYMARK_MAIL_FROM). */
  readonly mailFrom: string | undefined;
  /** Microsoft Graph base URL (WAYMARK_GRAPH_URL). */
  readonly graphUrl: string;
  /** Term-dates JSON for the calendar (WAYMARK_TERMS). */
  readonly termsFile: string | undefined;
}

export type ConfigResult = { ok: true; config: BotConfig } | { ok: false; errors: string[] };

/** Parses configuration from an environment-like record. Pure: no I/O, no process.env. */
export function loadConfig(env: Record<string, string | undefined>): ConfigResult {
  const picked: Record<string, string | undefined> = {};
  for (const key of Object.keys(EnvSchema.shape)) {
    const value = env[key];
    // An empty or blank variable means "unset", as in most shells' `VAR= cmd`.
    picked[key] = value === undefined || value.trim() === '' ? undefined : value;
  }
  const parsed = EnvSchema.safeParse(picked);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => `${String(i.path[0] ?? 'environment')} ${i.message}`);
    return { ok: false, errors };
  }
  const e = parsed.data;
  return {
    ok: true,
    config: Object.freeze({
      port: e.PORT,
      host: e.HOST,
      mode: e.MicrosoftAppId ? 'authenticated' : 'local',
      microsoftApp: Object.freeze({
        id: e.MicrosoftAppId,
        password: e.MicrosoftAppPassword,
        tenantId: e.MicrosoftAppTenantId,
        type: e.MicrosoftAppType ?? DEFAULT_APP_TYPE,
      }),
      workbook: e.WAYMARK_WORKBOOK,
      workbookLocation: parseWorkbookLocation(e.WAYMARK_WORKBOOK) as WorkbookLocation,
      workbookPollSeconds: e.WAYMARK_WORKBOOK_POLL_SECONDS,
      framework: e.WAYMARK_FRAMEWORK,
      frameworkNamed: picked.WAYMARK_FRAMEWORK !== undefined,
      sheetConfig: e.WAYMARK_SHEET_CONFIG,
      officers: Object.freeze([...e.WAYMARK_OFFICERS]),
      teamId: e.WAYMARK_TEAM_ID,
      dataDir: e.WAYMARK_DATA_DIR,
      databaseUrl: e.DATABASE_URL,
      reminders: Object.freeze({
        schedule: e.WAYMARK_SCHEDULE,
        sendRate: e.WAYMARK_SEND_RATE,
        mailFrom: e.WAYMARK_MAIL_FROM,
        graphUrl: e.WAYMARK_GRAPH_URL,
        termsFile: e.WAYMARK_TERMS,
      }),
      calendar: Object.freeze({ mailbox: e.WAYMARK_CALENDAR, pollSeconds: e.WAYMARK_CALENDAR_POLL_SECONDS }),
    }),
  };
}

/** Like {@link loadConfig} but throws one readable error listing every bad variable. */
export function loadConfigOrThrow(env: Record<string, string | undefined>): BotConfig {
  const result = loadConfig(env);
  if (!result.ok) {
    throw new Error(`Invalid configuration:\n  ${result.errors.join('\n  ')}`);
  }
  return result.config;
}

/** Every environment variable the bot reads (for the deployment checks in test/infra). */
export const CONFIG_VARIABLES: readonly string[] = Object.freeze(Object.keys(EnvSchema.shape));
