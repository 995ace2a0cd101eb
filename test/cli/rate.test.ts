import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { rateWorkbook } from '../../cli/rate/run.js';

const run = promisify(execFile);
const today = '2026-11-24';
let dir: string;

const sha = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');

/** A small categorisation workbook with the things teams put in theirs. */
async function teamWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Categories 2025-26');
  ws.getCell('A1').value = 'Reading schools — categorisation 2025/26';
  ws.mergeCells('A1:F1');
  ws.getRow(3).values = ['School', 'URN', 'Attendance %', 'Safeguarding', 'Ofsted grade', 'Persistent absence', 'LA category', 'Mean'];
  ws.getRow(4).values = ['Oakfield Primary School', 101234, 0.962, 'Effective', 'Good', 0.12, 'G'];
  ws.getRow(5).values = ['Brookside Academy', 101236, '89.1%', 'Ineffective', 3, '24%', 'R'];
  ws.getRow(6).values = ['Hill Primary', 101237, 'n/a', { error: '#N/A' } as ExcelJS.CellErrorValue, 'excellent', null, null];
  ws.getCell('C4').numFmt = '0.0%';
  ws.getCell('F4').numFmt = '0%';
  ws.getCell('H4').value = { formula: 'AVERAGE(C4,F4)', result: 0.541 };
  // Two cells that share one style object: rating one must not recolour the other.
  const shared: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  ws.getCell('D4').fill = shared;
  ws.getCell('G4').style = ws.getCell('D4').style;
  ws.getCell('D4').note = 'Checked at visit, 3 Oct';
  ws.getCell('B5').font = { italic: true, color: { argb: 'FF0000FF' } };
  ws.addConditionalFormatting({
    ref: 'B4:B6',
    rules: [{ type: 'expression', priority: 1, formulae: ['B4>101235'], style: { font: { bold: true } } }],
  });
  const other = wb.addWorksheet('Visits');
  other.getRow(1).values = ['Date', 'School'];
  other.getRow(2).values = [new Date(Date.UTC(2026, 9, 3)), 'Oakfield Primary School'];
  await wb.xlsx.writeFile(file);
}

const argbAt = (ws: ExcelJS.Worksheet, address: string): string | undefined => {
  const fill = ws.getCell(address).fill;
  return fill && fill.type === 'pattern' ? fill.fgColor?.argb : undefined;
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'waymark-rate-'));
  await teamWorkbook(path.join(dir, 'team.xlsx'));
});

