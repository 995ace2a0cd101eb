import type { Indicator, Phase } from '../frameworks/schema.js';

/** One line of a threshold in words, for one phase or for every phase. */
export interface ThresholdLine {
  /** The phases this line applies to; empty when it applies to every phase. */
  readonly phases: readonly Phase[];
  readonly text: string;
}

const phaseWords: Record<Phase, string> = {
  primary: 'primary',
  secondary: 'secondary',
  special: 'special',
  'all-through': 'all-through',
  nursery: 'nursery',
  pru: 'PRU',
};

const num = (n: number, unit: string): string => `${String(Math.round(n * 100) / 100)}${unit}`;

/**
 * A threshold indicator's bands in the words a person reads, one line per distinct band:
 * "green at or below 15%, amber up to 20%, red above" (lower is better) or "green at 96% or
 * above, amber down to 94%, red below" (higher is better). Phases whose bands differ from the
 * default get their own line ("Secondary: …"). Other rule types give no lines.
 *
 * @example
 * thresholdWords(persistentAbsence)
 * //=> [{ phases: [], text: 'green at or below 15%, amber up to 20%, red above' }]
 */
export function thresholdWords(indicator: Indicator): readonly ThresholdLine[] {
  const rule = indicator.rule;
  if (rule.type !== 'threshold') return [];
  const unit = indicator.kind === 'percentage' ? '%' : '';
  const words = (green: number, amber: number): string =>
    rule.direction === 'lower-is-better'
      ? `green at or below ${num(green, unit)}, amber up to ${num(amber, unit)}, red above`
      : `green at ${num(green, unit)} or above, amber down to ${num(amber, unit)}, red below`;
  const base = words(rule.green, rule.amber);
  const lines: { phases: Phase[]; text: string }[] = [];
  for (const [phase, band] of Object.entries(rule.byPhase ?? {}) as [Phase, { green: number; amber: number }][]) {
    const text = words(band.green, band.amber);
    if (text === base) continue;
    const same = lines.find((l) => l.text === text);
    if (same) same.phases.push(phase);
    else lines.push({ phases: [phase], text });
  }
  if (lines.length === 0) return [{ phases: [], text: base }];
  return [
    ...lines.map((l) => ({ phases: l.phases, text: `${l.phases.map((p) => phaseWords[p]).join(' and ')}: ${l.text}` })),
    { phases: [], text: `other phases: ${base}` },
  ];
}
