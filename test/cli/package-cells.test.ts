/**
 * Issue 8, "never lose", cell by cell: the package guard compares every cell and row of every
 * sheet after resolving shared strings, styles and shared formulas, so what exceljs loses in
 * the cells (a locale's number format, an alignment option, a quote prefix, a phonetic guide,
 * dynamic-array metadata, a row's collapsed group…) is carried back or refused, naming the
 * cells. Waymark's own cells (the fills it paints, its output columns) are its to change.
 */
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeOutcome } from '../../cli/rate/describe.js';
import { rateWorkbook } from '../../cli/rate/run.js';
import { keepPackage } from '../../workbook/package/guard.js';
import { excelLike, STRINGS, XFS, type CellExtras } from './package/excel-like.js';

const today = '2026-11-24';
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'waymark-cells-'));
});

async function rate(name: string, extras: CellExtras, more: { allowLoss?: boolean } = {}) {
  const input = path.join(dir, `${name}.xlsx`);
  await writeFile(input, await excelLike(extras));
  const out = path.join(dir, `${name}.rated.xlsx`);
  const result = await rateWorkbook({ input, out, today, ...more });
  return { result, out };
}

async function sheetXml(bytes: Uint8Array, n: 1 | 2): Promise<string> {
  return (await (await JSZip.loadAsync(bytes)).file(`xl/worksheets/sheet${n}.xml`)!.async('string'));
}

const S = STRINGS.length;
const X = XFS.length;
const errorOf = (r: Awaited<ReturnType<typeof rate>>['result']) => (r.ok ? '(rated with no refusal)' : r.error);

describe('a workbook as Excel writes it, with nothing exceljs loses', () => {
  it('rates with no refusal, and its cells come out as they went in', async () => {
    const { result, out } = await rate('plain', {});
    expect(errorOf(result)).toBe('(rated with no refusal)');
    expect(result.ok && result.value.warnings).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(out)) as unknown as ArrayBuffer);
    const visits = wb.getWorksheet('Visits')!;
    expect(visits.getCell('D3').formula).toBe('C3*2');
    expect(visits.getCell('F2').value).toEqual({ error: '#N/A' });
    expect(visits.getCell('C2').numFmt).toBe('0.0%');
    const name = wb.getWorksheet('Schools')!.getCell('A2').value as ExcelJS.CellRichTextValue;
    expect(name.richText.map((r) => [r.text, r.font?.bold ?? false])).toEqual([['Oakfield', true], [' Primary School', false]]);
  });
});

