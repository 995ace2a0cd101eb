/**
 * "Never lose", for what a team formats by hand: Excel's own Good/Neutral/Bad fills used as a
 * manual RAG (the very colours Waymark paints), and formatted but empty cells where Waymark's
 * output columns land. A fill is Waymark's only when its record says Waymark put it there; an
 * output cell keeps the team's look under Waymark's text and gets it back exactly on --clear.
 */
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { rateWorkbook } from '../../cli/rate/run.js';
import { LEGEND_SHEET, NOTE_PREFIX } from '../../core/sheet/marks.js';
import { STATE_SHEET } from '../../workbook/apply.js';
import { keepPackage } from '../../workbook/package/guard.js';
import { unzipPlain } from '../../workbook/package/unzip.js';
import { zipPlain } from '../../workbook/package/zip.js';
import { rowsMovedRefusal } from '../../workbook/moved.js';
import { textHash, writeState } from '../../workbook/state.js';

const today = '2026-11-24';
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'waymark-team-format-'));
});

const load = async (file: string) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.getWorksheet('Schools')!;
};
const argbAt = (ws: ExcelJS.Worksheet, address: string) => {
  const fill = ws.getCell(address).fill;
  return fill && fill.type === 'pattern' ? fill.fgColor?.argb : undefined;
};
const errorOf = (r: Awaited<ReturnType<typeof rateWorkbook>>) => (r.ok ? '(rated with no refusal)' : r.error);

function schools(): { wb: ExcelJS.Workbook; ws: ExcelJS.Worksheet } {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Schools');
  ws.getRow(1).values = ['School', 'URN', 'Attendance', 'Safeguarding', 'Ofsted'];
  ws.getRow(2).values = ['Oakfield Primary School', 101234, 96, 'Effective', 2];
  ws.getRow(3).values = ['Brookside Academy', 101236, 89, 'Ineffective', 3];
  return { wb, ws };
}

async function rateThenClear(input: string, name: string, runs: number) {
  let from = input;
  for (let i = 1; i <= runs; i++) {
    const out = path.join(dir, `${name}.rated${i}.xlsx`);
    const rated = await rateWorkbook({ input: from, out, today });
    expect(errorOf(rated)).toBe('(rated with no refusal)');
    expect(rated.ok && rated.value.warnings).toEqual([]);
    from = out;
  }
  const cleared = path.join(dir, `${name}.cleared.xlsx`);
  const result = await rateWorkbook({ input: from, out: cleared, today, clear: true });
  expect(errorOf(result)).toBe('(rated with no refusal)');
  expect(result.ok && result.value.warnings).toEqual([]);
  return { rated: from, cleared };
}

describe("a team's own RAG in Excel's Good/Neutral/Bad colours", () => {
  const BAD = 'FFFFC7CE';
  async function ragWorkbook(file: string) {
    const { wb, ws } = schools();
    for (const a of ['C2', 'D3']) {
      ws.getCell(a).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: BAD } };
      ws.getCell(a).font = { color: { argb: 'FF9C0006' } };
    }
    ws.getCell('E2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B0F0' } };
    await wb.xlsx.writeFile(file);
  }

  for (const runs of [1, 2]) {
    it(`is put back exactly by --clear after ${runs === 1 ? 'one run' : 'two runs'}`, async () => {
      const input = path.join(dir, `rag${runs}.xlsx`);
      await ragWorkbook(input);
      const { rated, cleared } = await rateThenClear(input, `rag${runs}`, runs);
      const r = await load(rated);
      expect(argbAt(r, 'C2')).toBe('FFC6EFCE'); // attendance 96: Waymark's green over the team's red
      expect(argbAt(r, 'D3')).toBe(BAD); // Waymark's red where the team had red
      const c = await load(cleared);
      expect([argbAt(c, 'C2'), argbAt(c, 'D3'), argbAt(c, 'E2')]).toEqual([BAD, BAD, 'FF00B0F0']);
      expect(c.getCell('C2').font?.color?.argb).toBe('FF9C0006');
      expect(c.getCell('D3').note).toBeUndefined();
    });
  }

  it('stays the team’s when a cell is no longer rated on a later run', async () => {
    const input = path.join(dir, 'rag-unrated.xlsx');
    await ragWorkbook(input);
    const rated = path.join(dir, 'rag-unrated.rated.xlsx');
    expect(errorOf(await rateWorkbook({ input, out: rated, today }))).toBe('(rated with no refusal)');
    // The team empties D3's value: Waymark no longer rates it, and undoes only its own mark.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(rated);
    wb.getWorksheet('Schools')!.getCell('D3').value = null;
    const edited = path.join(dir, 'rag-unrated.edited.xlsx');
    await wb.xlsx.writeFile(edited);
    const again = path.join(dir, 'rag-unrated.again.xlsx');
    expect(errorOf(await rateWorkbook({ input: edited, out: again, today }))).toBe('(rated with no refusal)');
    const ws = await load(again);
    expect(argbAt(ws, 'D3')).toBe(BAD);
    expect(String(ws.getCell('D3').note ?? '')).not.toContain(NOTE_PREFIX);
  });
});

