/**
 * `npm run report`: reads the workbook as `npm run letter` does (nothing is written to it),
 * finds the school, and writes its project board report (Camden's template, filled with what
 * the workbook holds) as a .docx beside it. A draft for the CPP and the Chair; nothing is sent.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { withThresholds } from '../../core/frameworks/index.js';
import { fail, ok, type Result } from '../../core/result.js';
import { findSchools, makeSchoolIndex, schoolRecords } from '../../core/schools/index.js';
import { LEGEND_SHEET } from '../../core/sheet/marks.js';
import { planSheet } from '../../core/sheet/planSheet.js';
import { schoolProjectBoardFile } from '../../letters/project-board.js';
import { STATE_SHEET } from '../../workbook/apply.js';
import { checkWorkbookFile } from '../../workbook/check.js';
import { loadFramework, loadSheetConfig } from '../../workbook/config-files.js';
import { worksheetGrid } from '../../workbook/grid.js';

export interface ReportOptions {
  readonly input: string;
  readonly school: string;
  readonly framework?: string;
  readonly sheet?: string;
  readonly config?: string;
  readonly out?: string;
  /** yyyy-MM-dd: the board's day (the caller passes the clock's today by default). */
  readonly today: string;
}

export interface ReportOutcome {
  readonly out: string;
  readonly school: string;
  readonly description: string;
}

export async function runReport(options: ReportOptions): Promise<Result<ReportOutcome, string>> {
  const checked = await checkWorkbookFile(options.input);
  if (!checked.ok) return checked;
  const config = await loadSheetConfig(options.config);
  if (!config.ok) return config;
  const loaded = await loadFramework(options.framework ?? config.value.framework ?? 'camden');
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
  let plan;
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
  if (match.kind === 'none') return fail(`no school "${options.school}" in ${options.input}${match.closest.length ? ` (closest: ${match.closest.map((s) => s.name).join(', ')})` : ''}`);
  if (match.kind === 'several') return fail(`"${options.school}" matches several schools: ${match.schools.map((s) => `${s.name}${s.urn ? ` (${s.urn})` : ''}`).join(', ')}; give the URN`);
  const file = await schoolProjectBoardFile(match.school, framework.id, { today: options.today });
  if (!file.ok) return file;
  const out = options.out ?? path.join(path.dirname(options.input), file.value.fileName);
  if (path.resolve(out) === path.resolve(options.input)) return fail('--out must not name the workbook');
  await writeFile(out, file.value.bytes);
  return ok({ out, school: match.school.name, description: file.value.description });
}
