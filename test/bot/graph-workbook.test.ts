// The workbook from SharePoint or OneDrive through the real Microsoft Graph client, against a
// loopback fake Graph: link resolution, content, eTag polling, throttling, refusals.
import { readFileSync, rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerCategoryQuestion } from '../../bot/commands/category-query.js';
import { loadConfig } from '../../bot/config.js';
import { openRemoteDirectory, type RemoteWorkbookDirectory } from '../../workbook/source/drive-directory.js';
import { graphClient } from '../../bot/graph/client.js';
import { createDriveReader } from '../../workbook/source/drive.js';
import { parseWorkbookLocation, shareId, type WorkbookLocation } from '../../workbook/source/location.js';
import { memoryLogger } from '../../bot/log.js';
import { startFakeDrive, type FakeDrive } from '../fakes/graph-drive.js';
import { EXAMPLE, exampleCopy, reading, setCategory } from './schools-fixture.js';

const LINK = 'https://la.sharepoint.com/:x:/s/SchoolImprovement/EZ1c9hQe3kBNv2Sx?e=AbC123';
const credential = { getToken: async () => ({ token: 'graph-token', expiresOnTimestamp: Date.now() + 3_600_000 }) };

let drive: FakeDrive;
const opened: RemoteWorkbookDirectory[] = [];
beforeEach(async () => {
  drive = await startFakeDrive();
  drive.add({ driveId: 'b!site-drive', itemId: '01WORKBOOK', name: 'Categorisation 2026-27.xlsx', bytes: readFileSync(EXAMPLE), links: [LINK] });
});
afterEach(async () => {
  for (const d of opened.splice(0)) await d.close();
  await drive.close();
});

interface OpenOptions {
  location?: Exclude<WorkbookLocation, { kind: 'file' }>;
  now?: () => Date;
}
async function open(options: OpenOptions = {}) {
  const log = memoryLogger();
  const sleeps: number[] = [];
  const reader = createDriveReader(graphClient({ baseUrl: drive.url, credential }));
  const dir = await openRemoteDirectory({
    location: options.location ?? { kind: 'share', url: LINK },
    reader,
    framework: reading(),
    log,
    pollMs: 0,
    ...(options.now && { now: options.now }),
    retry: { sleep: async (ms) => void sleeps.push(ms), random: () => 0 },
  });
  opened.push(dir);
  return { dir, log, sleeps };
}

const categoryOf = (dir: RemoteWorkbookDirectory, urn: string) => dir.current().schools.find((s) => s.urn === urn)?.category?.category.code;
const officerAnswer = (dir: RemoteWorkbookDirectory, q: string) =>
  answerCategoryQuestion(q, dir.current(), { role: 'officer', headOf: [], conversation: 'personal', teamOnly: true }).reply.text;

