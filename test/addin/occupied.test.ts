import { describe, expect, it } from 'vitest';
import { rateSheet, type ExcelContext } from '../../addin/excel/index.js';
import { createFakeExcel, type CellValue, type FakeExcel, type FakeWorkbookInput } from '../fakes/excel.js';

const today = '2026-11-24';
const rate = async (fake: FakeExcel) => {
  const r = await fake.run((ctx) => rateSheet(ctx as unknown as ExcelContext, { today }));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const cell = (fake: FakeExcel, r: number, c: number): CellValue | undefined => fake.snapshot().Schools?.cells[r]?.[c];

const schools: CellValue[][] = [
  ['School', 'URN', 'Attendance', 'Safeguarding', 'Ofsted'],
  ['Oakfield Primary School', 101234, 96, 'Effective', 2],
  ['Brookside Academy', 101236, 89, 'Ineffective', 3],
];

describe('the add-in never writes over a formula whose result is blank (finding 5)', () => {
  it('reads formulas with the values, in the same single read', async () => {
    const input: FakeWorkbookInput = {
      sheets: [{ name: 'Schools', cells: schools, formulas: { 'F2:F3': { formula: '=IF(C2>95,"","check")' } } }],
    };
    const fake = createFakeExcel(input);
    const r = await rate(fake);
    expect(fake.stats.syncs).toBe(2);
    expect(r.plan.output).toEqual({ suggestedCol: 6, whyCol: 7, reused: false });
    expect(fake.snapshot().Schools?.formulas).toEqual({ F2: '=IF(C2>95,"","check")', F3: '=IF(C2>95,"","check")' });
    expect(cell(fake, 0, 6)).toBe('Suggested category');
  });

  it('a cell holding spaces is kept', async () => {
    const grid = schools.map((row) => [...row]);
    grid[1]![5] = '  ';
    const fake = createFakeExcel({ sheets: [{ name: 'Schools', cells: grid }] });
    const r = await rate(fake);
    expect(r.plan.output.suggestedCol).toBe(6);
    expect(cell(fake, 1, 5)).toBe('  ');
  });
});

describe('a team column headed "Suggested category" stays theirs in the add-in (finding 6)', () => {
  it('goes beside it on the first run and reuses only its own columns after', async () => {
    const grid = schools.map((row) => [...row]);
    grid[0]![5] = 'Suggested category';
    grid[1]![5] = 'R (SIA proposal, to panel)';
    const fake = createFakeExcel({ sheets: [{ name: 'Schools', cells: grid }] });
    const first = await rate(fake);
    expect(first.plan.output).toEqual({ suggestedCol: 6, whyCol: 7, reused: false });
    expect(cell(fake, 1, 5)).toBe('R (SIA proposal, to panel)');
    const second = await rate(fake);
    expect(second.plan.output).toEqual({ suggestedCol: 6, whyCol: 7, reused: true });
    expect(cell(fake, 1, 5)).toBe('R (SIA proposal, to panel)');
    expect(cell(fake, 0, 8)).toBeFalsy();
  });
});
