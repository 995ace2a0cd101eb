// Issue 12: Azure no longer creates multi-tenant bots. An unset MicrosoftAppType is SingleTenant
// (tokens from the bot's own tenant), MultiTenant is used only when set, and then start-up warns.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { afterEach, describe, expect, it } from 'vitest';
import { configWarnings, loadConfigOrThrow } from '../../bot/config.js';
import { memoryLogger } from '../../bot/log.js';
import { startBot } from '../../bot/start.js';
import { authenticationOptions } from '../../bot/teams/server.js';
import { EXAMPLE } from './schools-fixture.js';

const CREDENTIALS = { MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw', MicrosoftAppTenantId: 't-1' };
const WARNING = 'MicrosoftAppType is MultiTenant: Azure no longer creates multi-tenant bots';

/** Where botbuilder would fetch the bot's outgoing tokens for this configuration. */
async function tokenAuthority(env: Record<string, string>): Promise<string> {
  const factory = new ConfigurationServiceClientCredentialFactory(authenticationOptions(loadConfigOrThrow(env)));
  const credentials = await factory.createCredentials('app', 'https://api.botframework.com', 'https://login.microsoftonline.com/botframework.com', true);
  return (credentials as unknown as { oAuthEndpoint: string }).oAuthEndpoint;
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('MicrosoftAppType', () => {
  it('is SingleTenant when unset, with or without credentials, and then nothing is said', () => {
    for (const env of [{}, CREDENTIALS]) {
      const config = loadConfigOrThrow(env);
      expect(config.microsoftApp.type).toBe('SingleTenant');
      expect(configWarnings(config)).toEqual([]);
    }
  });

  it('keeps MultiTenant only when set, with a warning; the other types are kept without one', () => {
    const multi = loadConfigOrThrow({ ...CREDENTIALS, MicrosoftAppType: 'MultiTenant' });
    expect(multi.microsoftApp.type).toBe('MultiTenant');
    expect(configWarnings(multi)).toEqual([expect.stringContaining(WARNING)]);
    expect(configWarnings(loadConfigOrThrow({ ...CREDENTIALS, MicrosoftAppType: 'SingleTenant' }))).toEqual([]);
    const msi = loadConfigOrThrow({ MicrosoftAppId: 'uami', MicrosoftAppTenantId: 't-1', MicrosoftAppType: 'UserAssignedMSI' });
    expect(msi.microsoftApp.type).toBe('UserAssignedMSI');
    expect(configWarnings(msi)).toEqual([]);
  });

  it('is what botbuilder is told: an unset type gets tokens from the bot’s own tenant, an explicit MultiTenant from botframework.com', async () => {
    expect(authenticationOptions(loadConfigOrThrow(CREDENTIALS))).toEqual({ ...CREDENTIALS, MicrosoftAppType: 'SingleTenant' });
    expect(await tokenAuthority(CREDENTIALS)).toBe('https://login.microsoftonline.com/t-1');
    expect(await tokenAuthority({ ...CREDENTIALS, MicrosoftAppType: 'MultiTenant' })).toBe('https://login.microsoftonline.com/botframework.com');
    expect(authenticationOptions(loadConfigOrThrow({ MicrosoftAppId: 'uami', MicrosoftAppTenantId: 't-1', MicrosoftAppType: 'UserAssignedMSI' }))).toMatchObject({
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppTenantId: 't-1',
    });
  });

  it('start-up warns about an explicit MultiTenant, once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'waymark-apptype-'));
    dirs.push(dataDir);
    const log = memoryLogger();
    const env = { ...CREDENTIALS, MicrosoftAppType: 'MultiTenant', HOST: '127.0.0.1', PORT: '0', WAYMARK_DATA_DIR: dataDir, WAYMARK_WORKBOOK: EXAMPLE, WAYMARK_FRAMEWORK: 'reading' };
    const bot = await startBot(env, log);
    try {
      expect(log.lines.filter((l) => l.includes(WARNING) && l.includes('"warn"'))).toHaveLength(1);
    } finally {
      await bot.close();
    }
  }, 120_000);
});
