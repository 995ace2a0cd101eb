import { open } from 'node:fs/promises';
import JSZip from 'jszip';
import { readFile } from 'node:fs/promises';
import { fail, ok, type Result } from '../core/result.js';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** Compound File Binary: an encrypted .xlsx, or an old .xls. */
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** What a file's first bytes say it is: an .xlsx is a zip; an encrypted one (or .xls) is CFB. */
export function sniffWorkbook(head: Uint8Array): 'zip' | 'encrypted-or-xls' | 'other' {
  if (CFB.every((b, i) => head[i] === b)) return 'encrypted-or-xls';
  if (ZIP.every((b, i) => head[i] === b)) return 'zip';
  return 'other';
}

/**
 * Checks a file before exceljs sees it, so that every bad input gets one clear line: missing,
 * not an .xlsx, encrypted, damaged. (What a save would drop is found by comparing the copy
 * with the original: workbook/package/guard.ts.)
 */
export async function checkWorkbookFile(file: string): Promise<Result<void, string>> {
  let head: Buffer;
  try {
    const handle = await open(file, 'r');
    try {
      const info = await handle.stat();
      if (info.isDirectory()) return fail(`${file} is a folder, not an .xlsx file`);
      head = Buffer.alloc(8);
      await handle.read(head, 0, 8, 0);
    } finally {
      await handle.close();
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail(code === 'ENOENT' ? `cannot read ${file}: no such file` : `cannot read ${file}: ${code ?? (e as Error).message}`);
  }
  const kind = sniffWorkbook(head);
  if (kind === 'encrypted-or-xls') {
    return fail(`${file} is encrypted (password-protected) or an old .xls file: save an unencrypted .xlsx copy and rate that`);
  }
  if (kind !== 'zip') return fail(`${file} is not an .xlsx file`);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(await readFile(file));
  } catch {
    return fail(`${file} is damaged: it is not a readable .xlsx (zip) file`);
  }
  if (!zip.file('xl/workbook.xml')) return fail(`${file} is a zip file but not an Excel workbook (no xl/workbook.xml)`);
  return ok(undefined);
}
