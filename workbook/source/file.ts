/**
 * Reads the categorisation workbook into school records through the core: the same path as
 * `npm run rate` (exceljs → worksheetGrid → planSheet → schoolRecords), so the bot, the CLI
 * and the add-in never disagree about a school. Expected failures are values.
 */
import { readFile, stat } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { sniffWorkbook } from '../check.js';
import { STATE_SHEET } from '../apply.js';
import { worksheetGrid } from '../grid.js';
import { londonDay } from '../../core/calendar/londonDay/index.js';
import type { Framework } from '../../core/frameworks/index.js';
import { fail, ok, type Result } from '../../core/result.js';
import { schoolRecords } from '../../core/schools/schoolRecords.js';
import type { SchoolRecord } from '../../core/schools/types.js';
import { LEGEND_SHEET } from '../../core/sheet/marks.js';
import { findDataDate } from '../../core/sheet/findDataDate.js';
import { planSheet } from '../../core/sheet/planSheet.js';
import { encryptedReason } from './encryption.js';

export interface LoadedWorkbook {
  readonly schools: readonly SchoolRecord[];
  readonly sheet: string;
  /** The file's identity when it was read (modified time, size, inode). */
  readonly signature: string;
}

/** Changes when the file is rewritten or replaced; "missing" when it is not there. */
export async function fileSignature(file: string): Promise<string> {
  try {
    const s = await stat(file);
    return `${s.mtimeMs}:${s.size}:${s.ino}`;
  } catch {
    return 'missing';
  }
}

/** The workbook's own column mappings and header row (WAYMARK_SHEET_CONFIG). */
export interface SheetOptions {
  readonly columns?: Readonly<Record<string, string>>;
  readonly headerRow?: number;
}

/**
 * Loads the school records from `file`. Reasons are short and name no school or person, so
 * they can be logged and shown to officers ("the file is damaged or still being saved").
 */
export async function loadWorkbook(
  file: string,
  options: { framework: Framework; now: Date; sheet?: SheetOptions },
): Promise<Result<LoadedWorkbook, string>> {
  let before: import('node:fs').Stats;
  let bytes: Buffer;
  try {
    before = await stat(file);
    if (before.isDirectory()) return fail('it is a folder, not an .xlsx file');
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail(code === 'ENOENT' ? 'the file is missing (moved, renamed or being replaced)' : `the file cannot be read (${code ?? 'unknown error'})`);
  }
  const signature = `${before.mtimeMs}:${before.size}:${before.ino}`;
  if ((await fileSignature(file)) !== signature) return fail('the file changed while it was being read');
  return loadWorkbookBytes(bytes, { ...options, modified: before.mtime, signature });
}

/**
 * The core of {@link loadWorkbook}, from the file's bytes: a local file and a SharePoint or
 * OneDrive file (read through Graph) take exactly this path. `modified` is when the file was
 * last saved (the data's date when the sheet has no data-date column); `signature` identifies
 * the copy (file time and size, or the drive item's eTag).
 */
export async function loadWorkbookBytes(
  bytes: Uint8Array,
  options: { framework: Framework; now: Date; sheet?: SheetOptions; modified: Date; signature: string },
): Promise<Result<LoadedWorkbook, string>> {
  const { signature } = options;
  const kind = sniffWorkbook(bytes);
  if (kind === 'encrypted-or-xls') return fail(encryptedReason(bytes));
  if (kind !== 'zip') return fail(bytes.length === 0 ? 'the file is empty (perhaps still being saved)' : 'the file is not an .xlsx workbook');

  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's typings predate Node's generic Buffer.
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return fail('the file is damaged or still being saved: it is not a readable .xlsx');
  }
  const candidates = wb.worksheets.filter((ws) => ws.state === 'visible' && ws.name !== LEGEND_SHEET && ws.name !== STATE_SHEET);
  if (candidates.length === 0) return fail('the workbook has no visible worksheet');
  const today = londonDay(options.now);
  // Without a data date in the sheet, the data is as at the day the file was last saved.
  const fileDay = londonDay(options.modified);
  let firstError: string | undefined;
  for (const ws of candidates) {
    const grid = worksheetGrid(ws);
    const plan = planSheet(grid, { framework: options.framework, today, ...options.sheet });
    if (!plan.ok) {
      firstError ??= plan.error.message;
      continue;
    }
    // A row's own data date first (schoolRecords), else "Data as at 1 November 2026" in the
    // sheet's title, else the day the file was saved.
    const title = findDataDate(grid, { headerRow: plan.value.headerRow });
    return ok({ schools: schoolRecords(plan.value, title?.date ?? fileDay, options.framework), sheet: ws.name, signature });
  }
  return fail(`no sheet could be read as a categorisation sheet (${firstError ?? 'no header row'})`);
}
