// Rows moved between two runs are found by each rated school's identity (its URN, else its
// name): a hyperlinked URN still identifies its school, and a school with no URN shown must not
// make an ordinary edit (deleting the last school) look like a move.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { rateWorkbook } from '../../cli/rate/run.js';

const today = '2026-11-30';
const YELLOW = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } } as const;
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'waymark-identity-'));
});

async function workbook(name: string, rows: readonly (readonly ExcelJS.CellValue[])[], team?: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Schools');
  ws.getRow(1).values = ['School', 'URN', 'Attendance', 'Safeguarding', 'Ofsted'];
  rows.forEach((r, i) => (ws.getRow(i + 2).values = [...r]));
  team?.(ws);
  const file = path.join(dir, `${name}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

async function edited(from: string, name: string, change: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(from);
  change(wb.getWorksheet('Schools')!);
  const file = path.join(dir, `${name}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

async function rate(input: string, name: string, clear = false): Promise<{ ok: boolean; out: string; error?: string }> {
  const out = path.join(dir, `${name}.xlsx`);
  const r = await rateWorkbook({ input, out, today, clear });
  return r.ok ? { ok: true, out } : { ok: false, out, error: r.error };
}

const swapSchools = (ws: ExcelJS.Worksheet) => {
  // The team sorts the school columns only (A:B), as a table without Waymark's columns would.
  const a = [ws.getCell('A2').value, ws.getCell('B2').value];
  ws.getCell('A2').value = ws.getCell('A3').value;
  ws.getCell('B2').value = ws.getCell('B3').value;
  ws.getCell('A3').value = a[0]!;
  ws.getCell('B3').value = a[1]!;
};

describe('schools moved between runs', () => {
  it('a hyperlinked URN identifies its school: swapping the school columns is refused, nothing cleared onto the wrong school', { timeout: 60_000 }, async () => {
    const link = (urn: string) => ({ text: urn, hyperlink: `https://get-information-schools.service.gov.uk/Establishments/Establishment/Details/${urn}` });
    const input = await workbook('linked', [['Zed Primary', link('100001'), 96, 'Effective', 2], ['Ash Primary', link('100002'), 96, 'Effective', 2]], (ws) => {
      ws.getCell('C2').fill = YELLOW; // the team's own highlight on Zed's attendance
    });
    const first = await rate(input, 'linked.rated');
    expect(first.ok).toBe(true);
    const sorted = await edited(first.out, 'linked.sorted', swapSchools);
    const cleared = await rate(sorted, 'linked.cleared', true);
    expect(cleared.ok).toBe(false);
    expect(cleared.error).toMatch(/row 2 no longer holds the school it rated there/);
  });

  it('a school with no URN does not make deleting the last school, or blanking a URN, look like a move', { timeout: 60_000 }, async () => {
    const input = await workbook('blank-urn', [
      ['Zed Primary', 100001, 96, 'Effective', 2],
      ['Ash Primary', null, 91, 'Effective', 2],
      ['Elm Academy', 100003, 89, 'Ineffective', 3],
      ['Oak School', 100004, 92, 'Effective', 1],
    ]);
    const first = await rate(input, 'blank-urn.rated');
    expect(first.ok).toBe(true);
    const deleted = await edited(first.out, 'blank-urn.deleted', (ws) => ws.spliceRows(5, 1));
    expect(await rate(deleted, 'blank-urn.deleted.rated')).toMatchObject({ ok: true });
    expect(await rate(deleted, 'blank-urn.deleted.cleared', true)).toMatchObject({ ok: true });
    const blanked = await edited(first.out, 'blank-urn.blanked', (ws) => {
      ws.getCell('B4').value = null;
    });
    expect(await rate(blanked, 'blank-urn.blanked.rated')).toMatchObject({ ok: true });
  });

  it('a school with no URN swapped with one that has a URN (the school columns only) is refused', { timeout: 60_000 }, async () => {
    const input = await workbook('blank-swap', [['Zed Primary', 100001, 96, 'Effective', 2], ['Ash Primary', null, 96, 'Effective', 2]], (ws) => {
      ws.getCell('C2').fill = YELLOW;
    });
    const first = await rate(input, 'blank-swap.rated');
    expect(first.ok).toBe(true);
    const sorted = await edited(first.out, 'blank-swap.sorted', swapSchools);
    const cleared = await rate(sorted, 'blank-swap.cleared', true);
    expect(cleared.ok).toBe(false);
    expect(cleared.error).toMatch(/no longer holds the school it rated there/);
  });
});

