/**
 * Finding 7: the rated copy keeps every part of the package that is not Waymark's, or the CLI
 * refuses and names what would be lost. One workbook per feature, built part by part.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { rateWorkbook } from '../../cli/rate/run.js';
import { loadPackage, relationships, sheets, readText, type Package } from '../../workbook/package/parts.js';
import { elements, text } from '../../workbook/package/xml.js';
import { buildWorkbook, features, type Feature } from './package/corpus.js';

const today = '2026-11-24';
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'waymark-package-'));
});

/** What each feature's workbook must come out as: kept (carried or kept by exceljs) or refused naming the loss. */
const expected: Record<Feature, { kept: true } | { refused: RegExp }> = {
  plain: { kept: true },
  'threaded-comments': { refused: /threaded comments/ },
  'x14-validations': { kept: true },
  'data-bars': { kept: true },
  'icon-sets': { kept: true },
  sparklines: { kept: true },
  slicers: { refused: /slicers/ },
  tables: { kept: true },
  charts: { refused: /charts/ },
  'pivot-caches': { refused: /pivot caches/ },
  'external-links': { refused: /external links/ },
  'custom-xml': { kept: true },
  macros: { refused: /macros/ },
  'defined-names': { kept: true },
  'protected-sheets': { kept: true },
  'printer-settings': { kept: true },
};

const sheetXml = (pkg: Package, name: string) => readText(pkg, sheets(pkg).find((s) => s.name === name)!.path) ?? '';
const extList = (xml: string) => {
  const lst = elements(xml, 'extLst').at(-1);
  return lst ? text(xml, lst) : '';
};

describe('npm run rate keeps the package whole or refuses (finding 7)', () => {
  for (const feature of features) {
    it(`${feature}: ${'kept' in expected[feature] ? 'every part that is not Waymark\'s is kept' : 'refused, naming the loss, unless --allow-loss'}`, async () => {
      const input = path.join(dir, `${feature}.xlsx`);
      const bytes = await buildWorkbook(feature);
      await writeFile(input, bytes);
      const out = path.join(dir, `${feature}.rated.xlsx`);
      const result = await rateWorkbook({ input, out, today });
      const want = expected[feature];
      if ('refused' in want) {
        expect(result.ok).toBe(false);
        expect(!result.ok && result.error).toMatch(want.refused);
        expect(!result.ok && result.error).toMatch(/--allow-loss/);
        await expect(readFile(out)).rejects.toThrow(); // nothing written
        const allowed = await rateWorkbook({ input, out, today, allowLoss: true });
        expect(allowed.ok).toBe(true);
        expect(allowed.ok && allowed.value.warnings?.join(' ')).toMatch(want.refused);
        // What is carried into the copy never points at a part the copy does not have.
        const copy = await loadPackage(await readFile(out));
        for (const s of sheets(copy)) {
          const ids = new Set(relationships(copy, s.path).map((r) => r.id));
          for (const m of sheetXml(copy, s.name).matchAll(/\sr:id="([^"]+)"/g)) expect(ids.has(m[1]!), `${feature}: ${s.name} r:id ${m[1]}`).toBe(true);
        }
        return;
      }
      if (!result.ok) throw new Error(result.error);
      const before = await loadPackage(bytes);
      const after = await loadPackage(await readFile(out));
      // Part by part: what is not Waymark's is there, and unchanged where exceljs does not rewrite it.
      // Parts exceljs numbers anew (sheets, styles, strings, tables, the workbook's lists) are checked element by element above; every other part byte for byte.
      const waymark = /^(xl\/worksheets\/|xl\/styles\.xml|xl\/sharedStrings\.xml|xl\/workbook\.xml|\[Content_Types\]\.xml|docProps\/app\.xml|xl\/comments|xl\/drawings\/vmlDrawing|xl\/tables\/|xl\/_rels\/|_rels\/)/;
      for (const [name, data] of before.files) {
        if (waymark.test(name)) continue;
        expect(after.files.get(name), `${feature}: part ${name}`).toEqual(data);
      }
      // The team's sheet "Visits" keeps its extensions, protection and tables; "Schools" its extensions.
      for (const sheet of ['Schools', 'Visits']) {
        const lst = extList(sheetXml(before, sheet));
        if (lst) expect(extList(sheetXml(after, sheet)).replace(/ xmlns:xm="[^"]*"/g, '')).toContain(lst.replace(/^<extLst>|<\/extLst>$/g, '').replace(/ xmlns:xm="[^"]*"/g, ''));
      }
      if (feature === 'protected-sheets') expect(sheetXml(after, 'Visits')).toMatch(/<sheetProtection [^>]*hashValue="5p8Xo0Cj3yZ9/);
      if (feature === 'defined-names') {
        const wb = readText(after, 'xl/workbook.xml') ?? '';
        expect(wb).toContain('<definedName name="Threshold" comment="Attendance floor">94.5</definedName>');
        expect(wb).toContain('Schools!$A$1:$F$4');
      }
      if (feature === 'plain') expect(readText(after, 'xl/workbook.xml')).toContain('<x15:workbookPr chartTrackingRefBase="1"/>');
      if (feature === 'printer-settings') expect(sheetXml(after, 'Visits')).toMatch(/<pageSetup [^>]*r:id="rId\d+"/);
      if (feature === 'custom-xml') {
        const rels = relationships(after, 'xl/workbook.xml').filter((r) => r.kind === 'customXml');
        expect(rels.map((r) => r.target)).toEqual(['customXml/item1.xml']);
      }
      if (feature === 'data-bars') {
        // The main rule still points at the x14 rule that draws the bar.
        const xml = sheetXml(after, 'Schools');
        expect(xml).toContain('<x14:id>{00000000-000E-0000-0000-000001000000}</x14:id>');
        expect(xml).toContain('id="{00000000-000E-0000-0000-000001000000}"');
        expect(xml).toContain('negativeBarColorSameAsPositive="1"');
      }
      // Waymark's own work is there too.
      const rated = new ExcelJS.Workbook();
      await rated.xlsx.readFile(out);
      expect(rated.getWorksheet('Schools')?.getCell('G1').value).toBe('Suggested category');
    });
  }
});