describe('formatted empty cells where the output columns land', () => {
  const YELLOW = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } } as const;
  const FONT = { name: 'Arial', size: 14, italic: true, color: { argb: 'FF0000FF' } };
  const BORDER = { bottom: { style: 'thin', color: { argb: 'FF00FF00' } } } as const;
  async function formatted(file: string) {
    const { wb, ws } = schools();
    for (const a of ['F1', 'F2', 'F3', 'G2']) {
      ws.getCell(a).fill = YELLOW;
      ws.getCell(a).font = FONT;
      ws.getCell(a).numFmt = '0.00';
      ws.getCell(a).border = BORDER;
    }
    await wb.xlsx.writeFile(file);
  }

  for (const runs of [1, 2]) {
    it(`keep the team's look under Waymark's text, and get it back exactly on --clear (${runs} ${runs === 1 ? 'run' : 'runs'})`, async () => {
      const input = path.join(dir, `outputs${runs}.xlsx`);
      await formatted(input);
      const { rated, cleared } = await rateThenClear(input, `outputs${runs}`, runs);
      const r = await load(rated);
      expect(r.getCell('F1').value).toBe('Suggested category');
      expect(r.getCell('F1').font).toEqual({ ...FONT, bold: true }); // only bold added
      expect(r.getCell('F2').font).toEqual(FONT);
      expect(r.getCell('G2').fill).toEqual(YELLOW); // "Why" has no colour of its own
      expect(argbAt(r, 'F2')).toBe('FFC6EFCE'); // the category's colour
      for (const a of ['F1', 'F2', 'G2']) {
        expect(r.getCell(a).numFmt).toBe('0.00');
        expect(r.getCell(a).border).toEqual(BORDER);
      }
      const c = await load(cleared);
      for (const a of ['F1', 'F2', 'F3', 'G2']) {
        expect(c.getCell(a).value).toBeNull();
        expect(c.getCell(a).fill).toEqual(YELLOW);
        expect(c.getCell(a).font).toEqual(FONT);
        expect(c.getCell(a).numFmt).toBe('0.00');
        expect(c.getCell(a).border).toEqual(BORDER);
      }
    });
  }

  it('keep what the team changes in their look after rating, through another run and --clear', async () => {
    const input = path.join(dir, 'outputs-edited.xlsx');
    await formatted(input);
    const rated = path.join(dir, 'outputs-edited.rated.xlsx');
    expect(errorOf(await rateWorkbook({ input, out: rated, today }))).toBe('(rated with no refusal)');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(rated);
    const ws = wb.getWorksheet('Schools')!;
    const RED = { name: 'Georgia', size: 12, color: { argb: 'FFFF0000' } };
    ws.getCell('F1').font = { ...RED, bold: true };
    ws.getCell('F2').font = RED;
    ws.getCell('G2').alignment = { wrapText: true };
    const edited = path.join(dir, 'outputs-edited.edited.xlsx');
    await wb.xlsx.writeFile(edited);
    const { rated: again, cleared } = await rateThenClear(edited, 'outputs-edited', 1);
    const r = await load(again);
    expect(r.getCell('F1').font).toEqual({ ...RED, bold: true });
    expect(r.getCell('F2').font).toEqual(RED);
    const c = await load(cleared);
    expect(c.getCell('F1').font).toEqual(RED); // Waymark's bold taken off, the team's font kept
    expect(c.getCell('F2').font).toEqual(RED);
    expect(c.getCell('G2').alignment).toEqual({ wrapText: true });
    for (const a of ['F1', 'F2', 'G2']) {
      expect(c.getCell(a).value).toBeNull();
      expect(c.getCell(a).fill).toEqual(YELLOW);
    }
  });

  it('a heading that was bold already stays bold after --clear', async () => {
    const { wb, ws } = schools();
    ws.getCell('F1').font = { name: 'Arial', size: 14, bold: true };
    const input = path.join(dir, 'outputs-bold.xlsx');
    await wb.xlsx.writeFile(input);
    const { cleared } = await rateThenClear(input, 'outputs-bold', 2);
    expect((await load(cleared)).getCell('F1').font).toEqual({ name: 'Arial', size: 14, bold: true });
  });
});

