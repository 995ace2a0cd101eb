import type { Indicator, Phase, Rag } from '../../frameworks/schema.js';
import type { ParsedValue } from '../../indicators/types.js';
import { labelInSentence } from '../displayValue.js';
import { ragScore } from '../ragWords.js';
import { bandFor, nationalFor } from '../rateValue/index.js';
import type { IndicatorRating } from '../types.js';
import { holds } from './conditions.js';

/** One value an indicator could take, with its words as a target ("at least 94.5%"). */
export interface State {
  readonly rag: Rag;
  readonly value: ParsedValue | undefined;
  /** As a target when improving: "at least 94.5%", "effective". */
  readonly up: string;
  /** As a target when worsening: "below 94.5%", "ineffective". */
  readonly down: string;
}

/** Words by judgement indicator, positive to negative, so a move reads as the seed would. */
const JUDGEMENT_WORDS: Readonly<Record<string, readonly [string, string, string]>> = {
  'inspection-risk': ['low risk', 'vulnerable', 'highly vulnerable'],
  finance: ['secure', 'some concerns', 'serious concerns'],
  'staffing-stability': ['stable', 'some turbulence', 'not stable'],
  'self-evaluation': ['accurate', 'partly accurate', 'inaccurate'],
  'la-review': ['good', 'requires improvement', 'inadequate'],
  'hmi-monitoring': ['effective action', 'some concerns', 'not taking effective action'],
};
const DEFAULT_WORDS: readonly [string, string, string] = ['effective', 'requires improvement', 'ineffective'];

const fmt = (n: number): string => String(Math.round(n * 100) / 100);

/**
 * The values an indicator can take, best first, each with its RAG under the indicator's rule
 * (for the school's phase).
 */
export function statesOf(indicator: Indicator, phase: Phase | undefined): State[] {
  const rule = indicator.rule;
  const states: State[] = [];
  switch (rule.type) {
    case 'threshold': {
      const b = bandFor(rule, phase);
      const n = nationalFor(rule, phase);
      const u = indicator.kind === 'percentage' ? '%' : '';
      const higher = rule.direction === 'higher-is-better';
      const least = higher ? 'at least' : 'at most';
      const beyond = higher ? 'below' : 'above';
      const better = higher ? 'above' : 'below';
      const step = indicator.kind === 'count' ? 1 : indicator.kind === 'percentage' ? 0.1 : 0.01;
      states.push({ rag: 'G', value: { kind: 'versus-national', value: 'top-quartile' }, up: 'in the top quartile', down: 'in the top quartile' });
      states.push({
        rag: 'G',
        value: { kind: 'versus-national', value: higher ? 'above' : 'below' },
        up: `${better} national (${fmt(n)}${u})`,
        down: `${better} national (${fmt(n)}${u})`,
      });
      states.push({ rag: 'G', value: { kind: 'number', value: b.green }, up: `${least} ${fmt(b.green)}${u}`, down: `no longer ${better} national (${fmt(n)}${u})` });
      states.push({ rag: 'A', value: { kind: 'number', value: b.amber }, up: `${least} ${fmt(b.amber)}${u}`, down: `${beyond} ${fmt(b.green)}${u}` });
      const red = higher ? b.amber - step : b.amber + step;
      states.push({ rag: 'R', value: { kind: 'number', value: red }, up: `${beyond} ${fmt(b.amber)}${u}`, down: `${beyond} ${fmt(b.amber)}${u}` });
      break;
    }
    case 'judgement': {
      const w = JUDGEMENT_WORDS[indicator.id] ?? DEFAULT_WORDS;
      states.push({ rag: rule.positive, value: { kind: 'judgement', value: 'positive' }, up: w[0], down: w[0] });
      states.push({ rag: rule.mixed, value: { kind: 'judgement', value: 'mixed' }, up: w[1], down: w[1] });
      states.push({ rag: rule.negative, value: { kind: 'judgement', value: 'negative' }, up: w[2], down: w[2] });
      break;
    }
    case 'ofsted': {
      const words = ['outstanding (1)', 'good (2)', 'requires improvement (3)', 'inadequate (4)'];
      for (const g of [1, 2, 3, 4] as const) {
        const w = words[g - 1] ?? '';
        states.push({ rag: rule.legacy[String(g) as '1' | '2' | '3' | '4'], value: { kind: 'ofsted-legacy', grade: g }, up: w, down: w });
      }
      break;
    }
    case 'flag':
      states.push({ rag: rule.yes, value: { kind: 'flag', value: true }, up: 'yes', down: 'yes' });
      states.push({ rag: rule.no, value: { kind: 'flag', value: false }, up: 'no', down: 'no' });
      break;
    case 'trend':
      states.push({ rag: rule.improving, value: { kind: 'trend', value: 'improving' }, up: 'improving', down: 'improving' });
      states.push({ rag: rule.stable, value: { kind: 'trend', value: 'stable' }, up: 'stable', down: 'stable' });
      states.push({ rag: rule.declining, value: { kind: 'trend', value: 'declining' }, up: 'declining', down: 'declining' });
      break;
    case 'recency':
      states.push({ rag: rule.otherwise, value: undefined, up: `in post for more than ${rule.withinMonths} months`, down: `in post for more than ${rule.withinMonths} months` });
      states.push({ rag: rule.within, value: undefined, up: `appointed in the last ${rule.withinMonths} months`, down: `appointed in the last ${rule.withinMonths} months` });
      break;
  }
  // Best first; a stable sort keeps outstanding before good, top quartile before above national.
  return states.map((s, i) => ({ s, i })).sort((a, b) => ragScore[a.s.rag] - ragScore[b.s.rag] || a.i - b.i).map((x) => x.s);
}

/** A rating with a state's value and RAG, as if the cell held it. */
export function withState(base: IndicatorRating | undefined, indicator: Indicator, phase: Phase | undefined, state: State): IndicatorRating {
  return { indicator, rag: state.rag, display: state.up, value: state.value ?? base?.value, phase: base?.phase ?? phase };
}

const EVIDENCE = ['outstanding', 'above-national', 'top-quartile'] as const;

function signature(r: IndicatorRating): string {
  const one = new Map([[r.indicator.id, r]]);
  return `${r.rag}${EVIDENCE.map((e) => (holds({ indicator: r.indicator.id, evidence: e }, one) ? '1' : '0')).join('')}`;
}

/** Where a rating stands among its indicator's states (0 = best); the list's length when absent. */
export function positionOf(r: IndicatorRating | undefined, states: readonly State[]): number {
  if (r === undefined) return states.length;
  const sig = signature(r);
  for (let i = 0; i < states.length; i++) {
    const s = states[i] as State;
    if (signature(withState(r, r.indicator, r.phase, s)) === sig) return i;
  }
  for (let i = 0; i < states.length; i++) if (states[i]?.rag === r.rag) return i;
  return states.length;
}

/** "attendance" / "KS2 RWM expected standard", for a change's label. */
export const changeLabel = (indicator: Indicator): string => labelInSentence(indicator.label);