describe('what exceljs loses in the cells is refused, naming the cells', () => {
  it('a phonetic guide (furigana) on a string', async () => {
    const { result } = await rate('phonetic', {
      strings: ['<si><t>日本</t><rPh sb="0" eb="2"><t>ニホン</t></rPh><phoneticPr fontId="0" type="noConversion"/></si>'],
      visitsRows: { 6: `<row r="6"><c r="B6" t="s" ph="1"><v>${S}</v></c></row>` },
    });
    expect(errorOf(result)).toContain('sheet "Visits": 1 cell lost phonetic guides (B6)');
    expect(errorOf(result)).toContain('Nothing was written');
  });

  it('alignment options exceljs does not model, on the rated sheet and another', async () => {
    const { result } = await rate('alignment', {
      xfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment horizontal="distributed" justifyLastLine="1"/></xf>'],
      schoolsRows: { 3: `<row r="3"><c r="A3" s="${X}" t="s"><v>7</v></c><c r="B3"><v>101236</v></c><c r="C3" s="2"><v>89.5</v></c><c r="D3" t="s"><v>10</v></c><c r="E3"><v>3</v></c><c r="F3"><v>20</v></c></row>` },
      visitsRows: { 6: `<row r="6"><c r="A6" s="${X}" t="s"><v>13</v></c><c r="B6" s="${X}" t="s"><v>13</v></c></row>` },
    });
    expect(errorOf(result)).toContain('sheet "Schools": 1 cell lost their alignment (indent, wrap, rotation, reading order…) (A3)');
    expect(errorOf(result)).toContain('sheet "Visits": 2 cells lost their alignment (indent, wrap, rotation, reading order…) (A6, B6)');
  });

  it("a quote prefix (the apostrophe that keeps '0123 as text)", async () => {
    const { result } = await rate('quote', {
      strings: ['<si><t>0123</t></si>'],
      xfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>'],
      visitsRows: { 6: `<row r="6"><c r="C6" s="${X}" t="s"><v>${S}</v></c></row>` },
    });
    expect(errorOf(result)).toContain('sheet "Visits": 1 cell lost their quote prefix (the leading apostrophe that keeps text as text) (C6)');
  });

  it("a built-in number format that follows the reader's locale (accounting, 44) is not turned into a fixed one", async () => {
    const { result } = await rate('numfmt', {
      xfs: ['<xf numFmtId="44" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'],
      visitsRows: { 6: `<row r="6"><c r="C6" s="${X}"><v>1250</v></c><c r="D6" s="${X}"><v>80</v></c></row>` },
    });
    expect(errorOf(result)).toContain('sheet "Visits": 2 cells lost their number format (C6, D6)');
  });

  it('dynamic array metadata (cm) on a spilled formula and rich value metadata (vm)', async () => {
    const { result } = await rate('metadata', {
      visitsRows: { 6: '<row r="6"><c r="A6" cm="1"><f t="array" ref="A6:A7">SORT(C2:C3)</f><v>0.1</v></c><c r="B6" vm="1"><v>2</v></c></row>' },
    });
    expect(errorOf(result)).toContain('sheet "Visits": 2 cells lost dynamic array or data type metadata (cm/vm) (A6, B6)');
  });

  it('a date stored as a date (t="d") that would come back as a number', async () => {
    const { result } = await rate('iso-date', { visitsRows: { 6: '<row r="6"><c r="E6" s="3" t="d"><v>2026-01-02T00:00:00</v></c></row>' } });
    expect(errorOf(result)).toContain('sheet "Visits": 1 cell lost their type (text, number, date, true/false, error) (E6)');
  });

  it('a carriage return Excel stores as _x000D_, which exceljs writes raw and so loses; the same escape in an inline string is kept', async () => {
    const { result } = await rate('carriage-return', {
      strings: ['<si><t>line one_x000D_\nline two</t></si>'],
      visitsRows: { 6: `<row r="6"><c r="A6" t="s"><v>${S}</v></c><c r="C6" t="inlineStr"><is><t>x_x000D_y</t></is></c></row>` },
    });
    expect(errorOf(result)).toContain('sheet "Visits": 1 cell lost their value (A6)');
  });

  it('a row format on an empty row whose look the copy no longer has', async () => {
    const { result } = await rate('row-format', {
      xfs: ['<xf numFmtId="10" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>'],
      visitsRows: { 9: `<row r="9" s="${X}" customFormat="1"/>` },
    });
    expect(errorOf(result)).toContain('sheet "Visits": row formats (rows 9)');
  });

  it('--allow-loss writes the copy anyway and says what it lacks', async () => {
    const { result } = await rate('allowed', { visitsRows: { 6: '<row r="6"><c r="B6" vm="1"><v>2</v></c></row>' } }, { allowLoss: true });
    expect(result.ok && result.value.warnings?.join(' ')).toContain('sheet "Visits": 1 cell lost dynamic array or data type metadata (cm/vm) (B6)');
  });
});