describe('a record written before colours and output looks were kept', () => {
  it('still clears, with no refusal, and puts back the fills it recorded', async () => {
    const { wb, ws } = schools();
    ws.getCell('C2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B0F0' } };
    const input = path.join(dir, 'legacy.xlsx');
    await wb.xlsx.writeFile(input);
    const rated = path.join(dir, 'legacy.rated.xlsx');
    expect(errorOf(await rateWorkbook({ input, out: rated, today }))).toBe('(rated with no refusal)');
    const old = new ExcelJS.Workbook();
    await old.xlsx.readFile(rated);
    const stateSheet = old.getWorksheet(STATE_SHEET)!;
    const record = JSON.parse(String(stateSheet.getCell('A1').value)) as { sheets: Record<string, Record<string, unknown>> };
    for (const sheet of Object.values(record.sheets)) {
      delete sheet.colours;
      delete sheet.outputLooks;
    }
    stateSheet.getCell('A1').value = JSON.stringify(record);
    // What the earlier version wrote on the headings: a bare bold font.
    for (const a of ['F1', 'G1']) old.getWorksheet('Schools')!.getCell(a).font = { bold: true };
    const legacy = path.join(dir, 'legacy.old.xlsx');
    await old.xlsx.writeFile(legacy);
    const cleared = path.join(dir, 'legacy.cleared.xlsx');
    const result = await rateWorkbook({ input: legacy, out: cleared, today, clear: true });
    expect(errorOf(result)).toBe('(rated with no refusal)');
    const c = await load(cleared);
    expect(argbAt(c, 'C2')).toBe('FF00B0F0');
    expect(c.getCell('F1').value).toBeNull();
    expect(c.getCell('F1').font?.bold).not.toBe(true);
  });
});

