/**
 * Values for the Teams app package and the XML add-in manifest, from environment variables
 * and/or a JSON file with the same keys. Environment wins over the file; an empty variable
 * counts as unset. A bad value is reported as one line naming the variable.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** Fixed development ids, so a fresh checkout packages without any configuration. */
export const DEV_APP_ID = '3f6c2a9e-5b71-4d0e-9c3a-7e51d2b8a640';
export const DEV_BOT_ID = '8a1d4e7c-2f3b-4c69-b0d5-61e9f4a2c3b7';
export const DEFAULT_HOST_URL = 'https://localhost:3000';

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

const guid = z.string().regex(GUID, { message: 'must be a GUID like 00000000-0000-0000-0000-000000000000' });

const httpsUrl = z.string().superRefine((value, ctx) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be an https URL like https://waymark.example.org' });
    return;
  }
  if (url.protocol !== 'https:') ctx.addIssue({ code: 'custom', message: 'must use https://' });
  else if (url.search || url.hash || url.username || url.password) {
    ctx.addIssue({ code: 'custom', message: 'must not contain a query, fragment or credentials' });
  }
});

const text = (max: number) =>
  z
    .string()
    .min(1, { message: 'must not be empty' })
    .max(max, { message: `must be at most ${max} characters` });

export const configSchema = z
  .object({
    WAYMARK_APP_ID: guid.default(DEV_APP_ID),
    MicrosoftAppId: guid.default(DEV_BOT_ID),
    WAYMARK_HOST_URL: httpsUrl.default(DEFAULT_HOST_URL),
    WAYMARK_VERSION: z
      .string()
      .regex(SEMVER, { message: 'must be a version like 1.2.3 (major.minor.patch)' })
      .optional(),
    WAYMARK_SHORT_NAME: text(30).default('Waymark'),
    WAYMARK_FULL_NAME: text(100).default('Waymark: school categorisation'),
    WAYMARK_DEVELOPER_NAME: text(32).default('Waymark'),
  })
  .strict();

export const CONFIG_KEYS = Object.keys(configSchema.shape) as (keyof z.input<typeof configSchema>)[];

export interface ManifestConfig {
  /** Teams app id (also the add-in's Id). */
  appId: string;
  /** Azure Bot / Entra app id of the bot. */
  botId: string;
  /** https origin (and optional path) that serves the add-in, without a trailing slash. */
  hostUrl: string;
  /** host[:port] of hostUrl, for validDomains and AppDomains. */
  hostDomain: string;
  version: string;
  shortName: string;
  fullName: string;
  developerName: string;
  /** Variables that fell back to their defaults. */
  defaulted: string[];
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export interface LoadConfigOptions {
  env?: Record<string, string | undefined>;
  /** JSON file with the same keys as the variables. */
  file?: string;
  /** Version to use when WAYMARK_VERSION is unset (e.g. package.json's). */
  defaultVersion?: string;
}

/** Reads and validates configuration; throws ConfigError with one line per bad variable. */
export function loadConfig(options: LoadConfigOptions = {}): ManifestConfig {
  const env = options.env ?? process.env;
  const raw: Record<string, unknown> = {};
  const file = options.file ?? (env.WAYMARK_MANIFEST_CONFIG || undefined);
  if (file) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new ConfigError(`WAYMARK_MANIFEST_CONFIG: cannot read ${file} as JSON (${(e as Error).message.split('\n')[0]})`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new ConfigError(`WAYMARK_MANIFEST_CONFIG: ${file} must hold a JSON object`);
    }
    Object.assign(raw, parsed);
  }
  for (const k of CONFIG_KEYS) {
    const v = env[k];
    if (v !== undefined && v !== '') raw[k] = v;
  }
  for (const [k, v] of Object.entries(raw)) if (v === '') delete raw[k];

  const result = configSchema.safeParse(raw);
  if (!result.success) {
    const lines = new Map<string, string>();
    for (const issue of result.error.issues) {
      const name = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : String(issue.path[0] ?? 'config');
      const got = issue.code === 'unrecognized_keys' ? '' : describe(raw[name]);
      const message = issue.code === 'unrecognized_keys' ? 'unknown setting' : issue.code === 'invalid_type' ? 'must be a string' : issue.message;
      if (!lines.has(name)) lines.set(name, `${name}: ${message}${got}`);
    }
    throw new ConfigError([...lines.values()].join('\n'));
  }
  const c = result.data;
  const version = c.WAYMARK_VERSION ?? options.defaultVersion ?? '0.1.0';
  if (!SEMVER.test(version)) throw new ConfigError(`WAYMARK_VERSION: must be a version like 1.2.3 (default ${JSON.stringify(version)} is not)`);
  const url = new URL(c.WAYMARK_HOST_URL);
  const hostUrl = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  return {
    appId: c.WAYMARK_APP_ID.toLowerCase(),
    botId: c.MicrosoftAppId.toLowerCase(),
    hostUrl,
    hostDomain: url.host,
    version,
    shortName: c.WAYMARK_SHORT_NAME,
    fullName: c.WAYMARK_FULL_NAME,
    developerName: c.WAYMARK_DEVELOPER_NAME,
    defaulted: CONFIG_KEYS.filter((k) => raw[k] === undefined),
  };
}

function describe(value: unknown): string {
  if (value === undefined) return '';
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  return ` (got ${JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s)})`;
}
