/**
 * Camden's "Appendix F Template for Project Board Reports" as data: its fields and headings,
 * and the definitions that close the appendix (overall progress Good / Satisfactory /
 * Unsatisfactory, overall risk Low / Medium / High), quoted word for word.
 *
 * The subsequent-meeting agenda says "(see key below)" twice. The seed never titles anything
 * "key"; the only definitions it gives after the template are these two, so they are given as
 * the key, and {@link KEY_NOTE} says exactly that. It gives no key for the per-outcome "Actual"
 * columns (agenda item 3), and none is invented here.
 */

export interface KeyEntry {
  readonly level: string;
  /** The seed's definition, verbatim. */
  readonly quote: string;
}

export interface ReportTemplate {
  /** The seed and section. */
  readonly seed: string;
  /** Camden categories whose schools have a project board (Appendix E / the meetings). */
  readonly forCategories: readonly string[];
  /** "Present: ???? (Chair), ???? (CP), ???? (Headteacher), ???? (CoG)", in order. */
  readonly present: readonly string[];
  /** "Level of additional support:" and its two choices, by Camden category code. */
  readonly levels: Readonly<Record<string, 'Targeted' | 'Intensive'>>;
  /** "Key area(s) of focus …", "Expected Outcome", then the three "Actual" columns. */
  readonly aimColumns: readonly string[];
  /** The months of the three "Actual" columns (the seed's "Actual Dec", "Actual Mar", "Actual Jul"). */
  readonly actuals: readonly { readonly column: string; readonly month: number }[];
  /** The three columns of each EoY aim's block, and the note under "Next steps/Actions". */
  readonly aimBlock: readonly string[];
  readonly responsibilityNote: string;
  /** "There will be no more than 4 key priorities." */
  readonly maxPriorities: number;
  readonly progress: { readonly heading: string; readonly options: readonly string[] };
  readonly risk: { readonly heading: string; readonly options: readonly string[] };
  readonly key: {
    readonly progressHeading: string;
    readonly progress: readonly KeyEntry[];
    readonly riskHeading: string;
    readonly risk: readonly KeyEntry[];
  };
  /** Where the seed says who completes, agrees and circulates the report, verbatim. */
  readonly process: readonly string[];
}

export const PROJECT_BOARD_TEMPLATE: ReportTemplate = {
  seed: '000 Camden, "Appendix F Template for Project Board Reports"',
  forCategories: ['specific-project-board', 'targeted-project-board', 'improvement-project-board'],
  present: ['Chair', 'CP', 'Headteacher', 'CoG'],
  levels: { 'targeted-project-board': 'Targeted', 'improvement-project-board': 'Intensive' },
  aimColumns: ['Key area(s) of focus (Tracking and Year Group)', 'Expected Outcome', 'Actual December', 'Actual March', 'Actual July'],
  actuals: [
    { column: 'Actual December', month: 12 },
    { column: 'Actual March', month: 3 },
    { column: 'Actual July', month: 7 },
  ],
  aimBlock: ['Previous Actions', 'Current context and impact of actions', 'Next steps/Actions'],
  responsibilityNote: '(Indicate responsibility for actions with initial e.g. HT – Headteacher, CPP)',
  maxPriorities: 4,
  progress: { heading: 'Overall progress since previous PB', options: ['Good', 'Satisfactory', 'Unsatisfactory'] },
  risk: { heading: 'Risk of not meeting all expected aims at year end', options: ['Low', 'Medium', 'High'] },
  key: {
    progressHeading: 'Progress Made by School',
    progress: [
      { level: 'Good', quote: 'Actions have noticeably accelerated progress, resulting in measurable improvements in all priorities.' },
      { level: 'Satisfactory', quote: 'Actions have noticeably accelerated progress, resulting in measurable improvements in most priorities.' },
      { level: 'Unsatisfactory', quote: 'Actions have not yet noticeably accelerated progress, and impact is not seen against most priorities' },
    ],
    riskHeading: 'Overall Risk of not meeting end of year outcomes',
    risk: [
      { level: 'Low', quote: 'The school will meet or exceed end of year outcomes.' },
      { level: 'Medium', quote: 'End of year outcomes are likely to be met if the school continues with its current rate of progress.' },
      { level: 'High', quote: 'There is a significant risk that the end of year outcomes will not be met.' },
    ],
  },
  process: [
    'The Chair will agree the school progress against the agreed priorities and risk of not meeting them fully by the end of the academic year and indicate this on the report.',
    'This report template will be circulated to the Headteacher, Chair of Governors and CPP.',
  ],
};

/** What the key is and is not, in plain words (the seed is not invented upon). */
export const KEY_NOTE =
  'The agenda refers to a key ("see key below"). The seed titles nothing "key": the definitions above, which close its Appendix F, are the only ones it gives, so they are used as the key for overall progress and overall risk. The seed gives no key for the "Actual" entries against each outcome (agenda item 3): write those in the board\'s own words.';
