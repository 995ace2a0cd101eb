import type { z } from 'zod';
import type { Area, indicatorSchema, ragRuleSchema } from './schema.js';
import { defaultThresholds } from './national-figures.js';

/**
 * Shared indicator definitions that frameworks pick from. Aliases are the column headings
 * officers really write; matching ignores case, punctuation, years and units (see
 * `normaliseHeading`), so each alias here is a distinct wording, not a case variant, and no
 * wording names two indicators.
 */

/** An indicator as written in a framework (defaults may be left out). */
export type IndicatorInput = z.input<typeof indicatorSchema>;
/** A RAG rule as written in a framework. */
export type RagRuleInput = z.input<typeof ragRuleSchema>;

const judgement = { type: 'judgement' } as const;
const ofsted = { type: 'ofsted' } as const;
const lowerCount = (green: number, amber: number, source: string) =>
  ({ type: 'threshold', direction: 'lower-is-better', green, amber, source }) as const;

/**
 * Every shared indicator, by id.
 *
 * @example
 * indicatorLibrary['persistent-absence'].aliases; // ['PA', 'Persistent absentees', …]
 */
export const indicatorLibrary = {
  'ofsted-grade': {
    id: 'ofsted-grade',
    label: 'Ofsted grade',
    kind: 'ofsted',
    area: 'quality-of-education',
    aliases: [
      'Ofsted',
      'Ofsted judgement',
      'Last Ofsted',
      'Latest Ofsted',
      'Current Ofsted',
      'Ofsted rating',
      'Ofsted outcome',
      'Overall effectiveness',
      'OE',
      'Inspection grade',
      'Inspection outcome',
      'Report card',
    ],
    rule: ofsted,
    description: 'Latest Ofsted overall grade (1–4) or report-card grade.',
    changedOnlyBy: 'a new Ofsted inspection',
  },
  safeguarding: {
    id: 'safeguarding',
    label: 'Safeguarding',
    kind: 'judgement',
    area: 'safeguarding',
    aliases: [
      'Safeguarding effective',
      'Statutory safeguarding',
      'Safeguarding met',
      'Safeguarding concerns',
      'Safeguarding issues',
      'Safeguarding audit',
      'S175',
      'Section 175 audit',
      'SCR',
      'Single central record',
    ],
    rule: judgement,
    description: 'Whether safeguarding is effective and statutory requirements are met.',
  },
  leadership: {
    id: 'leadership',
    label: 'Leadership',
    kind: 'judgement',
    area: 'leadership-and-management',
    aliases: [
      'Leadership and management',
      'L&M',
      'Senior leadership',
      'Leadership capacity',
      'SLT',
      'Leaders',
      'Capacity to improve',
    ],
    rule: judgement,
    description: 'Effectiveness and capacity of senior leadership to drive improvement.',
  },
  governance: {
    id: 'governance',
    label: 'Governance',
    kind: 'judgement',
    area: 'governance',
    aliases: ['Governors', 'Governing body', 'Governing board', 'GB', 'Governance effectiveness', 'LGB'],
    rule: judgement,
    description: 'Whether governors hold leaders to account and deliver their core functions.',
  },
  'quality-of-education': {
    id: 'quality-of-education',
    label: 'Quality of education',
    kind: 'judgement',
    area: 'quality-of-education',
    aliases: [
      'QoE',
      'Teaching',
      'Teaching and learning',
      'T&L',
      'Teaching, learning and assessment',
      'TLA',
      'Quality of teaching',
      'Curriculum',
      'Curriculum and teaching',
    ],
    rule: judgement,
    description: 'Curriculum and teaching: intent, implementation and impact.',
  },
  behaviour: {
    id: 'behaviour',
    label: 'Behaviour',
    kind: 'judgement',
    area: 'behaviour-and-attendance',
    aliases: [
      'Behaviour and attitudes',
      'B&A',
      'Behaviour and safety',
      'Attitudes to learning',
      'Pupil behaviour',
    ],
    rule: judgement,
    description: 'Behaviour, conduct and attitudes to learning.',
  },
  'personal-development': {
    id: 'personal-development',
    label: 'Personal development',
    kind: 'judgement',
    area: 'personal-development',
    aliases: ['SMSC', 'PD', 'British values', 'Personal development and welfare', 'Pupil wellbeing'],
    rule: judgement,
    description: "Pupils' spiritual, moral, social and cultural development and wellbeing.",
  },
  send: {
    id: 'send',
    label: 'SEND',
    kind: 'judgement',
    area: 'send',
    aliases: ['SEND provision', 'SEN', 'SEN provision', 'Inclusion', 'SENCO'],
    rule: judgement,
    description: 'Provision and progress for pupils with special educational needs and disabilities.',
  },
  attendance: {
    id: 'attendance',
    label: 'Attendance',
    kind: 'percentage',
    area: 'behaviour-and-attendance',
    aliases: ['Overall attendance', 'Attendance rate', 'Whole school attendance', 'Pupil attendance', 'Att'],
    rule: defaultThresholds.attendance,
    description: 'Overall attendance, percentage of possible sessions attended.',
  },
  'persistent-absence': {
    id: 'persistent-absence',
    label: 'Persistent absence',
    kind: 'percentage',
    area: 'behaviour-and-attendance',
    aliases: ['PA', 'PA rate', 'Persistent absentees', 'Persistently absent', 'Persistent absence rate'],
    rule: defaultThresholds['persistent-absence'],
    description: 'Percentage of pupils missing 10% or more of possible sessions.',
  },
  suspensions: {
    id: 'suspensions',
    label: 'Suspensions',
    kind: 'rate',
    area: 'behaviour-and-attendance',
    aliases: [
      'Suspension rate',
      'Exclusions',
      'Fixed-term exclusions',
      'Fixed term exclusion rate',
      'Fixed period exclusions',
      'FPE',
      'Suspensions per 100 pupils',
    ],
    rule: defaultThresholds.suspensions,
    description: 'Suspensions (fixed-term exclusions) per 100 pupils.',
  },
  'permanent-exclusions': {
    id: 'permanent-exclusions',
    label: 'Permanent exclusions',
    kind: 'count',
    area: 'behaviour-and-attendance',
    aliases: ['Perm ex', 'PEx', 'Permanently excluded', 'Number of permanent exclusions'],
    rule: lowerCount(0, 1, 'Waymark default (no national figure per school): none is green, one is amber, more is red'),
    description: 'Number of permanent exclusions this year.',
  },
  'ks2-rwm': {
    id: 'ks2-rwm',
    label: 'KS2 RWM expected standard',
    kind: 'percentage',
    area: 'outcomes',
    aliases: [
      'KS2 RWM',
      'RWM expected',
      'KS2 combined',
      'RWM',
      'RWM EXS',
      'Combined RWM',
      'Reading, writing and maths',
      'KS2 expected standard',
      'KS2 R/W/M',
    ],
    rule: defaultThresholds['ks2-rwm'],
    description: 'Percentage of year 6 pupils meeting the expected standard in reading, writing and maths.',
  },
  'progress-8': {
    id: 'progress-8',
    label: 'Progress 8',
    kind: 'rate',
    area: 'outcomes',
    aliases: ['P8', 'Progress 8 score', 'KS4 P8', 'KS4 progress'],
    rule: defaultThresholds['progress-8'],
    description: 'Progress 8 score (0 is the national average).',
  },
  'attainment-8': {
    id: 'attainment-8',
    label: 'Attainment 8',
    kind: 'rate',
    area: 'outcomes',
    aliases: ['A8', 'Attainment 8 score', 'KS4 A8', 'KS4 attainment'],
    rule: defaultThresholds['attainment-8'],
    description: 'Average Attainment 8 score per pupil.',
  },
  phonics: {
    id: 'phonics',
    label: 'Year 1 phonics',
    kind: 'percentage',
    area: 'outcomes',
    aliases: ['Y1 phonics', 'Phonics', 'Phonics screening check', 'PSC', 'Phonics Y1', 'Phonics pass rate'],
    rule: defaultThresholds.phonics,
    description: 'Percentage of year 1 pupils meeting the phonics screening check standard.',
  },
  gld: {
    id: 'gld',
    label: 'Good level of development',
    kind: 'percentage',
    area: 'outcomes',
    aliases: ['EYFS GLD', 'GLD', 'EYFSP GLD', 'Reception GLD', 'EYFS outcomes'],
    rule: defaultThresholds.gld,
    description: 'Percentage of reception children reaching a good level of development (EYFS profile).',
  },
  'data-trend': {
    id: 'data-trend',
    label: 'Data trend',
    kind: 'trend',
    area: 'outcomes',
    aliases: [
      'Trend',
      '3-year trend',
      'Three-year trend',
      'Direction of travel',
      'DoT',
      'Data',
      'Outcomes trend',
      'Performance trend',
    ],
    rule: { type: 'trend' },
    description: 'Direction of results over three years: improving, stable or declining.',
  },
  'below-floor': {
    id: 'below-floor',
    label: 'Below floor standard',
    kind: 'flag',
    area: 'outcomes',
    aliases: ['Floor standard', 'Below floor', 'Floor', 'Below the floor standard'],
    rule: { type: 'flag', yes: 'R', no: 'G' },
    description: 'Results below the DfE floor standard.',
    changedOnlyBy: 'the next published results',
  },
  finance: {
    id: 'finance',
    label: 'Finance',
    kind: 'judgement',
    area: 'finance-and-hr',
    aliases: ['Budget', 'Financial position', 'Finances', 'Budget position', 'Financial management', 'SFVS', 'Deficit'],
    rule: judgement,
    description: 'Budget position and financial management.',
  },
  complaints: {
    id: 'complaints',
    label: 'Parental complaints',
    kind: 'count',
    area: 'complaints',
    aliases: ['Complaints', 'Number of complaints', 'Complaints to LA', 'Parent complaints'],
    rule: lowerCount(1, 3, 'Waymark default (no national figure): up to one is green, up to three amber, more red'),
    description: 'Number of parental complaints received by the LA, Ofsted or DfE this year.',
  },
  'staffing-stability': {
    id: 'staffing-stability',
    label: 'Staffing stability',
    kind: 'judgement',
    area: 'finance-and-hr',
    aliases: ['Staffing', 'Staff turnover', 'Staff stability', 'HR', 'Staff absence', 'Recruitment and retention'],
    rule: judgement,
    description: 'Stability of staffing: turnover, vacancies, long-term absence, morale.',
  },
  'new-head': {
    id: 'new-head',
    label: 'New or interim headteacher',
    kind: 'flag',
    area: 'leadership-and-management',
    aliases: ['New head', 'New/interim head', 'New headteacher', 'New HT', 'Interim head', 'Interim headteacher'],
    rule: { type: 'flag', yes: 'A', no: 'G' },
    description: 'The school has a new or interim headteacher.',
  },
  'head-start-date': {
    id: 'head-start-date',
    label: 'Headteacher start date',
    kind: 'date',
    area: 'leadership-and-management',
    aliases: ['HT start date', 'Head appointed', 'Head start date', 'Date head appointed', 'HT appointed', 'Date of appointment'],
    rule: { type: 'recency', withinMonths: 12, within: 'A', otherwise: 'G' },
    description: 'When the headteacher started: within the last 12 months is amber.',
  },
  'substantive-head': {
    id: 'substantive-head',
    label: 'Substantive head in post',
    kind: 'flag',
    area: 'leadership-and-management',
    aliases: ['Substantive head', 'Substantive HT', 'Substantive headteacher', 'Substantive leadership'],
    rule: { type: 'flag', yes: 'G', no: 'R' },
    description: 'A substantive (permanent) headteacher is in post.',
  },
  'warning-notice': {
    id: 'warning-notice',
    label: 'Warning notice',
    kind: 'flag',
    area: 'leadership-and-management',
    aliases: ['WN', 'Warning notice issued', 'Formal warning notice', 'Performance and standards warning notice'],
    rule: { type: 'flag', yes: 'R', no: 'G' },
    description: 'The LA has issued a warning notice.',
    changedOnlyBy: 'the LA withdrawing the warning notice',
  },
  'significant-concerns-letter': {
    id: 'significant-concerns-letter',
    label: 'Significant concerns letter',
    kind: 'flag',
    area: 'leadership-and-management',
    aliases: ['Significant concerns', 'SCL', 'Concerns letter', 'Letter of concern'],
    rule: { type: 'flag', yes: 'R', no: 'G' },
    description: 'The LA has issued a significant concerns letter.',
    changedOnlyBy: 'the LA withdrawing the significant concerns letter',
  },
  'self-evaluation': {
    id: 'self-evaluation',
    label: 'Self-evaluation',
    kind: 'judgement',
    area: 'leadership-and-management',
    aliases: ['SEF', 'SEF accuracy', 'Self-evaluation accuracy', 'School self-evaluation', 'SEF and SIP'],
    rule: judgement,
    description: "Accuracy and currency of the school's self-evaluation.",
  },
  'la-review': {
    id: 'la-review',
    label: 'LA review',
    kind: 'judgement',
    area: 'leadership-and-management',
    aliases: ['LA review outcome', 'LA monitoring review', 'LA report', 'School review', 'External review'],
    rule: judgement,
    description: 'Outcome of the latest LA (or LA-commissioned) review of the school.',
  },
  'hmi-monitoring': {
    id: 'hmi-monitoring',
    label: 'HMI monitoring',
    kind: 'judgement',
    area: 'leadership-and-management',
    aliases: ['HMI', 'HMI visit', 'HMI monitoring visit', 'Monitoring visit', 'HMI letter'],
    rule: judgement,
    description: 'Findings of the latest HMI monitoring visit.',
  },
  siams: {
    id: 'siams',
    label: 'SIAMS',
    kind: 'ofsted',
    area: 'personal-development',
    aliases: ['SIAMS grade', 'SIAMS judgement', 'SIAMS inspection', 'Church school inspection'],
    rule: ofsted,
    description: 'Latest SIAMS (church school) inspection grade, where relevant.',
    changedOnlyBy: 'a new SIAMS inspection',
  },
  'inspection-risk': {
    id: 'inspection-risk',
    label: 'Inspection risk',
    kind: 'judgement',
    area: 'quality-of-education',
    aliases: ['Ofsted risk', 'Risk at next inspection', 'Ofsted vulnerability', 'Vulnerability', 'Risk of downgrade'],
    rule: judgement,
    description: 'Level of concern or risk about the next Ofsted judgement.',
  },
} satisfies Record<string, IndicatorInput>;

