import { z } from 'zod';
import { fail, ok, type Result } from '../result.js';
import { findAliasClashes, normaliseHeading } from './aliases.js';
import { cambridgeshire } from './builtin/cambridgeshire.js';
import { camden } from './builtin/camden.js';
import { reading } from './builtin/reading.js';
import { southwark } from './builtin/southwark.js';
import { triborough } from './builtin/triborough.js';
import {
  frameworkSchema,
  phaseSchema,
  thresholdRuleSchema,
  type Framework,
  type Phase,
  type ThresholdRule,
} from './schema.js';

export { frameworkSchema } from './schema.js';
export type { Framework, FrameworkInput, Indicator, Category, Condition, SeedRule, SeedRuleInput, MeetingType, Rag } from './schema.js';
export { normaliseHeading, findAliasClashes } from './aliases.js';
export { nationalFigures, defaultThresholds } from './national-figures.js';
export { indicatorLibrary, pickIndicator } from './library.js';

/** `indicators.3.rule.green`, or `(root)` for the whole file. */
const pathOf = (path: readonly PropertyKey[]): string =>
  path.length === 0 ? '(root)' : path.map((p) => String(p)).join('.');

const issuesOf = (error: z.ZodError, prefix: readonly PropertyKey[] = []): string[] =>
  error.issues.map((issue) => `${pathOf([...prefix, ...issue.path])}: ${issue.message}`);

/** Headings or category names that would be read as two different things. */
function ambiguities(framework: Framework): string[] {
  const errors = findAliasClashes(framework.indicators).map(
    (c) => `${c.path}: "${c.written}" also names indicator "${c.indicators[0]}"`,
  );
  const owner = new Map<string, string>();
  framework.categories.forEach((category, i) => {
    const names = [
      { path: `categories.${i}.code`, written: category.code },
      { path: `categories.${i}.label`, written: category.label },
      ...category.aliases.map((a, j) => ({ path: `categories.${i}.aliases.${j}`, written: a })),
    ];
    for (const { path, written } of names) {
      const key = normaliseHeading(written);
      if (key === '') continue;
      const first = owner.get(key);
      if (first === undefined) owner.set(key, category.code);
      else if (first !== category.code) errors.push(`${path}: "${written}" also names category "${first}"`);
    }
  });
  return errors;
}

/**
 * Validates a framework, as parsed JSON (or JSON text), filling in every default. Each error
 * names the field it is about, so an LA can fix its file; headings or category names that
 * would name two things at once are errors too.
 *
 * @example
 * const result = parseFramework(readFileSync('my-la.json', 'utf8')); // text or parsed JSON
 * if (!result.ok) console.log(result.error.join('\n'));
 * // categoryRule.overrides.0.atLeast: unknown category "Z" (categories: A, B, C)
 * // indicators.3.rule.green: Invalid input: expected number, received string
 */