describe('row settings exceljs drops are carried back', () => {
  it('hidden, collapsed, thick-bordered and phonetic rows, and a row format the copy can express, come out as they went in', async () => {
    const rows = {
      6: '<row r="6" hidden="1"/>',
      7: '<row r="7" outlineLevel="1" collapsed="1"><c r="A7" t="s"><v>13</v></c></row>',
      8: '<row r="8" thickBot="1" ph="1"><c r="A8" t="s"><v>14</v></c></row>',
      9: '<row r="9" s="4" customFormat="1"/>',
      10: '<row r="10" ht="42.75" customHeight="1"/>',
    };
    const { result, out } = await rate('rows', { visitsRows: rows });
    expect(errorOf(result)).toBe('(rated with no refusal)');
    // The officer is told what was put back.
    expect(result.ok && describeOutcome(result.value)).toContain('Put back what exceljs drops: ');
    expect(result.ok && result.value.carried).toEqual(expect.arrayContaining(['hidden rows on sheet "Visits" (rows 6)', 'thick row borders on sheet "Visits" (rows 8)', 'row formats on sheet "Visits" (rows 9)']));
    const xml = await sheetXml(await readFile(out), 2);
    const row = (r: number) => new Map([...(new RegExp(`<row r="${r}"[^>]*>`).exec(xml)?.[0] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    // Rows put back where they were missing stay in order (Excel will not open them otherwise).
    const order = [...xml.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1]));
    expect(order).toEqual([...order].sort((x, y) => x - y));
    expect(order).toEqual(expect.arrayContaining([6, 9, 10]));
    expect(row(6).get('hidden')).toBe('1');
    expect([row(7).get('outlineLevel'), row(7).get('collapsed')]).toEqual(['1', '1']);
    expect([row(8).get('thickBot'), row(8).get('ph')]).toEqual(['1', '1']);
    expect([row(10).get('ht'), row(10).get('customHeight')]).toEqual(['42.75', '1']);
    // The row format points at the copy's own cell format with the same look: the yellow fill.
    const styles = await (await JSZip.loadAsync(await readFile(out))).file('xl/styles.xml')!.async('string');
    const xf = [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf\b[^>]*>/g)][Number(row(9).get('s'))]?.[0] ?? '';
    const fills = [...(/<fills[^>]*>([\s\S]*?)<\/fills>/.exec(styles)?.[1] ?? '').matchAll(/<fill>[\s\S]*?<\/fill>/g)].map((m) => m[0]);
    expect(row(9).get('customFormat')).toBe('1');
    expect(fills[Number(/fillId="(\d+)"/.exec(xf)?.[1])]).toContain('FFFFFF00');
  });
});

describe("the team's default font is kept", () => {
  it('a workbook whose cells are Arial 10 by default does not come out in exceljs\'s Calibri 11', async () => {
    const { result, out } = await rate('arial', { defaultFont: '<font><sz val="10"/><name val="Arial"/><family val="2"/></font>' });
    expect(errorOf(result)).toBe('(rated with no refusal)');
    // exceljs reports no font for a cell with the default format: read the copy's styles.
    const zip = await JSZip.loadAsync(await readFile(out));
    const styles = await zip.file('xl/styles.xml')!.async('string');
    const fonts = [...(/<fonts[^>]*>([\s\S]*?)<\/fonts>/.exec(styles)?.[1] ?? '').matchAll(/<font>[\s\S]*?<\/font>/g)].map((m) => m[0]);
    const xfs = [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf\b[^>]*>/g)].map((m) => m[0]);
    const fontOf = async (sheet: 1 | 2, ref: string) => {
      const cell = new RegExp(`<c r="${ref}"[^>]*>`).exec(await zip.file(`xl/worksheets/sheet${sheet}.xml`)!.async('string'))?.[0] ?? '';
      const xf = xfs[Number(/ s="(\d+)"/.exec(cell)?.[1] ?? 0)] ?? '';
      return fonts[Number(/fontId="(\d+)"/.exec(xf)?.[1] ?? 0)] ?? '';
    };
    // An unformatted cell on each sheet, and a formatted one that uses the default font.
    for (const [sheet, ref] of [[2, 'A2'], [1, 'B2'], [2, 'C2']] as const) {
      const font = await fontOf(sheet, ref);
      expect([ref, /name val="([^"]*)"/.exec(font)?.[1], /sz val="([^"]*)"/.exec(font)?.[1], font.includes('scheme')]).toEqual([ref, 'Arial', '10', false]);
    }
  });
});

