/**
 * The two JSON files a team may give Waymark beside its workbook: the sheet config
 * (`--config`, WAYMARK_SHEET_CONFIG, the add-in's saved choices) and a custom framework.
 * Shared by the CLI and the bot, so both refuse a bad file with the same words.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { getFramework, parseFramework } from '../core/frameworks/index.js';
import type { Framework } from '../core/frameworks/schema.js';
import { fail, ok, type Result } from '../core/result.js';
import { sheetConfigSchema, type SheetConfig } from '../core/sheet/config.js';

const describeZod = (issues: readonly { path: readonly PropertyKey[]; message: string }[]): string =>
  issues.map((i) => `${i.path.map(String).join('.') || '(top)'}: ${i.message}`).join('; ');

/** A file's JSON, or why not, in words that name the file and what it was meant to be. */
async function readJson(file: string, what: string): Promise<Result<unknown, string>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return fail(`cannot read ${what} ${file}: no such file`);
  }
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (e) {
    return fail(`${what} ${file} is not valid JSON: ${(e as Error).message}`);
  }
}

/** Reads a sheet config file (`--config`, WAYMARK_SHEET_CONFIG); none gives the defaults. */
export async function loadSheetConfig(file: string | undefined): Promise<Result<SheetConfig, string>> {
  if (!file) return ok(sheetConfigSchema.parse({}));
  const json = await readJson(file, 'config');
  if (!json.ok) return json;
  const parsed = sheetConfigSchema.safeParse(json.value);
  return parsed.success ? ok(parsed.data) : fail(`invalid config ${file}: ${describeZod(parsed.error.issues)}`);
}

/** A built-in id, or a path to a framework JSON file. */
export async function loadFramework(spec: string): Promise<Result<Framework, string>> {
  const looksLikeFile = spec.endsWith('.json') || spec.includes('/') || spec.includes(path.sep);
  if (!looksLikeFile) return getFramework(spec);
  const json = await readJson(spec, 'framework file');
  if (!json.ok) return json;
  const parsed = parseFramework(json.value);
  return parsed.ok ? parsed : fail(`invalid framework file ${spec}: ${parsed.error.join('; ')}`);
}
