import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { format } from 'date-fns';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { builtInFrameworks, withThresholds } from '../../core/frameworks/index.js';
import { detectFramework, type FrameworkChoice } from '../../core/sheet/detectFramework.js';
import { findDataDate, type DataDate } from '../../core/sheet/findDataDate.js';
import type { Framework } from '../../core/frameworks/schema.js';
import { fail, ok, type Result } from '../../core/result.js';
import { LEGEND_SHEET, planMarks } from '../../core/sheet/marks.js';
import { planSheet } from '../../core/sheet/planSheet.js';
import type { PlanError, SheetPlan } from '../../core/sheet/types.js';
import { STATE_SHEET, applyMarks, clearMarks, type Touched } from '../../workbook/apply.js';
import { readWorksheet } from '../../workbook/grid.js';
import { outputRecord } from '../../workbook/state.js';
import { rowsMovedRefusal } from '../../workbook/moved.js';
import { checkWorkbookFile } from '../../workbook/check.js';
import { keepPackage } from '../../workbook/package/guard.js';
import { loadFramework, loadSheetConfig } from '../../workbook/config-files.js';
import { NOTE_PREFIX } from '../../core/sheet/marks.js';
import { buildReport } from './report.js';

export interface RateOptions {
  readonly input: string;
  readonly framework?: string | undefined;
  readonly sheet?: string | undefined;
  readonly out?: string | undefined;
  readonly report?: string | undefined;
  readonly config?: string | undefined;
  readonly clear?: boolean | undefined;
  readonly allowLoss?: boolean | undefined;
  /** yyyy-MM-dd; the caller passes the clock. */
  readonly today: string;
}

export interface RateOutcome {
  readonly out: string;
  readonly report?: string;
  readonly plan?: SheetPlan;
  readonly framework?: Framework;
  /** How the framework was chosen when no --framework named it: detected from the sheet. */
  readonly frameworkChoice?: FrameworkChoice;
  /** The date the sheet's data is as at, and where it was read. */
  readonly dataDate?: DataDate;
  readonly sheet: string;
  readonly cleared?: { restored: number };
  /** Things the officer should know, e.g. a damaged restore record. */
  readonly warnings?: readonly string[];
  /** What exceljs dropped and the package guard put back as it was, in words. */
  readonly carried?: readonly string[];
}

const defaultOut = (input: string): string => {
  const { dir, name } = path.parse(input);
  return path.join(dir, `${name}.rated.xlsx`);
};

/**
 * Rates one workbook file with exceljs: reads the chosen sheet, plans with the core, writes
 * the marks to `out` (never to the input unless `out` names it) and the JSON report.
 */
