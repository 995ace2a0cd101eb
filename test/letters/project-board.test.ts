// Camden's project board report: `npm run report` writes the .docx (parsed back with jszip: the
// school's name and the template's headings), the function the Teams file card will take
// returns { fileName, bytes, description }, and "project board report for X" answers with the
// template's fields as a card, for the school's next board when one is scheduled.
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runReport } from '../../cli/report/run.js';
import { loadWorkbook } from '../../workbook/source/file.js';
import { OFFICERS_ONLY } from '../../bot/meetings/command-kit.js';
import type { SchoolRecord } from '../../core/schools/types.js';
import { schoolProjectBoardFile } from '../../letters/project-board.js';
import { framework, harness, type Harness } from '../meetings-bot/fakes.js';

const dir = mkdtempSync(join(tmpdir(), 'waymark-report-'));
const workbook = join(dir, 'camden.xlsx');
copyFileSync('examples/camden.xlsx', workbook);

const documentXml = async (bytes: Buffer) => (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
/** The document's words, runs joined (Word splits text into runs). */
const words = (xml: string) => xml.replace(/<w:tab\/>/g, ' ').replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '').replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');

let camdenSchools: readonly SchoolRecord[];
beforeAll(async () => {
  const r = await loadWorkbook('examples/camden.xlsx', { framework: framework('camden'), now: new Date('2026-11-24T10:00:00Z') });
  if (!r.ok) throw new Error(r.error);
  camdenSchools = r.value.schools;
});

describe('npm run report', () => {
  it('writes the project board report of a school as a .docx that opens, with the template’s headings, and leaves the workbook alone', { timeout: 60_000 }, async () => {
    const before = readFileSync(workbook);
    const r = await runReport({ input: workbook, school: 'Queensway Junior School', today: '2027-03-10' });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.out).toBe(join(dir, 'queensway-junior-school-project-board-report-2027-03-10.docx'));
    const xml = await documentXml(readFileSync(r.value.out));
    for (const heading of ['Queensway Junior School', 'Progress', 'Risk', 'December', 'March', 'July']) expect(xml).toContain(heading);
    const text = words(xml);
    expect(text).toContain('Project Board Report: Queensway Junior School');
    expect(text).toContain('Present: ???? (Chair), B. Okafor (CP), Helen Khan (Headteacher), ???? (CoG)');
    expect(text).toContain('☐ Targeted\n☒ Intensive');
    expect(text).toContain('Ofsted grade: requires improvement (3)');
    expect(text).toContain('End of Year (EoY) Aims 2026-27');
    expect(text).toContain('Actual March (this board)');
    expect(text).toContain('Overall progress since previous PB');
    expect(text).toContain('Satisfactory\nActions have noticeably accelerated progress, resulting in measurable improvements in most priorities.');
    expect(text).toContain('High\nThere is a significant risk that the end of year outcomes will not be met.');
    expect(text).toContain('The seed titles nothing "key"');
    expect(readFileSync(workbook).equals(before)).toBe(true);
  });

  it('says why not: a school with no project board, another framework, an unknown school', { timeout: 60_000 }, async () => {
    expect(await runReport({ input: workbook, school: 'Beacon Primary', today: '2027-03-10' })).toEqual({
      ok: false,
      error: 'Beacon Primary has no project board: it is in "Universal offer", and project boards are for Specific, Targeted and Improvement (intensive) Project Board schools',
    });
    const reading = join(dir, 'reading.xlsx');
    copyFileSync('examples/reading.xlsx', reading);
    expect(await runReport({ input: reading, school: '110085', framework: 'reading', today: '2027-03-10' })).toMatchObject({ ok: false, error: expect.stringContaining("the template is Camden's") });
    expect(await runReport({ input: workbook, school: 'Nowhere Academy', today: '2027-03-10' })).toMatchObject({ ok: false, error: expect.stringContaining('no school "Nowhere Academy"') });
  });
});

