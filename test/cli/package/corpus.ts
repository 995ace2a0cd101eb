/**
 * Minimal but valid .xlsx packages, one per feature exceljs may not carry, built part by part
 * with jszip so the tests know every byte of the input. Each workbook has the sheet to rate
 * ("Schools") and a second sheet ("Visits").
 */
import JSZip from 'jszip';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const X14 = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main';
const XM = 'http://schemas.microsoft.com/office/excel/2006/main';

export type Feature =
  | 'plain'
  | 'threaded-comments'
  | 'x14-validations'
  | 'data-bars'
  | 'icon-sets'
  | 'sparklines'
  | 'slicers'
  | 'tables'
  | 'charts'
  | 'pivot-caches'
  | 'external-links'
  | 'custom-xml'
  | 'macros'
  | 'defined-names'
  | 'protected-sheets'
  | 'printer-settings';

export const features: readonly Feature[] = [
  'plain', 'threaded-comments', 'x14-validations', 'data-bars', 'icon-sets', 'sparklines', 'slicers', 'tables',
  'charts', 'pivot-caches', 'external-links', 'custom-xml', 'macros', 'defined-names', 'protected-sheets',
  'printer-settings',
];

const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const colLetter = (c: number) => String.fromCharCode(65 + c);

function sheetData(rows: (string | number | null)[][]): string {
  return `<sheetData>${rows
    .map(
      (row, r) =>
        `<row r="${r + 1}">${row
          .map((v, c) => {
            const ref = `${colLetter(c)}${r + 1}`;
            if (v === null) return '';
            if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
            return `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
          })
          .join('')}</row>`,
    )
    .join('')}</sheetData>`;
}

const SCHOOLS: (string | number | null)[][] = [
  ['School', 'URN', 'Attendance', 'Safeguarding', 'Ofsted', 'Trend'],
  ['Oakfield Primary School', 101234, 96, 'Effective', 2, 10],
  ['Brookside Academy', 101236, 89, 'Ineffective', 3, 20],
  ['Hill School', 101237, 93, 'Effective', 2, 30],
];
const VISITS: (string | number | null)[][] = [
  ['Kind', 'School', 'Visits'],
  ['Visit', 'Oakfield Primary School', 3],
  ['Call', 'Brookside Academy', 5],
];

interface Part {
  path: string;
  contentType?: string;
  body: string | Uint8Array;
}
interface Rel {
  type: string;
  target: string;
  external?: boolean;
}

class Builder {
  parts: Part[] = [];
  defaults = new Map<string, string>([
    ['rels', 'application/vnd.openxmlformats-package.relationships+xml'],
    ['xml', 'application/xml'],
  ]);
  rels = new Map<string, Rel[]>();
  /** Extra children of each sheet, by position: before sheetData is not needed. */
  sheetTail: Record<'Schools' | 'Visits', string[]> = { Schools: [], Visits: [] };
  sheetExt: Record<'Schools' | 'Visits', string[]> = { Schools: [], Visits: [] };
  sheetRootNs: Record<'Schools' | 'Visits', string> = { Schools: '', Visits: '' };
  workbookTail: string[] = [];
  workbookAfterSheets: string[] = [];
  workbookExt: string[] = [];
  workbookType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
  cfRules: string[] = [];
  schoolsAfterCf = '';
  dxfs = '<dxf><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf>';

  rel(from: string, rel: Rel): string {
    const list = this.rels.get(from) ?? [];
    list.push(rel);
    this.rels.set(from, list);
    return `rId${list.length}`;
  }
  add(part: Part): void {
    this.parts.push(part);
  }
}

const relsPath = (part: string) => {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
};

async function finish(b: Builder): Promise<Buffer> {
  const zip = new JSZip();
  const overrides: [string, string][] = [];
  b.rel('', { type: `${REL}/officeDocument`, target: 'xl/workbook.xml' });
  b.rel('', { type: `${PKG}/metadata/core-properties`, target: 'docProps/core.xml' });
  overrides.push(['/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml']);
  zip.file(
    'docProps/core.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Test</dc:creator></cp:coreProperties>`,
  );
  const sheetIds: Record<string, string> = {};
  for (const [i, name] of (['Schools', 'Visits'] as const).entries()) {
    const path = `xl/worksheets/sheet${i + 1}.xml`;
    sheetIds[name] = b.rel('xl/workbook.xml', { type: `${REL}/worksheet`, target: `worksheets/sheet${i + 1}.xml` });
    overrides.push([`/${path}`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml']);
    const cf = name === 'Schools' ? b.cfRules.join('') + b.schoolsAfterCf : '';
    const ext = b.sheetExt[name].length > 0 ? `<extLst>${b.sheetExt[name].join('')}</extLst>` : '';
    zip.file(
      path,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${R}"${b.sheetRootNs[name]}>` +
        `<dimension ref="A1:F4"/>${sheetData(name === 'Schools' ? SCHOOLS : VISITS)}${b.sheetTail[name].join('')}${cf}${ext}</worksheet>`,
    );
  }
  // The team's theme: their colours and fonts.
  b.rel('xl/workbook.xml', { type: `${REL}/theme`, target: 'theme/theme1.xml' });
  overrides.push(['/xl/theme/theme1.xml', 'application/vnd.openxmlformats-officedocument.theme+xml']);
  const clr = (n: string, rgb: string) => `<a:${n}><a:srgbClr val="${rgb}"/></a:${n}>`;
  const fill = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>';
  const line = '<a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>';
  zip.file(
    'xl/theme/theme1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Reading LA"><a:themeElements>` +
      `<a:clrScheme name="Reading LA"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>` +
      clr('dk2', '1F3864') + clr('lt2', 'E7E6E6') + clr('accent1', '7B2C83') + clr('accent2', 'ED7D31') + clr('accent3', 'A5A5A5') +
      clr('accent4', 'FFC000') + clr('accent5', '5B9BD5') + clr('accent6', '70AD47') + clr('hlink', '0563C1') + clr('folHlink', '954F72') +
      `</a:clrScheme><a:fontScheme name="Reading LA"><a:majorFont><a:latin typeface="Arial"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont>` +
      `<a:minorFont><a:latin typeface="Arial"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme>` +
      `<a:fmtScheme name="Office"><a:fillStyleLst>${fill}${fill}${fill}</a:fillStyleLst><a:lnStyleLst>${line}${line}${line}</a:lnStyleLst>` +
      `<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>` +
      `<a:bgFillStyleLst>${fill}${fill}${fill}</a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>`,
  );
  // Waymark's styles: one font, the two fills Excel requires, one border, one xf.
  b.rel('xl/workbook.xml', { type: `${REL}/styles`, target: 'styles.xml' });
  overrides.push(['/xl/styles.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml']);
  zip.file(
    'xl/styles.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
      `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
      `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
      `<dxfs count="${(b.dxfs.match(/<dxf>/g) ?? []).length}">${b.dxfs}</dxfs></styleSheet>`,
  );
  const wbExt = b.workbookExt.length > 0 ? `<extLst>${b.workbookExt.join('')}</extLst>` : '';
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS}" xmlns:r="${R}"><bookViews><workbookView/></bookViews><sheets>` +
      `<sheet name="Schools" sheetId="1" r:id="${sheetIds.Schools}"/><sheet name="Visits" sheetId="2" r:id="${sheetIds.Visits}"/></sheets>` +
      `${b.workbookAfterSheets.join('')}${b.workbookTail.join('')}${wbExt}</workbook>`,
  );
  overrides.push(['/xl/workbook.xml', b.workbookType]);
  for (const p of b.parts) {
    zip.file(p.path, p.body);
    if (p.contentType) overrides.push([`/${p.path}`, p.contentType]);
  }
  for (const [from, list] of b.rels) {
    const path = from === '' ? '_rels/.rels' : relsPath(from);
    zip.file(
      path,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}">${list
        .map((r, i) => `<Relationship Id="rId${i + 1}" Type="${r.type}" Target="${esc(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`)
        .join('')}</Relationships>`,
    );
  }
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      [...b.defaults].map(([e, t]) => `<Default Extension="${e}" ContentType="${t}"/>`).join('') +
      overrides.map(([p, t]) => `<Override PartName="${p}" ContentType="${t}"/>`).join('') +
      `</Types>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const GUID = '{5B2C1F4A-1D2E-4C3B-9A8F-0123456789AB}';
const PERSON = '{A1B2C3D4-0000-4000-8000-000000000001}';

/** A workbook with the feature, as bytes. */
export async function buildWorkbook(feature: Feature): Promise<Buffer> {
  const b = new Builder();
  switch (feature) {
    case 'plain':
      // Excel 2013+ writes these on every workbook.
      b.workbookExt.push(
        `<ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:workbookPr chartTrackingRefBase="1"/></ext>`,
      );
      break;
    case 'threaded-comments': {
      // Excel 365 writes a threaded comment, its author, and a legacy note placeholder tied by uid.
      const tc = b.rel('xl/worksheets/sheet1.xml', { type: 'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment', target: '../threadedComments/threadedComment1.xml' });
      void tc;
      b.add({
        path: 'xl/threadedComments/threadedComment1.xml',
        contentType: 'application/vnd.ms-excel.threadedcomments+xml',
        body: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${NS}"><threadedComment ref="F2" dT="2026-10-03T09:15:00.00" personId="${PERSON}" id="${GUID}"><text>Check the trend figure with the SIA</text></threadedComment></ThreadedComments>`,
      });
      b.rel('xl/workbook.xml', { type: 'http://schemas.microsoft.com/office/2017/10/relationships/person', target: 'persons/person.xml' });
      b.add({
        path: 'xl/persons/person.xml',
        contentType: 'application/vnd.ms-excel.person+xml',
        body: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${NS}"><person displayName="Sam Adviser" id="${PERSON}" userId="sam@example.org" providerId="AD"/></personList>`,
      });
      b.rel('xl/worksheets/sheet1.xml', { type: `${REL}/comments`, target: '../comments1.xml' });
      b.add({
        path: 'xl/comments1.xml',
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
        body: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="xr" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision"><authors><author>tc=${GUID}</author></authors><commentList><comment ref="F2" authorId="0" shapeId="0" xr:uid="${GUID}"><text><t>[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment; however, any edits to it will get removed if the file is opened in a newer version of Excel.\n\nComment:\n    Check the trend figure with the SIA</t></text></comment></commentList></comments>`,
      });
      const vml = b.rel('xl/worksheets/sheet1.xml', { type: `${REL}/vmlDrawing`, target: '../drawings/vmlDrawing1.vml' });
      b.defaults.set('vml', 'application/vnd.openxmlformats-officedocument.vmlDrawing');
      b.add({
        path: 'xl/drawings/vmlDrawing1.vml',
        body: `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype><v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox/><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill><x:Row>1</x:Row><x:Column>5</x:Column></x:ClientData></v:shape></xml>`,
      });
      b.sheetTail.Schools.push(`<legacyDrawing r:id="${vml}"/>`);
      break;
    }
    case 'x14-validations':
      // A list validation whose source is on another sheet: Excel stores it as an x14 extension.
      b.sheetRootNs.Schools = ` xmlns:xm="${XM}"`;
      b.sheetExt.Schools.push(
        `<ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="${X14}"><x14:dataValidations count="1"><x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1"><x14:formula1><xm:f>Visits!$A$2:$A$3</xm:f></x14:formula1><xm:sqref>F2:F4</xm:sqref></x14:dataValidation></x14:dataValidations></ext>`,
      );
      break;
    case 'data-bars':
      b.sheetRootNs.Schools = ` xmlns:xm="${XM}"`;
      b.cfRules.push(
        `<conditionalFormatting sqref="F2:F4"><cfRule type="dataBar" priority="1"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar><extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="${X14}"><x14:id>{00000000-000E-0000-0000-000001000000}</x14:id></ext></extLst></cfRule></conditionalFormatting>`,
      );
      b.sheetExt.Schools.push(
        `<ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="${X14}"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="${XM}"><x14:cfRule type="dataBar" id="{00000000-000E-0000-0000-000001000000}"><x14:dataBar minLength="0" maxLength="100" gradient="0" negativeBarColorSameAsPositive="1" axisPosition="none"><x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/></x14:dataBar></x14:cfRule><xm:sqref>F2:F4</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext>`,
      );
      break;
    case 'icon-sets':
      b.cfRules.push(
        `<conditionalFormatting sqref="F2:F4"><cfRule type="iconSet" priority="1"><iconSet iconSet="3Arrows"><cfvo type="percent" val="0"/><cfvo type="percent" val="33"/><cfvo type="percent" val="67"/></iconSet></cfRule></conditionalFormatting>`,
      );
      break;
    case 'sparklines':
      b.sheetRootNs.Schools = ` xmlns:xm="${XM}"`;
      b.sheetExt.Schools.push(
        `<ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="${X14}"><x14:sparklineGroups><x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/><x14:colorNegative rgb="FFD00000"/><x14:colorAxis rgb="FF000000"/><x14:colorMarkers rgb="FFD00000"/><x14:colorFirst rgb="FFD00000"/><x14:colorLast rgb="FFD00000"/><x14:colorHigh rgb="FFD00000"/><x14:colorLow rgb="FFD00000"/><x14:sparklines><x14:sparkline><xm:f>Schools!C2:E2</xm:f><xm:sqref>G2</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext>`,
      );
      break;
    case 'slicers': {
      const sl = b.rel('xl/worksheets/sheet2.xml', { type: 'http://schemas.microsoft.com/office/2007/relationships/slicer', target: '../slicers/slicer1.xml' });
      b.add({
        path: 'xl/slicers/slicer1.xml',
        contentType: 'application/vnd.ms-excel.slicer+xml',
        body: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<slicers xmlns="${X14}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><slicer name="Kind" cache="Slicer_Kind" caption="Kind" rowHeight="241300"/></slicers>`,
      });
      b.sheetExt.Visits.push(`<ext uri="{3A4CF648-6AED-40f4-86FF-DC5316D8AED3}" xmlns:x14="${X14}"><x14:slicerList><x14:slicer r:id="${sl}"/></x14:slicerList></ext>`);
      const sc = b.rel('xl/workbook.xml', { type: 'http://schemas.microsoft.com/office/2007/relationships/slicerCache', target: 'slicerCaches/slicerCache1.xml' });
      b.add({
        path: 'xl/slicerCaches/slicerCache1.xml',
        contentType: 'application/vnd.ms-excel.slicerCache+xml',
        body: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<slicerCacheDefinition xmlns="${X14}" name="Slicer_Kind" sourceName="Kind"><extLst/></slicerCacheDefinition>`,
      });
      b.workbookExt.push(`<ext uri="{BBE1A952-AA13-448e-AADC-164F8A28A991}" xmlns:x14="${X14}"><x14:slicerCaches><x14:slicerCache r:id="${sc}"/></x14:slicerCaches></ext>`);
      break;
    }
    case 'tables': {
      const t = b.rel('xl/worksheets/sheet2.xml', { type: `${REL}/table`, target: '../tables/table1.xml' });
      b.add({
        path: 'xl/tables/table1.xml',
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
        body: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${NS}" id="1" name="VisitLog" displayName="VisitLog" ref="A1:C3" totalsRowShown="0"><autoFilter ref="A1:C3"/><tableColumns count="3"><tableColumn id="1" name="Kind"/><tableColumn id="2" name="School"/><tableColumn id="3" name="Visits"/></tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
      });
      b.sheetTail.Visits.push(`<tableParts count="1"><tablePart r:id="${t}"/></tableParts>`);
      break;
    }
    case 'charts': {
      const d = b.rel('xl/worksheets/sheet2.xml', { type: `${REL}/drawing`, target: '../drawings/drawing1.xml' });
      const c = b.rel('xl/drawings/drawing1.xml', { type: `${REL}/chart`, target: '../charts/chart1.xml' });
      b.add({
        path: 'xl/drawings/drawing1.xml',
        contentType: 'application/vnd.openxmlformats-officedocument.drawing+xml',
        body: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${R}" r:id="${c}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`,
      });
      b.add({
        path: 'xl/charts/chart1.xml',
        contentType: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
        body: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>Visits!$C$2:$C$3</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling/><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling/><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`,
      });
      b.sheetTail.Visits.push(`<drawing r:id="${d}"/>`);
      break;
    }
    case 'pivot-caches': {
      const pc = b.rel('xl/workbook.xml', { type: `${REL}/pivotCacheDefinition`, target: 'pivotCache/pivotCacheDefinition1.xml' });
      const rec = b.rel('xl/pivotCache/pivotCacheDefinition1.xml', { type: `${REL}/pivotCacheRecords`, target: 'pivotCacheRecords1.xml' });
      b.add({
        path: 'xl/pivotCache/pivotCacheDefinition1.xml',
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml',
        body: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheDefinition xmlns="${NS}" xmlns:r="${R}" r:id="${rec}" recordCount="2"><cacheSource type="worksheet"><worksheetSource ref="A1:C3" sheet="Visits"/></cacheSource><cacheFields count="1"><cacheField name="Kind" numFmtId="0"><sharedItems count="2"><s v="Visit"/><s v="Call"/></sharedItems></cacheField></cacheFields></pivotCacheDefinition>`,
      });
      b.add({
        path: 'xl/pivotCache/pivotCacheRecords1.xml',
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml',
        body: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheRecords xmlns="${NS}" count="2"><r><x v="0"/></r><r><x v="1"/></r></pivotCacheRecords>`,
      });
      b.workbookTail.push(`<pivotCaches><pivotCache cacheId="1" r:id="${pc}"/></pivotCaches>`);
      break;
    }
    case 'external-links': {
      const el = b.rel('xl/workbook.xml', { type: `${REL}/externalLink`, target: 'externalLinks/externalLink1.xml' });
      const target = b.rel('xl/externalLinks/externalLink1.xml', { type: `${REL}/externalLinkPath`, target: 'file:///C:/Data/Budget.xlsx', external: true });
      b.add({
        path: 'xl/externalLinks/externalLink1.xml',
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml',
        body: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<externalLink xmlns="${NS}" xmlns:r="${R}"><externalBook r:id="${target}"><sheetNames><sheetName val="Budget"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>42</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`,
      });
      b.workbookTail.push(`<externalReferences><externalReference r:id="${el}"/></externalReferences>`);
      break;
    }
    case 'custom-xml': {
      b.rel('xl/workbook.xml', { type: `${REL}/customXml`, target: '../customXml/item1.xml' });
      b.rel('customXml/item1.xml', { type: `${REL}/customXmlProps`, target: 'itemProps1.xml' });
      b.add({ path: 'customXml/item1.xml', body: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<waymarkTest xmlns="urn:example:la">Reading LA, retention 6 years</waymarkTest>` });
      b.add({
        path: 'customXml/itemProps1.xml',
        contentType: 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml',
        body: `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="{11111111-2222-3333-4444-555555555555}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>`,
      });
      break;
    }
    case 'macros':
      b.workbookType = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';
      b.rel('xl/workbook.xml', { type: 'http://schemas.microsoft.com/office/2006/relationships/vbaProject', target: 'vbaProject.bin' });
      b.defaults.set('bin', 'application/vnd.ms-office.vbaProject');
      b.add({ path: 'xl/vbaProject.bin', body: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3, 4]) });
      break;
    case 'defined-names':
      b.workbookAfterSheets.push(
        `<definedNames><definedName name="Kinds">Visits!$A$2:$A$3</definedName><definedName name="Threshold" comment="Attendance floor">94.5</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">Schools!$A$1:$F$4</definedName></definedNames>`,
      );
      break;
    case 'printer-settings': {
      const ps = b.rel('xl/worksheets/sheet2.xml', { type: `${REL}/printerSettings`, target: '../printerSettings/printerSettings1.bin' });
      b.defaults.set('bin', 'application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings');
      b.add({ path: 'xl/printerSettings/printerSettings1.bin', body: new Uint8Array([0x50, 0x52, 0x4e, 0x54, 0, 1, 2, 3, 4, 5, 6, 7]) });
      b.sheetTail.Visits.push(`<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape" r:id="${ps}"/>`);
      break;
    }
    case 'protected-sheets':
      b.sheetTail.Visits.push(
        `<sheetProtection algorithmName="SHA-512" hashValue="5p8Xo0Cj3yZ9Y0xQxqAYtGmYdW4e1I7n3Zr6aJ3m0e9eCkT1aY0w7eYb1pK5Zq3nS8uV2xW4yZ6aB8cD0eF2gA==" saltValue="c2FsdHNhbHRzYWx0c2FsdA==" spinCount="100000" sheet="1" objects="1" scenarios="1" formatColumns="0"/>`,
      );
      break;
  }
  return finish(b);
}

