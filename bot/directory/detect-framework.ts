/**
 * With no WAYMARK_FRAMEWORK (and none in the sheet config), the bot rates the team's workbook
 * in the built-in framework its own category column is written in, as `npm run rate` does,
 * rather than silently in Reading's.
 */
import ExcelJS from 'exceljs';
import { builtInFrameworks } from '../../core/frameworks/index.js';
import { detectFramework, type FrameworkChoice } from '../../core/sheet/detectFramework.js';
import { LEGEND_SHEET } from '../../core/sheet/marks.js';
import { STATE_SHEET } from '../../workbook/apply.js';
import { worksheetGrid } from '../../workbook/grid.js';
import type { SheetOptions } from '../../workbook/source/file.js';

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
  for (const ws of wb.worksheets) {
    if (ws.state !== 'visible' || ws.name === LEGEND_SHEET || ws.name === STATE_SHEET) continue;
    const choice = detectFramework(worksheetGrid(ws), builtInFrameworks, sheet);
    if (choice.ok && choice.value.fromSheet) return choice.value;
  }
  return undefined;
}
