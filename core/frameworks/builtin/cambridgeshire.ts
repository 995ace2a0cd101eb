import type { FrameworkInput } from '../schema.js';
import { pickIndicator } from '../library.js';

const seed = 'shared/seeds/004_174d6f8621157ed3.txt';
const criteria = 'PRIORITISATION CRITERIA';

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
  source: `${seed} (Cambridgeshire County Council, School Improvement Strategy 2022)`,
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
    cutoffs: [0.01, 0.8],
    minRated: 3,
    overrides: [
      {
        anyOf: [{ indicator: 'safeguarding', rag: 'R' }],
        atLeast: 'High',
        reason: 'statutory safeguarding responsibilities not fully met',
        source: `${criteria}, High support: "Safeguarding statutory responsibilities are not fully met"`,
      },
      {
        anyOf: [{ indicator: 'warning-notice', rag: 'R' }],
        atLeast: 'High',
        reason: 'warning notice issued',
        source: `${criteria}, High support: "The school has been issued with a Warning Notice or Significant Concerns letter"`,
      },
      {
        anyOf: [{ indicator: 'significant-concerns-letter', rag: 'R' }],
        atLeast: 'High',
        reason: 'significant concerns letter issued',
        source: `${criteria}, High support: "The school has been issued with a Warning Notice or Significant Concerns letter"`,
      },
      {
        anyOf: [{ indicator: 'substantive-head', rag: 'R' }],
        atLeast: 'High',
        reason: 'no substantive headteacher in post',
        source: `${criteria}, High support: "Substantive leadership (HT or governance) is not in place"`,
      },
      {
        anyOf: [{ indicator: 'ofsted-grade', rag: 'R' }],
        atLeast: 'High',
        reason: 'judged inadequate by Ofsted (special measures or serious weaknesses)',
        source: `CATEGORISATION OF LA MAINTAINED SCHOOLS, High; ${criteria}, High support`,
      },
      {
        anyOf: [{ indicator: 'ofsted-grade', rag: 'A' }],
        atLeast: 'Medium',
        reason: 'overall effectiveness requires improvement',
        source: `${criteria}, Medium support: "The school's overall effectiveness is currently RI"`,
      },
      {
        anyOf: [
          { indicator: 'new-head', rag: 'A' },
          { indicator: 'head-start-date', rag: 'A' },
        ],
        atLeast: 'Medium',
        reason: 'new or interim headteacher in the first year of headship',
        source: `${criteria}, Medium support: "A new or interim Headteacher in the first year of Headship"`,
      },
      {
        anyOf: [{ indicator: 'safeguarding', rag: 'A' }],
        atLeast: 'Medium',
        reason: 'minor weaknesses in safeguarding that require attention',
        source: `${criteria}, Medium support: "There are minor weakness in safeguarding arrangements and practice that require attention"`,
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