describe("a fill the team puts on a cell Waymark still rates", () => {
  it('is kept through another run and --clear, and the officer is told', async () => {
    const { wb, ws } = schools();
    ws.getCell('C2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B0F0' } };
    const input = path.join(dir, 'recolour.xlsx');
    await wb.xlsx.writeFile(input);
    const rated = path.join(dir, 'recolour.rated.xlsx');
    expect(errorOf(await rateWorkbook({ input, out: rated, today }))).toBe('(rated with no refusal)');
    // After the rating, the team colours C2 yellow and C3 in Excel's Neutral.
    const team = new ExcelJS.Workbook();
    await team.xlsx.readFile(rated);
    const tws = team.getWorksheet('Schools')!;
    // exceljs shares one style object between cells: give each its own, as Excel would.
    const paint = (a: string, argb: string) => (tws.getCell(a).style = { ...tws.getCell(a).style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb } } });
    paint('C2', 'FFFFFF00');
    paint('C3', 'FFFFEB9C'); // Excel's Neutral, not the red Waymark put on C3
    const edited = path.join(dir, 'recolour.edited.xlsx');
    await team.xlsx.writeFile(edited);
    const again = path.join(dir, 'recolour.again.xlsx');
    const second = await rateWorkbook({ input: edited, out: again, today });
    expect(errorOf(second)).toBe('(rated with no refusal)');
    const told = ['C2, C3: coloured by the team since Waymark rated them; left as they are, with no Waymark colour.'];
    expect(second.ok && second.value.warnings).toEqual(told);
    const r = await load(again);
    expect([argbAt(r, 'C2'), argbAt(r, 'C3')]).toEqual(['FFFFFF00', 'FFFFEB9C']);
    expect(String(r.getCell('C2').note ?? '')).not.toContain(NOTE_PREFIX);
    // A third run leaves them to the team again, and says so again.
    const third = path.join(dir, 'recolour.third.xlsx');
    const thirdRun = await rateWorkbook({ input: again, out: third, today });
    expect(thirdRun.ok && thirdRun.value.warnings).toEqual(told);
    const t = await load(third);
    expect([argbAt(t, 'C2'), argbAt(t, 'C3')]).toEqual(['FFFFFF00', 'FFFFEB9C']);
    const cleared = path.join(dir, 'recolour.cleared.xlsx');
    expect(errorOf(await rateWorkbook({ input: third, out: cleared, today, clear: true }))).toBe('(rated with no refusal)');
    const c = await load(cleared);
    expect([argbAt(c, 'C2'), argbAt(c, 'C3')]).toEqual(['FFFFFF00', 'FFFFEB9C']);
    // The team takes their yellow off C2: Waymark rates it again, and --clear leaves it unfilled.
    const unfill = new ExcelJS.Workbook();
    await unfill.xlsx.readFile(third);
    const uws = unfill.getWorksheet('Schools')!;
    const { fill: _yellow, ...unfilled } = uws.getCell('C2').style;
    uws.getCell('C2').style = unfilled;
    const removed = path.join(dir, 'recolour.unfilled.xlsx');
    await unfill.xlsx.writeFile(removed);
    const fourth = path.join(dir, 'recolour.fourth.xlsx');
    const fourthRun = await rateWorkbook({ input: removed, out: fourth, today });
    expect(fourthRun.ok && fourthRun.value.warnings).toEqual(['C3: coloured by the team since Waymark rated it; left as it is, with no Waymark colour.']);
    expect(argbAt(await load(fourth), 'C2')).toBe('FFC6EFCE');
    const clearedAgain = path.join(dir, 'recolour.cleared2.xlsx');
    expect(errorOf(await rateWorkbook({ input: fourth, out: clearedAgain, today, clear: true }))).toBe('(rated with no refusal)');
    const c2 = await load(clearedAgain);
    expect([argbAt(c2, 'C2'), argbAt(c2, 'C3')]).toEqual([undefined, 'FFFFEB9C']);
  });
});

describe("a 'Why' cell the team formatted under a record from before looks were kept", () => {
  it('keeps its fill and bold on the next run and on --clear', async () => {
    const { wb } = schools();
    const input = path.join(dir, 'legacy-why.xlsx');
    await wb.xlsx.writeFile(input);
    const rated = path.join(dir, 'legacy-why.rated.xlsx');
    expect(errorOf(await rateWorkbook({ input, out: rated, today }))).toBe('(rated with no refusal)');
    const old = new ExcelJS.Workbook();
    await old.xlsx.readFile(rated);
    const stateSheet = old.getWorksheet(STATE_SHEET)!;
    const record = JSON.parse(String(stateSheet.getCell('A1').value)) as { sheets: Record<string, Record<string, unknown>> };
    for (const sheet of Object.values(record.sheets)) {
      delete sheet.colours;
      delete sheet.outputLooks;
    }
    stateSheet.getCell('A1').value = JSON.stringify(record);
    const ows = old.getWorksheet('Schools')!;
    for (const a of ['F1', 'G1']) ows.getCell(a).font = { bold: true };
    // The team, after the old version's run: row 3's "Why" highlighted and bold.
    ows.getCell('G3').style = { ...ows.getCell('G3').style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } }, font: { bold: true } };
    // And row 2's in Excel's "Bad" style: the very pink of Waymark's red, but Waymark never coloured a Why.
    ows.getCell('G2').style = { ...ows.getCell('G2').style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } } };
    const legacy = path.join(dir, 'legacy-why.old.xlsx');
    await old.xlsx.writeFile(legacy);
    for (const clear of [false, true]) {
      const out = path.join(dir, `legacy-why.${clear ? 'cleared' : 'again'}.xlsx`);
      expect(errorOf(await rateWorkbook({ input: legacy, out, today, clear }))).toBe('(rated with no refusal)');
      const r = await load(out);
      expect(argbAt(r, 'G3')).toBe('FFFFFF00');
      expect(r.getCell('G3').font?.bold).toBe(true);
      expect(argbAt(r, 'G2')).toBe('FFFFC7CE');
      // The Suggested cells' category colours were Waymark's: gone after --clear.
      if (clear) expect([argbAt(r, 'F2'), argbAt(r, 'F3')]).toEqual([undefined, undefined]);
    }
  });
});

