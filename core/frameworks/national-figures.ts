import type { z } from 'zod';
import type { Phase, thresholdRuleSchema } from './schema.js';

/**
 * The national figures behind Waymark's default thresholds, each with where it comes from and
 * the academic year it is for: state-funded schools in England, 2023/24 for absence and
 * suspensions (the latest full-year accredited releases), 2024/25 for KS2. Headline figures
 * were checked against the DfE release pages (explore-education-statistics.service.gov.uk);
 * a figure those pages did not show says so in its source. An LA can override any threshold
 * per workbook.
 */

/** One published figure. */
export interface NationalFigure {
  readonly value: number;
  /** Publication title and academic year (and a note where the release pages did not show it). */
  readonly source: string;
  /** What was read from it, when the value is derived (attendance = 100 − absence). */
  readonly note?: string;
}

/** A measure's figure for all schools and, where they differ, by phase. */
export interface NationalMeasure {
  readonly all: NationalFigure;
  readonly byPhase?: Readonly<Partial<Record<Phase, NationalFigure>>>;
}

const absence = 'Pupil absence in schools in England, academic year 2023/24 (DfE)';
const exclusions = 'Suspensions and permanent exclusions in England, academic year 2023/24 (DfE)';
/** Said of a figure that the stored DfE pages did not show, so it could not be checked here. */
const unconfirmed = '(phase or measure figure not shown in the DfE release pages checked; override per workbook if it differs)';

/**
 * The national figures (2023/24 absence and suspensions; 2024/25 KS2).
 *
 * @example
 * nationalFigures.attendance.byPhase?.primary?.value; // 94.5
 * nationalFigures.ks2Rwm.all.source; // 'Key stage 2 attainment: national headlines, …'
 */
export const nationalFigures = {
  /** Attendance is 100 minus the overall absence rate. */
  attendance: {
    all: { value: 92.9, source: absence, note: 'overall absence 7.1%' },
    byPhase: {
      primary: { value: 94.5, source: absence, note: 'primary absence 5.5%' },
      secondary: { value: 91.1, source: absence, note: 'secondary absence 8.9%' },
      special: { value: 87.0, source: absence, note: 'special school absence 13.0%' },
    },
  },
  /** Percentage of pupils missing 10% or more of possible sessions. */
  persistentAbsence: {
    all: { value: 20.0, source: `${absence} ${unconfirmed}` },
    byPhase: {
      primary: { value: 14.7, source: `${absence} ${unconfirmed}` },
      secondary: { value: 25.6, source: `${absence} ${unconfirmed}` },
    },
  },
  /** Suspensions per 100 pupils. */
  suspensionRate: {
    all: { value: 11.31, source: `${exclusions}: 955,000 suspensions, a rate of 11.31` },
    byPhase: {
      primary: { value: 2.6, source: `${exclusions} ${unconfirmed}` },
      secondary: { value: 27.6, source: `${exclusions} ${unconfirmed}` },
    },
  },
  /** Percentage of year 6 pupils meeting the expected standard in reading, writing and maths. */
  ks2Rwm: { all: { value: 62, source: 'Key stage 2 attainment: national headlines, academic year 2024/25 (DfE): 62% in 2025, up from 61% in 2024' } },
  /** Progress 8 is relative: the national average is 0 by design. */
  progress8: { all: { value: 0, source: 'Key stage 4 performance, academic year 2023/24 (DfE): 0 by design' } },
  /** Average Attainment 8 score per pupil, state-funded schools. */
  attainment8: { all: { value: 45.9, source: `Key stage 4 performance, academic year 2023/24 (DfE) ${unconfirmed}` } },
  /** Percentage of year 1 pupils meeting the phonics screening check standard. */
  phonicsY1: { all: { value: 80, source: 'Phonics screening check attainment, academic year 2023/24 (DfE)' } },
  /** Percentage of children with a good level of development at the end of reception. */
  gld: { all: { value: 67.7, source: 'Early years foundation stage profile results, academic year 2023/24 (DfE)' } },
} as const satisfies Record<string, NationalMeasure>;

