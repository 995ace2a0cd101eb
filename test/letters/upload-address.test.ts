// Where a consent upload may go (bot/teams/files.ts uploadAllowed): the upload address comes
// in the invoke's body, so only https SharePoint/OneDrive hosts take a letter's bytes, and this
// machine only in local mode (no credentials), where the tests' fake OneDrive listens.
import { describe, expect, it } from 'vitest';
import { uploadAllowed } from '../../bot/teams/files.js';

describe('consent upload addresses', () => {
  it.each([
    'https://contoso-my.sharepoint.com/personal/anna_contoso_com/_api/v2.0/drive/items/01ABC/uploadSession?guid=1&tempauth=x',
    'https://contoso.sharepoint.com/sites/team/_api/v2.0/uploadSession?tempauth=x',
    'https://CONTOSO-MY.SHAREPOINT.COM/personal/a/_api/v2.0/uploadSession',
    'https://msft-my.sharepoint-df.com/personal/a/_api/v2.0/uploadSession',
    'https://my.microsoftpersonalcontent.com/personal/abc/_api/v2.0/uploadSession',
  ])('allows %s', (url) => {
    expect(uploadAllowed(url, false)).toBe(true);
    expect(uploadAllowed(url, true)).toBe(true);
  });

  it.each([
    'http://contoso-my.sharepoint.com/personal/a/uploadSession',
    'https://sharepoint.com/upload',
    'https://contoso-my.sharepoint.com.evil.example/upload',
    'https://evilsharepoint.com/upload',
    'https://user:pw@contoso-my.sharepoint.com/upload',
    'https://intranet.example/upload',
    'https://169.254.169.254/latest/meta-data',
    'ftp://contoso-my.sharepoint.com/upload',
    'not a url',
  ])('refuses %s, in local mode too', (url) => {
    expect(uploadAllowed(url, false)).toBe(false);
    expect(uploadAllowed(url, true)).toBe(false);
  });

  it('allows this machine only in local mode', () => {
    for (const url of ['http://127.0.0.1:3978/upload/a', 'http://localhost:1/u', 'http://[::1]:9/u']) {
      expect(uploadAllowed(url, true)).toBe(true);
      expect(uploadAllowed(url, false)).toBe(false);
    }
    expect(uploadAllowed('http://127.0.0.2:80/internal-admin', true)).toBe(false);
  });
});
