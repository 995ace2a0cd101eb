import type { Framework, Indicator } from '../frameworks/schema.js';
import type { CellValue } from '../indicators/types.js';
import { cellText } from '../rating/displayValue.js';
import { fail, ok, type Result } from '../result.js';
import type { Origin } from './address.js';
import { matchCategory } from './matchCategory.js';
import { headerKey } from './normaliseHeader.js';
import { readColumns } from './readColumns.js';
import { roles } from './roles.js';

/** The framework a sheet is in, why, and what in the officer's column does not fit it. */
export interface FrameworkChoice {
  readonly framework: Framework;
  /** In words, for the CLI, the report and the pane. */
  readonly reason: string;
  /** Values in the officer's column that are no category of the chosen framework, with row counts. */
  readonly misfits: readonly { readonly raw: string; readonly rows: number }[];
  /** Share of the officer's category cells the chosen framework reads, 0–1 (undefined: no such column). */
  readonly fit?: number;
  /** Whether the sheet itself showed the framework (false: no category column, the first was taken). */
  readonly fromSheet: boolean;
}

export interface DetectOptions {
  readonly origin?: Origin;
  readonly headerRow?: number;
  /** The sheet config's column mapping (an officer-category column named there is used). */
  readonly columns?: Readonly<Record<string, string>>;
}

/**
 * Chooses, among frameworks (the built-ins, say), the one a sheet is written in: the one
 * whose categories read most of the officer's own category column ("A–D", "Low / Medium /
 * High", "S/G/R/C"), then the one that knows most of its headings. Never silent: the reason
 * names the column and the values, and values the choice cannot read are returned.
 *
 * @example
 * const choice = detectFramework(grid, builtInFrameworks);
 * choice.ok && choice.value.framework.id //=> 'southwark'
 * choice.ok && choice.value.reason //=> "the officer's column AA 'LA category' holds A, B, C, D: all 40 are Southwark … categories (next best: Reading, 9 of 40)"
 */
export function detectFramework(
  grid: readonly (readonly CellValue[])[],
  frameworks: readonly Framework[],
  options: DetectOptions = {},
): Result<FrameworkChoice, string> {
  const first = frameworks[0];
  if (!first) return fail('no framework to choose from');
  const byId = new Map<string, Indicator>();
  for (const f of frameworks) for (const i of f.indicators) if (!byId.has(i.id)) byId.set(i.id, i);
  // A mapping to a custom indicator is the framework's business, not detection's.
  const known = (to: string) => to === 'ignore' || byId.has(to) || (roles as readonly string[]).includes(to);
  const columns = Object.fromEntries(Object.entries(options.columns ?? {}).filter(([, to]) => known(to)));
  const read = readColumns(grid, {
    indicators: [...byId.values()],
    ...(options.origin && { origin: options.origin }),
    ...(options.headerRow !== undefined && { headerRow: options.headerRow }),
    columns,
  });
  if (!read.ok) return fail(read.error.message);
  const accounts = read.value.accounts;
  const officer = accounts.find((a) => a.status === 'officer-category');
  const school = accounts.find((a) => a.target === 'school');
  const headed = (f: Framework) => {
    const ids = new Set(f.indicators.map((i) => i.id));
    return accounts.filter((a) => a.status === 'indicator' && a.target && ids.has(a.target)).length;
  };

  const values: string[] = [];
  if (officer) {
    const schoolKey = school ? headerKey(school.header) : '';
    const officerKey = headerKey(officer.header);
    for (let r = Math.max(...read.value.headingRows) + 1; r < grid.length; r++) {
      const row = grid[r] ?? [];
      if (school && cellText(row[school.col]) === '') continue;
      const t = cellText(row[officer.col]);
      if (t === '' || headerKey(t) === officerKey || (school && headerKey(cellText(row[school.col])) === schoolKey)) continue;
      values.push(t);
    }
  }
  const scored = frameworks.map((framework, order) => {
    let read = 0;
    const misses = new Map<string, number>();
    for (const v of values) {
      if (matchCategory(v, framework)) read++;
      else misses.set(v, (misses.get(v) ?? 0) + 1);
    }
    return { framework, order, read, misses, headings: headed(framework) };
  });
  scored.sort((a, b) => b.read - a.read || b.headings - a.headings || a.order - b.order);
  const best = scored[0]!;
  const next = scored[1];
  const misfits = [...best.misses].map(([raw, rows]) => ({ raw, rows }));
  const name = (f: Framework) => f.name;
  if (!officer || values.length === 0 || best.read === 0) {
    const why = !officer
      ? 'the sheet has no officer\'s category column to tell the framework by'
      : values.length === 0
        ? `the officer's column ${officer.letter} '${officer.header}' is empty`
        : `no framework reads the officer's column ${officer.letter} '${officer.header}' (${distinct(values)})`;
    return ok({ framework: first, reason: `${why}; using ${name(first)}, the first framework. Name the right one with --framework.`, misfits, fromSheet: false });
  }
  const fit = best.read / values.length;
  const share = best.read === values.length ? `all ${values.length} are ${name(best.framework)} categories` : `${best.read} of ${values.length} are ${name(best.framework)} categories`;
  const runnerUp = next && next.read > 0 ? ` (next best: ${name(next.framework)}, ${next.read} of ${values.length})` : '';
  const reason = `the officer's column ${officer.letter} '${officer.header}' holds ${distinct(values)}: ${share}${runnerUp}`;
  return ok({ framework: best.framework, reason, misfits, fit, fromSheet: true });
}

/** Up to six different values, as written. */
function distinct(values: readonly string[]): string {
  const seen = [...new Set(values)];
  return seen.slice(0, 6).join(', ') + (seen.length > 6 ? ', …' : '');
}