describe('npm run rate on a team workbook', () => {
  it('colours each indicator cell by its RAG and labels it in a note', async () => {
    const input = path.join(dir, 'team.xlsx');
    const out = path.join(dir, 'rated.xlsx');
    const result = await rateWorkbook({ input, out, framework: 'reading', today });
    expect(result.ok).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('Categories 2025-26')!;
    expect(argbAt(ws, 'C4')).toBe('FFC6EFCE'); // 96.2% attendance: green
    expect(argbAt(ws, 'C5')).toBe('FFFFC7CE'); // 89.1%: red
    expect(argbAt(ws, 'D5')).toBe('FFFFC7CE'); // ineffective safeguarding: red
    expect(argbAt(ws, 'E5')).toBe('FFFFEB9C'); // Ofsted 3: amber
    expect(String(ws.getCell('C5').note)).toMatch(/^Waymark: Red — Attendance 89.1%/);
    // The officer's own note is kept, not replaced by Waymark's label.
    expect(ws.getCell('D4').note).toBe('Checked at visit, 3 Oct');
  });

  it('adds Suggested category and Why after the last used column, with the officer category kept', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'rated.xlsx'));
    const ws = wb.getWorksheet('Categories 2025-26')!;
    expect(ws.getCell('I3').value).toBe('Suggested category');
    expect(ws.getCell('J3').value).toBe('Why');
    expect(ws.getCell('I5').value).toBe('C — Schools in a Category');
    // The Why names the deciding seed sentence (Reading, Category LA4).
    expect(String(ws.getCell('J5').value)).toMatch(/^C: safeguarding is ineffective: "Safeguarding is ineffective\."; safeguarding ineffective \(red, critical\)/);
    expect(String(ws.getCell('J5').value)).toMatch(/Officer's category: R \(kept\)$/);
    expect(ws.getCell('G5').value).toBe('R');
    expect(wb.getWorksheet('Waymark legend')).toBeDefined();
  });

  it('keeps every value, formula, format, merge, comment, conditional format and other sheet', async () => {
    const before = new ExcelJS.Workbook();
    await before.xlsx.readFile(path.join(dir, 'team.xlsx'));
    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(path.join(dir, 'rated.xlsx'));
    const a = before.getWorksheet('Categories 2025-26')!;
    const b = after.getWorksheet('Categories 2025-26')!;
    // A cell given a fill is saved with a style record, which names the workbook's default
    // font: the same look, so "no font" and "the default font" are equal here.
    const defaultFont = b.getCell('C5').font;
    for (let r = 1; r <= a.rowCount; r++) {
      for (let c = 1; c <= a.columnCount; c++) {
        const x = a.getCell(r, c);
        const y = b.getCell(r, c);
        expect(y.value, `value at ${x.address}`).toEqual(x.value);
        expect(y.numFmt, `number format at ${x.address}`).toEqual(x.numFmt);
        expect(y.font ?? defaultFont, `font at ${x.address}`).toEqual(x.font ?? defaultFont);
        const noBorder = (b: Partial<ExcelJS.Borders> | undefined) => (b && Object.keys(b).length > 0 ? b : undefined);
        expect(noBorder(y.border), `border at ${x.address}`).toEqual(noBorder(x.border));
      }
    }
    expect(argbAt(b, 'G4')).toBe('FFDDEBF7'); // shared style, not rated: fill unchanged
    expect(b.model.merges).toEqual(a.model.merges);
    // exceljs keeps conditional formats on the worksheet but leaves them out of its types.
    const cf = (w: ExcelJS.Worksheet) => (w as unknown as { conditionalFormattings: unknown }).conditionalFormattings;
    expect(cf(b)).toEqual(cf(a));
    expect(cf(b)).toHaveLength(1);
    const visits = after.getWorksheet('Visits')!;
    expect(visits.getCell('B2').value).toBe('Oakfield Primary School');
    expect((visits.getCell('A2').value as Date).toISOString()).toBe('2026-10-03T00:00:00.000Z');
  });

  it('never modifies the input file', async () => {
    const input = path.join(dir, 'team.xlsx');
    const hash = await sha(input);
    await rateWorkbook({ input, out: path.join(dir, 'again.xlsx'), today });
    expect(await sha(input)).toBe(hash);
  });

  it('refuses a --report that names the workbook or the rated copy, and writes nothing', async () => {
    const input = path.join(dir, 'team.xlsx');
    const hash = await sha(input);
    const onInput = await rateWorkbook({ input, report: input, today });
    expect(onInput).toEqual({ ok: false, error: expect.stringMatching(/^--report must not name the workbook itself/) });
    expect(await sha(input)).toBe(hash);
    const out = path.join(dir, 'same.xlsx');
    const onOut = await rateWorkbook({ input, out, report: out, today });
    expect(onOut).toEqual({ ok: false, error: expect.stringMatching(/^--report and the rated copy/) });
    await expect(readFile(out)).rejects.toThrow();
  });

  it('updates its own columns in place on a second run instead of adding more', async () => {
    const first = path.join(dir, 'rated.xlsx');
    const second = path.join(dir, 'rated-twice.xlsx');
    const result = await rateWorkbook({ input: first, out: second, today });
    expect(result.ok && result.value.plan?.output).toEqual({ suggestedCol: 8, whyCol: 9, reused: true });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(second);
    const ws = wb.getWorksheet('Categories 2025-26')!;
    expect(ws.getCell('K3').value).toBeNull();
    expect(wb.worksheets.filter((w) => w.name === 'Waymark legend')).toHaveLength(1);
  });

  it('--clear removes exactly what Waymark added and restores the earlier fills', async () => {
    const cleared = path.join(dir, 'cleared.xlsx');
    const result = await rateWorkbook({ input: path.join(dir, 'rated.xlsx'), out: cleared, clear: true, today });
    expect(result.ok).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(cleared);
    const ws = wb.getWorksheet('Categories 2025-26')!;
    expect(argbAt(ws, 'D4')).toBe('FFDDEBF7'); // its own fill is back
    expect(argbAt(ws, 'C5')).toBeUndefined();
    expect(ws.getCell('C5').note).toBeUndefined();
    expect(ws.getCell('D4').note).toBe('Checked at visit, 3 Oct');
    expect(ws.getCell('I3').value).toBeNull();
    expect(wb.getWorksheet('Waymark legend')).toBeUndefined();
  });

  it('writes a JSON report per school with raw, parsed and RAG values and unreadable cells', async () => {
    const report = path.join(dir, 'report.json');
    await rateWorkbook({ input: path.join(dir, 'team.xlsx'), out: path.join(dir, 'r2.xlsx'), report, today });
    const json = JSON.parse(await readFile(report, 'utf8'));
    const brookside = json.schools.find((s: { school: string }) => s.school === 'Brookside Academy');
    expect(brookside).toMatchObject({ sheetRow: 5, urn: '101236', officerCategory: { raw: 'R', code: 'R' }, suggested: { code: 'C' } });
    expect(brookside.indicators[0]).toMatchObject({ header: 'Attendance %', raw: '89.1%', parsed: { kind: 'number', value: 89.1 }, rag: 'R' });
    expect(json.unreadable).toEqual([
      expect.objectContaining({ address: 'E6', school: 'Hill Primary', raw: 'excellent' }),
    ]);
    expect(json.columns.unmapped).toEqual([{ column: 'H', header: 'Mean' }]);
  });
});