/** A threshold rule as written in a framework (defaults may be left out). */
export type ThresholdRuleInput = z.input<typeof thresholdRuleSchema>;
type Band = { green: number; amber: number };
type Direction = ThresholdRuleInput['direction'];

const round = (n: number, places: number): number => {
  const f = 10 ** places;
  return Math.round(n * f) / f;
};

/** Builds a rule whose bands derive from a measure (all schools and each phase given). */
function derive(
  measure: NationalMeasure,
  direction: Direction,
  band: (national: number) => Band,
  how: string,
): ThresholdRuleInput {
  const byPhase: Partial<Record<Phase, Band>> = {};
  const nationalByPhase: Partial<Record<Phase, number>> = {};
  const phases = Object.entries(measure.byPhase ?? {}) as [Phase, NationalFigure][];
  const values = `national ${measure.all.value}${
    phases.length > 0 ? ` (${phases.map(([phase, f]) => `${phase} ${f.value}`).join(', ')})` : ''
  }`;
  for (const [phase, figure] of phases) {
    byPhase[phase] = band(figure.value);
    nationalByPhase[phase] = figure.value;
  }
  const sources = [...new Set([measure.all, ...phases.map(([, f]) => f)].map((f) => f.source))].join('; ');
  return {
    type: 'threshold',
    direction,
    ...band(measure.all.value),
    ...(Object.keys(byPhase).length > 0 ? { byPhase, nationalByPhase } : {}),
    national: measure.all.value,
    source: `${how}; ${values}. Source: ${sources}`,
  };
}

const below = (points: number, places = 1) => (national: number): Band => ({
  green: national,
  amber: round(national - points, places),
});
const above = (points: number, places = 1) => (national: number): Band => ({
  green: national,
  amber: round(national + points, places),
});

/**
 * Default threshold rules by library indicator id, derived from {@link nationalFigures}:
 * each says how in its `source`.
 *
 * @example
 * defaultThresholds.attendance.green; // 92.9 (at least national attendance is green)
 * defaultThresholds.attendance.amber; // 90.9 (within 2 points below is amber)
 */
export const defaultThresholds = {
  attendance: derive(
    nationalFigures.attendance,
    'higher-is-better',
    below(2),
    'Green at or above national attendance for the phase, amber up to 2 points below, red further below',
  ),
  'persistent-absence': derive(
    nationalFigures.persistentAbsence,
    'lower-is-better',
    above(5),
    'Green at or below the national persistent absence rate for the phase, amber up to 5 points above, red beyond',
  ),
  suspensions: derive(
    nationalFigures.suspensionRate,
    'lower-is-better',
    (national) => ({ green: national, amber: round(national * 1.5, 2) }),
    'Green at or below the national suspension rate per 100 pupils for the phase, amber up to one and a half times it, red beyond',
  ),
  'ks2-rwm': derive(
    nationalFigures.ks2Rwm,
    'higher-is-better',
    below(5),
    'Green at or above the national percentage meeting the expected standard in reading, writing and maths, amber up to 5 points below',
  ),
  'progress-8': derive(
    nationalFigures.progress8,
    'higher-is-better',
    below(0.5, 2),
    'Green at or above 0 (the national average), amber down to -0.5 (the former floor standard), red below',
  ),
  'attainment-8': derive(
    nationalFigures.attainment8,
    'higher-is-better',
    below(5),
    'Green at or above the national average Attainment 8 score, amber up to 5 points below',
  ),
  phonics: derive(
    nationalFigures.phonicsY1,
    'higher-is-better',
    below(5),
    'Green at or above the national percentage meeting the year 1 phonics standard, amber up to 5 points below',
  ),
  gld: derive(
    nationalFigures.gld,
    'higher-is-better',
    below(5),
    'Green at or above the national percentage with a good level of development, amber up to 5 points below',
  ),
} as const satisfies Record<string, ThresholdRuleInput>;
