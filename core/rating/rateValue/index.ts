import { addMonths, isAfter, parseISO } from 'date-fns';
import type { Band, Indicator, Phase, Rag, RagRule, ThresholdRule } from '../../frameworks/schema.js';
import type { ParsedValue, VersusNational } from '../../indicators/types.js';
import { fail, ok, type Result } from '../../result.js';
import { ragWord as word } from '../ragWords.js';

export interface RateOptions {
  /** The school's phase, for thresholds that differ by phase. */
  readonly phase?: Phase | undefined;
  /** Today's date (yyyy-MM-dd), for date rules such as "head appointed in the last 12 months". */
  readonly today: string;
}

/**
 * The RAG of one parsed value under an indicator's rule.
 *
 * A value of the wrong shape for the rule (a flag where a number is expected) is an error
 * value, not an exception: it means the column was mapped to the wrong indicator.
 *
 * @example
 * rateValue({ kind: 'number', value: 89.1 }, attendance, { today: '2026-11-24' })
 * //=> { ok: true, value: 'R' } when attendance is green from 94 and amber from 92
 */
export function rateValue(value: ParsedValue, indicator: Indicator, options: RateOptions): Result<Rag> {
  const rule: RagRule = indicator.rule;
  switch (rule.type) {
    case 'threshold':
      if (value.kind === 'versus-national') return RATED[rateVersus(value.value, rule)];
      if (value.kind !== 'number') return mismatch(indicator, value);
      return RATED[rateNumber(value.value, rule, options.phase)];
    case 'flag':
      if (value.kind !== 'flag') return mismatch(indicator, value);
      return RATED[value.value ? rule.yes : rule.no];
    case 'judgement':
      if (value.kind !== 'judgement') return mismatch(indicator, value);
      return RATED[rule[value.value]];
    case 'trend':
      if (value.kind !== 'trend') return mismatch(indicator, value);
      return RATED[rule[value.value]];
    case 'ofsted':
      switch (value.kind) {
        case 'ofsted-legacy':
          return RATED[rule.legacy[String(value.grade) as '1' | '2' | '3' | '4']];
        case 'ofsted-report-card':
          return RATED[rule.reportCard[value.grade]];
        case 'ofsted-safeguarding':
          // Report cards judge safeguarding met / not met; not met is the gravest finding.
          return RATED[value.met ? 'G' : 'R'];
        default:
          return mismatch(indicator, value);
      }
    case 'recency': {
      if (value.kind !== 'date') return mismatch(indicator, value);
      const until = addMonths(parseISO(value.value), rule.withinMonths);
      return RATED[isAfter(until, parseISO(options.today)) ? rule.within : rule.otherwise];
    }
  }
}

/** Rating runs per cell on sheets of thousands: the three answers are shared, not rebuilt. */
const RATED: Record<Rag, Result<Rag>> = { G: ok('G'), A: ok('A'), R: ok('R') };

function rateNumber(n: number, rule: ThresholdRule, phase: Phase | undefined): Rag {
  const band = bandFor(rule, phase);
  if (rule.direction === 'higher-is-better') {
    return n >= band.green ? 'G' : n >= band.amber ? 'A' : 'R';
  }
  return n <= band.green ? 'G' : n <= band.amber ? 'A' : 'R';
}

/**
 * "Above national" typed for a measure where higher is better is green; for one where lower is
 * better (absence, suspensions) it is the concern. Well beyond national the wrong way is red.
 */
function rateVersus(v: VersusNational, rule: ThresholdRule): Rag {
  if (v === 'top-quartile' || v === 'in-line') return 'G';
  if (v === 'bottom-quartile') return 'R';
  const better = rule.direction === 'higher-is-better' ? ['above', 'well-above'] : ['below', 'well-below'];
  if (better.includes(v)) return 'G';
  return v === 'well-above' || v === 'well-below' ? 'R' : 'A';
}

/** The band a threshold rule applies for a phase (the all-phase band when none is set). */
export function bandFor(rule: ThresholdRule, phase: Phase | undefined): Band {
  return (phase && rule.byPhase?.[phase]) || { green: rule.green, amber: rule.amber };
}

/** The national figure a rule compares with for a phase ("above national" evidence). */
export function nationalFor(rule: ThresholdRule, phase: Phase | undefined): number {
  return (phase && rule.nationalByPhase?.[phase]) ?? rule.national ?? bandFor(rule, phase).green;
}

function mismatch(indicator: Indicator, value: ParsedValue): Result<never> {
  return fail(`${indicator.label} expects a ${indicator.kind} value, got ${value.kind}`);
}

/**
 * The band in words, for legends and notes: "green ≥ 94, amber ≥ 92, red below".
 *
 * @example
 * describeRule(attendance.rule) //=> "green at least 94, amber at least 92, red below 92"
 */
export function describeRule(rule: RagRule, phase?: Phase): string {
  switch (rule.type) {
    case 'threshold': {
      const words = (b: Band): string =>
        rule.direction === 'higher-is-better'
          ? `green at least ${b.green}, amber at least ${b.amber}, red below ${b.amber}`
          : `green at most ${b.green}, amber at most ${b.amber}, red above ${b.amber}`;
      if (phase !== undefined) {
        const own = rule.byPhase?.[phase];
        return own ? `${phase}: ${words(own)}` : words(bandFor(rule, phase));
      }
      // No phase: every phase's band, so a legend never shows one figure that a cell contradicts.
      const phases = Object.entries(rule.byPhase ?? {}) as [Phase, Band][];
      if (phases.length === 0) return words(rule);
      return [`${words(rule)} (all other phases)`, ...phases.map(([p, b]) => `${p}: ${words(b)}`)].join('; ');
    }
    case 'flag':
      return `yes is ${word[rule.yes]}, no is ${word[rule.no]}`;
    case 'judgement':
      return `positive ${word[rule.positive]}, mixed ${word[rule.mixed]}, negative ${word[rule.negative]}`;
    case 'trend':
      return `improving ${word[rule.improving]}, stable ${word[rule.stable]}, declining ${word[rule.declining]}`;
    case 'ofsted':
      return `grades 1–4: ${(['1', '2', '3', '4'] as const).map((g) => word[rule.legacy[g]]).join(', ')}; report cards: needs attention ${word[rule.reportCard['needs-attention']]}, urgent improvement ${word[rule.reportCard['urgent-improvement']]}`;
    case 'recency':
      return `within ${rule.withinMonths} months ${word[rule.within]}, otherwise ${word[rule.otherwise]}`;
  }
}
