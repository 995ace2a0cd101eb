import type { FrameworkInput } from '../schema.js';
import { pickIndicator } from '../library.js';
import { amber, green, red } from './_conditions.js';

const seed = 'shared/seeds/000_559edbe761410156.txt';
const appendixD = 'Appendix D CRITERIA FOR INCLUSION INTO SRAS';
const appendixE = 'Appendix E Categories of Support';
const specific = `${appendixE}: Specific Project Board (e.g. attendance, finance, Governance), complaints`;
const projectBoardCategories = ['specific-project-board', 'targeted-project-board', 'improvement-project-board'];
const boardMembers = [
  'Chair (CEO of Camden Learning or senior nominee)',
  'Headteacher',
  'Chair of Governors',
  'CPP',
];

/**
 * Camden's Statutory School Improvement and Support Strategy (Camden Learning, June 2023):
 * five categories of support (Appendix E), the SRAS criteria (Appendix D) as indicators,
 * and project board meetings with the seed's own agendas (Appendix F).
 *
 * @example
 * import { camden } from './camden.js';
 * camden.categories[4]?.code; // 'improvement-project-board'
 */
export const camden: FrameworkInput = {
  id: 'camden',
  name: 'Camden Learning categories of support (SRAS)',
  source: 'Camden Statutory School Improvement and Support Strategy, 2023',
  seedFile: seed,
  officerTitle: 'Camden Professional Partner (CPP)',
  categories: [
    {
      code: 'universal',
      label: 'Universal offer',
      description: 'No arising concerns, school self evaluation robust, school has effective leadership capacity.',
      colour: '#A9D08E',
      aliases: ['Universal', 'Core offer'],
    },
    {
      code: 'specific-project-board',
      label: 'Specific Project Board',
      description:
        'Some specific areas risks to the school which are not directly related to the quality of education but may impact on it if not addressed.',
      colour: '#C6EFCE',
      aliases: ['Specific', 'Specific PB', 'SPB'],
    },
    {
      code: 'watching-brief',
      label: 'Watching Brief',
      description:
        'Some specific areas of development which are priorities, but school demonstrates the capacity to resolve without additional resource. Immediate risk to Ofsted categorisation low.',
      colour: '#FFEB9C',
      aliases: ['Watching', 'WB'],
    },
    {
      code: 'targeted-project-board',
      label: 'Targeted Project Board',
      description:
        'Not graded by OFSTED as Grade 3, but judged by Camden Learning to be vulnerable if inspected by Ofsted, or has requested additional support that meets the criteria.',
      colour: '#FCD5B4',
      aliases: ['Targeted', 'Targeted PB', 'TPB', 'SRAS targeted'],
    },
    {
      code: 'improvement-project-board',
      label: 'Improvement (intensive) Project Board',
      description:
        'Graded by OFSTED as Grade 3, or judged by Camden Learning to be highly vulnerable when inspected by Ofsted and as such requiring additional support.',
      colour: '#FFC7CE',
      aliases: ['Improvement', 'Intensive', 'Improvement Project Board', 'Intensive Project Board', 'IPB', 'SRAS intensive'],
    },
  ],
  indicators: [
    pickIndicator('ofsted-grade', {
      critical: true,
      description: 'The school has been judged by Ofsted as Grade 3 requiring improvement (Appendix D).',
    }),
    pickIndicator('inspection-risk', {
      description:
        '(i) performance data may trigger early inspection; (ii) in danger of being judged requires improvement or worse.',
    }),
    pickIndicator('ks2-rwm', { description: '(iii), (v) primary: Key Stage 2 outcomes are poor given starting points.' }),
    pickIndicator('phonics', {
      description: '(v) primary: the percentage of children reaching expectations in the phonics check is low.',
    }),
    pickIndicator('gld', { description: '(v) primary: EYFS outcomes are poor given starting points.' }),
    pickIndicator('progress-8', { description: '(v) secondary: results are poor against progress 8.' }),
    pickIndicator('attainment-8', { description: '(v) secondary: results are poor against attainment 8.' }),
    pickIndicator('data-trend', {
      description: '(iv) declining progress of disadvantaged pupils and a widening gap against the national average.',
    }),
    pickIndicator('quality-of-education', {
      description: '(ix) the quality of education (intent, implementation or impact) is judged to be less than good.',
    }),
    pickIndicator('behaviour', { description: "(vii) serious concerns about pupils' behaviour or safety in the school." }),
    pickIndicator('attendance', {
      description: '(viii), (xvii) significantly above the median for absence; consistently low overall pupil attendance.',
    }),
    pickIndicator('persistent-absence', { description: '(xvii) high level of persistent absences.' }),
    pickIndicator('suspensions', { description: '(xvi) high level and upward trajectory of exclusions and suspensions.' }),
    pickIndicator('leadership', {
      description: '(x), (xx) serious failures in leadership or management not being addressed by the headteacher or governing body.',
    }),
    pickIndicator('governance', {
      description: '(xv), (xx) conflict within the governing body; lack of strategic direction by the governing body.',
    }),
    pickIndicator('self-evaluation', {
      description: 'Universal offer needs robust school self evaluation (Appendix E); (xx) ineffective monitoring and evaluation.',
    }),
    pickIndicator('staffing-stability', {
      description: '(xii) staff disaffection likely to lead to unplanned instability; (xxiii) serious personnel difficulties.',
    }),
    pickIndicator('substantive-head', {
      description: '(xxiii a) the headteacher is on long term absence (or there is a vacancy).',
    }),
    pickIndicator('send', { description: "(xix) serious concerns about the school's provision for pupils with special needs." }),
    pickIndicator('finance', { description: '(xxii) the school has serious financial difficulties.' }),
    pickIndicator('safeguarding', {
      critical: true,
      description: 'Failure to meet statutory safeguarding responsibilities (Appendix D); serious safeguarding issues.',
    }),
    pickIndicator('complaints', {
      description: '(xi) loss of confidence by students, parents or governors; complaints (Appendix E, Specific Project Board).',
    }),
  ],
  categoryRule: {
    minRated: 3,
    rules: [
      {
        kind: 'floor',
        category: 'improvement-project-board',
        anyOf: amber('ofsted-grade'),
        quote: 'The school has been graded by OFSTED as Grade 3',
        section: `${appendixE}, Improvement (intensive) Project Board`,
        summary: 'graded 3 (requires improvement) or worse by Ofsted',
      },
      {
        kind: 'floor',
        category: 'improvement-project-board',
        anyOf: red('inspection-risk'),
        quote: 'is judged by Camden Learning to be highly vulnerable when inspected by Ofsted and as such requiring additional support',
        section: `${appendixE}, Improvement (intensive) Project Board`,
        summary: 'highly vulnerable if inspected',
      },
      {
        kind: 'floor',
        category: 'targeted-project-board',
        anyOf: amber('inspection-risk'),
        quote: 'The school is not graded by OFSTED as Grade 3, but is judged by Camden Learning to be vulnerable if inspected by Ofsted',
        section: `${appendixE}, Targeted Project Board`,
        summary: 'vulnerable if inspected',
      },
      {
        kind: 'floor',
        category: 'targeted-project-board',
        anyOf: red('safeguarding'),
        quote: 'Failure to meet statutory safeguarding responsibilities.',
        section: appendixD,
        summary: 'failure to meet statutory safeguarding responsibilities',
      },
      {
        kind: 'best-fit',
        category: 'targeted-project-board',
        atLeast: 2,
        bullets: [
          { quote: '(iii) Levels of attainment and/or pupils\' progress ... are below what would be expected over time', anyOf: red('ks2-rwm', 'progress-8', 'attainment-8') },
          { quote: 'EYFS, Key Stage 1 or 2 outcomes are poor given starting points ... The percentage of children reaching expectations in the phonics check is low', anyOf: red('phonics', 'gld') },
          { quote: '(iv) Evidence of declining progress of disadvantaged pupils and a widening gap against the national average', anyOf: red('data-trend') },
          { quote: '(vii) Serious concerns about pupils\' behaviour ... or safety in the school', anyOf: red('behaviour') },
          { quote: '(xvii) Low attendance - high level of persistent absences / consistently low overall pupil attendance', anyOf: red('attendance', 'persistent-absence') },
          { quote: '(xvi) High level and upward trajectory of exclusions and suspensions', anyOf: red('suspensions') },
          { quote: '(ix) Evidence that the quality of education (intent, implementation or impact) is judged to be less than good', anyOf: amber('quality-of-education') },
          { quote: '(x) Serious failures in leadership or management which are not being addressed by the headteacher or governing body', anyOf: red('leadership') },
          { quote: '(xv) Significant relationship or communication problems/serious conflict (e.g. ... within the governing body)', anyOf: red('governance') },
          { quote: 'Ineffective monitoring and evaluation processes', anyOf: red('self-evaluation') },
          { quote: '(xii) Staff disaffection that is likely to lead to unplanned instability', anyOf: red('staffing-stability') },
          { quote: 'The headteacher is on long term absence (or there is a vacancy)', anyOf: red('substantive-head') },
          { quote: "(xix) Serious concerns about the school's provision for pupils with special needs", anyOf: red('send') },
          { quote: '(xxii) The school has serious financial difficulties', anyOf: red('finance') },
          { quote: '(xi) Loss of confidence by a substantial number of students, parents or governors', anyOf: red('complaints') },
          { quote: '(xxii) The school has serious safeguarding issues including a series of complaints', anyOf: amber('safeguarding') },
        ],
        quote: 'Schools would require additional support where:',
        section: appendixD,
        summary: 'several of the SRAS criteria for additional support are met',
      },
      {
        kind: 'floor',
        category: 'watching-brief',
        anyOf: amber('quality-of-education', 'leadership'),
        quote: 'Some specific areas of development which are priorities, but school demonstrates the capacity to resolve without additional resource. Immediate risk to Ofsted categorisation low.',
        section: `${appendixE}, Watching Brief`,
        summary: 'quality of education or leadership is a priority area for development',
      },
      {
        kind: 'best-fit',
        category: 'watching-brief',
        atLeast: 2,
        bullets: [
          { quote: 'Some specific areas of development which are priorities', anyOf: amber('ks2-rwm', 'progress-8', 'attainment-8', 'phonics', 'gld') },
          { quote: 'Some specific areas of development which are priorities', anyOf: red('data-trend') },
          { quote: 'Some specific areas of development which are priorities', anyOf: amber('behaviour', 'send') },
          { quote: 'Some specific areas of development which are priorities', anyOf: amber('self-evaluation') },
          { quote: 'Some specific areas of development which are priorities', anyOf: amber('safeguarding') },
        ],
        quote: 'Some specific areas of development which are priorities, but school demonstrates the capacity to resolve without additional resource.',
        section: `${appendixE}, Watching Brief`,
        summary: 'several areas of development are priorities',
      },
      {
        kind: 'floor',
        category: 'specific-project-board',
        anyOf: red('attendance', 'persistent-absence', 'finance', 'governance', 'complaints', 'staffing-stability', 'suspensions'),
        quote: 'Some specific areas risks to the school which are not directly related to the quality of education but may impact on it if not addressed.',
        section: specific,
        summary: 'a specific risk not directly related to the quality of education (attendance, finance, governance, complaints, staffing)',
      },
      {
        kind: 'requirement',
        category: 'universal',
        allOf: green('self-evaluation', 'leadership'),
        quote: 'No arising concerns, school self evaluation robust, school has effective leadership capacity.',
        section: `${appendixE}, Universal offer`,
        summary: 'robust self-evaluation and effective leadership capacity',
      },
    ],
  },
  meetings: [
    {
      id: 'project-board-initial',
      name: 'Project board: initial meeting',
      forCategories: projectBoardCategories,
      chair: 'Chair (CEO of Camden Learning or senior nominee)',
      members: boardMembers,
      cadence: 'Once, when the project board is established; dates for subsequent meetings are agreed at it',
      confidential: false,
      purposes: [
        'Agree no more than 4 key priorities and measurable expected end of year outcomes with the Headteacher and Chair of the Governing board',
        'Discuss the category and type of support needed',
        'Agree dates for subsequent meetings',
      ],
      agenda: [
        'Chair to define purpose of the meeting',
        'Agree the end of year outcomes',
        'Initial actions taken by senior and middle leaders and school development planning',
        'Initial actions taken by governors',
        'Support from Camden Learning and other partners & plan for brokered support',
        'Identify follow up actions with dates',
        'Dates of Future Meetings',
      ],
      afterwards: [
        'A short letter drafted by the Chair outlining the issues facing the school and context, the category of support, agreed priorities, outcomes and types of support',
        'The CPP and school leadership map out the additional support provided by Camden Learning',
      ],
      source: `${seed}, Appendix F Process for Project Boards, "Structure of Project Board meetings: Initial Meeting" and "Agenda for the initial meeting" (verbatim, in order).`,
    },
    {
      id: 'project-board-subsequent',
      name: 'Project board: subsequent meeting',
      forCategories: projectBoardCategories,
      chair: 'Chair (CEO of Camden Learning or senior nominee)',
      members: boardMembers,
      cadence: 'Half-termly; termly once the school is judged to be making sustained good progress',
      confidential: false,
      purposes: [
        "Review the Project Board report: the school's actions and impact against the agreed priorities and next steps (report template completed before the meeting and shared with the agenda)",
        'Agree the school progress against the agreed priorities (Good / Satisfactory / Unsatisfactory) and the risk of not meeting them fully by the end of the academic year (Low / Medium / High)',
        'Review the impact of any additional support from Camden Learning or brokered partners',
      ],
      agenda: [
        'Chair to define purpose of the meeting',
        'School to present report on progress against outcomes and any contextual changes',
        'CPP to report on progress towards outcomes (see key below)',
        'Chair of Governors to report on any additional board actions',
        'Impact of support offered and any next steps/revision of support',
        'Identify follow up actions with dates',
        'Chair to outline overall progress against agreed priorities and risk of not meeting them fully by the end of the academic year (see key below)',
        'Dates of Future Meetings',
      ],
      afterwards: [
        'Completed report circulated to the Headteacher, Chair of Governors and CPP',
        'Chair circulates the completed report to relevant members of the Governing Body; a focus for discussion at the Governing Body meeting',
      ],
      source: `${seed}, Appendix F Process for Project Boards, "Subsequent Meetings" and its "Agenda" (verbatim, in order; numbered 1 to 8 here, as the seed numbers two items 4 and two items 6). "Key": progress Good / Satisfactory / Unsatisfactory, risk Low / Medium / High (Template for Project Board Reports). Deadlines are Waymark's defaults.`,
    },
  ],
};
