/**
 * The package guard reads workbooks with Node's zlib (workbook/package/unzip.ts) and JSZip only
 * for what that reader leaves to it: both must give the same parts, byte for byte.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { unzipPlain } from '../../workbook/package/unzip.js';
import { zipPlain } from '../../workbook/package/zip.js';
import { buildWorkbook, features } from './package/corpus.js';

async function viaJSZip(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const files = new Map<string, Uint8Array>();
  for (const [name, entry] of Object.entries(zip.files)) if (!entry.dir) files.set(name, await entry.async('uint8array'));
  return files;
}

const same = (a: Map<string, Uint8Array>, b: Map<string, Uint8Array>) => {
  expect([...a.keys()]).toEqual([...b.keys()]);
  for (const [name, bytes] of a) expect(Buffer.from(bytes).equals(Buffer.from(b.get(name)!)), name).toBe(true);
};

describe('unzipPlain', () => {
  it('reads the example workbooks and exceljs copies of them exactly as JSZip does', async () => {
    for (const name of ['reading', 'southwark', 'camden']) {
      const original = await readFile(`examples/${name}.xlsx`);
      const plain = unzipPlain(original);
      expect(plain, name).toBeDefined();
      same(plain!, await viaJSZip(original));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(original as unknown as ArrayBuffer);
      const written = new Uint8Array(await wb.xlsx.writeBuffer());
      same(unzipPlain(written)!, await viaJSZip(written));
    }
  });

  it('reads every workbook of the package corpus as JSZip does', async () => {
    for (const feature of features) {
      const bytes = await buildWorkbook(feature);
      const plain = unzipPlain(bytes);
      expect(plain, feature).toBeDefined();
      same(plain!, await viaJSZip(bytes));
    }
  });

  it('keeps stored (uncompressed) parts and leaves folders out', async () => {
    const zip = new JSZip();
    zip.file('a.xml', '<a/>', { compression: 'STORE' });
    zip.folder('xl');
    zip.file('xl/b.xml', '<b>ü</b>', { compression: 'DEFLATE' });
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    const files = unzipPlain(bytes)!;
    expect([...files.keys()]).toEqual(['a.xml', 'xl/b.xml']);
    expect(new TextDecoder().decode(files.get('xl/b.xml'))).toBe('<b>ü</b>');
  });

  it('leaves to JSZip what is not a plain zip: not a zip, truncated, a damaged deflate stream, an unknown method', async () => {
    expect(unzipPlain(new TextEncoder().encode('not a zip at all, just some text'))).toBeUndefined();
    const good = await readFile('examples/reading.xlsx');
    expect(unzipPlain(good.subarray(0, good.length - 10))).toBeUndefined();
    // One part's compressed bytes overwritten with garbage.
    const zip = new JSZip();
    zip.file('x.xml', '<x/>'.repeat(100), { compression: 'DEFLATE' });
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    const damaged = bytes.slice();
    damaged.fill(0xff, 30 + 'x.xml'.length, 30 + 'x.xml'.length + 8);
    expect(unzipPlain(damaged)).toBeUndefined();
    const unknownMethod = bytes.slice();
    const dir = Buffer.from(unknownMethod).lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    unknownMethod[dir + 10] = 12; // bzip2
    expect(unzipPlain(unknownMethod)).toBeUndefined();
  });
});

describe('zipPlain', () => {
  it('writes parts that JSZip, unzipPlain and exceljs read back unchanged, in order', async () => {
    const original = await readFile('examples/reading.xlsx');
    const files = unzipPlain(original)!;
    const bytes = zipPlain(files)!;
    same(await viaJSZip(bytes), files);
    same(unzipPlain(bytes)!, files);
    expect([...files.keys()][0]).toBe('[Content_Types].xml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const before = new ExcelJS.Workbook();
    await before.xlsx.load(original as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => [w.name, w.rowCount])).toEqual(before.worksheets.map((w) => [w.name, w.rowCount]));
    expect(bytes.length).toBeLessThan(1.2 * original.length); // compressed, not stored
  });

  it('writes the same bytes for the same parts, and an empty part', () => {
    const files = new Map([['a.xml', new TextEncoder().encode('<a>é</a>')], ['empty.bin', new Uint8Array(0)]]);
    expect(zipPlain(files)!.equals(zipPlain(files)!)).toBe(true);
    same(unzipPlain(zipPlain(files)!)!, files);
  });
});