describe('the report file for Teams', () => {
  it('is { fileName, bytes, description }, the bytes a Word document', async () => {
    const school = camdenSchools.find((s) => s.urn === '110190')!; // Greenway Primary Academy, Targeted
    const f = await schoolProjectBoardFile(school, 'camden', { today: '2026-12-07', meeting: { day: '2026-12-09', name: 'Project board: subsequent meeting' } });
    if (!f.ok) throw new Error(f.error);
    expect(f.value.fileName).toBe('greenway-primary-academy-project-board-report-2026-12-09.docx');
    expect(f.value.description).toBe(
      "Project board report for Greenway Primary Academy (Project board: subsequent meeting, 9 December 2026): a draft from Camden's template for the CPP and the Chair to complete.",
    );
    const text = words(await documentXml(f.value.bytes));
    expect(text).toContain('☒ Targeted\n☐ Intensive');
    expect(text).toContain('Actual December (this board)');
  });
});

let h: Harness | undefined;
afterEach(async () => {
  await h?.cleanup();
  h = undefined;
});

describe('project board report in the chat', () => {
  it('answers with the template’s fields, the key and what is left to fill, for the next board', { timeout: 120_000 }, async () => {
    h = await harness({ framework: framework('camden'), schools: () => camdenSchools });
    h.at('2027-02-22T10:00:00Z');
    await h.say('schedule a subsequent project board for Queensway Junior School on 10 Mar 2027 at 10:00');
    const { command, reply } = await h.say('project board report for Queensway Junior School');
    expect(command).toBe('project-board-report');
    expect(reply.text).toContain('Project board report: Queensway Junior School (Primary), URN 110046');
    expect(reply.text).toContain('- Board: Project board: subsequent meeting, 2027-03-10');
    expect(reply.text).toContain('- Present: ???? (to fill) (Chair), B. Okafor (CP), Helen Khan (Headteacher), ???? (to fill) (CoG)');
    expect(reply.text).toContain('- Level of additional support: Intensive');
    expect(reply.text).toContain('this board fills "Actual March"');
    expect(reply.text).toContain('- Overall progress since previous PB: Good / Satisfactory / Unsatisfactory (to agree)');
    expect(reply.text).toContain('- Risk: Low: The school will meet or exceed end of year outcomes.');
    expect(reply.text).toContain('The seed gives no key for the "Actual" entries');
    expect(reply.text).toContain('npm run report -- <workbook.xlsx> --school 110046 --date 2027-03-10');
    expect(JSON.stringify(reply.card)).toContain('FactSet');
    // The Word document comes with it, for the officer alone (offered in their personal chat).
    expect(reply.file?.name).toBe('queensway-junior-school-project-board-report-2027-03-10.docx');
    const doc = await (await JSZip.loadAsync(reply.file!.bytes)).file('word/document.xml')!.async('string');
    expect(doc).toContain('Queensway Junior School');
    const audit = await h.store.audit.recent(1);
    expect(audit[0]).toMatchObject({ command: 'project-board-report', outcome: 'allowed', schoolUrn: '110046' });
  });

  it('says plainly when there is no report: another framework, a school with no board; refuses a non-officer in a group chat', { timeout: 120_000 }, async () => {
    h = await harness({ framework: framework('camden'), schools: () => camdenSchools });
    expect((await h.say('project board report for Beacon Primary')).reply.text).toBe(
      'Beacon Primary has no project board: it is in "Universal offer", and project boards are for Specific, Targeted and Improvement (intensive) Project Board schools.',
    );
    expect((await h.say('project board report for 110046', { role: 'guest', conversation: 'groupChat' })).reply).toEqual(OFFICERS_ONLY);
    await h.cleanup();
    h = await harness();
    expect((await h.say('project board report for 110085')).reply.text).toBe(
      "The project board report is Camden's template (Appendix F); this team's framework (Reading School Improvement Framework) has no project boards or report template.",
    );
  });
});
