/**
 * Issue 8, "never lose": the reviewer's reproductions of silent loss. Each workbook carries one
 * thing exceljs drops or rewrites; rating it must keep that thing in the copy (carried back,
 * in the schema's order) or refuse and name it. Nothing may go missing with a successful rate.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { rateWorkbook } from '../../cli/rate/run.js';
import { loadPackage, readText, sheets, workbookPath, type Package } from '../../workbook/package/parts.js';
import { undeclaredPrefixes } from '../../workbook/package/schema.js';
import { attributes, children, elements, text } from '../../workbook/package/xml.js';
import { buildWith, type Extras } from './package/corpus.js';

const today = '2026-11-24';
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'waymark-elements-'));
});

const sheetXml = (pkg: Package, name: string) => readText(pkg, sheets(pkg).find((s) => s.name === name)!.path) ?? '';
const bookXml = (pkg: Package) => readText(pkg, workbookPath(pkg)!) ?? '';

/** ECMA-376 CT_Worksheet and CT_Workbook child order: Excel will not open a part out of it. */
const WORKSHEET = 'sheetPr dimension sheetViews sheetFormatPr cols sheetData sheetCalcPr sheetProtection protectedRanges scenarios autoFilter sortState dataConsolidate customSheetViews mergeCells phoneticPr conditionalFormatting dataValidations hyperlinks printOptions pageMargins pageSetup headerFooter rowBreaks colBreaks customProperties cellWatches ignoredErrors smartTags drawing legacyDrawing legacyDrawingHF drawingHF picture oleObjects controls webPublishItems tableParts extLst'.split(' ');
const WORKBOOK = 'fileVersion fileSharing workbookPr workbookProtection bookViews sheets functionGroups externalReferences definedNames calcPr oleSize customWorkbookViews pivotCaches smartTagPr smartTagTypes webPublishing fileRecoveryPr webPublishObjects extLst'.split(' ');
function expectSchemaOrder(xml: string, root: 'worksheet' | 'workbook') {
  const order = root === 'worksheet' ? WORKSHEET : WORKBOOK;
  const ranks = children(xml, root).map((e) => order.indexOf(e.name)).filter((r) => r >= 0);
  expect(ranks, `${root} children in schema order`).toEqual([...ranks].sort((a, b) => a - b));
}

/** Rates a workbook built with `extras`; returns the outcome and, when written, the copy. */
async function rate(name: string, extras: Extras) {
  const input = path.join(dir, `${name}.xlsx`);
  const bytes = await buildWith(extras);
  await writeFile(input, bytes);
  const out = path.join(dir, `${name}.rated.xlsx`);
  const result = await rateWorkbook({ input, out, today });
  const original = await loadPackage(bytes);
  const copy = result.ok ? await loadPackage(await readFile(out)) : undefined;
  if (copy) {
    for (const s of sheets(copy)) expectSchemaOrder(sheetXml(copy, s.name), 'worksheet');
    expectSchemaOrder(bookXml(copy), 'workbook');
    // Every prefix a part uses is declared: otherwise Excel refuses or "repairs" the part away.
    for (const s of sheets(copy)) expect(undeclaredPrefixes(sheetXml(copy, s.name)), `prefixes on sheet ${s.name}`).toEqual([]);
    expect(undeclaredPrefixes(bookXml(copy))).toEqual([]);
    // Still a workbook exceljs (and so the next rate) can read, with Waymark's work in it.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await readFile(out) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Schools')?.getCell('G1').value).toBe('Suggested category');
  }
  return { result, original, copy, input, out };
}

/** The cells a list of ranges covers, one by one (the tests' ranges are small). */
function cells(sqref: string): string[] {
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const out = new Set<string>();
  for (const ref of sqref.trim().split(/\s+/)) {
    const [a, b = a] = ref.split(':') as [string, string?];
    const [, c1, r1] = /^([A-Z]+)(\d+)$/.exec(a)!;
    const [, c2, r2] = /^([A-Z]+)(\d+)$/.exec(b!)!;
    for (let c = col(c1!); c <= col(c2!); c++) for (let r = Number(r1); r <= Number(r2); r++) out.add(`${c}:${r}`);
  }
  return [...out].sort();
}

