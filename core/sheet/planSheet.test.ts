import { describe, expect, it } from 'vitest';
import { tiny } from '../../test/fixtures/tiny-framework.js';
import type { CellValue } from '../indicators/types.js';
import { planSheet } from './planSheet.js';

const today = '2026-11-24';

const grid: CellValue[][] = [
  ['Tiny LA categorisation 2025/26', null, null, null, null, null, null],
  [null, null, null, null, null, null, null],
  ['School name', 'URN', 'Phase', 'Attendance % 2024/25', 'PA (%)', 'Safeguarding', 'LA Category', 'Notes'],
  ['Primary schools', null, null, null, null, null, null],
  ["St Mary's CE Primary", 100001, 'Primary', '94.2%', 12, 'Effective', 'A', 'fine'],
  ['Oakfield Primary', 100002, 'Primary', 0.891, '24.0%', 'Ineffective', 'Cat B', null],
  [null, null, null, null, null, null, null],
  ['Hill High School', 100003, 'Secondary', '91.5', '#N/A', 'n/a', null, null],
  ['Brook Academy', 100004, 'Secondary', 'ninety', 18, 'effective', 'Z', null],
  ['Total', null, null, '92%', null, null, null, null],
];

describe('planSheet', () => {
  const result = planSheet(grid, { framework: tiny, today });
  if (!result.ok) throw new Error(result.error.message);
  const plan = result.value;

  it('finds the header row below a title and a blank row', () => {
    expect(plan.headerRow).toBe(2);
  });

  it('maps headings with years, units and case to indicators, and identity columns to roles', () => {
    expect(plan.columns.indicators.map((c) => [c.letter, c.indicatorId])).toEqual([
      ['D', 'attendance'],
      ['E', 'persistent-absence'],
      ['F', 'safeguarding'],
    ]);
    expect(plan.columns.roles.school?.letter).toBe('A');
    expect(plan.columns.roles.urn?.letter).toBe('B');
    expect(plan.columns.roles['officer-category']?.letter).toBe('G');
    // Notes are the team's own: read past on purpose, and said so.
    expect(plan.columns.unmapped).toEqual([]);
    expect(plan.columns.accounts.find((a) => a.header === 'Notes')).toMatchObject({ letter: 'H', status: 'ignored' });
  });

  it('skips section and total rows and keeps every school', () => {
    expect(plan.rows.map((r) => r.school)).toEqual(["St Mary's CE Primary", 'Oakfield Primary', 'Hill High School', 'Brook Academy']);
    expect(plan.skipped).toEqual([
      { row: 3, sheetRow: 4, reason: 'section' },
      { row: 9, sheetRow: 10, reason: 'total' },
    ]);
  });

  it('rates each indicator cell, with its address', () => {
    const oak = plan.rows[1]!;
    expect(oak.cells.map((c) => [c.address, c.rag, c.display])).toEqual([
      ['D6', 'R', '89.1%'],
      ['E6', 'R', '24%'],
      ['F6', 'R', 'ineffective'],
    ]);
  });

  it('suggests a category with the reasons, and keeps the officer category beside it', () => {
    const oak = plan.rows[1]!;
    expect(oak.suggestion.status === 'category' && oak.suggestion.category.code).toBe('C');
    expect(oak.suggestion.rationale).toBe(
      'C: safeguarding ineffective: "Safeguarding is ineffective"; safeguarding ineffective (red, critical); attendance 89.1% (red); persistent absence 24% (red)',
    );
    expect(oak.officerCategory).toMatchObject({ raw: 'Cat B', category: { code: 'B' } });
  });

  it('uses the phase band for secondary attendance', () => {
    expect(plan.rows[2]!.cells[0]!.rag).toBe('G');
  });

  it('treats #N/A and n/a as no data, and gives too-thin rows insufficient data', () => {
    const hill = plan.rows[2]!;
    expect(hill.cells.map((c) => c.reading.status)).toEqual(['value', 'no-data', 'no-data']);
    expect(hill.suggestion.status).toBe('insufficient-data');
  });

  it('reports unreadable cells with address and reason, and an unknown officer category raw', () => {
    expect(plan.unreadable).toHaveLength(1);
    expect(plan.unreadable[0]).toMatchObject({ address: 'D9', school: 'Brook Academy', raw: 'ninety' });
    expect(plan.rows[3]!.officerCategory).toEqual({ raw: 'Z' });
  });

  it('places the output columns after the last used column', () => {
    expect(plan.output).toEqual({ suggestedCol: 8, whyCol: 9, reused: false });
  });

  it('summarises suggestions per category and disagreements', () => {
    expect(plan.summary.byCategory.map((c) => c.count)).toEqual([1, 0, 1]);
    expect(plan.summary.insufficientData).toBe(2);
    expect(plan.summary.disagreements).toBe(1);
  });
});

