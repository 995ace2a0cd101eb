// The package guard's XML scanner steps over a worksheet's cells when a search cannot need
// them: what it finds must be the same as a full scan's.
import { describe, expect, it } from 'vitest';
import { children, elements, elementsNamed } from '../../workbook/package/xml.js';

const SHEET =
  '<worksheet xmlns="main"><dimension ref="A1:B2"/><sheetData>' +
  '<row r="1"><c r="A1" t="inlineStr"><is><r><rPr><b/></rPr><t>a &lt;hyperlink/&gt;</t></r></is></c><c r="B1"><f>A1</f><v>1</v></c></row>' +
  '<row r="2"><c r="A2"><extLst><ext uri="{x}"/></extLst><v>2</v></c></row>' +
  '</sheetData><conditionalFormatting sqref="A1"><cfRule type="expression" priority="1"><formula>A1&gt;0</formula></cfRule></conditionalFormatting>' +
  '<hyperlinks><hyperlink ref="A1" location="B!A1"/></hyperlinks><extLst><ext uri="{top}"/></extLst></worksheet>';

describe('the XML scanner over a worksheet', () => {
  it('lists the root children around the cells, in order', () => {
    expect(children(SHEET, 'worksheet').map((e) => e.name)).toEqual(['dimension', 'sheetData', 'conditionalFormatting', 'hyperlinks', 'extLst']);
    const data = children(SHEET, 'worksheet')[1]!;
    expect(SHEET.slice(data.start, data.end)).toMatch(/^<sheetData>.*<\/sheetData>$/);
  });

  it('still finds what lives inside the cells when asked for it', () => {
    expect(elements(SHEET, 'c').map((e) => e.open)).toEqual(['<c r="A1" t="inlineStr">', '<c r="B1">', '<c r="A2">']);
    expect(children(SHEET, 'sheetData').map((e) => e.open)).toEqual(['<row r="1">', '<row r="2">']);
    expect(elements(SHEET, 'extLst')).toHaveLength(2);
    expect(elementsNamed(SHEET, ['cfRule', 'r']).get('r')).toHaveLength(1);
  });

  it('finds worksheet-level elements after the cells, as a full scan does', () => {
    expect(elements(SHEET, 'hyperlink').map((e) => e.open)).toEqual(['<hyperlink ref="A1" location="B!A1"/>']);
    expect(elements(SHEET, 'cfRule')).toHaveLength(1);
    expect(elements(SHEET, 'worksheet')[0]!.end).toBe(SHEET.length);
  });

  it('does not step over cells whose text hides a false end tag in a comment or CDATA', () => {
    for (const hiding of ['<!-- </sheetData> -->', '<![CDATA[</sheetData>]]>']) {
      const xml = SHEET.replace('<row r="2">', `<row r="2">${hiding}`);
      expect(children(xml, 'worksheet').map((e) => e.name), hiding).toEqual(['dimension', 'sheetData', 'conditionalFormatting', 'hyperlinks', 'extLst']);
      expect(elements(xml, 'hyperlink'), hiding).toHaveLength(1);
    }
  });
});
