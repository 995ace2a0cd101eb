/**
 * `npm run letter`: reads the workbook as `npm run rate` does (nothing is written to it), finds
 * the school, and writes the draft letter as a .docx beside it. The draft is for the officer;
 * Waymark never sends it.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { makeCalendar } from '../../core/calendar/index.js';
import { draftLetter, LETTER_KINDS, suggestLetters, type LetterKind, type LetterSuggestion } from '../../core/letters/index.js';
import { fail, ok, type Result } from '../../core/result.js';
import { letterDocx } from '../../letters/docx.js';
import { findSchoolInWorkbook } from '../school/find.js';
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
  const found = await findSchoolInWorkbook(options, 'reading');
  if (!found.ok) return found;
  const { framework, plan, school } = found.value;
  const row = plan.rows.find((r) => r.sheetRow === school.sheetRow)!;
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
