import type { FrameworkInput } from '../schema.js';
import { pickIndicator } from '../library.js';
import { amber, green, outstanding, red, topQuartile } from './_conditions.js';

const seed = 'shared/seeds/003_f5ef951f39a0f3e6.txt';
const table1 = 'Section 2, Table 1 Framework for School Improvement';
const inadequate = `${table1}: Inadequate School`;

/**
 * The Tri-borough Education Service's Framework to Support School Improvement (Hammersmith &
 * Fulham, Kensington & Chelsea, Westminster; January 2013): four Ofsted-style categories,
 * the four key aspects of section 2.3 plus performance data, and a steering group for
 * schools causing concern (5.20).
 *
 * @example
 * import { triborough } from './triborough.js';
 * triborough.categories.map((c) => c.code);
 * // ['outstanding', 'good', 'requires-improvement', 'inadequate']
 */
export const triborough: FrameworkInput = {
  id: 'triborough',
  name: 'Tri-borough Framework to Support School Improvement',
  source: 'Tri-borough Framework to Support School Improvement, 2013',
  seedFile: seed,
  officerTitle: 'Lead Adviser',
  categories: [
    {
      code: 'outstanding',
      label: 'Outstanding',
      description: "The school's practice consistently reflects the highest aspirations for pupils, including disabled pupils and those with special educational needs.",
      colour: '#A9D08E',
      aliases: ['Outstanding school', 'Grade 1'],
    },
    {
      code: 'good',
      label: 'Good',
      description:
        'The school takes effective action to enable most pupils, including disabled and those with special educational needs, to reach their potential.',
      colour: '#C6EFCE',
      aliases: ['Good school', 'Grade 2'],
    },
    {
      code: 'requires-improvement',
      label: 'Requires improvement',
      description:
        'In the most recent Ofsted inspection / LA review the overall effectiveness was judged as requiring improvement.',
      colour: '#FFEB9C',
      aliases: ['RI', 'Requiring improvement', 'Causing concern', 'Grade 3', 'School that requires improvement'],
    },
    {
      code: 'inadequate',
      label: 'Inadequate',
      description:
        'At its most recent Ofsted inspection the school was judged to be inadequate, or an LA review / data analysis identifies it as inadequate.',
      colour: '#FFC7CE',
      aliases: ['Inadequate school', 'Grade 4', 'Special measures', 'Serious weaknesses'],
    },
  ],
  indicators: [
    pickIndicator('ofsted-grade', {
      critical: true,
      description: 'Most recent Ofsted inspection: overall effectiveness (Table 1).',
    }),
    pickIndicator('la-review', { description: 'Most recent LA monitoring review judgement (Table 1; 2.4, 2.13).' }),
    pickIndicator('ks2-rwm', {
      description: 'Achievement of pupils: attainment in the final key stage against national averages (2.3, Table 1).',
    }),
    pickIndicator('progress-8', {
      description: 'Achievement of pupils: progress from Key Stage 2 to Key Stage 4 against the national average (Table 1).',
    }),
    pickIndicator('phonics', {
      description: "Pupils' progress in literacy; pupils' progress is not held back by an ability to read (Table 1).",
    }),
    pickIndicator('data-trend', {
      description: 'A downward trend in attainment and progress (2.5); no trend of improvement (Table 1, RI).',
    }),
    pickIndicator('below-floor', {
      critical: true,
      description: 'Below the Key Stage 2 or 4 floor standard, or indications it may be (Table 1, Inadequate; 2.5).',
    }),
    pickIndicator('quality-of-education', {
      label: 'Quality of teaching',
      critical: true,
      description: 'Quality of teaching, one of the four key aspects (2.3).',
    }),
    pickIndicator('behaviour', {
      label: 'Behaviour and safety of pupils',
      critical: true,
      description: 'Behaviour and safety of pupils, one of the four key aspects (2.3).',
    }),
    pickIndicator('safeguarding', {
      critical: true,
      description: 'Safety of pupils (2.3); no compromise where the safety of pupils is compromised (2.9).',
    }),
    pickIndicator('leadership', {
      label: 'Leadership and management',
      critical: true,
      description: 'Quality of leadership and management, one of the four key aspects (2.3).',
    }),
    pickIndicator('governance', {
      description: 'Ongoing leadership and management issues including governance (2.5); governors hold the school to account (Table 1).',
    }),
    pickIndicator('personal-development', {
      description: "Promotion of pupils' spiritual, moral, social and cultural development (Table 1).",
    }),
    pickIndicator('self-evaluation', {
      description: 'Self evaluation is not accurate and/or does not provide evidence of impact (Table 1, RI).',
    }),
    pickIndicator('inspection-risk', {
      description: 'At risk of being placed in a category when it is next inspected by Ofsted (Table 1, RI; 2.11).',
    }),
  ],
  categoryRule: {
    minRated: 3,
    rules: [
      {
        kind: 'floor',
        category: 'inadequate',
        anyOf: [...red('ofsted-grade'), ...red('la-review')],
        quote: 'At its most recent Ofsted inspection, the school was judged to be inadequate ... As a result of an LA review / data analysis is identified as an inadequate school.',
        section: inadequate,
        summary: 'judged inadequate by Ofsted or an LA review',
      },
      {
        kind: 'floor',
        category: 'inadequate',
        anyOf: red('phonics', 'quality-of-education', 'behaviour', 'safeguarding', 'leadership', 'governance', 'personal-development'),
        quote: "The school is likely to be inadequate ... if any of the following aspects of provision are judged to be inadequate: achievement of pupils pupils' progress in literacy quality of teaching behaviour and safety quality of leadership and management (including governance)",
        section: inadequate,
        summary: 'an aspect of provision is judged inadequate',
      },
      {
        kind: 'floor',
        category: 'requires-improvement',
        anyOf: [...amber('ofsted-grade'), ...amber('la-review')],
        quote: 'In the most recent Ofsted inspection / LA review the overall effectiveness was judged as requiring improvement',
        section: `${table1}: School that requires improvement`,
        summary: 'judged requires improvement by Ofsted or an LA review',
      },
      {
        kind: 'floor',
        category: 'requires-improvement',
        anyOf: amber('quality-of-education', 'behaviour', 'leadership'),
        quote: 'The school requires improvement because one or more of the four key judgements requires improvement (grade 3)',
        section: `${table1}: School that requires improvement`,
        summary: 'one of the four key judgements requires improvement',
      },
      {
        kind: 'floor',
        category: 'requires-improvement',
        anyOf: red('below-floor'),
        quote: 'Attainment and/or progress in the final key stage has dipped or is on a downward trend or may be below floor standard in one or more areas and there is no evidence of improvement.',
        section: `${table1}: School that requires improvement (Inadequate only when "Below the Key Stage 2 or 4 floor standard in all three areas")`,
        summary: 'below the floor standard in one or more areas',
      },
      {
        kind: 'floor',
        category: 'requires-improvement',
        anyOf: red('inspection-risk'),
        quote: 'Has been identified as being at risk of being placed in a category when it is next inspected by Ofsted.',
        section: `${table1}: School that requires improvement`,
        summary: 'at risk of being placed in a category at the next inspection',
      },
      {
        kind: 'best-fit',
        category: 'requires-improvement',
        atLeast: 2,
        bullets: [
          { quote: 'Attainment in the final key stage is above the floor standard but below the national average.', anyOf: amber('ks2-rwm') },
          { quote: 'Pupil progress in English and/or mathematics ... is below the national or LA average.', anyOf: amber('progress-8', 'phonics') },
          { quote: 'Attainment and/or progress in the final key stage has dipped or is on a downward trend', anyOf: red('data-trend') },
          { quote: 'Self evaluation is not accurate and/or does not provide evidence of the impact of effectively targeted improvement.', anyOf: amber('self-evaluation') },
          { quote: 'Governors do not have an accurate understanding of the new Ofsted Framework or appropriately support or hold the school to account.', anyOf: amber('governance') },
          { quote: "there are weaknesses in the overall provision of pupils' spiritual, moral and cultural development", anyOf: amber('personal-development') },
          { quote: 'Has been identified as being at risk of being placed in a category when it is next inspected by Ofsted.', anyOf: amber('inspection-risk') },
          { quote: 'Behaviour and safety are strong features.', anyOf: amber('safeguarding') },
        ],
        quote: 'This is a best fit model rather than a check-list.',
        section: `Section 2.5; ${table1}: School that requires improvement`,
        summary: 'best fit with the features of a school that requires improvement',
      },
      {
        kind: 'requirement',
        category: 'outstanding',
        allOf: outstanding('ofsted-grade'),
        anyOf: topQuartile('ks2-rwm', 'progress-8'),
        quote: 'In the most recent Ofsted inspection / LA monitoring review received a judgement of outstanding ... RAISEonline indicates that they are in the top quartile for both attainment and progress.',
        section: `${table1}: Outstanding School`,
        summary: 'a judgement of outstanding and results in the top quartile',
      },
      {
        kind: 'requirement',
        category: 'good',
        allOf: green('ofsted-grade'),
        anyOf: green('ks2-rwm', 'progress-8'),
        quote: 'In the most recent Ofsted inspection / LA monitoring review received a judgement of at least good ... Achievement of pupils in the final key stage is at least in line with national averages.',
        section: `${table1}: Good School`,
        summary: 'a judgement of at least good and achievement at least in line with national averages',
      },
    ],
  },
  meetings: [
    {
      id: 'steering-group',
      name: 'Steering group',
      forCategories: ['requires-improvement', 'inadequate'],
      chair: 'Senior local authority officer',
      members: [
        'Senior local authority officer',
        'Headteacher',
        'Chair of Governors',
        'Lead Adviser',
        'Those supporting the school (commissioned consultants, LA officers)',
      ],
      cadence: 'As set by the local authority',
      confidential: false,
      purposes: [
        'Hold the school leaders and those supporting the school to account',
        'Review progress and advise whether progress after intervention remains unsatisfactory and a formal warning notice is necessitated',
        'Advise whether progress is being made and the current level of support and intervention is sufficient',
        'Advise whether a broader range of formal actions open to the local authority should be used to secure improvement',
      ],
      agenda: [
        "Progress against the school's action plan to address the concerns",
        'Report from the Lead Adviser and those supporting the school',
        'Does progress after intervention remain unsatisfactory, so that a formal warning notice is necessitated?',
        'Is progress being made, and is the current level of support and intervention sufficient?',
        'Should a broader range of formal actions open to the local authority be used to secure improvement?',
        'Actions and date of the next meeting',
      ],
      afterwards: ['Report orally and in writing to the headteacher, governing body and the local authority'],
      source: `${seed}, 5.20 (also 2.15, 5.26, 5.28). The seed gives no agenda, chair or deadlines: the agenda is written from 5.20's three questions, the deadlines are Waymark's defaults.`,
    },
  ],
};