/** The id of a shared indicator. */
export type LibraryIndicatorId = keyof typeof indicatorLibrary;

/** The ids of every shared indicator, in library order. */
export const libraryIndicatorIds = Object.keys(indicatorLibrary) as LibraryIndicatorId[];

/** What a framework may change when it picks a shared indicator. */
export interface IndicatorChoice {
  /** The LA's own name for it, e.g. "Quality of teaching". */
  readonly label?: string;
  readonly area?: Area;
  /** Critical indicators weigh 2 in the best fit, others 1. */
  readonly critical?: boolean;
  /** What the seed says about it. */
  readonly description?: string;
  /** A different rule, e.g. other thresholds. */
  readonly rule?: RagRuleInput;
  /** Extra headings this LA uses, added to the shared ones. */
  readonly moreAliases?: readonly string[];
}

/**
 * A copy of a shared indicator with one framework's choices applied; weight follows
 * `critical` (2 when critical, else 1).
 *
 * @example
 * pickIndicator('safeguarding', {
 *   critical: true,
 *   description: 'Safeguarding is ineffective (Appendix 1, D).',
 * }); // { id: 'safeguarding', critical: true, weight: 2, … }
 */
export function pickIndicator(id: LibraryIndicatorId, choice: IndicatorChoice = {}): IndicatorInput {
  const base: IndicatorInput = indicatorLibrary[id];
  const critical = choice.critical ?? false;
  return structuredClone({
    ...base,
    label: choice.label ?? base.label,
    area: choice.area ?? base.area,
    aliases: [...(base.aliases ?? []), ...(choice.moreAliases ?? [])],
    critical,
    weight: critical ? 2 : 1,
    rule: choice.rule ?? base.rule,
    description: choice.description ?? base.description,
  });
}
