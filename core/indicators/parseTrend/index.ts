import type { CellReading, CellValue, Trend } from '../types.js';
import { cleanText, wordKey } from '../_lib/cleanText/index.js';
import { describeRaw } from '../_lib/describeRaw/index.js';
import { lookupPhrase } from '../_lib/lookupPhrase/index.js';
import { invalidReading, valueReading } from '../_lib/reading/index.js';
import { noData } from '../noData/index.js';

/**
 * Arrows and signs, looked up before {@link wordKey} would strip them. A lone "-" is not
 * here: {@link noData} reads it as "not applicable" first, as it does in every column.
 */
const SYMBOLS: ReadonlyMap<string, Trend> = new Map([
  ['↑', 'improving'],
  ['⬆', 'improving'],
  ['⇧', 'improving'],
  ['↗', 'improving'],
  ['🡅', 'improving'],
  ['▲', 'improving'],
  ['+', 'improving'],
  ['↓', 'declining'],
  ['⬇', 'declining'],
  ['⇩', 'declining'],
  ['↘', 'declining'],
  ['🡇', 'declining'],
  ['▼', 'declining'],
  ['→', 'stable'],
  ['➡', 'stable'],
  ['↔', 'stable'],
  ['⇔', 'stable'],
  ['⬌', 'stable'],
  ['=', 'stable'],
]);

const WORDS: ReadonlyMap<string, Trend> = new Map([
  ['improving', 'improving'],
  ['improved', 'improving'],
  ['up', 'improving'],
  ['rising', 'improving'],
  ['declining', 'declining'],
  ['declined', 'declining'],
  ['down', 'declining'],
  ['falling', 'declining'],
  ['worsening', 'declining'],
  ['deteriorating', 'declining'],
  ['stable', 'stable'],
  ['consistent', 'stable'],
  ['static', 'stable'],
  ['steady', 'stable'],
  ['unchanged', 'stable'],
  ['no change', 'stable'],
  ['same', 'stable'],
]);

/** Also splits at spaces, so "↑ improving" reads when both halves agree. */
const PARTS = /\s*[(),;:/|]\s*|\s+[-–—]\s+|\s+/;

/**
 * Reads a direction of travel: improving (improving, up, rising, ↑, ⬆, +), declining
 * (declining, down, falling, ↓, ⬇) or stable (stable, consistent, static, no change, →, =).
 * Case and punctuation are ignored; "up" means better, whatever the measure.
 *
 * @example
 * parseTrend('Improving') // { status: 'value', value: { kind: 'trend', value: 'improving' } }
 * parseTrend('→')         // { status: 'value', value: { kind: 'trend', value: 'stable' } }
 */
export function parseTrend(raw: CellValue): CellReading {
  const empty = noData(raw);
  if (empty) return empty;
  if (typeof raw === 'string') {
    const lookup = (part: string): Trend | undefined => SYMBOLS.get(part.trim()) ?? WORDS.get(wordKey(part));
    const found = lookupPhrase(cleanText(raw), lookup, PARTS);
    if (found !== undefined) return valueReading({ kind: 'trend', value: found });
  }
  return invalidReading(`${describeRaw(raw)} is not a trend (expected improving/stable/declining, up/down, ↑/→/↓, + or =)`);
}
