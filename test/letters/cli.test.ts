/** `npm run letter` on the Cambridgeshire example workbook: the draft .docx and the suggestions. */
import { mkdtempSync, readFileSync, statSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { runLetter } from '../../cli/letter/run.js';

const dir = mkdtempSync(join(tmpdir(), 'waymark-letter-'));
const workbook = join(dir, 'cambridgeshire.xlsx');
copyFileSync('examples/cambridgeshire.xlsx', workbook);
const base = { input: workbook, framework: 'cambridgeshire', today: '2027-01-11' };

describe('npm run letter', () => {
  it('writes the significant concerns draft for a school, with the reasons from its row, and leaves the workbook alone', async () => {
    const before = readFileSync(workbook);
    const r = await runLetter({ ...base, school: '110157', kind: 'significant-concerns', authority: 'Cambridgeshire County Council' });
    if (!r.ok) throw new Error(r.error);
    if (r.value.kind !== 'written') throw new Error('expected a letter');
    expect(r.value.school).toBe('Victoria Primary');
    expect(r.value.out).toBe(join(dir, 'victoria-primary-significant-concerns-2027-01-11.docx'));
    const zip = await JSZip.loadAsync(readFileSync(r.value.out));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Victoria Primary');
    expect(xml).toContain('Safeguarding Concerns: Safeguarding: red (red)');
    expect(xml).toContain('Management of the Schools Finances');
    expect(readFileSync(workbook).equals(before)).toBe(true);
    expect(statSync(r.value.out).size).toBeGreaterThan(3000);
  });

  it('lists the letters suggested when no kind is given', async () => {
    const r = await runLetter({ ...base, school: 'Victoria Primary' });
    if (!r.ok || r.value.kind !== 'suggestions') throw new Error('expected suggestions');
    expect(r.value.suggestions.map((s) => s.kind)).toEqual(['significant-concerns', 'warning-notice']);
  });

  it('says why not, in words: no trigger, an unknown school, a Reading letter for Cambridgeshire', async () => {
    expect(await runLetter({ ...base, school: 'Highgate Primary Academy', kind: 'warning-notice' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^no reason for a warning notice to Highgate Primary Academy/),
    });
    expect(await runLetter({ ...base, school: 'Nowhere Academy', kind: 'congratulations' })).toMatchObject({ ok: false, error: expect.stringContaining('no school "Nowhere Academy"') });
    expect(await runLetter({ ...base, school: '110157', kind: 'category-change' })).toMatchObject({
      ok: false,
      error: 'the cambridgeshire framework has no category-change letter; its letters are: congratulations, significant-concerns, warning-notice',
    });
  });
});
