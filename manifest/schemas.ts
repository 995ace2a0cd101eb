/** The Teams app manifest JSON schemas shipped in @microsoft/app-manifest (offline). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The manifest version Waymark writes: the newest shipped when this was written (≥ 1.19). */
export const MANIFEST_VERSION = '1.30';

export const schemaUrl = (version: string) =>
  `https://developer.microsoft.com/en-us/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`;

export function schemaRoot(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@microsoft/app-manifest')), 'json-schemas', 'teams');
}

/** Shipped numbered versions ("1.19", "1.30", ...), ascending. */
export function shippedVersions(): string[] {
  return readdirSync(schemaRoot())
    .filter((d) => /^v1\.\d+$/.test(d) && existsSync(join(schemaRoot(), d, 'MicrosoftTeams.schema.json')))
    .map((d) => d.slice(1))
    .sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]));
}

export function loadSchema(version: string): Record<string, unknown> | undefined {
  const file = join(schemaRoot(), `v${version}`, 'MicrosoftTeams.schema.json');
  if (!/^1\.\d+$/.test(version) || !existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as Record<string, unknown>;
}
