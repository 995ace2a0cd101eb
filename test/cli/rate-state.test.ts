import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { getFramework } from '../../core/frameworks/index.js';
import { rateWorkbook } from '../../cli/rate/run.js';
import { STATE_SHEET } from '../../workbook/apply.js';
import { syntheticWorkbook } from '../../examples/lib/synthetic.js';

const today = '2026-11-24';
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'waymark-state-'));
});

const load = async (file: string) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
};
const argbAt = (ws: ExcelJS.Worksheet, address: string) => {
  const fill = ws.getCell(address).fill;
  return fill && fill.type === 'pattern' ? fill.fgColor?.argb : undefined;
};

async function small(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Schools');
  ws.getRow(1).values = ['School', 'URN', 'Attendance', 'Safeguarding', 'Ofsted', 'LA category', 'Mean'];
  ws.getRow(2).values = ['Oakfield Primary School', 101234, 96, 'Effective', 2, 'G', 1];
  ws.getRow(3).values = ['Brookside Academy', 101236, 89, 'Ineffective', 3, 'R', 2];
  await wb.xlsx.writeFile(file);
}

describe('the restore record of npm run rate', () => {
  it('never clears a cell the team typed, after they insert a column between runs', async () => {
    const input = path.join(dir, 'small.xlsx');
    await small(input);
    const rated = path.join(dir, 'small.rated.xlsx');
    expect((await rateWorkbook({ input, out: rated, today })).ok).toBe(true);
    const wb = await load(rated);
    const ws = wb.getWorksheet('Schools')!;
    expect(ws.getCell('H1').value).toBe('Suggested category');
    // The team inserts a column at B: every column from B on moves one to the right.
    ws.spliceColumns(2, 0, ['Phase', 'Primary', 'Secondary']);
    const edited = path.join(dir, 'small.edited.xlsx');
    await wb.xlsx.writeFile(edited);

    const again = path.join(dir, 'small.again.xlsx');
    const result = await rateWorkbook({ input: edited, out: again, today });
    expect(result.ok && result.value.plan?.output).toEqual({ suggestedCol: 8, whyCol: 9, reused: true });
    const after = (await load(again)).getWorksheet('Schools')!;
    // H used to be Waymark's "Suggested category"; it now holds the team's own column "Mean".
    expect([after.getCell('H1').value, after.getCell('H2').value, after.getCell('H3').value]).toEqual(['Mean', 1, 2]);
    expect(after.getCell('G2').value).toBe('G');
    expect(after.getCell('I1').value).toBe('Suggested category');
  });

  it('keeps the record of a large sheet across cells and restores every earlier fill', async () => {
    const fw = getFramework('reading');
    if (!fw.ok) throw new Error(fw.error);
    const wb = syntheticWorkbook({ framework: fw.value, schools: 400, seed: 3, la: 'Big' });
    const ws = wb.getWorksheet('Categorisation')!;
    // The team's own fill on an indicator cell, to be restored after Clear.
    const col = ws.getRow(4).values as unknown[];
    const attendanceCol = col.findIndex((v) => typeof v === 'string' && /^(overall )?attendance/i.test(v));
    expect(attendanceCol).toBeGreaterThan(0);
    const target = ws.getCell(6, attendanceCol);
    target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    const input = path.join(dir, 'big.xlsx');
    await wb.xlsx.writeFile(input);

    const rated = path.join(dir, 'big.rated.xlsx');
    expect((await rateWorkbook({ input, out: rated, today })).ok).toBe(true);
    const state = (await load(rated)).getWorksheet(STATE_SHEET)!;
    expect(state.state).toBe('veryHidden');
    expect(state.rowCount).toBeGreaterThan(1); // more than one cell's worth
    for (let r = 1; r <= state.rowCount; r++) expect(String(state.getCell(r, 1).value).length).toBeLessThanOrEqual(32_767);

    const cleared = path.join(dir, 'big.cleared.xlsx');
    const result = await rateWorkbook({ input: rated, out: cleared, clear: true, today });
    expect(result.ok && result.value.warnings).toEqual([]);
    const back = (await load(cleared)).getWorksheet('Categorisation')!;
    expect(argbAt(back, target.address)).toBe('FFDDEBF7');
    expect(argbAt(back, ws.getCell(7, attendanceCol).address)).toBeUndefined();
  }, 60_000); // two saves of a 400-school workbook, each checked part by part against its original

  it('says so when the record is damaged, and keeps the Good/Neutral/Bad fills it cannot tell from the team’s own RAG', async () => {
    const input = path.join(dir, 'small2.xlsx');
    await small(input);
    const rated = path.join(dir, 'small2.rated.xlsx');
    await rateWorkbook({ input, out: rated, today });
    const wb = await load(rated);
    wb.getWorksheet(STATE_SHEET)!.getCell('A1').value = '{"version":2,"sheets":{"Schools":{"fil';
    const damaged = path.join(dir, 'small2.damaged.xlsx');
    await wb.xlsx.writeFile(damaged);

    const again = path.join(dir, 'small2.again.xlsx');
    const result = await rateWorkbook({ input: damaged, out: again, today });
    expect(result.ok && result.value.warnings).toEqual([
      expect.stringMatching(/"Waymark state" sheet was damaged/),
      expect.stringMatching(/Good\/Neutral\/Bad colours already on \d+ rated cells \(.*C3.*\) were kept as the team's own/),
    ]);
    const cleared = path.join(dir, 'small2.cleared.xlsx');
    await rateWorkbook({ input: again, out: cleared, clear: true, today });
    const back = (await load(cleared)).getWorksheet('Schools')!;
    // It may be Waymark's red from the lost run, or a team's "Bad" style: never lose the latter.
    expect(argbAt(back, 'C3')).toBe('FFFFC7CE');
  });
});
