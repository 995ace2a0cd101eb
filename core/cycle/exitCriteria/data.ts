/**
 * Exit criteria as framework data, kept beside (not inside) the framework definitions, as the
 * cadence is. Only Reading's seed gives any: "five non-negotiable criteria for exiting from
 * intervention", made clear to every RAP school (categories R and C). Each criterion is the
 * seed's bullet, quoted word for word (its spelling too: "suitability skilled").
 */

export interface ExitCriterion {
  /** 1-based, in the seed's order: what the officer says ("tick exit criterion 3"). */
  readonly number: number;
  /** The seed's bullet, verbatim. */
  readonly quote: string;
  /** A few words for buttons and short lists. */
  readonly short: string;
}

export interface ExitCriteriaSet {
  readonly frameworkId: string;
  /** The categories whose schools are in intervention and work towards these criteria. */
  readonly forCategories: readonly string[];
  /** The meeting types whose agendas list the checklist (Reading's RAP review meeting). */
  readonly forMeetings: readonly string[];
  /** What the seed calls those schools. */
  readonly schoolsWord: string;
  /** The seed and section. */
  readonly seed: string;
  /** The seed's sentence introducing the criteria, verbatim. */
  readonly intro: string;
  /** The seed's words saying which schools they are for, verbatim. */
  readonly forQuote: string;
  readonly criteria: readonly ExitCriterion[];
}

const READING_SEED = '001 Reading, "Exit strategy"';

/** Exit criteria by framework id. */
export const EXIT_CRITERIA: Readonly<Record<string, ExitCriteriaSet>> = {
  reading: {
    frameworkId: 'reading',
    forCategories: ['R', 'C'],
    forMeetings: ['rap'],
    schoolsWord: 'RAP schools',
    seed: READING_SEED,
    intro: 'The five non-negotiable criteria for exiting from intervention are made clear to all RAP schools at the beginning of the process.',
    forQuote: 'Schools in LA intervention category R and C - RAP responsibilities',
    criteria: [
      {
        number: 1,
        short: 'School review and self-evaluation',
        quote:
          'Robust, rigorous, accurate and regular School Review and Self-Evaluation processes including evidence of regular reporting to the Governing Body and subsequent challenge.',
      },
      {
        number: 2,
        short: 'School Improvement Plan',
        quote: 'A credible School Improvement Plan with outcomes focused milestones and monitoring in place.',
      },
      {
        number: 3,
        short: 'Stable, skilled leadership',
        quote: 'Leadership is stable and suitability skilled at senior and middle leader level',
      },
      {
        number: 4,
        short: 'Tracking, monitoring and moderation',
        quote:
          'Regular tracking and monitoring of progress and attainment against age-related expectations for all groups. Regular quality assurance and moderation of assessment to ensure accuracy across all subjects',
      },
      {
        number: 5,
        short: 'Professional development programme',
        quote: 'A continuing professional development programme integrated into the School Improvement Plan and monitored for impact',
      },
    ],
  },
};
