/**
 * `npm run report`: reads the workbook as `npm run letter` does (nothing is written to it),
 * finds the school, and writes its project board report (Camden's template, filled with what
 * the workbook holds) as a .docx beside it. A draft for the CPP and the Chair; nothing is sent.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fail, ok, type Result } from '../../core/result.js';
import { schoolProjectBoardFile } from '../../letters/project-board.js';
import { findSchoolInWorkbook } from '../school/find.js';

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
  const found = await findSchoolInWorkbook(options, 'camden');
  if (!found.ok) return found;
  const { framework, school } = found.value;
  const file = await schoolProjectBoardFile(school, framework.id, { today: options.today });
  if (!file.ok) return file;
  const out = options.out ?? path.join(path.dirname(options.input), file.value.fileName);
  if (path.resolve(out) === path.resolve(options.input)) return fail('--out must not name the workbook');
  await writeFile(out, file.value.bytes);
  return ok({ out, school: school.name, description: file.value.description });
}
