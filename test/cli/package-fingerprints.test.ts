/**
 * The guard's fingerprints: what exceljs may rewrite without loss compares equal, a real
 * change does not. Copies are made by hand from a built workbook, so each test knows exactly
 * what differs.
 */
import { describe, expect, it } from 'vitest';
import { rangeSet } from '../../workbook/package/canonical.js';
import { cfRules, dataValidations } from '../../workbook/package/elements.js';
import { keepPackage } from '../../workbook/package/guard.js';
import { loadPackage, readText, savePackage, writeText } from '../../workbook/package/parts.js';
import { buildWith, type Extras } from './package/corpus.js';

const options = { waymarkSheets: new Set<string>(), waymarkNote: () => false };

/** Keeps a copy that is the original with `edit` applied to the "Schools" sheet part. */
async function keepEdited(extras: Extras, edit: (xml: string) => string) {
  const original = await buildWith(extras);
  const pkg = await loadPackage(original);
  writeText(pkg, 'xl/worksheets/sheet1.xml', edit(readText(pkg, 'xl/worksheets/sheet1.xml') ?? ''));
  const kept = await keepPackage(original, await savePackage(pkg), options);
  return { kept, copy: await loadPackage(kept.bytes) };
}

describe('ranges as sets of cells', () => {
  it('the same cells split or overlapping differently are the same; other cells are not', () => {
    expect(rangeSet('A2:A10 C2:C10')).toBe(rangeSet('C2:C10 A2:A5 A6:A10'));
    expect(rangeSet('A2:A10 C2:C10')).toBe(rangeSet('A10 A2:A10 C2:C10 C5'));
    expect(rangeSet('A2:B3')).toBe(rangeSet('A2 B2 A3 B3'));
    expect(rangeSet('$A$2:$A$10')).toBe(rangeSet('A2:A10'));
    expect(rangeSet('A2:A10 C2:C10')).not.toBe(rangeSet('A2:A10'));
    expect(rangeSet('A2:A10 C2:C10')).not.toBe(rangeSet('A2:A10 C2:C11'));
    expect(rangeSet('A:A')).toBe(rangeSet('A1:A1048576'));
  });
});

describe('data validation fingerprints', () => {
  const dv = (attrs: string, sqref: string) => `<dataValidation type="whole" allowBlank="1" ${attrs} sqref="${sqref}"><formula1>0</formula1><formula2>100</formula2></dataValidation>`;
  it('one rule split over several elements is the same validation', () => {
    const a = dataValidations(dv('', 'A2:A10 C2:C10'));
    const b = dataValidations(dv('', 'A2:A10') + dv('operator="between"', 'C2:C10'));
    expect([...b.keys()]).toEqual([...a.keys()]);
    expect([...b.values()].map((v) => v.cells)).toEqual([...a.values()].map((v) => v.cells));
  });
  it('other cells, a lost prompt or another formula is a different validation', () => {
    const a = dataValidations(dv('prompt="0 to 100"', 'A2:A10 C2:C10'));
    expect([...dataValidations(dv('prompt="0 to 100"', 'A2:A10')).values()][0]!.cells).not.toBe([...a.values()][0]!.cells);
    expect([...dataValidations(dv('', 'A2:A10 C2:C10')).keys()]).not.toEqual([...a.keys()]);
  });
  it('a validation changed in the copy is put back as the original had it', async () => {
    const original = `<dataValidations count="1">${dv('prompt="0 to 100"', 'C2:C4 E2:E4')}</dataValidations>`;
    const { kept, copy } = await keepEdited({ schoolsAfterCf: original }, (xml) => xml.replace('sqref="C2:C4 E2:E4"', 'sqref="C2:C4"'));
    expect(kept.lost).toEqual([]);
    expect(readText(copy, 'xl/worksheets/sheet1.xml')).toContain(original);
  });
});

describe('conditional format fingerprints', () => {
  const dxfs = ['<dxf><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf>', '<dxf><font><color rgb="FF9C0006"/></font></dxf>'];
  const rule = (attrs: string) => `<conditionalFormatting sqref="C2:C4"><cfRule type="cellIs" priority="1" operator="lessThan" ${attrs}><formula>90</formula></cfRule></conditionalFormatting>`;
  const fp = (attrs: string, formats = dxfs) => cfRules(rule(attrs), formats)[0]!.fingerprint;
  it('stopIfTrue counts, the dxf index does not, what the dxf paints does', () => {
    expect(fp('dxfId="0" stopIfTrue="1"')).not.toBe(fp('dxfId="0"'));
    expect(fp('dxfId="0" stopIfTrue="0"')).toBe(fp('dxfId="0"'));
    expect(fp('dxfId="0"')).toBe(fp('dxfId="1"', [dxfs[1]!, dxfs[0]!]));
    expect(fp('dxfId="0"')).not.toBe(fp('dxfId="1"'));
  });
  it('a formula changed in the copy cannot be carried: the rule is named as lost', async () => {
    const { kept } = await keepEdited({ schoolsCf: rule('dxfId="0" stopIfTrue="1"') }, (xml) => xml.replace('<formula>90</formula>', '<formula>80</formula>'));
    expect(kept.lost).toEqual(['the conditional format (cellIs) on C2:C4 on sheet "Schools" (changed)']);
  });
  it('a dropped stopIfTrue is carried back; rules swapped in priority are named', async () => {
    const two =
      '<conditionalFormatting sqref="C2:C4"><cfRule type="cellIs" dxfId="0" priority="1" stopIfTrue="1" operator="lessThan"><formula>90</formula></cfRule></conditionalFormatting>' +
      '<conditionalFormatting sqref="E2:E4"><cfRule type="expression" dxfId="0" priority="2"><formula>E2&gt;1</formula></cfRule></conditionalFormatting>';
    const dropped = await keepEdited({ schoolsCf: two }, (xml) => xml.replace(' stopIfTrue="1"', ''));
    expect(dropped.kept.lost).toEqual([]);
    expect(readText(dropped.copy, 'xl/worksheets/sheet1.xml')).toContain('stopIfTrue="1"');
    const swapped = await keepEdited({ schoolsCf: two }, (xml) => xml.replace('priority="1"', 'priority="3"'));
    expect(swapped.kept.lost).toEqual(['the order of the conditional formats on sheet "Schools" (changed)']);
  });
});

describe('elements the guard does not know', () => {
  it('missing or changed in the copy: named, with the sheet', async () => {
    const unknown = '<futureThing xmlns="urn:example:future" level="2"/>';
    const gone = await keepEdited({ schoolsAfterCf: unknown }, (xml) => xml.replace(unknown, ''));
    expect(gone.kept.lost).toEqual(['the futureThing element on sheet "Schools"']);
    const changed = await keepEdited({ schoolsAfterCf: unknown }, (xml) => xml.replace('level="2"', 'level="3"'));
    expect(changed.kept.lost).toEqual(['the futureThing element on sheet "Schools" (changed)']);
  });
});
