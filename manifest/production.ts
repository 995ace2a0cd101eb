/**
 * What stops a Teams app package from being one an LA can upload: the development ids a fresh
 * checkout packages with, and a localhost (or other loopback) address for the task pane.
 * `npm run package` refuses such a package unless `--dev`; `npm run manifest:validate` never
 * calls one valid unless `--dev`.
 */
import { DEV_APP_ID, DEV_BOT_ID, type ManifestConfig } from './config.js';

const WHERE = 'set it in env/.env.dev (Agents Toolkit), in your shell, or in the --config JSON file';

function loopback(host: string): boolean {
  const h = host.toLowerCase().replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || h === '0.0.0.0' || /^127\./.test(h);
}

/** One line per value still at its development placeholder, naming it and where to set it. */
export function placeholderProblems(values: { appId: string; botId: string; hostDomains: readonly string[] }): string[] {
  const problems: string[] = [];
  if (values.appId.toLowerCase() === DEV_APP_ID) {
    problems.push(`WAYMARK_APP_ID: still the development placeholder ${DEV_APP_ID}; use the Teams app id (a new GUID, or TEAMS_APP_ID from Agents Toolkit provision): ${WHERE}`);
  }
  if (values.botId.toLowerCase() === DEV_BOT_ID) {
    problems.push(`MicrosoftAppId: still the development placeholder ${DEV_BOT_ID}; use the Azure Bot's app id (BOT_ID after provision): ${WHERE}`);
  }
  for (const host of new Set(values.hostDomains)) {
    if (loopback(host)) problems.push(`WAYMARK_HOST_URL: ${host} is this machine, not an address Teams or Excel can reach; use the https address the bot's App Service serves the add-in from: ${WHERE}`);
  }
  return problems;
}

export function configPlaceholders(config: ManifestConfig): string[] {
  return placeholderProblems({ appId: config.appId, botId: config.botId, hostDomains: [config.hostDomain] });
}

/** The same check on a built manifest.json (its id, bot ids, valid domains). */
export function manifestPlaceholders(manifest: unknown): string[] {
  const m = (manifest ?? {}) as { id?: unknown; bots?: { botId?: unknown }[]; validDomains?: unknown[] };
  const botIds = (m.bots ?? []).map((b) => String(b.botId ?? ''));
  return placeholderProblems({
    appId: String(m.id ?? ''),
    botId: botIds.find((id) => id.toLowerCase() === DEV_BOT_ID) ?? botIds[0] ?? '',
    hostDomains: (m.validDomains ?? []).map(String),
  });
}