/** Each validation rule (its start tag less sqref and count, and its formulas) with the cells it covers. */
function validations(xml: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const dv of elements(xml, 'dataValidation')) {
    const a = attributes(dv.open);
    const rule = [...a].filter(([k]) => k !== 'sqref').sort(([x], [y]) => x.localeCompare(y)).map(([k, v]) => `${k}=${v}`).join(' ') + text(xml, dv).replace(/^<[^>]*>/, '');
    out.set(rule, [...new Set([...(out.get(rule) ?? []), ...cells(a.get('sqref') ?? '')])].sort());
  }
  return out;
}

const CUSTOM_VIEW = '{6A3C1F20-5B8E-4D2A-9C11-0F7E2B3D4A51}';

describe('the reviewer\'s reproductions are kept in the copy or refused (issue 8)', () => {
  it('customSheetViews on a worksheet: carried back as they were', async () => {
    const views = `<customSheetViews><customSheetView guid="${CUSTOM_VIEW}" scale="85" showGridLines="0" fitToPage="1"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="C3" sqref="C3"/><pageMargins left="0.5" right="0.5" top="0.5" bottom="0.5" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape"/><headerFooter><oddFooter>Page &amp;P</oddFooter></headerFooter></customSheetView></customSheetViews>`;
    const { result, copy } = await rate('custom-sheet-views', { schoolsBeforeCf: views });
    if (!result.ok) throw new Error(result.error);
    expect(sheetXml(copy!, 'Schools')).toContain(views);
  });

  it('customWorkbookViews on the workbook: carried back as they were', async () => {
    const views = `<customWorkbookViews><customWorkbookView name="Sam - Personal View" guid="${CUSTOM_VIEW}" mergeInterval="0" personalView="1" maximized="1" xWindow="-8" yWindow="-8" windowWidth="1936" windowHeight="1056" activeSheetId="1"/></customWorkbookViews>`;
    const { result, copy } = await rate('custom-workbook-views', { workbookAfterSheets: views });
    if (!result.ok) throw new Error(result.error);
    expect(bookXml(copy!)).toContain(views);
  });

  it('ignoredErrors on a worksheet: carried back as they were', async () => {
    const ignored = '<ignoredErrors><ignoredError sqref="B2:B4" numberStoredAsText="1"/><ignoredError sqref="A1:F1" formula="1" unlockedFormula="1"/></ignoredErrors>';
    const { result, copy } = await rate('ignored-errors', { visitsTail: ignored, schoolsAfterCf: ignored });
    if (!result.ok) throw new Error(result.error);
    expect(sheetXml(copy!, 'Visits')).toContain(ignored);
    expect(sheetXml(copy!, 'Schools')).toContain(ignored);
  });

  it('scenarios on a worksheet: carried back as they were', async () => {
    const scenarios = '<scenarios current="0" show="0" sqref="C2:C4"><scenario name="Attendance dips" locked="1" count="2" user="Sam Adviser" comment="What if two schools fall below 90%"><inputCells r="C2" val="88"/><inputCells r="C4" val="89.5"/></scenario></scenarios>';
    const { result, copy } = await rate('scenarios', { schoolsBeforeCf: scenarios });
    if (!result.ok) throw new Error(result.error);
    expect(sheetXml(copy!, 'Schools')).toContain(scenarios);
  });

  it('a conditional format with stopIfTrue="1": the attribute is carried back, the rule paints the same', async () => {
    const cf =
      '<conditionalFormatting sqref="C2:C4"><cfRule type="cellIs" dxfId="1" priority="1" stopIfTrue="1" operator="lessThan"><formula>90</formula></cfRule></conditionalFormatting>' +
      '<conditionalFormatting sqref="C2:C4 E2:E4"><cfRule type="expression" dxfId="0" priority="2"><formula>C2&lt;95</formula></cfRule></conditionalFormatting>';
    const dxfs = '<dxf><fill><patternFill><bgColor rgb="FFFFEB9C"/></patternFill></fill></dxf><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf>';
    const { result, copy } = await rate('stop-if-true', { schoolsCf: cf, dxfs });
    if (!result.ok) throw new Error(result.error);
    const xml = sheetXml(copy!, 'Schools');
    const rules = elements(xml, 'cfRule').map((r) => attributes(r.open));
    const first = rules.find((r) => r.get('priority') === '1')!;
    expect(first.get('stopIfTrue')).toBe('1');
    expect(first.get('operator')).toBe('lessThan');
    // The first rule still paints red text on pink, whatever exceljs numbered its format.
    const styles = readText(copy!, 'xl/styles.xml') ?? '';
    const dxf = elements(styles, 'dxf')[Number(first.get('dxfId'))]!;
    expect(text(styles, dxf)).toContain('FF9C0006');
  });

  it('pageSetup attributes: the copy has the original\'s, none dropped, none added', async () => {
    const setup = '<pageSetup paperSize="9" scale="80" fitToWidth="1" fitToHeight="0" pageOrder="overThenDown" orientation="landscape" blackAndWhite="1" horizontalDpi="600" verticalDpi="600"/>';
    const { result, copy, original } = await rate('page-setup', { schoolsAfterCf: `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${setup}`, visitsTail: '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup orientation="portrait" fitToHeight="2"/>' });
    if (!result.ok) throw new Error(result.error);
    for (const sheet of ['Schools', 'Visits']) {
      const want = attributes(elements(sheetXml(original, sheet), 'pageSetup')[0]!.open);
      const got = attributes(elements(sheetXml(copy!, sheet), 'pageSetup')[0]!.open);
      expect(Object.fromEntries(got), sheet).toEqual(Object.fromEntries(want));
    }
  });

  it('a data validation on several ranges: the copy validates the same cells with the same rule', async () => {
    const dv =
      '<dataValidations count="2"><dataValidation type="decimal" operator="between" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorStyle="warning" errorTitle="Out of range" error="Attendance is a percentage" promptTitle="Attendance" prompt="0 to 100" sqref="C2:C4 E2:E4"><formula1>0</formula1><formula2>100</formula2></dataValidation>' +
      '<dataValidation type="list" allowBlank="1" showDropDown="1" sqref="D2:D4 A6:B7"><formula1>"Effective,Ineffective"</formula1></dataValidation></dataValidations>';
    const { result, copy, original } = await rate('validation-ranges', { schoolsAfterCf: dv });
    if (!result.ok) throw new Error(result.error);
    const norm = (m: Map<string, string[]>) => [...m].map(([rule, c]) => `${rule.replace(/ (operator=between|errorStyle=stop)/g, '')} @ ${c.join(',')}`).sort();
    expect(norm(validations(sheetXml(copy!, 'Schools')))).toEqual(norm(validations(sheetXml(original, 'Schools'))));
  });

  it('conditional formats exceljs drops or damages (a duplicate-values rule, a text rule\'s text, a number format): carried back', async () => {
    const dxfs = '<dxf><numFmt numFmtId="164" formatCode="0.0%"/></dxf><dxf><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf><dxf><font><b/><color rgb="FF006100"/></font></dxf>';
    const cf =
      '<conditionalFormatting sqref="C2:C4"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>1</formula></cfRule></conditionalFormatting>' +
      '<conditionalFormatting sqref="A2:A4"><cfRule type="duplicateValues" dxfId="1" priority="2"/><cfRule type="containsText" dxfId="2" priority="3" operator="containsText" text="Academy"><formula>NOT(ISERROR(SEARCH("Academy",A2)))</formula></cfRule></conditionalFormatting>';
    const { result, copy } = await rate('cf-damaged', { schoolsCf: cf, dxfs });
    if (!result.ok) throw new Error(result.error);
    const xml = sheetXml(copy!, 'Schools');
    const styles = readText(copy!, 'xl/styles.xml') ?? '';
    const dxfOf = (rule: Map<string, string>) => text(styles, elements(styles, 'dxf')[Number(rule.get('dxfId'))]!);
    const rules = elements(xml, 'cfRule').map((r) => attributes(r.open));
    const byType = (t: string) => rules.find((r) => r.get('type') === t)!;
    expect(dxfOf(byType('cellIs'))).toContain('formatCode="0.0%"');
    expect(byType('duplicateValues')).toBeDefined();
    expect(dxfOf(byType('duplicateValues'))).toContain('FFFFC7CE');
    expect(byType('containsText').get('text')).toBe('Academy');
    expect(byType('containsText').get('operator')).toBe('containsText');
    expect(dxfOf(byType('containsText'))).toContain('FF006100');
  });

  it('a hyperlink to a place in the workbook: carried back', async () => {
    const links = '<hyperlinks><hyperlink ref="A2" location="Visits!A2" display="Oakfield visits" tooltip="See the visit log"/></hyperlinks>';
    const { result, copy } = await rate('internal-link', { schoolsAfterCf: links });
    if (!result.ok) throw new Error(result.error);
    expect(sheetXml(copy!, 'Schools')).toContain('<hyperlink ref="A2" location="Visits!A2" display="Oakfield visits" tooltip="See the visit log"/>');
  });

  it('a hyperlink carrying xr:uid, as Excel writes it: carried back with xmlns:xr declared on the sheet', async () => {
    const XR = 'http://schemas.microsoft.com/office/spreadsheetml/2014/revision';
    const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
    const links = '<hyperlinks><hyperlink ref="A2" location="Visits!A2" display="Oakfield visits" xr:uid="{0C3B6B1B-7A4C-4C47-8C55-2B0E0C2B0A11}"/></hyperlinks>';
    const { result, copy } = await rate('internal-link-xr', { schoolsRootNs: ` xmlns:mc="${MC}" mc:Ignorable="xr" xmlns:xr="${XR}"`, schoolsAfterCf: links });
    if (!result.ok) throw new Error(result.error);
    const xml = sheetXml(copy!, 'Schools');
    expect(xml).toContain('xr:uid="{0C3B6B1B-7A4C-4C47-8C55-2B0E0C2B0A11}"');
    expect(/<worksheet[^>]*>/.exec(xml)?.[0]).toContain(`xmlns:xr="${XR}"`);
  });

  it('an element Waymark does not know, dropped by exceljs: refused and named, unless --allow-loss', async () => {
    const unknown = '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="x14"><x14:futureSetting xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" value="1"/></mc:Choice></mc:AlternateContent>';
    const { result, input, out } = await rate('unknown-element', { visitsTail: unknown });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/mc:AlternateContent element on sheet "Visits"/);
    await expect(readFile(out)).rejects.toThrow();
    const allowed = await rateWorkbook({ input, out, today, allowLoss: true });
    expect(allowed.ok && allowed.value.warnings?.join(' ')).toMatch(/mc:AlternateContent element on sheet "Visits"/);
  });

  it('a custom view that points at printer settings cannot be carried alone: refused, naming the custom views', async () => {
    const views = `<customSheetViews><customSheetView guid="${CUSTOM_VIEW}" scale="85"><selection activeCell="C3" sqref="C3"/><pageSetup orientation="landscape" r:id="rId9"/></customSheetView></customSheetViews>`;
    const { result } = await rate('custom-view-printer', { schoolsBeforeCf: views });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/custom views on sheet "Schools"/);
  });
});

describe('the sample workbooks rate with no loss and no refusal (no false positives)', () => {
  for (const name of ['reading', 'southwark', 'cambridgeshire', 'camden', 'triborough']) {
    it(`examples/${name}.xlsx, then its rated copy again`, async () => {
      const out = path.join(dir, `${name}.rated.xlsx`);
      const first = await rateWorkbook({ input: `examples/${name}.xlsx`, out, today });
      if (!first.ok) throw new Error(first.error);
      expect(first.value.warnings?.join(' ') ?? '').not.toMatch(/--allow-loss/);
      const again = await rateWorkbook({ input: out, out: path.join(dir, `${name}.rated-again.xlsx`), today });
      if (!again.ok) throw new Error(again.error);
      expect(again.value.warnings?.join(' ') ?? '').not.toMatch(/--allow-loss/);
    });
  }
});
