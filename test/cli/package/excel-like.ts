/**
 * A workbook written by hand the way Excel writes one: every text in the shared-string table,
 * styles with fonts, fills, borders and custom number formats, a shared formula, an array
 * formula, an error value, a boolean, rich text. Tests add the one thing exceljs may lose (a
 * cell format, a string item, a cell or a row attribute) and check the rate keeps it or
 * refuses naming the cells. Sheets: "Schools" (rated) and "Visits".
 */
import JSZip from 'jszip';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/** The shared strings every workbook has, by index. */
export const STRINGS = [
  '<si><t>School</t></si>', // 0
  '<si><t>URN</t></si>',
  '<si><t>Attendance</t></si>',
  '<si><t>Safeguarding</t></si>',
  '<si><t>Ofsted</t></si>',
  '<si><t>Trend</t></si>', // 5
  '<si><r><rPr><b/><sz val="11"/><color rgb="FF7B2C83"/><rFont val="Calibri"/><family val="2"/><scheme val="minor"/></rPr><t>Oakfield</t></r><r><rPr><sz val="11"/><color theme="1"/><rFont val="Calibri"/><family val="2"/><scheme val="minor"/></rPr><t xml:space="preserve"> Primary School</t></r></si>',
  '<si><t>Brookside Academy</t></si>',
  '<si><t>Hill School</t></si>',
  '<si><t>Effective</t></si>',
  '<si><t>Ineffective</t></si>', // 10
  '<si><t>Kind</t></si>',
  '<si><t>Visits</t></si>',
  '<si><t>Visit</t></si>',
  '<si><t>Call</t></si>',
  '<si><t>Doubled</t></si>', // 15
];

/**
 * Cell formats by index: 0 normal, 1 bold heading with a bottom border, 2 one decimal
 * (custom format 164), 3 a date (built-in 14), 4 yellow fill, 5 percentage (custom 165), 6 wrapped and centred.
 */
export const XFS = [
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1"/>',
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
  '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
  '<xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/>',
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment horizontal="center" vertical="top" wrapText="1"/></xf>',
];

export interface CellExtras {
  /** More string items, from index STRINGS.length. */
  strings?: string[];
  /** More cell formats, from index XFS.length. */
  xfs?: string[];
  /** Replaces a row of a sheet, by row number: the whole <row> element. */
  schoolsRows?: Record<number, string>;
  visitsRows?: Record<number, string>;
  /** The first font (the one cells with the default format show), replacing Calibri 11. */
  defaultFont?: string;
}

const SCHOOLS_ROWS: Record<number, string> = {
  1: '<row r="1" spans="1:6" ht="30" customHeight="1" x14ac:dyDescent="0.25"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" s="1" t="s"><v>1</v></c><c r="C1" s="1" t="s"><v>2</v></c><c r="D1" s="1" t="s"><v>3</v></c><c r="E1" s="1" t="s"><v>4</v></c><c r="F1" s="1" t="s"><v>5</v></c></row>',
  2: '<row r="2" spans="1:6" x14ac:dyDescent="0.25"><c r="A2" t="s"><v>6</v></c><c r="B2"><v>101234</v></c><c r="C2" s="2"><v>96</v></c><c r="D2" t="s"><v>9</v></c><c r="E2"><v>2</v></c><c r="F2" s="4"><v>10</v></c></row>',
  3: '<row r="3" spans="1:6" x14ac:dyDescent="0.25"><c r="A3" s="6" t="s"><v>7</v></c><c r="B3"><v>101236</v></c><c r="C3" s="2"><v>89.5</v></c><c r="D3" t="s"><v>10</v></c><c r="E3"><v>3</v></c><c r="F3"><v>20</v></c></row>',
  4: '<row r="4" spans="1:6" x14ac:dyDescent="0.25"><c r="A4" t="s"><v>8</v></c><c r="B4"><v>101237</v></c><c r="C4" s="2"><v>93</v></c><c r="D4" t="s"><v>9</v></c><c r="E4"><v>2</v></c><c r="F4"><v>30</v></c></row>',
};

