import { describe, expect, it } from 'vitest';
import { loadConfig, loadConfigOrThrow } from '../../bot/config.js';

describe('loadConfig', () => {
  it('gives local-mode defaults for an empty environment', () => {
    const r = loadConfig({});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config).toMatchObject({
      port: 3978,
      mode: 'local',
      workbook: 'examples/reading.xlsx',
      framework: 'reading',
      officers: [],
      dataDir: '.data',
      microsoftApp: { type: 'SingleTenant' },
    });
    expect(r.config.databaseUrl).toBeUndefined();
    expect(r.config.host).toBeUndefined();
  });

  it('reads every variable', () => {
    const config = loadConfigOrThrow({
      PORT: '8080',
      HOST: '10.0.0.5',
      MicrosoftAppId: 'app-id',
      MicrosoftAppPassword: 'secret',
      MicrosoftAppTenantId: 'tenant',
      MicrosoftAppType: 'SingleTenant',
      WAYMARK_WORKBOOK: 'w.xlsx',
      WAYMARK_FRAMEWORK: 'maths',
      WAYMARK_OFFICERS: ' AAD-1 , jane@la.gov.uk,,',
      WAYMARK_TEAM_ID: 'team',
      WAYMARK_DATA_DIR: '/var/waymark',
      DATABASE_URL: 'postgres://db/waymark',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '10.0.0.5',
      mode: 'authenticated',
      microsoftApp: { id: 'app-id', password: 'secret', tenantId: 'tenant', type: 'SingleTenant' },
      workbook: 'w.xlsx',
      framework: 'maths',
      officers: ['aad-1', 'jane@la.gov.uk'],
      teamId: 'team',
      dataDir: '/var/waymark',
      databaseUrl: 'postgres://db/waymark',
    });
  });

  it('treats empty strings as unset', () => {
    const r = loadConfig({ PORT: '', MicrosoftAppId: '', WAYMARK_DATA_DIR: ' ' });
    expect(r.ok && r.config.port).toBe(3978);
    expect(r.ok && r.config.mode).toBe('local');
    expect(r.ok && r.config.dataDir).toBe('.data');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ MicrosoftAppType: 'Multi' }, 'MicrosoftAppType'],
    [{ DATABASE_URL: 'mysql://x/y' }, 'DATABASE_URL'],
    [{ MicrosoftAppPassword: 'p' }, 'MicrosoftAppId'],
    [{ MicrosoftAppId: 'a' }, 'MicrosoftAppPassword'],
    [{ MicrosoftAppId: 'a', MicrosoftAppPassword: 'p', MicrosoftAppType: 'SingleTenant' }, 'MicrosoftAppTenantId'],
    [{ MicrosoftAppType: 'UserAssignedMSI' }, 'MicrosoftAppId'],
    // Issue 8, finding 2: activities are accepted from the configured tenant only, so it must be named.
    [{ MicrosoftAppId: 'a', MicrosoftAppPassword: 'p' }, 'MicrosoftAppTenantId'],
    [{ MicrosoftAppId: 'a', MicrosoftAppPassword: 'p', MicrosoftAppType: 'MultiTenant' }, 'MicrosoftAppTenantId'],
  ])('rejects %o naming %s', (env, variable) => {
    const r = loadConfig(env);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.some((e) => e.startsWith(variable + ' '))).toBe(true);
    expect(() => loadConfigOrThrow(env)).toThrow(variable);
  });

  it('accepts a managed identity without a password', () => {
    const r = loadConfig({ MicrosoftAppId: 'a', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 't' });
    expect(r.ok && r.config.mode).toBe('authenticated');
  });

  it('never echoes a secret in its errors', () => {
    const r = loadConfig({ MicrosoftAppPassword: 'hunter2-secret', PORT: 'x' });
    expect(JSON.stringify(r)).not.toContain('hunter2');
  });

  it('ignores unrelated variables', () => {
    expect(loadConfig({ PATH: '/bin', HOME: '/root' }).ok).toBe(true);
  });

  it('reads the calendar import: off by default, a mailbox address with the Graph credentials, never without them', () => {
    expect(loadConfigOrThrow({}).calendar).toEqual({ mailbox: undefined, pollSeconds: 300 });
    const app = { MicrosoftAppId: 'a', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 't' };
    expect(loadConfigOrThrow({ ...app, WAYMARK_CALENDAR: 'si-team@la.gov.uk', WAYMARK_CALENDAR_POLL_SECONDS: '600' }).calendar).toEqual({
      mailbox: 'si-team@la.gov.uk',
      pollSeconds: 600,
    });
    const without = loadConfig({ WAYMARK_CALENDAR: 'si-team@la.gov.uk' });
    expect(!without.ok && without.errors.some((e) => e.startsWith('WAYMARK_CALENDAR needs MicrosoftAppId'))).toBe(true);
    const notAnAddress = loadConfig({ ...app, WAYMARK_CALENDAR: 'terms.json' });
    expect(!notAnAddress.ok && notAnAddress.errors.some((e) => e.startsWith('WAYMARK_CALENDAR must be the e-mail address'))).toBe(true);
    const tooOften = loadConfig({ ...app, WAYMARK_CALENDAR: 'si-team@la.gov.uk', WAYMARK_CALENDAR_POLL_SECONDS: '5' });
    expect(!tooOften.ok && tooOften.errors).toEqual(['WAYMARK_CALENDAR_POLL_SECONDS must be a whole number of seconds (30–86400)']);
  });
});
