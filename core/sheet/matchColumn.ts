import type { Indicator, IndicatorKind } from '../frameworks/schema.js';
import { sameTarget, type HeadingMatch, type Target } from './matchHeading.js';
import { examples, kindByValues, plausibleSize, sized, valueFit, type ColumnValues } from './valueCheck.js';

/**
 * How sure Waymark is of a column: `confirmed` by the workbook's own mapping; `high` when
 * heading and values agree; `medium` when one is weaker (a heading with extra words, or
 * values alone that could be nothing else); `low` is never used without the officer's word.
 */
export type Confidence = 'confirmed' | 'high' | 'medium' | 'low';

/** What a column is, in the words the report and the pane use. */
export type ColumnStatus = 'indicator' | 'identity' | 'officer-category' | 'ignored' | 'confirm' | 'unknown';

/** An indicator or role a column might be, offered to the officer. */
export interface ColumnSuggestion {
  /** An indicator id or a role. */
  readonly target: string;
  readonly label: string;
}

export interface ColumnDecision {
  /** The heading as read: with its group heading when the sheet has two header rows. */
  readonly header: string;
  readonly status: ColumnStatus;
  /** What it is used as (indicator and identity columns), or the best guess (confirm). */
  readonly target?: Target;
  readonly confidence?: Confidence;
  readonly matchedBy?: 'alias' | 'heading' | 'values' | 'mapping';
  /** The heading score that decided it, 0–1, to choose between two columns for one field. */
  readonly score: number;
  /** Why, in words: "heading 'PA %' ~ persistent absence; values 10–30%". */
  readonly evidence: string;
  /** For columns to confirm and not understood: the closest indicators. */
  readonly suggestions: readonly ColumnSuggestion[];
}

const kindWords: Record<IndicatorKind, string> = {
  percentage: 'percentages',
  count: 'counts',
  rate: 'numbers',
  flag: 'yes/no answers',
  judgement: 'judgements',
  ofsted: 'Ofsted grades',
  trend: 'trends',
  date: 'dates',
};

/** A heading match at least this good is used (with values that agree). */
export const USE_SCORE = 0.8;
/** Below this a heading match is only a suggestion. */
const CONFIRM_SCORE = 0.45;

const labelOf = (t: Target): string =>
  t.type === 'indicator' ? t.indicator.label : t.type === 'role' ? t.role.replace(/-/g, ' ') : 'ignore';
const suggestion = (t: Target): ColumnSuggestion => ({
  target: t.type === 'indicator' ? t.indicator.id : t.type === 'role' ? t.role : 'ignore',
  label: labelOf(t),
});
const say = (t: Target): string => labelOf(t).toLowerCase();

export interface DecideContext {
  readonly match: (heading: string) => readonly HeadingMatch[];
  readonly indicators: readonly Indicator[];
}

/**
 * Decides what one column is, from its heading (or the heading with its group heading, when
 * the sheet has two header rows; the better reading wins) and then its values.
 *
 * @example
 * decideColumn(['PA %'], () => ({ sample: ['12%', '30%'] }), context)
 * //=> { status: 'indicator', confidence: 'high', evidence: "heading 'PA %' ~ persistent absence; values 12–30%", … }
 * decideColumn(['Last inspection'], () => ({ sample: ['Good', 'RI', 'Outstanding'] }), context).status //=> 'indicator' (by values)
 */