describe('planSheet on awkward sheets', () => {
  it('reuses its own output columns on a second run, when its record says they are its own', () => {
    const again: CellValue[][] = [
      ['School', 'Attendance', 'Suggested category', 'Why'],
      ['A school', 95, 'A — Good', 'A: all green'],
    ];
    const hash = (t: string) => `#${t}`;
    const cells = new Map([['C1', hash('Suggested category')], ['D1', hash('Why')], ['C2', hash('A — Good')], ['D2', hash('A: all green')]]);
    const r = planSheet(again, { framework: tiny, today, outputRecord: { cells, hash } });
    expect(r.ok && r.value.output).toEqual({ suggestedCol: 2, whyCol: 3, reused: true });
  });

  it('computes addresses from the origin when the data does not start at A1', () => {
    const r = planSheet(
      [
        ['School', 'Attendance', 'PA', 'Safeguarding'],
        ['A school', 95, 10, 'effective'],
      ],
      { framework: tiny, today, origin: { row: 4, col: 2 } },
    );
    expect(r.ok && r.value.rows[0]!.cells.map((c) => c.address)).toEqual(['D6', 'E6', 'F6']);
  });

  it('follows the workbook mapping for a heading it does not know', () => {
    const r = planSheet(
      [
        ['School', 'Att.', 'Safeguarding', 'Misc'],
        ['A school', 95, 'effective', 'x'],
      ],
      { framework: tiny, today, columns: { 'Att.': 'attendance', D: 'ignore' } },
    );
    expect(r.ok && r.value.columns.indicators.map((c) => [c.indicatorId, c.matchedBy])).toEqual([
      ['attendance', 'mapping'],
      ['safeguarding', 'alias'],
    ]);
    expect(r.ok && r.value.columns.ignored.map((c) => c.letter)).toEqual(['D']);
  });

  it('rejects a mapping to an unknown indicator with a clear message', () => {
    const r = planSheet([['School', 'X'], ['A', 1]], { framework: tiny, today, columns: { X: 'attendence' } });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toMatch(/"attendence", which is not an indicator of Tiny LA/);
  });

  it('says so when no header row can be found', () => {
    const r = planSheet([['Just a note'], ['another']], { framework: tiny, today });
    expect(!r.ok && r.error.code).toBe('no-header-row');
  });

  it('says so for an empty sheet', () => {
    const r = planSheet([[null, ''], []], { framework: tiny, today });
    expect(!r.ok && r.error.code).toBe('empty-sheet');
  });

  it('flags duplicate schools but rates both rows', () => {
    const r = planSheet(
      [
        ['School', 'URN', 'Attendance'],
        ['Oakfield', 1, 95],
        ['Oakfield', 1, 90],
        ['Oakfield', 2, 90],
      ],
      { framework: tiny, today },
    );
    expect(r.ok && r.value.rows).toHaveLength(3);
    expect(r.ok && r.value.duplicates).toEqual([{ school: 'Oakfield', sheetRows: [2, 3] }]);
  });

  it('does not change the grid it was given', () => {
    const g: CellValue[][] = [['School', 'Attendance'], ['A', '95%']];
    const copy = structuredClone(g);
    planSheet(g, { framework: tiny, today });
    expect(g).toEqual(copy);
  });
});