describe('npm run rate on bad input', () => {
  const cli = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'cli/rate.ts', ...args]);
      return { code: 0, stdout, stderr };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  };

  it('a missing file: one line on stderr and exit code 2', async () => {
    const r = await cli(path.join(dir, 'nope.xlsx'));
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`rate: cannot read ${path.join(dir, 'nope.xlsx')}: no such file`]);
  });

  it('an unknown framework names the known ones', async () => {
    const r = await cli(path.join(dir, 'team.xlsx'), '--framework', 'narnia', '--out', path.join(dir, 'x.xlsx'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/narnia/);
    expect(r.stderr).toMatch(/reading/);
  });

  it('rejects files that are not workbooks, encrypted files, and sheets with no header', async () => {
    const text = path.join(dir, 'notes.xlsx');
    await writeFile(text, 'School,Attendance\nOakfield,95\n');
    expect(await rateWorkbook({ input: text, today })).toEqual({ ok: false, error: `${text} is not an .xlsx file` });

    const encrypted = path.join(dir, 'locked.xlsx');
    await writeFile(encrypted, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const e = await rateWorkbook({ input: encrypted, today });
    expect(!e.ok && e.error).toMatch(/encrypted \(password-protected\) or an old \.xls/);

    const blank = path.join(dir, 'blank.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = 'Just a title';
    await wb.xlsx.writeFile(blank);
    const b = await rateWorkbook({ input: blank, today });
    expect(!b.ok && b.error).toMatch(/No header row found/);
  });

  it('an invalid framework file gets errors naming each bad field', async () => {
    const file = path.join(dir, 'bad-framework.json');
    const json = JSON.parse(await readFile('examples/custom-framework.json', 'utf8'));
    json.categoryRule.rules[0].category = 'Z';
    const k = json.indicators.findIndex((i: { rule: { type: string } }) => i.rule.type === 'threshold');
    json.indicators[k].rule.green = 'ninety';
    await writeFile(file, JSON.stringify(json));
    const r = await rateWorkbook({ input: path.join(dir, 'team.xlsx'), framework: file, today });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/^invalid framework file .*bad-framework\.json: /);
    expect(!r.ok && r.error).toContain(`indicators.${k}.rule.green`);

    json.indicators[k].rule.green = 95;
    await writeFile(file, JSON.stringify(json));
    const r2 = await rateWorkbook({ input: path.join(dir, 'team.xlsx'), framework: file, today });
    expect(!r2.ok && r2.error).toContain('categoryRule.rules.0.category: unknown category "Z"');
  });
});