export async function rateWorkbook(options: RateOptions): Promise<Result<RateOutcome, string>> {
  // The JSON report must never land on the team's workbook or on the rated copy.
  if (options.report !== undefined) {
    const report = path.resolve(options.report);
    if (report === path.resolve(options.input)) return fail(`--report must not name the workbook itself (${options.input}): nothing was written`);
    if (report === path.resolve(options.out ?? defaultOut(options.input))) return fail('--report and the rated copy (--out) must be different files: nothing was written');
  }
  const checked = await checkWorkbookFile(options.input);
  if (!checked.ok) return checked;

  const config = await loadSheetConfig(options.config);
  if (!config.ok) return config;

  const wb = new ExcelJS.Workbook();
  let original: Buffer;
  try {
    original = await readFile(options.input);
    await wb.xlsx.load(original as unknown as ArrayBuffer);
  } catch (e) {
    return fail(`could not read ${options.input} as a workbook: ${(e as Error).message}`);
  }
  const out = options.out ?? defaultOut(options.input);

  const candidates = wb.worksheets.filter(
    (ws) => ws.state === 'visible' && ws.name !== LEGEND_SHEET && ws.name !== STATE_SHEET,
  );
  const names = candidates.map((ws) => `"${ws.name}"`).join(', ');
  let chosen = candidates;
  if (options.sheet !== undefined) {
    const wanted = options.sheet.toLowerCase();
    chosen = wb.worksheets.filter((ws) => ws.name.toLowerCase() === wanted);
    if (chosen.length === 0) return fail(`no sheet named "${options.sheet}" in ${options.input} (sheets: ${names})`);
  }
  if (chosen.length === 0) return fail(`${options.input} has no visible worksheet to rate`);

  if (options.clear) {
    const ws = chosen[0]!;
    const moved = rowsMovedRefusal(wb, ws);
    if (moved) return fail(moved);
    const { warnings, touched, ...cleared } = clearMarks(wb, ws);
    const written = await writeWorkbook(wb, original, out, options, new Map([[ws.name, touched]]));
    if (!written.ok) return written;
    return ok({ out, sheet: ws.name, cleared, warnings: [...warnings, ...written.value.warnings], carried: written.value.carried });
  }

  const frameworkSpec = options.framework ?? config.value.framework;
  let base: Framework | undefined;
  if (frameworkSpec !== undefined) {
    const loaded = await loadFramework(frameworkSpec);
    if (!loaded.ok) return loaded;
    base = loaded.value;
  }
  let fileDate: string | undefined;
  try {
    fileDate = format((await stat(options.input)).mtime, 'yyyy-MM-dd');
  } catch {
    fileDate = undefined;
  }

  // Without --sheet, the first visible sheet that has a header row is the categorisation sheet.
  let firstError: PlanError | string | undefined;
  for (const ws of chosen) {
    const { grid, occupied } = readWorksheet(ws);
    const sheetOptions = {
      columns: config.value.columns,
      ...(config.value.headerRow !== undefined && { headerRow: config.value.headerRow }),
    };
    // No framework named: the sheet's own category column says which LA's it is.
    let choice: FrameworkChoice | undefined;
    if (!base) {
      const detected = detectFramework(grid, builtInFrameworks, sheetOptions);
      if (!detected.ok) {
        firstError ??= detected.error;
        continue;
      }
      choice = detected.value;
    }
    const tuned = withThresholds(base ?? choice!.framework, config.value.thresholds);
    if (!tuned.ok) return fail(`invalid thresholds: ${tuned.error.join('; ')}`);
    const framework = tuned.value;
    const plan = planSheet(grid, { framework, today: options.today, occupied, outputRecord: outputRecord(wb, ws), ...sheetOptions });
    if (!plan.ok) {
      firstError ??= plan.error;
      continue;
    }
    const dataDate = findDataDate(grid, {
      headerRow: plan.value.headerRow,
      dataDates: plan.value.rows.map((r) => r.dataDate),
      ...(fileDate !== undefined && { fileDate }),
    });
    // Rows moved under the record: its fills would go back onto other schools. Refuse, not guess.
    const moved = rowsMovedRefusal(wb, ws);
    if (moved) return fail(moved);
    const { warnings, touched } = applyMarks(wb, ws, planMarks(plan.value, framework, options.today));
    const written = await writeWorkbook(wb, original, out, options, new Map([[ws.name, touched]]));
    if (!written.ok) return written;
    warnings.push(...written.value.warnings);
    if (options.report) {
      const report = buildReport(plan.value, framework, ws.name, options.today, { ...(choice && { choice }), ...(dataDate && { dataDate }) });
      await writeFile(options.report, JSON.stringify(report, null, 2) + '\n');
    }
    return ok({
      out,
      sheet: ws.name,
      plan: plan.value,
      framework,
      warnings,
      carried: written.value.carried,
      ...(choice && { frameworkChoice: choice }),
      ...(dataDate && { dataDate }),
      ...(options.report && { report: options.report }),
    });
  }
  const where = options.sheet ? `sheet "${options.sheet}"` : `any sheet (${names})`;
  const message = typeof firstError === 'string' ? firstError : firstError?.message;
  return fail(`${message ?? 'nothing to rate'} (looked in ${where})`);
}

/**
 * Writes the copy only when it keeps every part and element of the original that is not
 * Waymark's (what exceljs drops and can be carried over is put back as it was); otherwise
 * writes nothing and names what would be lost, unless --allow-loss. Returns warnings.
 */
async function writeWorkbook(
  wb: ExcelJS.Workbook,
  original: Uint8Array,
  out: string,
  options: RateOptions,
  touched: ReadonlyMap<string, Touched>,
): Promise<Result<{ warnings: string[]; carried: readonly string[] }, string>> {
  // Stored, not deflated: keepPackage reads it back and compresses the copy with Node's zlib.
  const written = new Uint8Array(await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } }));
  const kept = await keepPackage(original, written, {
    waymarkSheets: new Set([LEGEND_SHEET, STATE_SHEET]),
    waymarkNote: (text) => text.startsWith(NOTE_PREFIX),
    waymarkCells: touched,
  });
  if (kept.lost.length > 0 && !options.allowLoss) {
    return fail(
      `${options.input}: the rated copy would lose ${kept.lost.join('; ')}. Nothing was written. ` +
        'Rate this workbook with the Excel add-in, or pass --allow-loss to write a copy without them',
    );
  }
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, kept.bytes);
  return ok({ warnings: kept.lost.length > 0 ? [`Written without (--allow-loss): ${kept.lost.join('; ')}.`] : [], carried: kept.carried });
}