async function changedBytes(urn: string, code: string): Promise<Buffer> {
  const { dir, file } = exampleCopy();
  try {
    await setCategory(file, urn, code);
    return readFileSync(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** An OLE compound file with the stream names an encrypted .xlsx carries (UTF-16LE in its directory). */
function compoundFile(...streams: string[]): Buffer {
  const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
  return Buffer.concat([header, ...streams.map((s) => Buffer.from(`${s}\0`, 'utf16le'))]);
}

describe('workbook location', () => {
  it('reads links, drive items and paths, and encodes share ids as Graph documents', () => {
    expect(parseWorkbookLocation('drive:b!abc-_/01XYZ')).toEqual({ kind: 'drive', driveId: 'b!abc-_', itemId: '01XYZ' });
    expect(parseWorkbookLocation(LINK)).toEqual({ kind: 'share', url: LINK });
    expect(parseWorkbookLocation('examples/reading.xlsx')).toEqual({ kind: 'file', path: 'examples/reading.xlsx' });
    expect(parseWorkbookLocation('drive:only-one-part')).toHaveProperty('error');
    expect(parseWorkbookLocation('http://la.sharepoint.com/x.xlsx')).toEqual({ error: 'must be an https:// SharePoint or OneDrive link' });
    // Graph's documented example: https://onedrive.live.com/redir?resid=1231244193912!12&authKey=1201919!12921!1
    expect(shareId('https://onedrive.live.com/redir?resid=1231244193912!12&authKey=1201919!12921!1')).toBe(
      'u!aHR0cHM6Ly9vbmVkcml2ZS5saXZlLmNvbS9yZWRpcj9yZXNpZD0xMjMxMjQ0MTkzOTEyITEyJmF1dGhLZXk9MTIwMTkxOSExMjkyMSEx',
    );
  });

  it('config: a link needs Graph credentials (client secret or managed identity); a poll interval is checked', () => {
    const noCreds = loadConfig({ WAYMARK_WORKBOOK: LINK });
    expect(noCreds.ok).toBe(false);
    if (!noCreds.ok) expect(noCreds.errors.join('\n')).toMatch(/^WAYMARK_WORKBOOK a SharePoint or OneDrive workbook needs MicrosoftAppId/m);
    const msi = loadConfig({ WAYMARK_WORKBOOK: 'drive:b!d/01I', MicrosoftAppId: 'uami-client-id', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 't' });
    expect(msi.ok && msi.config.workbookLocation).toEqual({ kind: 'drive', driveId: 'b!d', itemId: '01I' });
    expect(msi.ok && msi.config.workbookPollSeconds).toBe(60);
    const bad = loadConfig({ WAYMARK_WORKBOOK_POLL_SECONDS: '1' });
    expect(bad.ok ? [] : bad.errors).toEqual(['WAYMARK_WORKBOOK_POLL_SECONDS must be a whole number of seconds (5–86400)']);
  });
});

describe('workbook from SharePoint through Microsoft Graph', () => {
  it('resolves the link once, reads the content through the download redirect with the app token, and loads it through the core', async () => {
    const { dir, log } = await open();
    expect(dir.current().schools).toHaveLength(36);
    expect(dir.current().error).toBeUndefined();
    expect(categoryOf(dir, '101234')).toBe('G');
    expect(dir.item()).toMatchObject({ driveId: 'b!site-drive', itemId: '01WORKBOOK' });
    expect(drive.requests.filter((r) => r.kind === 'share')).toEqual([
      { kind: 'share', path: `/v1.0/shares/${shareId(LINK)}/driveItem`, authorization: 'Bearer graph-token', status: 200 },
    ]);
    // The pre-authenticated download URL gets no bearer token.
    expect(drive.requests.find((r) => r.kind === 'download')).toMatchObject({ authorization: undefined, status: 200 });
    // The private copy the "Meetings" import reads is the file Graph served.
    expect(readFileSync(dir.file).equals(readFileSync(EXAMPLE))).toBe(true);
    expect(log.lines.join('\n')).toContain('"schools":36');
    expect(log.lines.join('\n')).not.toMatch(/Oakfield|example\.sch\.uk/);
  });

  it('reads a drive:<driveId>/<itemId> item without /shares', async () => {
    const { dir } = await open({ location: { kind: 'drive', driveId: 'b!site-drive', itemId: '01WORKBOOK' } });
    expect(dir.current().schools).toHaveLength(36);
    expect(drive.count('share')).toBe(0);
  });

  it('polls the eTag: reads nothing while it is unchanged, reads again when it changes', async () => {
    const { dir } = await open();
    await dir.check();
    await dir.check();
    expect(drive.count('content')).toBe(1);
    expect(drive.count('item')).toBe(2);
    drive.update('01WORKBOOK', await changedBytes('101234', 'C'));
    await dir.check();
    expect(drive.count('content')).toBe(2);
    expect(categoryOf(dir, '101234')).toBe('C');
    expect(drive.count('share')).toBe(1);
  });

  it('honours Retry-After on 429 and 503 with the reminders retry rules, then reads', async () => {
    drive.fail('content', 429, 1, '7');
    drive.fail('share', 503, 1, '2');
    const { dir, sleeps } = await open();
    expect(dir.current().schools).toHaveLength(36);
    expect(sleeps).toHaveLength(2);
    expect(sleeps[0]).toBeGreaterThanOrEqual(2_000);
    expect(sleeps[1]).toBeGreaterThanOrEqual(7_000);
  });

  it('a Retry-After beyond 60 s keeps the last good copy, says why, and waits that long before asking again', async () => {
    let clock = new Date('2026-11-30T10:00:00Z');
    const { dir, sleeps } = await open({ now: () => clock });
    drive.update('01WORKBOOK', await changedBytes('101234', 'C'));
    drive.fail('content', 429, 1, '300');
    await dir.check();
    expect(sleeps).toEqual([]);
    expect(categoryOf(dir, '101234')).toBe('G');
    expect(dir.current().error?.reason).toMatch(/^Microsoft Graph is busy \(429, activityLimitReached, asked to wait\)/);
    expect(officerAnswer(dir, '101234')).toMatch(/^The workbook could not be reloaded at 10:00: Microsoft Graph is busy .*; answers use the copy loaded at 10:00\./);
    const before = drive.requests.length;
    clock = new Date('2026-11-30T10:02:00Z');
    await dir.check();
    expect(drive.requests.length).toBe(before);
    clock = new Date('2026-11-30T10:05:01Z');
    await dir.check();
    expect(categoryOf(dir, '101234')).toBe('C');
    expect(dir.current().error).toBeUndefined();
  });

  it('403: keeps the last good copy and names the permission to grant', async () => {
    const { dir } = await open();
    drive.update('01WORKBOOK', await changedBytes('101234', 'C'));
    drive.forbid('01WORKBOOK');
    await dir.check();
    expect(dir.current().schools).toHaveLength(36);
    expect(categoryOf(dir, '101234')).toBe('G');
    expect(dir.current().error?.reason).toBe(
      'Waymark has no permission to read the workbook (403, accessDenied); grant its app Sites.Selected on the workbook\'s site, or Files.SelectedOperations.Selected on the file (README, "Deploy to your tenant")',
    );
  });

  it('404: a link that resolves to nothing leaves no schools and says how to fix it', async () => {
    drive.remove('01WORKBOOK');
    const { dir } = await open();
    expect(dir.current()).toMatchObject({ schools: [], loadedAt: undefined });
    expect(dir.current().error?.reason).toBe(
      'the workbook was not found in SharePoint or OneDrive (404, itemNotFound): it was moved or deleted, or the link no longer works; set WAYMARK_WORKBOOK to the file\'s current link',
    );
    expect(officerAnswer(dir, '101234')).toMatch(/^The workbook could not be loaded at \d\d:\d\d: the workbook was not found/);
  });

  it.each([
    ['a sensitivity label that encrypts', compoundFile('\u0006DataSpaces', 'DRMEncryptedDataSpace', 'EncryptedPackage'), /^the file is encrypted by a sensitivity label, which Waymark cannot open; give this workbook a label that does not encrypt/],
    ['a password', compoundFile('EncryptionInfo', 'EncryptedPackage'), /^the file is password-protected; remove the password/],
  ])('a file protected by %s keeps the last good copy and names the cause and the fix', async (_what, bytes, reason) => {
    const { dir } = await open();
    drive.update('01WORKBOOK', bytes);
    await dir.check();
    expect(dir.current().schools).toHaveLength(36);
    expect(dir.current().error?.reason).toMatch(reason);
    // The same version is not downloaded again at every check.
    await dir.check();
    expect(drive.count('content')).toBe(2);
  });

  it('refuses a file that is not an .xlsx without downloading it', async () => {
    drive.add({ driveId: 'b!site-drive', itemId: '01CSV', name: 'schools.csv', bytes: Buffer.from('a,b'), links: [] });
    const { dir } = await open({ location: { kind: 'drive', driveId: 'b!site-drive', itemId: '01CSV' } });
    expect(dir.current().error?.reason).toBe('the file is "schools.csv", not an .xlsx workbook; save it as an Excel Workbook (.xlsx) and point WAYMARK_WORKBOOK at that');
    expect(drive.count('content')).toBe(0);
  });
});
