// A SharePoint/OneDrive workbook with no WAYMARK_FRAMEWORK: the framework is chosen from its
// first read, as a local file's is at start-up, and kept when later copies look otherwise.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerCategoryQuestion } from '../../bot/commands/category-query.js';
import { frameworkDetector } from '../../bot/directory/detect-framework.js';
import { graphClient } from '../../bot/graph/client.js';
import { memoryLogger } from '../../bot/log.js';
import { openRemoteDirectory, type RemoteWorkbookDirectory } from '../../workbook/source/drive-directory.js';
import { createDriveReader } from '../../workbook/source/drive.js';
import { startFakeDrive, type FakeDrive } from '../fakes/graph-drive.js';
import { EXAMPLE, reading } from './schools-fixture.js';

const LINK = 'https://la.sharepoint.com/:x:/s/SchoolImprovement/EZ1c9hQe3kBNv2Sx?e=AbC123';
const SOUTHWARK = join(EXAMPLE, '..', 'southwark.xlsx');
const credential = { getToken: async () => ({ token: 'graph-token', expiresOnTimestamp: Date.now() + 3_600_000 }) };

let drive: FakeDrive;
const opened: RemoteWorkbookDirectory[] = [];
beforeEach(async () => {
  drive = await startFakeDrive();
});
afterEach(async () => {
  for (const d of opened.splice(0)) await d.close();
  await drive.close();
});

function serve(file: string): void {
  drive.add({ driveId: 'b!site-drive', itemId: '01WORKBOOK', name: 'Categorisation 2026-27.xlsx', bytes: readFileSync(file), links: [LINK] });
}

/** The directory as start-up opens it when WAYMARK_FRAMEWORK is unset: Reading only as the fallback. */
async function open() {
  const log = memoryLogger();
  const dir = await openRemoteDirectory({
    location: { kind: 'share', url: LINK },
    reader: createDriveReader(graphClient({ baseUrl: drive.url, credential })),
    framework: reading(),
    detectFramework: frameworkDetector({}, {}),
    log,
    pollMs: 0,
    retry: { sleep: async () => undefined, random: () => 0 },
  });
  opened.push(dir);
  return { dir, log };
}

const officerAnswer = (dir: RemoteWorkbookDirectory, q: string) =>
  answerCategoryQuestion(q, dir.current(), { role: 'officer', headOf: [], conversation: 'personal', teamOnly: true }).reply.text;
const codes = (dir: RemoteWorkbookDirectory) => new Set(dir.current().schools.flatMap((s) => (s.category ? [s.category.category.code] : [])));
const logText = (log: ReturnType<typeof memoryLogger>) => log.lines.join('\n');

describe('framework of a SharePoint workbook, without WAYMARK_FRAMEWORK', () => {
  it('a Southwark workbook is rated in Southwark’s categories, and the log says which framework and why', async () => {
    serve(SOUTHWARK);
    const { dir, log } = await open();
    expect(dir.framework().id).toBe('southwark');
    const seen = codes(dir);
    expect(seen.size).toBeGreaterThan(1);
    expect([...seen].every((c) => ['A', 'B', 'C', 'D'].includes(c))).toBe(true);
    const school = dir.current().schools.find((s) => s.category?.source === 'officer');
    if (!school?.category) throw new Error('the Southwark example has no officer category');
    const answer = officerAnswer(dir, school.urn ?? school.name);
    expect(answer).toContain(`${school.category.category.code} — ${school.category.category.label}`);
    expect(answer).not.toContain('another framework');
    const detected = log.lines.find((l) => l.includes('framework detected from the workbook'));
    expect(detected).toContain('"framework":"southwark"');
    expect(detected).toMatch(/"reason":".*officer's column/);
    expect(logText(log)).not.toContain('framework not detected');
  });

  it('keeps the first framework when a later copy looks like another, and warns officers and the log', async () => {
    serve(SOUTHWARK);
    const { dir, log } = await open();
    drive.update('01WORKBOOK', readFileSync(EXAMPLE));
    await dir.check();
    expect(drive.count('content')).toBe(2);
    expect(dir.framework().id).toBe('southwark');
    expect(dir.current().warning).toMatch(/now looks written in the Reading .*keep rating it in the Southwark .*WAYMARK_FRAMEWORK to reading/);
    const school = dir.current().schools[0];
    if (!school) throw new Error('no schools');
    expect(officerAnswer(dir, school.urn ?? school.name)).toContain('I keep rating it in the Southwark');
    expect(logText(log)).toMatch(/another framework; keeping the first.*"framework":"southwark".*"detected":"reading"/);
    // Back to a Southwark copy: the warning goes.
    drive.update('01WORKBOOK', readFileSync(SOUTHWARK));
    await dir.check();
    expect(dir.current().warning).toBeUndefined();
    expect(dir.framework().id).toBe('southwark');
  });

  it('a first read that fails falls back to Reading, says so once, and warns when the workbook later shows another framework', async () => {
    serve(SOUTHWARK);
    drive.forbid('01WORKBOOK');
    const { dir, log } = await open();
    expect(dir.current().schools).toHaveLength(0);
    expect(dir.framework().id).toBe('reading');
    expect(log.lines.filter((l) => l.includes('framework not detected: using Reading'))).toHaveLength(1);
    drive.forbid('01WORKBOOK', false);
    drive.update('01WORKBOOK', readFileSync(SOUTHWARK));
    await dir.check();
    expect(dir.framework().id).toBe('reading');
    expect(dir.current().warning).toContain('set WAYMARK_FRAMEWORK to southwark');
  });
});
