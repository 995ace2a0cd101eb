/**
 * With no WAYMARK_FRAMEWORK (and none in the sheet config), the bot rates the team's workbook
 * in the built-in framework its own category column is written in, as `npm run rate` does,
 * rather than silently in Reading's. A local file is read at start-up; a SharePoint/OneDrive
 * workbook on its first good read (workbook/source/drive-directory.ts). Both go through
 * {@link detectInWorkbook} and say what they chose with the same log lines.
 */
import ExcelJS from 'exceljs';
import { builtInFrameworks, withThresholds, type Framework } from '../../core/frameworks/index.js';
import { detectFramework, type FrameworkChoice } from '../../core/sheet/detectFramework.js';
import { LEGEND_SHEET } from '../../core/sheet/marks.js';
import { STATE_SHEET } from '../../workbook/apply.js';
import { worksheetGrid } from '../../workbook/grid.js';
import type { SheetOptions } from '../../workbook/source/file.js';
import type { Logger } from '../log.js';

/** A framework chosen from the workbook, ready to rate with (the sheet config's thresholds applied). */
export interface DetectedFramework {
  readonly framework: Framework;
  /** Why, in words (names the column and its values, never a school). */
  readonly reason: string;
}

/** What a remote directory calls with the bytes of each read, to choose or check the framework. */
export type FrameworkDetector = (bytes: Uint8Array) => Promise<DetectedFramework | undefined>;

/** The framework the first visible sheet's officer category column shows, or undefined when none does. */
function detectInWorkbook(wb: ExcelJS.Workbook, sheet: SheetOptions): FrameworkChoice | undefined {
  for (const ws of wb.worksheets) {
    if (ws.state !== 'visible' || ws.name === LEGEND_SHEET || ws.name === STATE_SHEET) continue;
    const choice = detectFramework(worksheetGrid(ws), builtInFrameworks, sheet);
    if (choice.ok && choice.value.fromSheet) return choice.value;
  }
  return undefined;
}

/**
 * The framework the first visible sheet's officer category column shows, or undefined when the
 * file cannot be read or no sheet shows one (the caller then keeps its default and says so).
 */
export async function detectWorkbookFramework(file: string, sheet: SheetOptions = {}): Promise<FrameworkChoice | undefined> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch {
    return undefined;
  }
  return detectInWorkbook(wb, sheet);
}

/** As {@link detectWorkbookFramework}, for a workbook read as bytes (SharePoint/OneDrive). */
export async function detectWorkbookBytesFramework(bytes: Uint8Array, sheet: SheetOptions = {}): Promise<FrameworkChoice | undefined> {
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS reads a Buffer; a plain Uint8Array (as Graph gives) is wrapped without copying.
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    // Encrypted or damaged: the load reports why; detection just has nothing to say.
    return undefined;
  }
  return detectInWorkbook(wb, sheet);
}

/**
 * The detector a SharePoint/OneDrive directory runs on each read: the built-in framework the
 * bytes are written in, with the sheet config's thresholds (a framework they do not fit is
 * not chosen).
 */
export function frameworkDetector(sheet: SheetOptions, thresholds: Readonly<Record<string, unknown>>): FrameworkDetector {
  return async (bytes) => {
    const choice = await detectWorkbookBytesFramework(bytes, sheet);
    if (!choice) return undefined;
    const framework = withThresholds(choice.framework, thresholds);
    return framework.ok ? { framework: framework.value, reason: choice.reason } : undefined;
  };
}

/** The log line for a framework chosen from the workbook: which, and why. */
export function logFrameworkDetected(log: Logger, detected: { readonly framework: Framework; readonly reason: string }): void {
  log.info('framework detected from the workbook', { framework: detected.framework.id, reason: detected.reason });
}

/** The log line for a workbook that showed no framework: the default is used, and how to set one. */
export function logFrameworkNotDetected(log: Logger, fallback: string): void {
  log.warn('framework not detected: using Reading; set WAYMARK_FRAMEWORK to the LA\'s framework', { framework: fallback });
}

/**
 * What officers are told when a later copy of the workbook is written in another framework
 * than the one chosen on the first read: the bot keeps rating in the first (never a silent
 * switch mid-year) and says how to change it.
 */
export function frameworkMismatchNotice(kept: Framework, seen: Framework): string {
  return `The workbook now looks written in the ${seen.name}, but I keep rating it in the ${kept.name}, chosen when I first read it; to change, set WAYMARK_FRAMEWORK to ${seen.id} and restart me.`;
}
