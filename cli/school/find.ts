/**
 * The school a command-line draft is about (`npm run letter`, `npm run report`): the workbook is
 * read as `npm run rate` reads it (the first visible sheet with a school column, Waymark's own
 * sheets aside), planned with the team's framework and sheet config, and the school looked up as
 * the chat looks it up. Nothing is written to the workbook.
 */
import ExcelJS from 'exceljs';
import { withThresholds, type Framework } from '../../core/frameworks/index.js';
import { fail, ok, type Result } from '../../core/result.js';
import { findSchools, makeSchoolIndex, schoolRecords, type SchoolRecord } from '../../core/schools/index.js';
import { LEGEND_SHEET } from '../../core/sheet/marks.js';
import { planSheet } from '../../core/sheet/planSheet.js';
import type { SheetPlan } from '../../core/sheet/types.js';
import { STATE_SHEET } from '../../workbook/apply.js';
import { checkWorkbookFile } from '../../workbook/check.js';
import { loadFramework, loadSheetConfig } from '../../workbook/config-files.js';
import { worksheetGrid } from '../../workbook/grid.js';

export interface FindOptions {
  readonly input: string;
  /** A name (typos allowed, as in the chat) or a URN. */
  readonly school: string;
  /** Framework id or JSON file; else the sheet config's, else `defaultFramework`. */
  readonly framework?: string;
  readonly sheet?: string;
  readonly config?: string;
  /** yyyy-MM-dd: the day the data is judged on. */
  readonly today: string;
}

export interface FoundSchool {
  readonly framework: Framework;
  readonly plan: SheetPlan;
  readonly school: SchoolRecord;
}

export async function findSchoolInWorkbook(options: FindOptions, defaultFramework: string): Promise<Result<FoundSchool, string>> {
  const checked = await checkWorkbookFile(options.input);
  if (!checked.ok) return checked;
  const config = await loadSheetConfig(options.config);
  if (!config.ok) return config;
  const loaded = await loadFramework(options.framework ?? config.value.framework ?? defaultFramework);
  if (!loaded.ok) return loaded;
  const tuned = withThresholds(loaded.value, config.value.thresholds);
  if (!tuned.ok) return fail(`invalid thresholds: ${tuned.error.join('; ')}`);
  const framework = tuned.value;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(options.input);
  } catch (e) {
    return fail(`could not read ${options.input} as a workbook: ${(e as Error).message}`);
  }
  const sheets = wb.worksheets.filter((ws) =>
    options.sheet !== undefined ? ws.name.toLowerCase() === options.sheet.toLowerCase() : ws.state === 'visible' && ws.name !== LEGEND_SHEET && ws.name !== STATE_SHEET,
  );
  if (sheets.length === 0) return fail(options.sheet !== undefined ? `no sheet named "${options.sheet}" in ${options.input}` : `${options.input} has no visible worksheet`);
  let plan: SheetPlan | undefined;
  for (const ws of sheets) {
    const p = planSheet(worksheetGrid(ws), {
      framework,
      today: options.today,
      columns: config.value.columns,
      ...(config.value.headerRow !== undefined && { headerRow: config.value.headerRow }),
    });
    if (p.ok) {
      plan = p.value;
      break;
    }
  }
  if (!plan) return fail(`no sheet of ${options.input} has a header row with a school column`);
  const match = findSchools(options.school, makeSchoolIndex(schoolRecords(plan)));
  if (match.kind === 'none') {
    return fail(`no school "${options.school}" in ${options.input}${match.closest.length ? ` (closest: ${match.closest.map((s) => s.name).join(', ')})` : ''}`);
  }
  if (match.kind === 'several') {
    return fail(`"${options.school}" matches several schools: ${match.schools.map((s) => `${s.name}${s.urn ? ` (${s.urn})` : ''}`).join(', ')}; give the URN`);
  }
  return ok({ framework, plan, school: match.school });
}