describe('a sheet renamed after it was rated', () => {
  it('keeps its record: the next run reuses the output columns and --clear puts the fills back', async () => {
    const { wb, ws } = schools();
    ws.getCell('C2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B0F0' } };
    const input = path.join(dir, 'renamed.xlsx');
    await wb.xlsx.writeFile(input);
    const rated = path.join(dir, 'renamed.rated.xlsx');
    expect(errorOf(await rateWorkbook({ input, out: rated, today }))).toBe('(rated with no refusal)');
    const team = new ExcelJS.Workbook();
    await team.xlsx.readFile(rated);
    team.getWorksheet('Schools')!.name = 'Schools 2026';
    const edited = path.join(dir, 'renamed.edited.xlsx');
    await team.xlsx.writeFile(edited);
    const again = path.join(dir, 'renamed.again.xlsx');
    const second = await rateWorkbook({ input: edited, out: again, today });
    expect(errorOf(second)).toBe('(rated with no refusal)');
    expect(second.ok && second.value.warnings).toEqual([]);
    const cleared = path.join(dir, 'renamed.cleared.xlsx');
    expect(errorOf(await rateWorkbook({ input: again, out: cleared, today, clear: true }))).toBe('(rated with no refusal)');
    const c = new ExcelJS.Workbook();
    await c.xlsx.readFile(cleared);
    const cws = c.getWorksheet('Schools 2026')!;
    expect([argbAt(cws, 'C2'), argbAt(cws, 'C3')]).toEqual(['FF00B0F0', undefined]);
    expect(['F1', 'G1', 'H1', 'I1'].map((a) => cws.getCell(a).value)).toEqual([null, null, null, null]);
    expect(c.getWorksheet(STATE_SHEET)).toBeUndefined();
  });
});

