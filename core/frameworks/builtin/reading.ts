import type { FrameworkInput } from '../schema.js';
import { pickIndicator } from '../library.js';
import { aboveNational, amber, green, red } from './_conditions.js';

const seed = 'shared/seeds/001_7b776bc20b01f1bc.txt';
const definitions = 'Definitions of the Four LA categories';
const lc1 = `${definitions}, Category LA1: System Leaders (S)`;
const lc3 = `${definitions}, Category LA3: Raising Achievement Schools (R)`;
const lc4 = `${definitions}, Category LA4: Schools in a category (C)`;

/**
 * Reading Borough Council's School Improvement Framework (2016): four LA categories, S, G,
 * R and C, RAG-rated against the key performance indicators the seed lists under "The LA
 * categorisation process", and RAP review meetings for R and C schools.
 *
 * @example
 * import { reading } from './reading.js';
 * reading.categories.map((c) => c.code); // ['S', 'G', 'R', 'C']
 */
export const reading: FrameworkInput = {
  id: 'reading',
  name: 'Reading School Improvement Framework',
  source: 'Reading School Improvement Framework, 2016',
  seedFile: seed,
  officerTitle: 'School Partnership Adviser (SPA)',
  categories: [
    {
      code: 'S',
      label: 'System Leaders',
      description:
        'Excellent schools that are consistently successful in securing very good outcomes for learners and offer many examples of good and excellent practice.',
      colour: '#A9D08E',
      aliases: ['LA1', 'Cat S', 'Category S', 'Category LA1', 'System Leaders', 'System Leader'],
    },
    {
      code: 'G',
      label: 'Strengthening Good Schools',
      description: 'Schools where performance is good overall and capacity for sustained improvement is good.',
      colour: '#C6EFCE',
      aliases: ['LA2', 'Cat G', 'Category G', 'Category LA2', 'Strengthening Good'],
    },
    {
      code: 'R',
      label: 'Raising Achievement Schools',
      description:
        'Schools identified by the LA or themselves as providing a variable standard of provision; some aspects may be good and improving.',
      colour: '#FFEB9C',
      aliases: ['LA3', 'Cat R', 'Category R', 'Category LA3', 'Raising Achievement', 'RAP'],
    },
    {
      code: 'C',
      label: 'Schools in a Category',
      description:
        'Schools identified by Ofsted, the LA or the Governing Body as having significant weakness in one or more aspects of provision.',
      colour: '#FFC7CE',
      aliases: ['LA4', 'Cat C', 'Category C', 'Category LA4', 'In a category'],
    },
  ],
  indicators: [
    pickIndicator('data-trend', {
      description: 'Data: consistency, inconsistency, decline or improvement (KPI list).',
    }),
    pickIndicator('ks2-rwm', { description: 'Data: performance against National standards at KS2 (KPI list).' }),
    pickIndicator('progress-8', { description: 'Data: performance against National standards at KS4 (KPI list).' }),
    pickIndicator('below-floor', {
      critical: true,
      description: "C: the school's results are below national floor standards.",
    }),
    pickIndicator('ofsted-grade', {
      critical: true,
      description:
        'Ofsted inspection judgements (KPI list); C: judged inadequate, or RI without evidence of effective action.',
    }),
    pickIndicator('inspection-risk', {
      description: 'Level of concern / risk with regard to Ofsted inspection judgments (KPI list).',
    }),
    pickIndicator('attendance', { description: 'Figures for overall attendance (KPI list).' }),
    pickIndicator('persistent-absence', {
      description: 'Attendance figures (KPI list); C: learners at risk because of poor attendance.',
    }),
    pickIndicator('suspensions', { description: 'Latest figures and/or information about exclusions (KPI list).' }),
    pickIndicator('permanent-exclusions', {
      description: 'Latest figures and/or information about exclusions (KPI list).',
    }),
    pickIndicator('la-review', { description: 'LA reviews reports (KPI list).' }),
    pickIndicator('siams', { description: 'SIAMs inspections reports, where relevant (KPI list).' }),
    pickIndicator('hmi-monitoring', { description: 'Findings of HMI monitoring visits (KPI list).' }),
    pickIndicator('safeguarding', {
      critical: true,
      description: 'Any significant Safeguarding issues (KPI list); C: safeguarding is ineffective.',
    }),
    pickIndicator('complaints', {
      description:
        'The number and nature of any parental complaints received by the LA, Ofsted or DfE and their outcomes (KPI list).',
    }),
    pickIndicator('finance', {
      description: 'Judgements by other LA officers on areas outside the Ofsted Framework, such as budget.',
    }),
    pickIndicator('leadership', {
      description: 'R: there may be limited evidence of leadership impact; exit needs stable, skilled leadership.',
    }),
    pickIndicator('governance', {
      description:
        'Discussions with Governors are evidence for the RAG rating; exit needs additional capacity in leadership (including governance).',
    }),
    pickIndicator('new-head', { description: 'R: the school has a new Headteacher.' }),
    pickIndicator('staffing-stability', { description: 'R: the school may have undergone significant staff changes.' }),
  ],
  categoryRule: {
    minRated: 3,
    rules: [
      {
        kind: 'floor',
        category: 'C',
        anyOf: red('safeguarding'),
        quote: 'Safeguarding is ineffective.',
        section: `${lc4}`,
        summary: 'safeguarding is ineffective',
      },
      {
        kind: 'floor',
        category: 'C',
        anyOf: red('ofsted-grade'),
        quote: 'Where a school or setting has been judged Inadequate by Ofsted, an LA Statement of Action will be produced',
        section: 'Schools Judged Inadequate by Ofsted',
        summary: 'judged inadequate by Ofsted',
      },
      {
        kind: 'floor',
        category: 'C',
        anyOf: red('below-floor'),
        quote: 'The schools results are below national floor standards.',
        section: lc4,
        summary: 'results are below the national floor standards',
      },
      {
        kind: 'floor',
        category: 'C',
        anyOf: red('ks2-rwm', 'progress-8'),
        quote: 'Attainment and progress data shows a significant downward trend and/or is below national averages in one or more key stages.',
        section: lc4,
        summary: 'attainment is well below national averages in a key stage',
      },
      {
        kind: 'combination',
        category: 'C',
        allOf: [...red('data-trend'), ...amber('ks2-rwm')],
        quote: 'Attainment and progress data shows a significant downward trend and/or is below national averages in one or more key stages.',
        section: lc4,
        summary: 'a downward trend with KS2 results below national',
      },
      {
        kind: 'combination',
        category: 'C',
        allOf: [...red('data-trend'), ...amber('progress-8')],
        quote: 'Attainment and progress data shows a significant downward trend and/or is below national averages in one or more key stages.',
        section: lc4,
        summary: 'a downward trend with Progress 8 below national',
      },
      {
        kind: 'combination',
        category: 'C',
        allOf: [...red('attendance'), ...red('persistent-absence')],
        quote: 'Where learners are likely to be at risk because of poor behaviour, poor attitudes to learning or poor attendance.',
        section: lc4,
        summary: 'poor attendance: attendance and persistent absence both red',
      },
      {
        kind: 'combination',
        category: 'C',
        allOf: [...amber('ofsted-grade'), ...red('la-review')],
        quote: 'A school that has been judged as Requiring Improvement and is not able to provide sufficient evidence of effective action to secure rapid improvement.',
        section: lc4,
        summary: 'judged requires improvement, and the LA review finds no effective action',
      },
      {
        kind: 'combination',
        category: 'C',
        allOf: [...amber('ofsted-grade'), ...red('hmi-monitoring')],
        quote: 'A school that has been judged as Requiring Improvement and is not able to provide sufficient evidence of effective action to secure rapid improvement.',
        section: lc4,
        summary: 'judged requires improvement, and HMI monitoring finds no effective action',
      },
      {
        kind: 'floor',
        category: 'R',
        anyOf: [...amber('ofsted-grade'), ...red('inspection-risk')],
        quote: 'There may be a risk in relation to the next inspection judgment of the school not being graded "good".',
        section: lc3,
        summary: 'the next inspection may not grade the school good (judged requires improvement, or a high inspection risk)',
      },
      {
        kind: 'best-fit',
        category: 'R',
        atLeast: 2,
        bullets: [
          { quote: 'Progress and/or attainment for some groups of children are below national averages.', anyOf: amber('ks2-rwm', 'progress-8') },
          { quote: 'There may have been a lack of significant improvement in outcomes, or decline in standards for pupils over the last three years.', anyOf: red('data-trend') },
          { quote: 'There may be limited evidence of leadership impact and or school culture does not support rapid improvement.', anyOf: amber('leadership', 'governance') },
          { quote: 'There may be a risk in relation to the next inspection judgment of the school not being graded "good".', anyOf: amber('inspection-risk') },
          { quote: 'The school has a new Headteacher and/or may have undergone significant staff changes.', anyOf: [...amber('new-head'), ...amber('staffing-stability')] },
          { quote: 'In the current year, across all year groups, outcomes for pupils are variable.', anyOf: amber('la-review', 'hmi-monitoring') },
          { quote: 'Where learners are likely to be at risk because of poor behaviour, poor attitudes to learning or poor attendance.', anyOf: amber('attendance', 'persistent-absence', 'suspensions', 'permanent-exclusions') },
          { quote: 'Any significant Safeguarding issues.', anyOf: amber('safeguarding') },
          { quote: 'The number and nature of any parental complaints received by the LA, Ofsted or DfE and their outcomes.', anyOf: amber('complaints') },
          { quote: 'Other LA officers involved with the school make judgements on areas outside of the Ofsted Framework that impact on school performance (such as budget', anyOf: amber('finance') },
          { quote: "SIAM's inspections reports (where relevant)", anyOf: amber('siams') },
        ],
        quote: 'Schools identified by the LA or themselves as providing a variable standard of provision. Some aspects may be good and improving.',
        section: lc3,
        summary: 'a variable standard of provision',
      },
      {
        kind: 'requirement',
        category: 'S',
        allOf: [...green('leadership', 'safeguarding', 'data-trend')],
        anyOf: aboveNational('ks2-rwm', 'progress-8'),
        quote: 'Outcomes for children have been consistently above national averages in the last three years. ... The impact of Leadership is significant',
        section: lc1,
        summary: 'outcomes consistently above national averages, significant leadership impact and safeguarding effective',
      },
    ],
  },
  meetings: [
    {
      id: 'rap',
      name: 'RAP review meeting',
      forCategories: ['R', 'C'],
      chair: 'Strategic Lead for School Improvement or Head of Education',
      members: ['Headteacher', 'Deputy Headteacher (where agreed by the head)', 'Chair of Governors', 'SPA'],
      cadence: 'Regular reviews driven by the Raising Achievement Plan; the SPA verifies evidence at least once per half term',
      confidential: false,
      purposes: [
        'Focus on the impact of intervention and LA/school commissioned activity to improve outcomes',
        'Monitor the impact and effectiveness of the work of school leaders to bring about required change',
        'Monitor the impact and effectiveness of LA commissioned support, agreeing redirection where necessary',
        'Hold the school to account for the impact of external support and achieving accelerated improvement',
        'Celebrate success',
      ],
      agenda: [
        "Headteacher's evidence of progress against the RAP success criteria and milestones",
        'Impact and effectiveness of the work of school leaders to bring about required change',
        'SPA report on work with the school and the impact of support from LA colleagues',
        'Impact and effectiveness of LA commissioned support; agree any redirection',
        'Impact of external support and progress towards accelerated improvement',
        'Celebrating success',
        'Next steps, success milestones and target groups; date of the next review',
      ],
      deadlines: {
        agenda: 10,
        'evidence-request': 10,
        'evidence-reminder': 7,
        'evidence-due': 5,
        escalation: 4,
        minutes: 10,
      },
      afterwards: [
        'Key points and actions minuted, minutes circulated within 10 days of the meeting',
        'RAP minutes an agenda item on the full Governing Body agenda',
      ],
      source: `${seed}, "Raising Achievement Plan (RAP) meetings" and "RAP responsibilities" (agenda at least 10 working days before; evidence at least 5 working days before; minutes within 10 days). The seed gives no agenda: this one is derived from the stated purposes.`,
    },
  ],
};