/** What a test may add to the plain workbook: children of the sheets and of the workbook, in schema order. */
export interface Extras {
  /** Children of "Schools" between sheetData and conditionalFormatting (protection … mergeCells). */
  schoolsBeforeCf?: string;
  /** Conditional formats of "Schools". */
  schoolsCf?: string;
  /** Children of "Schools" after conditionalFormatting (dataValidations … ignoredErrors). */
  schoolsAfterCf?: string;
  /** Children of "Visits" after sheetData. */
  visitsTail?: string;
  /** Children of the workbook after the sheets (definedNames … customWorkbookViews). */
  workbookAfterSheets?: string;
  /** Namespace declarations on the "Schools" root. */
  schoolsRootNs?: string;
  /** Differential formats in the styles part, replacing the one there. */
  dxfs?: string;
}

/**
 * The plain workbook with the given XML added, as bytes: a reviewer's reproduction of
 * something exceljs drops or rewrites.
 */
export async function buildWith(extras: Extras): Promise<Buffer> {
  const b = new Builder();
  b.sheetTail.Schools.push(extras.schoolsBeforeCf ?? '');
  if (extras.schoolsCf) b.cfRules.push(extras.schoolsCf);
  b.schoolsAfterCf = extras.schoolsAfterCf ?? '';
  if (extras.visitsTail) b.sheetTail.Visits.push(extras.visitsTail);
  if (extras.workbookAfterSheets) b.workbookAfterSheets.push(extras.workbookAfterSheets);
  if (extras.schoolsRootNs) b.sheetRootNs.Schools = extras.schoolsRootNs;
  if (extras.dxfs) b.dxfs = extras.dxfs;
  return finish(b);
}
