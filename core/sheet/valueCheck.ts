import type { Indicator, IndicatorKind } from '../frameworks/schema.js';
import { readCell } from '../indicators/readCell/index.js';
import type { CellValue } from '../indicators/types.js';
import { cellText } from '../rating/displayValue.js';

/** Enough rows to know a column's kind; a 2,000-row sheet need not be read twice. */
const SAMPLE = 120;

/** A column's values below its heading: a sample, to check what its heading says. */
export interface ColumnValues {
  /** Cells with something in them (not blank, not "n/a", not an Excel error). */
  readonly sample: readonly CellValue[];
}

/**
 * The filled cells of one column below the header, at most {@link SAMPLE}, spread over
 * the whole sheet (a "Secondary" section further down counts too).
 *
 * @example
 * columnValues([['School', 'PA %'], ['Oak', '12%'], ['Elm', 'n/a']], 1, 1).sample //=> ['12%']
 */
export function columnValues(grid: readonly (readonly CellValue[])[], col: number, firstRow: number): ColumnValues {
  const rows = grid.length - firstRow;
  const step = Math.max(1, Math.floor(rows / (SAMPLE * 2)));
  const sample: CellValue[] = [];
  for (let r = firstRow; r < grid.length && sample.length < SAMPLE; r += step) {
    const v = grid[r]?.[col] ?? null;
    if (v === null || cellText(v) === '') continue;
    // "n/a", "-", #N/A say nothing about what the column holds.
    if (readCell(v, 'count').status === 'no-data') continue;
    sample.push(v);
  }
  return { sample };
}

/** How a column's values sit with one kind of indicator. */
export interface ValueFit {
  /** Share of the sample read as this kind, 0–1 (1 when there is no sample). */
  readonly share: number;
  readonly count: number;
  /** The numbers read, lowest and highest, when the kind is numeric. */
  readonly range?: { readonly min: number; readonly max: number; readonly median: number };
  /** The values in words, for the evidence: "10–30%", "Good, RI, Outstanding". */
  readonly words: string;
}

/**
 * Reads a column's sample as one kind of value.
 *
 * @example
 * valueFit({ sample: ['12%', '30%', 0.18] }, 'percentage') //=> { share: 1, range: { min: 12, max: 30, median: 18 }, words: '12–30%', … }
 */
export function valueFit(values: ColumnValues, kind: IndicatorKind): ValueFit {
  const { sample } = values;
  if (sample.length === 0) return { share: 1, count: 0, words: 'no values yet' };
  let read = 0;
  const numbers: number[] = [];
  for (const v of sample) {
    const r = readCell(v, kind);
    if (r.status !== 'value') continue;
    read++;
    if (r.value.kind === 'number') numbers.push(r.value.value);
  }
  const share = read / sample.length;
  if (numbers.length > 0) {
    numbers.sort((a, b) => a - b);
    const min = numbers[0] ?? 0;
    const max = numbers[numbers.length - 1] ?? 0;
    const median = numbers[Math.floor(numbers.length / 2)] ?? 0;
    const unit = kind === 'percentage' ? '%' : '';
    const words = min === max ? `${round(min)}${unit}` : `${round(min)}–${round(max)}${unit}`;
    return { share, count: sample.length, range: { min, max, median }, words: `values ${words}` };
  }
  return { share, count: sample.length, words: `values ${examples(sample)}` };
}

const round = (n: number): string => String(Math.round(n * 10) / 10);

/** Up to three different values as typed: "Good, RI, Outstanding". */
export function examples(sample: readonly CellValue[]): string {
  const seen: string[] = [];
  for (const v of sample) {
    const t = cellText(v);
    if (!seen.includes(t)) seen.push(t);
    if (seen.length === 3) break;
  }
  return seen.map((t) => (t.length > 20 ? `${t.slice(0, 19)}…` : t)).join(', ');
}

/**
 * Whether the numbers are of the size the indicator's thresholds are about: 85–99 is an
 * attendance figure, not a persistent-absence rate whose thresholds are near 20. Only
 * positive thresholds are checked (a Progress 8 score of 0 says nothing about scale).
 */
export function plausibleSize(indicator: Indicator, fit: ValueFit): boolean {
  const rule = indicator.rule;
  if (!fit.range || !sized(indicator)) return true;
  if (rule.type !== 'threshold') return true;
  // Phases differ (secondary suspensions run far above primary): any band may fit.
  const bands = [rule, ...Object.values(rule.byPhase ?? {})];
  const lo = Math.min(...bands.map((b) => Math.min(b.green, b.amber)));
  const hi = Math.max(...bands.map((b) => Math.max(b.green, b.amber)));
  return fit.range.median >= lo / 3 && fit.range.median <= hi * 3;
}

/** Whether an indicator's thresholds say what size its numbers are (not so for a score around 0). */
export function sized(indicator: Indicator): boolean {
  const rule = indicator.rule;
  if (rule.type !== 'threshold') return false;
  const bands = [rule, ...Object.values(rule.byPhase ?? {})];
  return bands.every((b) => Math.min(b.green, b.amber) > 0);
}

const DISTINCT_OFSTED = /^(outstanding|requires improvement|ri|inadequate|special measures|serious weaknesses|exceptional|urgent improvement|needs attention|strong standard|expected standard)$/i;
const DISTINCT_TREND = /^(improving|declining|↑|↓|up|down|rising|falling)$/i;

/**
 * The kind a column's values show whatever its heading says, when they could be nothing
 * else: Ofsted's words (Outstanding / Good / RI) or a trend (improving / declining).
 * Numbers and yes/no are never enough on their own.
 *
 * @example
 * kindByValues({ sample: ['Good', 'Outstanding', 'RI'] }) //=> 'ofsted'
 * kindByValues({ sample: ['Y', 'N'] }) //=> undefined
 */
export function kindByValues(values: ColumnValues): 'ofsted' | 'trend' | undefined {
  if (values.sample.length < 3) return undefined;
  const texts = values.sample.map((v) => cellText(v).trim());
  if (texts.some((t) => DISTINCT_OFSTED.test(t)) && valueFit(values, 'ofsted').share >= 0.9) return 'ofsted';
  if (texts.some((t) => DISTINCT_TREND.test(t)) && valueFit(values, 'trend').share >= 0.9) return 'trend';
  return undefined;
}
