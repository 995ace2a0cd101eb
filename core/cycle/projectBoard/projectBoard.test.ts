import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KEY_NOTE, PROJECT_BOARD_TEMPLATE, academicYear, actualColumnFor, projectBoardReport, type ProjectBoardFacts } from './index.js';

const seedsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/seeds');
const squash = (text: string): string => text.replace(/[\u2018\u2019]/g, "'").replace(/[*➤]/g, '').replace(/\s+/g, ' ').toLowerCase();

const facts: ProjectBoardFacts = {
  frameworkId: 'camden',
  school: { name: 'Kentish Town Primary', urn: '100001', phase: 'primary', head: 'Jo Shaw', officer: 'A. Patel' },
  category: { code: 'improvement-project-board', label: 'Improvement (intensive) Project Board' },
  ofsted: { grade: '3 (Requires improvement)' },
  meeting: { day: '2027-03-10', name: 'Project board: subsequent meeting' },
};

describe("Camden's project board report template", () => {
  const file = path.join(seedsDir, '000_559edbe761410156.txt');
  it.skipIf(!existsSync(file))('quotes the seed word for word: the key, the headings, the process', () => {
    // The template is a converted table: cells are tab-separated, some in <i> tags.
    const seed = squash(readFileSync(file, 'utf8').replace(/<[^>]+>/g, ' '));
    const t = PROJECT_BOARD_TEMPLATE;
    const quotes = [
      ...t.key.progress.map((k) => `${k.level} ${k.quote}`),
      ...t.key.risk.map((k) => `${k.level} ${k.quote}`),
      t.key.progressHeading,
      t.key.riskHeading,
      `${t.progress.heading} ${t.progress.options.join(' ')}`,
      `${t.risk.heading} ${t.risk.options.join(' ')}`,
      t.aimBlock.join(' '),
      t.responsibilityNote,
      ...t.process,
      'Appendix F Template for Project Board Reports',
      'Present: ???? (Chair), ???? (CP), ???? (Headteacher), ???? (CoG)',
      'Level of additional support:',
      'Targeted Intensive',
      'There will be no more than 4 key priorities.',
      'Actual Dec Actual Mar Actual Jul',
    ];
    for (const q of quotes) expect(seed.includes(squash(q)), q).toBe(true);
    // The seed has "see key below" but no section called key: said plainly, not invented.
    expect(seed).toContain('(see key below)');
    expect(seed).not.toMatch(/\bkey:|^key$/m);
    expect(KEY_NOTE).toContain('The seed titles nothing "key"');
  });

  it('fills what Waymark knows and leaves the board’s decisions blank', () => {
    const r = projectBoardReport(facts, { today: '2027-01-05' });
    if (!r.ok) throw new Error(r.error);
    const v = r.value;
    expect(v.schoolLine).toBe('Kentish Town Primary (Primary), URN 100001');
    expect(v.date).toBe('2027-03-10');
    expect(v.academicYear).toBe('2026-27');
    expect(v.level.chosen).toBe('Intensive');
    expect(v.thisBoardColumn).toBe('Actual March');
    expect(v.present.map((p) => [p.label, p.value ?? p.blank])).toEqual([
      ['Chair', '????'],
      ['CP', 'A. Patel'],
      ['Headteacher', 'Jo Shaw'],
      ['CoG', '????'],
    ]);
    expect(v.ofsted.map((f) => f.value ?? f.blank)).toEqual(['dd-mmm-yy', '3 (Requires improvement)']);
    expect(v.toFill).toEqual(expect.arrayContaining(['Present: Chair', 'Present: CoG', 'Timescale for Support: Start', 'Ofsted: Date', 'Overall progress since previous PB: Good / Satisfactory / Unsatisfactory']));
    expect(v.key.progress.map((k) => k.level)).toEqual(['Good', 'Satisfactory', 'Unsatisfactory']);
  });

  it('refuses another framework and a school with no project board', () => {
    expect(projectBoardReport({ ...facts, frameworkId: 'reading' }, { today: '2027-01-05' })).toMatchObject({ ok: false, error: expect.stringContaining("the template is Camden's") });
    expect(projectBoardReport({ ...facts, category: { code: 'universal', label: 'Universal offer' } }, { today: '2027-01-05' })).toMatchObject({
      ok: false,
      error: expect.stringContaining('Kentish Town Primary has no project board: it is in "Universal offer"'),
    });
    const specific = projectBoardReport({ ...facts, category: { code: 'specific-project-board', label: 'Specific Project Board' } }, { today: '2027-01-05' });
    expect(specific.ok && specific.value.level).toEqual({ options: ['Targeted', 'Intensive'], note: expect.stringContaining('choose one, or neither') });
  });

  it('academic years and the column each board fills', () => {
    expect(academicYear('2026-09-01')).toBe('2026-27');
    expect(academicYear('2027-08-31')).toBe('2026-27');
    expect(academicYear('2099-09-01')).toBe('2099-00');
    expect(['2026-11-20', '2027-01-15', '2027-05-06'].map(actualColumnFor)).toEqual(['Actual December', 'Actual March', 'Actual July']);
  });
});
