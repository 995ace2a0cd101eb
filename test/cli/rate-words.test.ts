import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeOutcome } from '../../cli/rate/describe.js';
import { rateWorkbook } from '../../cli/rate/run.js';

const run = promisify(execFile);
const today = '2026-11-24';
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'waymark-words-'));
  for (const la of ['southwark', 'camden']) await copyFile(`examples/${la}.xlsx`, path.join(dir, `${la}.xlsx`));
});

describe('what npm run rate says', () => {
  it('with no --framework, rates a Southwark sheet as Southwark and says why, with the data date from the title', async () => {
    const report = path.join(dir, 'southwark.json');
    const r = await rateWorkbook({ input: path.join(dir, 'southwark.xlsx'), out: path.join(dir, 'sw.rated.xlsx'), report, today });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.framework?.id).toBe('southwark');
    const text = describeOutcome(r.value);
    expect(text).toMatch(/^Rated 36 schools on "Categorisation" with Southwark .*: A At least good, no concerns: \d+ · B Support and monitoring: \d+/);
    expect(text).toMatch(/Framework: Southwark .*, chosen from the sheet because the officer's column AA 'LA category' holds .*: all \d+ are Southwark/);
    expect(text).toContain("Data as at 1 November 2026, from the sheet's title");
    expect(text).toContain("Officer's category: AA 'LA category'");
    const json = JSON.parse(await readFile(report, 'utf8'));
    expect(json.framework).toMatchObject({ id: 'southwark', chosen: 'detected' });
    expect(json.dataDate).toMatchObject({ date: '2026-11-01', source: 'title' });
    // Every column of the sheet is in the report, with what it was read as.
    expect(json.columns.all.map((c: { column: string }) => c.column)).toEqual(
      Array.from({ length: 27 }, (_, i) => (i < 26 ? String.fromCharCode(65 + i) : 'AA')),
    );
  });

  it('shows category labels, not ids, and warns when the officer\'s column is in another framework', async () => {
    const right = await rateWorkbook({ input: path.join(dir, 'camden.xlsx'), out: path.join(dir, 'c1.rated.xlsx'), framework: 'camden', today });
    if (!right.ok) throw new Error(right.error);
    const text = describeOutcome(right.value);
    expect(text).toMatch(/Specific Project Board: \d+/);
    expect(text).not.toMatch(/specific-project-board \d/);
    expect(text).not.toMatch(/Warning/);

    const wrong = await rateWorkbook({ input: path.join(dir, 'camden.xlsx'), out: path.join(dir, 'c2.rated.xlsx'), framework: 'reading', today });
    if (!wrong.ok) throw new Error(wrong.error);
    expect(describeOutcome(wrong.value)).toMatch(
      /Warning: the officer's column AC 'LA category' has values that are not Reading School Improvement Framework categories: "specific-project-board" \(\d+ rows\)/,
    );
  });

  it('says "1 school" and "1 cell", not "1 schools"', async () => {
    const file = path.join(dir, 'one.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Schools');
    ws.addRow(['School', 'URN', 'Attendance %', 'Safeguarding', 'Ofsted']);
    ws.addRow(['Oakfield Primary School', 101234, '95%', 'Effective', 'Good']);
    await wb.xlsx.writeFile(file);
    const r = await rateWorkbook({ input: file, out: path.join(dir, 'one.rated.xlsx'), framework: 'reading', today });
    if (!r.ok) throw new Error(r.error);
    const text = describeOutcome(r.value);
    expect(text).toMatch(/^Rated 1 school on "Schools"/);
    expect(text).toMatch(/Data as at \d{1,2} [A-Z][a-z]+ \d{4}, from the date the file was saved/);

    // Two readable values of three: the column is used, and the one cell is reported.
    ws.getCell('C2').value = 'ninety';
    ws.addRow(['Brookside Academy', 101236, '91%', 'Effective', 'Good']);
    ws.addRow(['Hill Primary', 101237, '96%', 'Effective', 'Good']);
    await wb.xlsx.writeFile(file);
    const three = await rateWorkbook({ input: file, out: path.join(dir, 'one.rated.xlsx'), framework: 'reading', today });
    if (!three.ok) throw new Error(three.error);
    expect(describeOutcome(three.value)).toMatch(/\n1 cell could not be read: C2 "ninety"/);
  });

  it('takes --today as 31/12/2026, refuses a date that does not exist, and explains every option', async () => {
    const cli = async (...args: string[]) => {
      try {
        const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'cli/rate.ts', ...args]);
        return { code: 0, stdout, stderr };
      } catch (e) {
        const err = e as { code: number; stdout: string; stderr: string };
        return { code: err.code, stdout: err.stdout, stderr: err.stderr };
      }
    };
    const bad = await cli(path.join(dir, 'southwark.xlsx'), '--today', '31/02/2026');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--today takes a date such as 31/12/2026 or 2026-12-31, not "31/02/2026"');
    const good = await cli(path.join(dir, 'southwark.xlsx'), '--today', '31/12/2026', '--out', path.join(dir, 'today.rated.xlsx'));
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/^Rated 36 schools/);
    const help = await cli('--help');
    for (const option of ['--framework', '--sheet', '--out', '--report', '--config', '--clear', '--allow-loss', '--today', '--help']) {
      expect(help.stdout).toContain(option);
    }
  }, 90_000);
});