export function parseFramework(json: unknown): Result<Framework, string[]> {
  let input = json;
  if (typeof json === 'string') {
    try {
      input = JSON.parse(json) as unknown;
    } catch (e) {
      return fail([`(root): not valid JSON (${e instanceof Error ? e.message : String(e)})`]);
    }
  }
  const parsed = frameworkSchema.safeParse(input);
  if (!parsed.success) return fail(issuesOf(parsed.error));
  const clashes = ambiguities(parsed.data);
  return clashes.length > 0 ? fail(clashes) : ok(parsed.data);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function builtIn(input: unknown): Framework {
  const result = parseFramework(input);
  // A built-in that fails its own schema is a programmer error: fail loudly at load.
  if (!result.ok) throw new Error(`built-in framework is invalid:\n${result.error.join('\n')}`);
  return deepFreeze(result.value);
}

/**
 * The five frameworks from the seeds, validated once at load and frozen: Reading, Southwark,
 * Cambridgeshire, Camden, Tri-borough.
 *
 * @example
 * builtInFrameworks.map((f) => f.id);
 * // ['reading', 'southwark', 'cambridgeshire', 'camden', 'triborough']
 */
export const builtInFrameworks: readonly Framework[] = Object.freeze(
  [reading, southwark, cambridgeshire, camden, triborough].map(builtIn),
);

/**
 * The built-in frameworks' ids.
 *
 * @example
 * frameworkIds.includes('camden'); // true
 */
export const frameworkIds: readonly string[] = Object.freeze(builtInFrameworks.map((f) => f.id));

/**
 * A built-in framework by id (case and surrounding spaces ignored).
 *
 * @example
 * const r = getFramework('reading');
 * if (r.ok) r.value.categories.map((c) => c.code); // ['S', 'G', 'R', 'C']
 * getFramework('leeds');
 * // { ok: false, error: 'unknown framework "leeds" (built-in frameworks: reading, southwark, …)' }
 */
export function getFramework(id: string): Result<Framework, string> {
  const wanted = id.trim().toLowerCase();
  const found = builtInFrameworks.find((f) => f.id === wanted);
  return found
    ? ok(found)
    : fail(`unknown framework "${id}" (built-in frameworks: ${frameworkIds.join(', ')})`);
}

const bandOverrideSchema = z
  .object({ green: z.number().finite().optional(), amber: z.number().finite().optional() })
  .strict();

/**
 * Per-workbook threshold overrides: by indicator id, a new green and/or amber for all
 * phases, bands for some phases, and optionally where the figures come from.
 *
 * @example
 * thresholdOverridesSchema.parse({
 *   attendance: { green: 95, amber: 92 },
 *   'persistent-absence': { byPhase: { secondary: { green: 20, amber: 25 } } },
 * });
 */
export const thresholdOverridesSchema = z.record(
  z.string(),
  z
    .object({
      green: z.number().finite().optional(),
      amber: z.number().finite().optional(),
      byPhase: z.partialRecord(phaseSchema, bandOverrideSchema).optional(),
      source: z.string().min(1).optional(),
    })
    .strict(),
);
/** Per-workbook threshold overrides, as validated. */
export type ThresholdOverrides = z.infer<typeof thresholdOverridesSchema>;

type ThresholdOverride = ThresholdOverrides[string];

function applyOverride(rule: ThresholdRule, o: ThresholdOverride): unknown {
  const allPhases = o.green !== undefined || o.amber !== undefined;
  const green = o.green ?? rule.green;
  const amber = o.amber ?? rule.amber;
  // New figures for all phases replace the default phase bands, unless given again here.
  const byPhase: Partial<Record<Phase, { green: number; amber: number }>> = allPhases
    ? {}
    : { ...rule.byPhase };
  const phases = Object.entries(o.byPhase ?? {}) as [Phase, { green?: number; amber?: number }][];
  for (const [phase, band] of phases) {
    const before = byPhase[phase] ?? { green, amber };
    byPhase[phase] = { green: band.green ?? before.green, amber: band.amber ?? before.amber };
  }
  const changed = [...(allPhases ? ['all phases'] : []), ...phases.map(([p]) => p)].join(', ');
  const { byPhase: _dropped, ...rest } = rule;
  return {
    ...rest,
    green,
    amber,
    ...(Object.keys(byPhase).length > 0 ? { byPhase } : {}),
    source:
      o.source ??
      `Set in this workbook (${changed})${rule.source && !allPhases ? `; otherwise: ${rule.source}` : ''}`,
  };
}

/**
 * A copy of a framework with one workbook's thresholds applied; the framework passed in is
 * never changed. Giving `green`/`amber` sets them for every phase (the default phase bands
 * are dropped); giving `byPhase` changes only those phases. Errors name the indicator:
 * unknown ids, indicators without a threshold rule, bands the wrong way round for the
 * indicator's direction, values that are not numbers.
 *
 * @example
 * const reading = getFramework('reading');
 * if (!reading.ok) throw new Error(reading.error);
 * const r = withThresholds(reading.value, {
 *   attendance: { green: 95, amber: 92 },
 *   'persistent-absence': { byPhase: { secondary: { green: 20, amber: 25 } } },
 * });
 * // r.ok: attendance is green from 95%, amber from 92%, in every phase
 * withThresholds(reading.value, { attendance: { green: 90, amber: 92 } });
 * // { ok: false, error: ['attendance.green: with higher-is-better, green (90) must be at least amber (92)'] }
 */
export function withThresholds(framework: Framework, overrides: unknown): Result<Framework, string[]> {
  const parsed = thresholdOverridesSchema.safeParse(overrides);
  if (!parsed.success) return fail(issuesOf(parsed.error));
  const thresholdIds = framework.indicators.filter((i) => i.rule.type === 'threshold').map((i) => i.id);
  const errors: string[] = [];
  const rules = new Map<string, ThresholdRule>();
  for (const [id, o] of Object.entries(parsed.data)) {
    const indicator = framework.indicators.find((i) => i.id === id);
    if (indicator === undefined) {
      errors.push(`${id}: unknown indicator (threshold indicators here: ${thresholdIds.join(', ')})`);
      continue;
    }
    if (indicator.rule.type !== 'threshold') {
      errors.push(`${id}: not a threshold indicator (its rule is "${indicator.rule.type}"), so it takes no green or amber`);
      continue;
    }
    const merged = thresholdRuleSchema.safeParse(applyOverride(indicator.rule, o));
    if (merged.success) rules.set(id, merged.data);
    else errors.push(...issuesOf(merged.error, [id]));
  }
  if (errors.length > 0) return fail(errors);
  const copy = structuredClone(framework);
  copy.indicators = copy.indicators.map((i) => {
    const rule = rules.get(i.id);
    return rule ? { ...i, rule } : i;
  });
  return ok(copy);
}