describe('sheet ids renumbered on save (LibreOffice, Google Sheets)', () => {
  it("one sheet never takes another's record: nothing of A's goes onto B, A's record stays, and the officer is told", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Intro').getCell('A1').value = 'read me';
    for (const [name, yellow] of [['A', 'C2'], ['B', 'C3']] as const) {
      const ws = wb.addWorksheet(name);
      ws.getRow(1).values = ['School', 'URN', 'Attendance', 'Safeguarding', 'Ofsted'];
      [96, 89, 92].forEach((a, i) => (ws.getRow(i + 2).values = [`School ${name}${i}`, 100000 + i, a, 'Effective', 2]));
      ws.getCell(yellow).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    }
    const input = path.join(dir, 'renumbered.xlsx');
    await wb.xlsx.writeFile(input);
    const a = path.join(dir, 'renumbered.a.xlsx');
    const ab = path.join(dir, 'renumbered.ab.xlsx');
    expect(errorOf(await rateWorkbook({ input, out: a, today, sheet: 'A' }))).toBe('(rated with no refusal)');
    expect(errorOf(await rateWorkbook({ input: a, out: ab, today, sheet: 'B' }))).toBe('(rated with no refusal)');
    // Saved by a tool that numbers sheets afresh: A takes Intro's id, B takes A's.
    const files = unzipPlain(await readFile(ab))!;
    const xml = new TextDecoder().decode(files.get('xl/workbook.xml')!);
    const ids: Record<string, string> = { '1': '3', '2': '1', '3': '2' };
    files.set('xl/workbook.xml', new TextEncoder().encode(xml.replace(/sheetId="(\d+)"/g, (m, id: string) => (ids[id] ? `sheetId="${ids[id]}"` : m))));
    const saved = path.join(dir, 'renumbered.saved.xlsx');
    await writeFile(saved, zipPlain(files)!);
    const again = path.join(dir, 'renumbered.again.xlsx');
    const result = await rateWorkbook({ input: saved, out: again, today, sheet: 'B' });
    expect(errorOf(result)).toBe('(rated with no refusal)');
    expect(result.ok && (result.value.warnings ?? []).join(' ')).toMatch(/record of "B" no longer matches the workbook's sheet numbers/);
    const w = new ExcelJS.Workbook();
    await w.xlsx.readFile(again);
    // A's yellow (on A!C2) did not come back onto B!C2, and A's record is still there.
    expect(argbAt(w.getWorksheet('B')!, 'C2')).not.toBe('FFFFFF00');
    const state = w.getWorksheet(STATE_SHEET)!;
    let text = '';
    state.eachRow((r) => (text += String(r.getCell(1).value)));
    const sheets = (JSON.parse(text) as { sheets: Record<string, { originals: Record<string, unknown> }> }).sheets;
    expect(Object.keys(sheets.A?.originals ?? {})).toEqual(['C2']);
  });
});

describe('rows inserted or deleted after a rating', () => {
  for (const change of ['inserted', 'deleted'] as const) {
    it(`a row ${change} above rated schools: rating and --clear refuse, rather than put fills back on other schools`, async () => {
      const { wb, ws } = schools();
      ws.getRow(4).values = ['Hillside School', 101240, 80, 'Effective', 2];
      ws.getCell('C3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B0F0' } };
      const input = path.join(dir, `moved-${change}.xlsx`);
      await wb.xlsx.writeFile(input);
      const rated = path.join(dir, `moved-${change}.rated.xlsx`);
      expect(errorOf(await rateWorkbook({ input, out: rated, today }))).toBe('(rated with no refusal)');
      const team = new ExcelJS.Workbook();
      await team.xlsx.readFile(rated);
      const tws = team.getWorksheet('Schools')!;
      if (change === 'inserted') tws.insertRow(2, ['Ashdown School', 101250, 97, 'Effective', 1], 'n');
      else tws.spliceRows(2, 1);
      const edited = path.join(dir, `moved-${change}.edited.xlsx`);
      await team.xlsx.writeFile(edited);
      for (const clear of [false, true]) {
        const out = path.join(dir, `moved-${change}.${clear ? 'cleared' : 'again'}.xlsx`);
        const result = await rateWorkbook({ input: edited, out, today, clear });
        expect(errorOf(result)).toMatch(/^rows were inserted, deleted or sorted on "Schools" since Waymark rated it .*nothing was changed/);
        await expect(readFile(out)).rejects.toThrow();
      }
    });
  }
});

