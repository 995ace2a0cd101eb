// The example workbook's schools, read through the bot's own loader, for command tests.
import { copyFileSync, mkdtempSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { loadWorkbook } from '../../workbook/source/file.js';
import { getFramework, type Framework } from '../../core/frameworks/index.js';
import type { SchoolRecord } from '../../core/schools/types.js';

export const EXAMPLE = 'examples/reading.xlsx';
/** The head of Oakfield Primary School (URN 101234) in the example workbook. */
export const OAKFIELD_HEAD = 'head.oakfieldprimaryschool@example.sch.uk';

export function reading(): Framework {
  const fw = getFramework('reading');
  if (!fw.ok) throw new Error(fw.error);
  return fw.value;
}

let cached: Promise<readonly SchoolRecord[]> | undefined;
export function exampleSchools(): Promise<readonly SchoolRecord[]> {
  cached ??= loadWorkbook(EXAMPLE, { framework: reading(), now: new Date('2026-11-24T10:00:00Z') }).then((r) => {
    if (!r.ok) throw new Error(r.error);
    return r.value.schools;
  });
  return cached;
}

/** A copy of the example workbook in a fresh temp folder. */
export function exampleCopy(): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'waymark-dir-'));
  const file = join(dir, 'categorisation.xlsx');
  copyFileSync(EXAMPLE, file);
  return { dir, file };
}

/**
 * Sets a school's officer category ("LA category") in `file`, saving the way Excel does: a
 * new file written beside it, then renamed over the old one.
 */
export async function setCategory(file: string, urn: string, code: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  let urnCol = 0;
  let catCol = 0;
  let found = false;
  ws.eachRow((row) => {
    row.eachCell((cell, col) => {
      if (cell.value === 'URN') urnCol = col;
      if (cell.value === 'LA category') catCol = col;
    });
    if (urnCol && catCol && String(row.getCell(urnCol).value) === urn) {
      row.getCell(catCol).value = code;
      found = true;
    }
  });
  if (!found) throw new Error(`no row with URN ${urn}`);
  const temp = `${file}.~tmp`;
  await wb.xlsx.writeFile(temp);
  renameSync(temp, file);
}