export function decideColumn(headings: readonly string[], values: () => ColumnValues, context: DecideContext): ColumnDecision {
  let header = headings[0] ?? '';
  let matches = context.match(header);
  for (const h of headings.slice(1)) {
    const m = context.match(h);
    if ((m[0]?.score ?? 0) > (matches[0]?.score ?? 0) + 0.001) {
      header = h;
      matches = m;
    }
  }
  const best = matches[0];
  const rival = best && matches.find((m) => !sameTarget(m.target, best.target) && m.target.type !== 'ignore');
  // A heading that only partly names its best match and also names another is ambiguous:
  // "Report card: leadership" is leadership as much as an Ofsted grade.
  const near = best && rival && rival.score >= best.score - (best.score < 1 ? 0.12 : 0.02) && best.target.type !== 'ignore';
  const heard = best ? `heading '${header}' ~ ${say(best.target)}` : '';

  if (!best || best.score < CONFIRM_SCORE) return byValues(header, matches, values(), context);
  const score = best.score;
  if (best.target.type === 'ignore') {
    if (score < USE_SCORE) return byValues(header, matches, values(), context);
    const kept = `heading '${header}' ~ ${best.name.toLowerCase()}`;
    // A "visit" column holding Outstanding / Good / RI may well be a grade: ask, do not drop it.
    const kind = kindByValues(values());
    const like = kind && context.indicators.find((i) => i.kind === kind);
    if (like) {
      return confirm(header, { type: 'indicator', indicator: like }, score, `${kept}, but values ${examples(values().sample)} read as ${kindWords[like.kind]}`, [
        suggestion({ type: 'indicator', indicator: like }),
        { target: 'ignore', label: 'ignore' },
      ]);
    }
    return { header, status: 'ignored', score, evidence: `${kept}: kept by the team, not rated`, suggestions: [] };
  }
  if (near && rival) {
    const band = best.score - (best.score < 1 ? 0.12 : 0.02);
    const close = matches.filter((m) => m.target.type !== 'ignore' && m.score >= band).slice(0, 3);
    return {
      header,
      status: 'confirm',
      target: best.target,
      confidence: 'low',
      score,
      evidence: `heading '${header}' could be ${close.map((m) => say(m.target)).join(' or ')}`,
      suggestions: close.map((m) => suggestion(m.target)),
    };
  }
  if (best.target.type === 'role') {
    if (score < USE_SCORE) return confirm(header, best.target, score, `${heard}, but only in part`, [suggestion(best.target)]);
    return {
      header,
      status: best.target.role === 'officer-category' ? 'officer-category' : 'identity',
      target: best.target,
      confidence: score === 1 ? 'high' : 'medium',
      matchedBy: score === 1 ? 'alias' : 'heading',
      score,
      evidence: heard,
      suggestions: [],
    };
  }

  const indicator = best.target.indicator;
  const column = values();
  const fit = valueFit(column, indicator.kind);
  const alternatives = matches.filter((m) => m.target.type === 'indicator' && m !== best).slice(0, 2).map((m) => suggestion(m.target));
  if (fit.count > 0 && fit.share < 0.5) {
    const other = kindByValues(column);
    const instead = other ? context.indicators.filter((i) => i.kind === other).slice(0, 1).map((i) => suggestion({ type: 'indicator', indicator: i })) : [];
    return confirm(header, best.target, score, `${heard}; but ${fit.words} are not ${kindWords[indicator.kind]}`, [suggestion(best.target), ...instead]);
  }
  if (!plausibleSize(indicator, fit)) {
    const fitting = context.indicators.filter(
      (i) => i !== indicator && i.kind === indicator.kind && sized(i) && plausibleSize(i, valueFit(column, i.kind)),
    );
    // Nearest in size first: 93% is nearer attendance's 95 than KS2's 60.
    const median = valueFit(column, indicator.kind).range?.median ?? 0;
    const byHeading = fitting.sort((a, b) => sizeDistance(a, median) - sizeDistance(b, median)).slice(0, 2);
    const look = byHeading[0] ? `; they look like ${byHeading[0].label.toLowerCase()}` : '';
    return confirm(header, best.target, score, `${heard}; but ${fit.words} are not the size of ${say(best.target)}${look}`, [
      suggestion(best.target),
      ...byHeading.map((i) => suggestion({ type: 'indicator', indicator: i })),
    ]);
  }
  const evidence = `${heard}; ${fit.words}`;
  if (score < USE_SCORE) return confirm(header, best.target, score, `${heard} only in part; ${fit.words}`, [suggestion(best.target), ...alternatives]);
  // The framework's own name for it with most values readable is used; the cells that are
  // not are reported one by one, as ever.
  const confidence: Confidence =
    score === 1 ? (fit.share >= 0.9 ? 'high' : 'medium') : fit.share >= 0.9 ? 'high' : fit.share >= 0.7 ? 'medium' : 'low';
  if (confidence === 'low') return confirm(header, best.target, score, `${evidence}; some values are not ${kindWords[indicator.kind]}`, [suggestion(best.target)]);
  return { header, status: 'indicator', target: best.target, confidence, matchedBy: score === 1 ? 'alias' : 'heading', score, evidence, suggestions: [] };
}

/** How far, in ratio, a number is from an indicator's thresholds. */
function sizeDistance(indicator: Indicator, n: number): number {
  const rule = indicator.rule;
  if (rule.type !== 'threshold' || n <= 0) return Infinity;
  return Math.abs(Math.log(n / ((rule.green + rule.amber) / 2)));
}

const headingScore = (matches: readonly HeadingMatch[], indicator: Indicator): number =>
  matches.find((m) => m.target.type === 'indicator' && m.target.indicator === indicator)?.score ?? 0;

function confirm(header: string, target: Target, score: number, evidence: string, suggestions: ColumnSuggestion[]): ColumnDecision {
  const unique = suggestions.filter((s, i) => suggestions.findIndex((o) => o.target === s.target) === i);
  return { header, status: 'confirm', target, confidence: 'low', score, evidence, suggestions: unique };
}

/** A heading Waymark does not know: values that could be nothing else decide, or it is listed. */
function byValues(header: string, matches: readonly HeadingMatch[], column: ColumnValues, context: DecideContext): ColumnDecision {
  const kind = kindByValues(column);
  const heading = header === '' ? 'no heading' : `heading '${header}' not known`;
  if (kind) {
    const candidates = context.indicators.filter((i) => i.kind === kind);
    const chosen = [...candidates].sort((a, b) => headingScore(matches, b) - headingScore(matches, a))[0];
    if (chosen) {
      const target: Target = { type: 'indicator', indicator: chosen };
      return {
        header,
        status: 'indicator',
        target,
        confidence: 'medium',
        matchedBy: 'values',
        score: headingScore(matches, chosen),
        evidence: `values ${examples(column.sample)} read as ${kindWords[kind]} (${heading})`,
        suggestions: [],
      };
    }
  }
  const suggestions: ColumnSuggestion[] = matches
    .filter((m) => m.target.type !== 'ignore')
    .slice(0, 3)
    .map((m) => suggestion(m.target));
  // Numbers with no heading match: offer the indicators whose thresholds they are the size of.
  const percent = valueFit(column, 'percentage');
  if (column.sample.length > 0 && percent.share >= 0.9 && suggestions.length < 3) {
    for (const i of context.indicators) {
      if (i.kind !== 'percentage' || !sized(i) || !plausibleSize(i, percent) || suggestions.some((s) => s.target === i.id)) continue;
      suggestions.push(suggestion({ type: 'indicator', indicator: i }));
      if (suggestions.length >= 3) break;
    }
  }
  const shown = column.sample.length > 0 ? `; values ${examples(column.sample)}` : '';
  return { header, status: 'unknown', score: matches[0]?.score ?? 0, evidence: `${heading}${shown}`, suggestions };
}