const VISITS_ROWS: Record<number, string> = {
  1: '<row r="1" spans="1:6" x14ac:dyDescent="0.25"><c r="A1" s="1" t="s"><v>11</v></c><c r="B1" s="1" t="s"><v>0</v></c><c r="C1" s="1" t="s"><v>12</v></c><c r="D1" s="1" t="s"><v>15</v></c><c r="E1" s="1"/><c r="F1" s="1"/></row>',
  2: '<row r="2" spans="1:6" x14ac:dyDescent="0.25"><c r="A2" t="s"><v>13</v></c><c r="B2" t="s"><v>7</v></c><c r="C2" s="5"><v>0.25</v></c><c r="D2"><f t="shared" ref="D2:D4" si="0">C2*2</f><v>0.5</v></c><c r="E2" s="3"><v>46000</v></c><c r="F2" t="e"><v>#N/A</v></c></row>',
  3: '<row r="3" spans="1:6" x14ac:dyDescent="0.25"><c r="A3" t="s"><v>14</v></c><c r="B3" t="s"><v>8</v></c><c r="C3" s="5"><v>0.1</v></c><c r="D3"><f t="shared" si="0"/><v>0.2</v></c><c r="E3" t="b"><v>1</v></c><c r="F3" t="str"><f>IF(C3&gt;0,"yes","no")</f><v>yes</v></c></row>',
  4: '<row r="4" spans="1:6" x14ac:dyDescent="0.25"><c r="A4" t="inlineStr"><is><t>Typed</t></is></c><c r="C4"><v>0.30000000000000004</v></c><c r="D4"><f t="shared" si="0"/><v>0.6000000000000001</v></c><c r="E4"><f t="array" ref="E4:F4">C2:C3*10</f><v>2.5</v></c><c r="F4"><v>1</v></c></row>',
};

const rowsXml = (base: Record<number, string>, extra: Record<number, string> = {}) => {
  const all = { ...base, ...extra };
  return Object.keys(all).map(Number).sort((a, b) => a - b).map((r) => all[r]).join('');
};

export async function excelLike(extras: CellExtras = {}): Promise<Buffer> {
  const zip = new JSZip();
  const strings = [...STRINGS, ...(extras.strings ?? [])];
  const xfs = [...XFS, ...(extras.xfs ?? [])];
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT}.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="${CT}.worksheet+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/></Types>`,
  );
  zip.file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${R}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${R}/styles" Target="styles.xml"/><Relationship Id="rId4" Type="${R}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS}" xmlns:r="${R}"><bookViews><workbookView/></bookViews><sheets><sheet name="Schools" sheetId="1" r:id="rId1"/><sheet name="Visits" sheetId="2" r:id="rId2"/></sheets><calcPr calcId="191029"/></workbook>`,
  );
  zip.file('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS}" count="${strings.length}" uniqueCount="${strings.length}">${strings.join('')}</sst>`);
  zip.file(
    'xl/styles.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">` +
      `<numFmts count="2"><numFmt numFmtId="164" formatCode="0.0"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts>` +
      `<fonts count="2" x14ac:knownFonts="1">${extras.defaultFont ?? '<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>'}<font><b/><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>` +
      `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/><bgColor indexed="64"/></patternFill></fill></fills>` +
      `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left/><right/><top/><bottom style="thin"><color indexed="64"/></bottom><diagonal/></border></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`,
  );
  const sheet = (dimension: string, rows: string) =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">` +
    `<dimension ref="${dimension}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><cols><col min="1" max="1" width="28" customWidth="1"/></cols>` +
    `<sheetData>${rows}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  zip.file('xl/worksheets/sheet1.xml', sheet('A1:F4', rowsXml(SCHOOLS_ROWS, extras.schoolsRows)));
  zip.file('xl/worksheets/sheet2.xml', sheet('A1:F4', rowsXml(VISITS_ROWS, extras.visitsRows)));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
