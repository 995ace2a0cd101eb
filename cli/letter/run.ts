/**
 * `npm run letter`: reads the workbook as `npm run rate` does (nothing is written to it), finds
 * the school, and writes the draft letter as a .docx beside it. The draft is for the officer;
 * Waymark never sends it.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { makeCalendar } from '../../core/calendar/index.js';
import { withThresholds } from '../../core/frameworks/index.js';
import { draftLetter, LETTER_KINDS, suggestLetters, type LetterKind, type LetterSuggestion } from '../../core/letters/index.js';
import { fail, ok, type Result } from '../../core/result.js';
import { makeSchoolIndex, findSchools, schoolRecords } from '../../core/schools/index.js';
import { LEGEND_SHEET } from '../../core/sheet/marks.js';
import { planSheet } from '../../core/sheet/planSheet.js';
import { letterDocx } from '../../letters/docx.js';
import { loadFramework, loadSheetConfig } from '../../workbook/config-files.js';
import { STATE_SHEET } from '../../workbook/apply.js';
import { checkWorkbookFile } from '../../workbook/check.js';
import { worksheetGrid } from '../../workbook/grid.js';
import { letterFacts } from './facts.js';

export interface LetterOptions {
  readonly input: string;
  readonly school: string;
  /** Omitted: list the letters suggested, write nothing. */
  readonly kind?: LetterKind;
  readonly framework?: string;
  readonly sheet?: string;
  readonly config?: string;
  readonly out?: string;
  /** yyyy-MM-dd, the letter's date; the caller passes the clock. */
  readonly today: string;
  readonly authority?: string;
  readonly previousOfsted?: number;
  readonly previousCategory?: string;
  readonly force?: boolean;
}

export type LetterOutcome =
  | { readonly kind: 'written'; readonly out: string; readonly school: string; readonly reasons: readonly string[] }
  | { readonly kind: 'suggestions'; readonly school: string; readonly suggestions: readonly LetterSuggestion[]; readonly available: readonly LetterKind[] };

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export async function runLetter(options: LetterOptions): Promise<Result<LetterOutcome, string>> {
  const checked = await checkWorkbookFile(options.input);
  if (!checked.ok) return checked;
  const config = await loadSheetConfig(options.config);
  if (!config.ok) return config;
  const loaded = await loadFramework(options.framework ?? config.value.framework ?? 'reading');
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
  if (match.kind === 'none') {
    return fail(`no school "${options.school}" in ${options.input}${match.closest.length ? ` (closest: ${match.closest.map((s) => s.name).join(', ')})` : ''}`);
  }
  if (match.kind === 'several') {
    return fail(`"${options.school}" matches several schools: ${match.schools.map((s) => `${s.name}${s.urn ? ` (${s.urn})` : ''}`).join(', ')}; give the URN`);
  }
  const row = plan.rows.find((r) => r.sheetRow === match.school.sheetRow)!;
  let previousCategory;
  if (options.previousCategory !== undefined) {
    previousCategory = framework.categories.find((c) => c.code.toLowerCase() === options.previousCategory!.toLowerCase());
    if (!previousCategory) return fail(`--previous-category "${options.previousCategory}" is not a category of ${framework.name} (${framework.categories.map((c) => c.code).join(', ')})`);
  }
  const facts = letterFacts(row, plan, {
    ...(options.previousOfsted !== undefined ? { previousOfsted: options.previousOfsted } : {}),
    ...(previousCategory ? { previousCategory } : {}),
  });
  if (!options.kind) {
    return ok({ kind: 'suggestions', school: row.school, suggestions: suggestLetters(facts), available: LETTER_KINDS[framework.id] ?? [] });
  }
  const draft = draftLetter(options.kind, facts, {
    date: options.today,
    calendar: makeCalendar(),
    ...(options.authority ? { authority: options.authority } : {}),
    ...(options.force ? { force: true } : {}),
  });
  if (!draft.ok) return draft;
  const out = options.out ?? path.join(path.dirname(options.input), `${slug(row.school)}-${options.kind}-${options.today}.docx`);
  if (path.resolve(out) === path.resolve(options.input)) return fail('--out must not name the workbook');
  await writeFile(out, await letterDocx(draft.value));
  return ok({ kind: 'written', out, school: row.school, reasons: draft.value.reasons });
}
