import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { rateWorkbook } from '../../cli/rate/run.js';

const today = '2026-11-24';
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'waymark-occupied-'));
});

const load = async (file: string) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.getWorksheet('Schools')!;
};

describe('npm run rate never writes over a cell that holds something (finding 5)', () => {
  it('keeps a right-most helper column of formulas whose result is "" or absent, spaces and empty rich text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Schools');
    ws.getRow(1).values = ['School', 'URN', 'Attendance', 'Safeguarding', 'Ofsted'];
    ws.getRow(2).values = ['Oakfield Primary School', 101234, 96, 'Effective', 2];
    ws.getRow(3).values = ['Brookside Academy', 101236, 89, 'Ineffective', 3];
    ws.getRow(4).values = ['Hill School', 101237, 93, 'Effective', 2];
    // F: helper formulas with no heading; a cached "" on row 2, none at all (as scripts write) on row 3.
    ws.getCell('F2').value = { formula: 'IF(C2>95,"","check")', result: '' } as ExcelJS.CellFormulaValue;
    ws.getCell('F3').value = { formula: 'IF(C3>95,"","check")' } as ExcelJS.CellFormulaValue;
    // G: a space; H: empty rich text.
    ws.getCell('G2').value = ' ';
    ws.getCell('H4').value = { richText: [{ text: '' }] };
    const input = path.join(dir, 'helpers.xlsx');
    await wb.xlsx.writeFile(input);

    const out = path.join(dir, 'helpers.rated.xlsx');
    const result = await rateWorkbook({ input, out, today });
    expect(result.ok && result.value.plan?.output).toEqual({ suggestedCol: 8, whyCol: 9, reused: false });
    const after = await load(out);
    expect(after.getCell('F2').formula).toBe('IF(C2>95,"","check")');
    expect(after.getCell('F3').formula).toBe('IF(C3>95,"","check")');
    expect(after.getCell('G2').value).toBe(' ');
    expect(after.getCell('I1').value).toBe('Suggested category');
    expect(after.getCell('J1').value).toBe('Why');
    expect(after.getCell('F1').value).toBeNull();
  });
});

describe('a column the team typed under "Suggested category" stays theirs (finding 6)', () => {
  it('is left alone on the first run and the next; Waymark reuses only its own columns', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Schools');
    ws.getRow(1).values = ['School', 'URN', 'Attendance', 'Safeguarding', 'Ofsted', 'Suggested category'];
    ws.getRow(2).values = ['Oakfield Primary School', 101234, 96, 'Effective', 1, 'R (SIA proposal, to panel)'];
    ws.getRow(3).values = ['Brookside Academy', 101236, 89, 'Ineffective', 3, null];
    const input = path.join(dir, 'team-column.xlsx');
    await wb.xlsx.writeFile(input);

    const once = path.join(dir, 'team-column.rated.xlsx');
    const first = await rateWorkbook({ input, out: once, today });
    expect(first.ok && first.value.plan?.output).toEqual({ suggestedCol: 6, whyCol: 7, reused: false });
    let after = await load(once);
    expect(after.getCell('F2').value).toBe('R (SIA proposal, to panel)');
    expect(after.getCell('F3').value).toBeNull();
    expect(after.getCell('G1').value).toBe('Suggested category');
    expect(String(after.getCell('G2').value)).toMatch(/^S — System Leaders|^G — /);

    const twice = path.join(dir, 'team-column.twice.xlsx');
    const second = await rateWorkbook({ input: once, out: twice, today });
    expect(second.ok && second.value.plan?.output).toEqual({ suggestedCol: 6, whyCol: 7, reused: true });
    after = await load(twice);
    expect(after.getCell('F2').value).toBe('R (SIA proposal, to panel)');
    expect(after.getCell('I1').value).toBeNull();
  });
});