describe('the guard compares what the cells show, not how the XML spells it', () => {
  const visits = async (edit: (xml: string) => string, extra: { waymarkCells?: Parameters<typeof keepPackage>[2]['waymarkCells'] } = {}) => {
    const original = await excelLike();
    const zip = await JSZip.loadAsync(original);
    zip.file('xl/worksheets/sheet2.xml', edit(await zip.file('xl/worksheets/sheet2.xml')!.async('string')));
    const copy = await zip.generateAsync({ type: 'uint8array' });
    return keepPackage(original, copy, { waymarkSheets: new Set(), waymarkNote: () => false, ...extra });
  };
  const schools = async (edit: (xml: string) => string, extra: { waymarkCells?: Parameters<typeof keepPackage>[2]['waymarkCells'] } = {}) => {
    const original = await excelLike();
    const zip = await JSZip.loadAsync(original);
    zip.file('xl/worksheets/sheet1.xml', edit(await zip.file('xl/worksheets/sheet1.xml')!.async('string')));
    return keepPackage(original, await zip.generateAsync({ type: 'uint8array' }), { waymarkSheets: new Set(), waymarkNote: () => false, ...extra });
  };

  it('a shared formula written out cell by cell, and an inline string made shared, are the same cells', async () => {
    const kept = await visits((x) => x.replace('<f t="shared" si="0"/><v>0.2</v>', '<f>C3*2</f><v>0.2</v>').replace('<c r="A4" t="inlineStr"><is><t>Typed</t></is></c>', '<c r="A4" t="s"><v>13</v></c>').replace('<v>13</v></c><c r="B2"', '<v>13</v></c><c r="B2"'));
    // "Typed" is not string 13 ("Visit"): the value changed, and only that is reported.
    expect(kept.lost).toEqual(['sheet "Visits": 1 cell lost their value (A4)']);
    const same = await visits((x) => x.replace('<f t="shared" si="0"/><v>0.2</v>', '<f>C3*2</f><v>0.2</v>'));
    expect(same.lost).toEqual([]);
  });

  it('rich text that loses a run\'s formatting is named', async () => {
    const kept = await schools((x) => x.replace('<c r="A2" t="s"><v>6</v></c>', '<c r="A2" t="inlineStr"><is><t>Oakfield Primary School</t></is></c>'));
    expect(kept.lost).toEqual(['sheet "Schools": 1 cell lost rich-text formatting (A2)']);
  });

  it('a shared formula that would compute something else, and a changed saved result', async () => {
    const kept = await visits((x) => x.replace('<f t="shared" si="0"/><v>0.6000000000000001</v>', '<f>C3*2</f><v>0.6000000000000001</v>').replace('<v>yes</v>', '<v>no</v>'));
    expect([...kept.lost].sort()).toEqual(['sheet "Visits": 1 cell lost their formula (D4)', 'sheet "Visits": 1 cell lost their formula\'s saved result (F3)']);
  });

  it('an error value turned into text, an array formula turned into a plain one', async () => {
    const kept = await visits((x) => x.replace('<c r="F2" t="e"><v>#N/A</v></c>', '<c r="F2" t="str"><v>#N/A</v></c>').replace('<f t="array" ref="E4:F4">C2:C3*10</f>', '<f>C2:C3*10</f>'));
    expect([...kept.lost].sort()).toEqual(['sheet "Visits": 1 cell lost their formula (E4)', 'sheet "Visits": 1 cell lost their type (text, number, date, true/false, error) (F2)']);
  });

  it('a heading row that loses its bold font and border', async () => {
    const kept = await visits((x) => x.replace(/(<c r="[A-F]1") s="1"/g, '$1'));
    expect([...kept.lost].sort()).toEqual([
      'sheet "Visits": 6 cells lost their borders (A1, B1, C1, D1, E1, F1)',
      'sheet "Visits": 6 cells lost their font (typeface, size, colour, bold…) (A1, B1, C1, D1, E1, F1)',
    ]);
  });

  it('a dropped row height is put back, and said', async () => {
    const kept = await schools((x) => x.replace(' ht="30" customHeight="1"', ''));
    expect(kept.lost).toEqual([]);
    expect(kept.carried).toContain('row heights on sheet "Schools" (rows 1)');
    expect(await sheetXml(kept.bytes, 1)).toMatch(/<row r="1"[^>]* ht="30" customHeight="1"/);
  });

  it('rows missing from the copy are put back in order, before the rows that follow them', async () => {
    const rows = { 5: '<row r="5" hidden="1"/>', 6: '<row r="6" ht="30" customHeight="1"/>', 7: '<row r="7"><c r="A7"><v>1</v></c></row>', 8: '<row r="8" hidden="1"/>', 9: '<row r="9" hidden="1"/>' };
    const original = await excelLike({ visitsRows: rows });
    const zip = await JSZip.loadAsync(original);
    const xml = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
    zip.file('xl/worksheets/sheet2.xml', xml.replace(rows[5], '').replace(rows[6], '').replace(rows[8], '').replace(rows[9], ''));
    const kept = await keepPackage(original, await zip.generateAsync({ type: 'uint8array' }), { waymarkSheets: new Set(), waymarkNote: () => false });
    expect(kept.lost).toEqual([]);
    const out = await sheetXml(kept.bytes, 2);
    expect([...out.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("Waymark's fills and output cells are its own; the same change anywhere else is a loss", async () => {
    const paint = (x: string) => x.replace('<c r="C2" s="2">', '<c r="C2" s="4">').replace('<c r="F3"><v>20</v></c>', '<c r="F3"><v>20</v></c><c r="G3" s="1" t="s"><v>14</v></c>');
    const mine = await schools(paint, { waymarkCells: new Map([['Schools', { fills: new Set(['C2']), outputs: new Set(['G3']) }]]) });
    // C2's fill is Waymark's, but not its number format; G3's text and bold heading font are
    // Waymark's, but not the border that came with that format.
    expect([...mine.lost].sort()).toEqual(['sheet "Schools": 1 cell lost their borders (G3)', 'sheet "Schools": 1 cell lost their number format (C2)']);
    const theirs = await schools(paint);
    expect([...theirs.lost].sort()).toEqual([
      'sheet "Schools": 1 cell lost their borders (G3)',
      'sheet "Schools": 1 cell lost their fill (C2)',
      'sheet "Schools": 1 cell lost their font (typeface, size, colour, bold…) (G3)',
      'sheet "Schools": 1 cell lost their number format (C2)',
      'sheet "Schools": 1 cell lost their value (G3)',
    ]);
  });
});

describe('no false alarms: the examples and their rated copies', () => {
  for (const name of ['reading', 'southwark', 'cambridgeshire', 'camden', 'triborough']) {
    it(`examples/${name}.xlsx rates, its rated copy rates again and clears, with no loss reported`, async () => {
      const input = path.join(dir, `${name}.xlsx`);
      await copyFile(`examples/${name}.xlsx`, input);
      const first = await rateWorkbook({ input, out: path.join(dir, `${name}.rated.xlsx`), today });
      expect(errorOf(first)).toBe('(rated with no refusal)');
      expect(first.ok && first.value.warnings).toEqual([]);
      const again = await rateWorkbook({ input: path.join(dir, `${name}.rated.xlsx`), out: path.join(dir, `${name}.again.xlsx`), today });
      expect(errorOf(again)).toBe('(rated with no refusal)');
      expect(again.ok && again.value.warnings).toEqual([]);
      const cleared = await rateWorkbook({ input: path.join(dir, `${name}.again.xlsx`), out: path.join(dir, `${name}.cleared.xlsx`), today, clear: true });
      expect(errorOf(cleared)).toBe('(rated with no refusal)');
      expect(cleared.ok && cleared.value.warnings).toEqual([]);
    }, 60_000);
  }
});
