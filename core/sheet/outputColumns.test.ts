import { describe, expect, it } from 'vitest';
import { tiny } from '../../test/fixtures/tiny-framework.js';
import type { CellValue } from '../indicators/types.js';
import { planMarks } from './marks.js';
import type { OutputRecord } from './outputColumns.js';
import { planSheet } from './planSheet.js';

const today = '2026-11-24';
const hash = (t: string) => `h:${t}`;
const record = (entries: Record<string, string>): OutputRecord => ({
  cells: new Map(Object.entries(entries).map(([a, t]) => [a, hash(t)])),
  hash,
});

function outputs(grid: CellValue[][], options: Partial<Parameters<typeof planSheet>[1]> = {}) {
  const plan = planSheet(grid, { framework: tiny, today, ...options });
  if (!plan.ok) throw new Error(plan.error.message);
  const marks = planMarks(plan.value, tiny, today);
  return { output: plan.value.output, addresses: marks.outputs.map((o) => o.address) };
}

describe('output columns never land on a cell that holds something (finding 5)', () => {
  it('a right-most column of helper formulas with no heading, whose result is "", is kept', () => {
    // Column E holds =IF(…,"",…) on every row: its values read "", exceljs and Office.js say it is a formula.
    const grid: CellValue[][] = [
      ['School', 'Attendance', 'PA', 'Safeguarding', ''],
      ['Oak', 95, 10, 'effective', ''],
      ['Elm', 89, 30, 'ineffective', ''],
    ];
    const formulaColumn = (_r: number, c: number) => c === 4;
    expect(outputs(grid).output.suggestedCol).toBe(4); // what happened before: E taken over
    const { output, addresses } = outputs(grid, { occupied: formulaColumn });
    expect(output).toEqual({ suggestedCol: 5, whyCol: 6, reused: false });
    expect(addresses.some((a) => a.startsWith('E'))).toBe(false);
  });

  it('a cell holding only spaces is the team\'s', () => {
    const grid: CellValue[][] = [
      ['School', 'Attendance', 'PA', 'Safeguarding', null],
      ['Oak', 95, 10, 'effective', '   '],
    ];
    expect(outputs(grid).output).toEqual({ suggestedCol: 5, whyCol: 6, reused: false });
  });

  it('empty rich text, reported occupied by the adapter, is the team\'s', () => {
    const grid: CellValue[][] = [
      ['School', 'Attendance', 'PA', 'Safeguarding', null, null],
      ['Oak', 95, 10, 'effective', null, ''],
    ];
    const { output } = outputs(grid, { occupied: (r, c) => r === 1 && c === 5 });
    expect(output).toEqual({ suggestedCol: 6, whyCol: 7, reused: false });
  });
});

describe('output columns are Waymark\'s only when its record says so (finding 6)', () => {
  const teams: CellValue[][] = [
    ['School', 'Attendance', 'PA', 'Safeguarding', 'Suggested category'],
    ['Oak', 95, 10, 'effective', 'R (SIA proposal, to panel)'],
  ];

  it('a column the team headed "Suggested category" is left alone; the outputs go beside it', () => {
    const { output, addresses } = outputs(teams);
    expect(output).toEqual({ suggestedCol: 5, whyCol: 6, reused: false });
    expect(addresses).toEqual(['F1', 'G1', 'F2', 'G2']);
  });

  it('the team\'s column stays theirs on the next run; Waymark\'s own columns beside it are reused', () => {
    const after: CellValue[][] = [
      [...teams[0]!, 'Suggested category', 'Why'],
      [...teams[1]!, 'G — Strengthening Good', 'G: all green'],
    ];
    const mine = record({ F1: 'Suggested category', G1: 'Why', F2: 'G — Strengthening Good', G2: 'G: all green' });
    expect(outputs(after, { outputRecord: mine }).output).toEqual({ suggestedCol: 5, whyCol: 6, reused: true });
    // A record of other cells (another sheet's, or a damaged one) proves nothing.
    expect(outputs(after, { outputRecord: record({ Z1: 'Suggested category' }) }).output).toEqual({ suggestedCol: 7, whyCol: 8, reused: false });
  });

  it('a heading whose text changed since Waymark wrote it is no longer Waymark\'s', () => {
    const grid: CellValue[][] = [
      ['School', 'Attendance', 'PA', 'Safeguarding', 'Suggested category', 'Why'],
      ['Oak', 95, 10, 'effective', 'x', 'G: all green'],
    ];
    const mine = record({ E1: 'Suggested category (old)', F1: 'Why', F2: 'G: all green' });
    // F1 still matches: Why is reused; the suggestion goes to the next free column.
    expect(outputs(grid, { outputRecord: mine }).output).toEqual({ suggestedCol: 6, whyCol: 5, reused: true });
  });

  it('follows its own headings when the team inserts a column to their left', () => {
    const grid: CellValue[][] = [
      ['School', 'New', 'Attendance', 'PA', 'Safeguarding', 'Suggested category', 'Why'],
      ['Oak', 1, 95, 10, 'effective', 'G — Strengthening Good', 'G: all green'],
    ];
    const mine = record({ E1: 'Suggested category', F1: 'Why', E2: 'G — Strengthening Good', F2: 'G: all green' });
    expect(outputs(grid, { outputRecord: mine }).output).toEqual({ suggestedCol: 5, whyCol: 6, reused: true });
  });
});

describe('a cell the team typed in Waymark\'s own column', () => {
  it('makes the column theirs: the outputs move beside it rather than write over it', () => {
    const grid: CellValue[][] = [
      ['School', 'Attendance', 'PA', 'Safeguarding', 'Suggested category', 'Why'],
      ['Oak', 95, 10, 'effective', 'G — Strengthening Good', 'Panel agreed R, 3 Oct'],
    ];
    const mine = record({ E1: 'Suggested category', F1: 'Why', E2: 'G — Strengthening Good', F2: 'G: all green' });
    expect(outputs(grid, { outputRecord: mine }).output).toEqual({ suggestedCol: 4, whyCol: 6, reused: true });
  });
});
