import type { FrameworkInput } from '../schema.js';
import { pickIndicator } from '../library.js';
import { amber, green, red } from './_conditions.js';

const seed = 'shared/seeds/004_174d6f8621157ed3.txt';
const criteria = 'PRIORITISATION CRITERIA';
const framework = "CAMBRIDGESHIRE'S FRAMEWORK FOR SCHOOL IMPROVEMENT, Monitoring";

/**
 * Cambridgeshire County Council's School Improvement Strategy (2022): low, medium or high
 * level of support offered, a best fit against the prioritisation criteria, with critical
 * criteria (statutory safeguarding not met, a warning notice or significant concerns letter,
 * no substantive head) that put a school in High, and half-termly LAIG meetings for High.
 *
 * @example
 * import { cambridgeshire } from './cambridgeshire.js';
 * cambridgeshire.categories.map((c) => c.code); // ['Low', 'Medium', 'High']
 */
export const cambridgeshire: FrameworkInput = {
  id: 'cambridgeshire',
  name: 'Cambridgeshire categorisation of LA maintained schools',
  source: 'Cambridgeshire School Improvement Strategy, 2022',
  seedFile: seed,
  officerTitle: 'School Improvement Adviser',
  categories: [
    {
      code: 'Low',
      label: 'Low level of support offered',
      description: 'Schools which are likely to be judged as good or outstanding at their next Ofsted inspection.',
      colour: '#C6EFCE',
      aliases: ['Low support', 'Low support offered', 'Low level of support', 'L'],
    },
    {
      code: 'Medium',
      label: 'Medium level of support offered',
      description: 'Schools which may require improvement in order to be good (requiring improvement and/or vulnerable).',
      colour: '#FFEB9C',
      aliases: ['Medium support', 'Medium level of support', 'Med', 'M'],
    },
    {
      code: 'High',
      label: 'High level of support offered',
      description:
        'Schools requiring intervention and support: significant cause for concern and/or in special measures or serious weaknesses.',
      colour: '#FFC7CE',
      aliases: ['High support', 'High level of support', 'H'],
    },
  ],
  indicators: [
    pickIndicator('safeguarding', {
      critical: true,
      description:
        'Culture of safeguarding strong, all statutory requirements met (Low); minor weaknesses (Medium); statutory responsibilities not fully met (High).',
    }),
    pickIndicator('leadership', {
      description:
        'Effectiveness and capacity of leadership to drive school improvement; clarity of leaders\u2019 and governors\u2019 vision and ambition.',
    }),
    pickIndicator('governance', {
      description: 'Governors hold school leaders to account for the quality of education (Low); ineffective (High).',
    }),
    pickIndicator('ofsted-grade', {
      critical: true,
      description:
        'Overall effectiveness good or better (Low); currently RI (Medium); judged special measures or serious weaknesses (High).',
    }),
    pickIndicator('inspection-risk', {
      description:
        'At risk of being judged RI or downgraded (Medium); at risk of special measures or serious weaknesses (High).',
    }),
    pickIndicator('new-head', { description: 'A new or interim Headteacher in the first year of Headship (Medium).' }),
    pickIndicator('head-start-date', { description: 'A new or interim Headteacher in the first year of Headship (Medium).' }),
    pickIndicator('substantive-head', {
      critical: true,
      description: 'Substantive leadership (HT or governance) is not in place (High).',
    }),
    pickIndicator('warning-notice', {
      critical: true,
      description: 'The school has been issued with a Warning Notice (High).',
    }),
    pickIndicator('significant-concerns-letter', {
      critical: true,
      description: 'The school has been issued with a Significant Concerns letter (High).',
    }),
    pickIndicator('self-evaluation', { description: "School's self-evaluation is inaccurate or not current (High)." }),
    pickIndicator('staffing-stability', {
      description:
        'Leadership and staffing is not stable; significant turbulence, a high level of vacancies, long-term agency staff (High).',
    }),
    pickIndicator('quality-of-education', {
      description: "Teachers' expectations, curriculum planning and sequencing, and the quality of teaching.",
    }),
    pickIndicator('ks2-rwm', {
      description: 'Attainment broadly in line with national averages (Medium); consistently below (High) (See data).',
    }),
    pickIndicator('data-trend', { description: 'Attainment is declining over time (Medium, High) (See data).' }),
    pickIndicator('attendance', {
      description: 'Attendance is high or rapidly improving (Low); low (Medium); consistently low (High) (See data).',
    }),
    pickIndicator('behaviour', { description: "Expectations of pupils' attitudes, behaviour and conduct." }),
    pickIndicator('personal-development', { description: 'SMSC and understanding of fundamental British values.' }),
    pickIndicator('complaints', {
      description: 'Significant concerns surrounding relationships between pupils, parents and staff including complaints to the LA (High).',
    }),
    pickIndicator('finance', {
      description: "Management of the School's Finances (a significant concerns letter indicator).",
    }),
  ],
  categoryRule: {
    minRated: 3,
    rules: [
      {
        kind: 'floor',
        category: 'High',
        anyOf: red('safeguarding'),
        quote: 'Safeguarding statutory responsibilities are not fully met.',
        section: `${criteria}, High support`,
        summary: 'safeguarding statutory responsibilities are not fully met',
      },
      {
        kind: 'floor',
        category: 'High',
        anyOf: red('warning-notice', 'significant-concerns-letter'),
        quote: 'The school has been issued with a Warning Notice or Significant Concerns letter',
        section: `${criteria}, High support`,
        summary: 'a warning notice or significant concerns letter has been issued',
      },
      {
        kind: 'floor',
        category: 'High',
        anyOf: red('substantive-head'),
        quote: 'Substantive leadership (HT or governance) is not in place.',
        section: `${criteria}, High support`,
        summary: 'substantive leadership is not in place',
      },
      {
        kind: 'floor',
        category: 'High',
        anyOf: red('ofsted-grade'),
        quote: "The school's overall effectiveness has been judged or is at risk of Requiring Improvement, Special Measures or to have Serious Weaknesses",
        section: `${criteria}, High support`,
        summary: 'judged inadequate (special measures or serious weaknesses) by Ofsted',
      },
      {
        kind: 'best-fit',
        category: 'High',
        atLeast: 2,
        bullets: [
          { quote: 'The effectiveness and capacity of leadership to drive school improvement is of serious concern', anyOf: red('leadership') },
          { quote: 'Governance is ineffective and leaders are not held to account for the quality of education', anyOf: red('governance') },
          { quote: "The school's overall effectiveness has been judged or is at risk of Requiring Improvement, Special Measures or to have Serious Weaknesses", anyOf: [...red('inspection-risk'), ...amber('ofsted-grade')] },
          { quote: 'Schools self-evaluation is inaccurate or not current', anyOf: red('self-evaluation') },
          { quote: 'Leadership and staffing is not stable; there is significant turbulence and/or a high level of vacancies and long-term use of agency staff', anyOf: red('staffing-stability') },
          { quote: 'Too much teaching requires improvement or is inadequate', anyOf: red('quality-of-education') },
          { quote: 'Attainment is consistently below national averages at the end of each Key Stage', anyOf: red('ks2-rwm') },
          { quote: 'Attainment is declining (See data)', anyOf: red('data-trend') },
          { quote: 'Attendance is consistently low for all pupils, groups of pupils including disadvantaged pupils (See data)', anyOf: red('attendance') },
          { quote: 'Behaviour and attitudes are poor and there are regular incidents that disrupt learning', anyOf: red('behaviour') },
          { quote: 'Significant concerns surrounding relationships between pupils, parents and staff including complaints to the LA', anyOf: red('complaints') },
          { quote: 'SMSC is underdeveloped across the school and is poorly planned for across the curriculum', anyOf: red('personal-development') },
          { quote: 'Management of the Schools Finances', anyOf: red('finance') },
        ],
        quote: "They are 'best fit', i.e., a school does not have to meet all bullet points listed to be judged in any one category.",
        section: `${framework}; ${criteria}, High support`,
        summary: 'best fit with the High support criteria',
      },
      {
        kind: 'floor',
        category: 'Medium',
        anyOf: amber('ofsted-grade'),
        quote: "The school's overall effectiveness is currently RI or at risk of being judged Requiring Improvement or being downgraded",
        section: `${criteria}, Medium support`,
        summary: 'overall effectiveness is currently requires improvement',
      },
      {
        kind: 'floor',
        category: 'Medium',
        anyOf: amber('safeguarding'),
        quote: 'There are minor weakness in safeguarding arrangements and practice that require attention',
        section: `${criteria}, Medium support`,
        summary: 'minor weaknesses in safeguarding that require attention',
      },
      {
        kind: 'best-fit',
        category: 'Medium',
        atLeast: 2,
        bullets: [
          { quote: 'The effectiveness and capacity of leadership to drive school improvement requires support.', anyOf: amber('leadership') },
          { quote: "The school's overall effectiveness is currently RI or at risk of being judged Requiring Improvement or being downgraded", anyOf: amber('inspection-risk') },
          { quote: 'A new or interim Headteacher in the first year of Headship', anyOf: amber('new-head', 'head-start-date') },
          { quote: 'Teaching is inconsistent and requires improvement', anyOf: amber('quality-of-education') },
          { quote: 'Attainment is broadly in line with national averages at the end of each key stage (See data)', anyOf: amber('ks2-rwm') },
          { quote: 'Attainment is declining over time. (See data)', anyOf: red('data-trend') },
          { quote: 'Attendance is low and not showing sustained improvement or improving sufficiently quickly (See data)', anyOf: amber('attendance') },
          { quote: 'Expectations of pupils attitudes and behaviour are not high enough and approaches are inconsistent', anyOf: amber('behaviour') },
          { quote: 'SMSC requires development', anyOf: amber('personal-development') },
          { quote: "Leaders' and governors' vision and ambition for the school lacks detail and is not consistently communicated", anyOf: amber('governance') },
        ],
        quote: "They are 'best fit', i.e., a school does not have to meet all bullet points listed to be judged in any one category.",
        section: `${framework}; ${criteria}, Medium support`,
        summary: 'best fit with the Medium support criteria',
      },
      {
        kind: 'floor',
        category: 'Medium',
        anyOf: red('leadership', 'governance', 'inspection-risk', 'self-evaluation', 'staffing-stability', 'quality-of-education', 'ks2-rwm', 'attendance', 'behaviour', 'complaints', 'personal-development', 'finance'),
        quote: 'Are schools which are likely to be judged as good or outstanding at their next Ofsted inspection',
        section: 'CATEGORISATION OF LA MAINTAINED SCHOOLS, Low level of support offered',
        summary: 'one of the High support criteria is met, so the school is not likely to be judged good at its next inspection',
      },
      {
        kind: 'requirement',
        category: 'Low',
        allOf: green('safeguarding', 'ofsted-grade', 'leadership'),
        quote: "The culture of safeguarding is strong, and all statutory requirements are met; The school's overall effectiveness is judged good or better; The effectiveness of leadership to drive school improvement is strong.",
        section: `${criteria}, Low support`,
        summary: 'safeguarding strong with statutory requirements met, overall effectiveness good or better, and strong leadership',
      },
    ],
  },
  meetings: [
    {
      id: 'laig',
      name: 'Local Authority Implementation Group (LAIG)',
      forCategories: ['High'],
      chair: 'Head of School Improvement',
      members: [
        'Headteacher',
        'Chair of Governors',
        'School Improvement Adviser',
        'English and maths advisers',
        'Early Years Improvement Adviser',
        'Other LA personnel working with the school',
      ],
      cadence: 'Half-termly',
      confidential: true,
      purposes: [
        'Hold the school to account, ensuring that it makes rapid progress',
        'Bring together all personnel working with the school to discuss the impact of the support the school is receiving',
        'Monitor progress against the Local Authority Support and Intervention Plan',
      ],
      agenda: [
        'Progress against the priorities, targets and actions of the Local Authority Support and Intervention Plan',
        'Impact of the support the school is receiving, from each service working with the school',
        'Whether concerns remain (a Warning Notice or Significant Concerns letter may follow)',
        'Agree the summary 5 key points for the governing body',
        'Actions and date of the next LAIG',
      ],
      afterwards: ['The summary 5 key points shared with the whole governing body after each LAIG'],
      source: `${seed}, CATEGORISATION OF LA MAINTAINED SCHOOLS, High level of support ("Progress will be monitored half termly by the Local Authority Implementation Group (LAIG)"; "The LAIG is a confidential meeting, but the summary 5 key points should be shared with the whole governing body"). The seed names no chair (DOMAIN.md: the head of school improvement chairs) and gives no agenda or deadlines: the agenda is written from its text, the deadlines are Waymark's defaults.`,
    },
  ],
};