describe("the schools' columns sorted without Waymark's", () => {
  it('rating and --clear refuse, rather than put fills back on other schools', async () => {
    const { wb, ws } = schools();
    ws.getRow(4).values = ['Hillside School', 101240, 96, 'Effective', 2];
    ws.getCell('C3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    const input = path.join(dir, 'sorted.xlsx');
    await wb.xlsx.writeFile(input);
    const rated = path.join(dir, 'sorted.rated.xlsx');
    expect(errorOf(await rateWorkbook({ input, out: rated, today }))).toBe('(rated with no refusal)');
    const team = new ExcelJS.Workbook();
    await team.xlsx.readFile(rated);
    const tws = team.getWorksheet('Schools')!;
    // Sorted by school, A:E only ("continue with the current selection"): rows 2 and 4 swap.
    const row = (r: number) => ['A', 'B', 'C', 'D', 'E'].map((c) => ({ value: tws.getCell(`${c}${r}`).value, style: structuredClone(tws.getCell(`${c}${r}`).style) }));
    const [two, four] = [row(2), row(4)];
    const put = (r: number, cells: ReturnType<typeof row>) =>
      ['A', 'B', 'C', 'D', 'E'].forEach((c, i) => {
        tws.getCell(`${c}${r}`).value = cells[i]!.value;
        tws.getCell(`${c}${r}`).style = cells[i]!.style;
      });
    put(2, four);
    put(4, two);
    const edited = path.join(dir, 'sorted.edited.xlsx');
    await team.xlsx.writeFile(edited);
    for (const clear of [false, true]) {
      const out = path.join(dir, `sorted.${clear ? 'cleared' : 'again'}.xlsx`);
      const result = await rateWorkbook({ input: edited, out, today, clear });
      expect(errorOf(result)).toMatch(/^rows were inserted, deleted or sorted on "Schools" since Waymark rated it \(row 2 no longer holds the school it rated there\).*nothing was changed/);
      await expect(readFile(out)).rejects.toThrow();
    }
  });
});

describe('a record naming a far row (damaged or edited)', () => {
  it('the moved-rows check reads without growing the sheet to that row', () => {
    const { wb, ws } = schools();
    ws.getCell('F1').value = 'Suggested category';
    ws.getCell('G1').value = 'Why';
    const outputs = { F1: textHash('Suggested category'), G1: textHash('Why'), F1048576: textHash('x'), G1048576: textHash('y') };
    writeState(wb, { version: 2, sheets: { Schools: { filled: [], originals: {}, outputs, sheetId: ws.id } } });
    expect(rowsMovedRefusal(wb, ws)).toBeUndefined();
    expect(ws.rowCount).toBe(3);
  });
});

describe('the package guard on output cells', () => {
  async function pair(change: (cell: ExcelJS.Cell) => void) {
    const { wb, ws } = schools();
    ws.getCell('F1').font = { name: 'Arial', size: 14 };
    ws.getCell('F1').border = { bottom: { style: 'thin' } };
    const original = new Uint8Array(await wb.xlsx.writeBuffer());
    ws.getCell('F1').value = 'Suggested category';
    ws.getCell('F1').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFC6EFCE' } };
    ws.getCell('F1').font = { name: 'Arial', size: 14, bold: true };
    change(ws.getCell('F1'));
    const written = new Uint8Array(await wb.xlsx.writeBuffer());
    const kept = await keepPackage(original, written, {
      waymarkSheets: new Set([LEGEND_SHEET, STATE_SHEET]),
      waymarkNote: (t) => t.startsWith(NOTE_PREFIX),
      waymarkCells: new Map([['Schools', { fills: new Set<string>(), outputs: new Set(['F1']) }]]),
    });
    return kept.lost;
  }

  it("allows Waymark's own text, fill and bold", async () => {
    expect(await pair(() => undefined)).toEqual([]);
  });

  it("refuses any other change to the team's look", async () => {
    expect(await pair((cell) => (cell.border = {}))).toEqual(['sheet "Schools": 1 cell lost their borders (F1)']);
    expect(await pair((cell) => (cell.font = { bold: true }))).toEqual(['sheet "Schools": 1 cell lost their font (typeface, size, colour, bold…) (F1)']);
    expect(await pair((cell) => (cell.numFmt = '0.00'))).toEqual(['sheet "Schools": 1 cell lost their number format (F1)']);
  });
});

describe('the examples come back from a rate and a --clear as they were', () => {
  for (const name of ['reading', 'southwark', 'cambridgeshire', 'camden', 'triborough']) {
    it(`examples/${name}.xlsx`, async () => {
      const input = path.join(dir, `${name}.xlsx`);
      await copyFile(`examples/${name}.xlsx`, input);
      const { cleared } = await rateThenClear(input, name, 1);
      const kept = await keepPackage(await readFile(input), await readFile(cleared), {
        waymarkSheets: new Set([LEGEND_SHEET, STATE_SHEET]),
        waymarkNote: (t) => t.startsWith(NOTE_PREFIX),
      });
      expect(kept.lost).toEqual([]);
    }, 60_000);
  }
});
