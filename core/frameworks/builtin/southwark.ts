import type { FrameworkInput } from '../schema.js';
import { pickIndicator } from '../library.js';
import { amber, green, red } from './_conditions.js';

const seed = 'shared/seeds/002_f1c5b6abe3506670.txt';
const appendix1 = 'Appendix 1 School Improvement Support Indicators';

/**
 * Southwark Council's universal school improvement provision (2023): categories A to D from
 * the desktop risk assessment (Table One), a best fit against the Appendix 1 indicators with
 * critical criteria (safeguarding, leadership, governance, quality of education), and
 * termly progress review meetings on the Targeted Rapid Improvement and Intervention
 * Pathways.
 *
 * @example
 * import { southwark } from './southwark.js';
 * southwark.categories.map((c) => c.code); // ['A', 'B', 'C', 'D']
 */
export const southwark: FrameworkInput = {
  id: 'southwark',
  name: 'Southwark Indicators for Improvement Support',
  source: 'Southwark universal school improvement provision, 2023',
  seedFile: seed,
  officerTitle: 'School Improvement Advisor',
  categories: [
    {
      code: 'A',
      label: 'At least good, no concerns',
      description: 'Overall effectiveness is at least good and there are no current significant concerns.',
      colour: '#A9D08E',
      aliases: ['Cat A', 'Category A', 'Partnership Pathway'],
    },
    {
      code: 'B',
      label: 'Support and monitoring',
      description:
        'Additional support and monitoring required such as for new HTs, at risk of RI, improving from RI, preparation for OFSTED.',
      colour: '#C6EFCE',
      aliases: ['Cat B', 'Category B', 'Support and Monitoring Pathway'],
    },
    {
      code: 'C',
      label: 'Was or likely RI',
      description: 'The school was or is likely to be judged as requiring improvement by OFSTED.',
      colour: '#FFEB9C',
      aliases: ['Cat C', 'Category C', 'TRIP', 'Targeted Rapid Improvement Pathway'],
    },
    {
      code: 'D',
      label: 'Inadequate or at risk of a category',
      description: 'Schools judged by Ofsted to be inadequate, at risk of being in a category.',
      colour: '#FFC7CE',
      aliases: ['Cat D', 'Category D', 'Intervention Pathway'],
    },
  ],
  indicators: [
    pickIndicator('ofsted-grade', {
      critical: true,
      description: 'Table One: categories follow the Ofsted judgement (at least good; RI; inadequate).',
    }),
    pickIndicator('inspection-risk', {
      description: 'Table One: B at risk of RI; C likely to be judged RI; D at risk of being in a category.',
    }),
    pickIndicator('leadership', {
      critical: true,
      description:
        'Leadership capacity is systematically developed at all levels (A); senior leadership is ineffective (D).',
    }),
    pickIndicator('governance', {
      critical: true,
      description:
        'Governance is effective and holds leaders to account (A); ineffective and fails to deliver its core functions (D).',
    }),
    pickIndicator('quality-of-education', {
      critical: true,
      description:
        'Teaching delivers a broad and balanced curriculum, well planned, sequenced and consistently implemented (A).',
    }),
    pickIndicator('safeguarding', {
      critical: true,
      description: 'Safeguarding is effective (A to C); safeguarding is ineffective (D).',
    }),
    pickIndicator('ks2-rwm', {
      description: 'Outcomes typically above national and in line with London (A); significantly below national (C).',
    }),
    pickIndicator('progress-8', {
      description: 'Outcomes typically above national and in line with London (A); significantly below national (C).',
    }),
    pickIndicator('data-trend', {
      description: 'Outcomes that are declining or not yet in line with national standards (B).',
    }),
    pickIndicator('gld', {
      label: 'EYFS good level of development',
      description: 'EYFS is at least good (A); requires improvement in some areas (B, C).',
    }),
    pickIndicator('staffing-stability', {
      description: 'Staffing is stable and succession is planned for (A); not effectively managed, may not be stable (C).',
    }),
    pickIndicator('personal-development', {
      description: 'SMSC (including British Values), inclusion and pupil wellbeing (A to C).',
    }),
    pickIndicator('behaviour', {
      description: 'Expectations of behaviour are high and behaviour is consistently good (A).',
    }),
    pickIndicator('send', { description: 'Leaders are ambitious for all pupils with SEND (A); SEND curriculum narrowed (C).' }),
    pickIndicator('attendance', { description: 'Attendance is typically above national (A); below national (C).' }),
    pickIndicator('persistent-absence', {
      description: 'Persistent absence is below national or improving (A); above national (C).',
    }),
    pickIndicator('suspensions', { description: 'Exclusions are very rare over time (A); above national (C).' }),
    pickIndicator('complaints', {
      description: 'Issues with parental complaints have a time limited (A) or significant (C) impact on leadership capacity.',
    }),
    pickIndicator('finance', {
      description: 'Issues with finance or HR have a time limited (A) or significant (C) impact on leadership capacity.',
    }),
    pickIndicator('new-head', { description: 'Table One, B: additional support and monitoring such as for new HTs.' }),
  ],
  categoryRule: {
    minRated: 3,
    rules: [
      {
        kind: 'floor',
        category: 'D',
        anyOf: red('leadership'),
        quote: 'Senior leadership is ineffective.',
        section: `${appendix1}, D`,
        summary: 'senior leadership is ineffective',
      },
      {
        kind: 'floor',
        category: 'D',
        anyOf: red('governance'),
        quote: 'Governance is ineffective and fails to deliver its core functions',
        section: `${appendix1}, D`,
        summary: 'governance is ineffective',
      },
      {
        kind: 'floor',
        category: 'D',
        anyOf: red('safeguarding'),
        quote: 'Safeguarding is ineffective',
        section: `${appendix1}, D`,
        summary: 'safeguarding is ineffective',
      },
      {
        kind: 'floor',
        category: 'D',
        anyOf: red('ofsted-grade'),
        quote: 'Schools judged by Ofsted to be inadequate, at risk of being in a category.',
        section: 'Table One, D',
        summary: 'judged inadequate by Ofsted',
      },
      {
        kind: 'floor',
        category: 'D',
        anyOf: red('quality-of-education'),
        quote: 'there are some critical criteria, e.g. safeguarding, leadership, governance, quality of education that will influence the final judgement',
        section: `${appendix1}, note; Table One, D ("at risk of being in a category")`,
        summary: 'quality of education is inadequate (a critical criterion): at risk of being in a category',
      },
      {
        kind: 'floor',
        category: 'C',
        anyOf: amber('ofsted-grade'),
        quote: 'The school was or is likely to be judged as requiring improvement by OFSTED.',
        section: 'Table One, C',
        summary: 'judged requires improvement by Ofsted',
      },
      {
        kind: 'floor',
        category: 'C',
        anyOf: [...amber('quality-of-education'), ...red('inspection-risk')],
        quote: 'The school was or is likely to be judged as requiring improvement by OFSTED.',
        section: 'Table One, C',
        summary: 'likely to be judged requires improvement (quality of education, a critical criterion, requires improvement; or a high inspection risk)',
      },
      {
        kind: 'floor',
        category: 'C',
        anyOf: amber('leadership'),
        quote: 'The leadership team structure and roles are not yet developed cohesively in order to identify, evaluate, plan strategically and tackle weaknesses effectively',
        section: `${appendix1}, C`,
        summary: 'leadership, a critical criterion, requires improvement',
      },
      {
        kind: 'combination',
        category: 'C',
        allOf: amber('attendance', 'persistent-absence', 'suspensions'),
        quote: 'Attendance is below national, persistent absence is above national and exclusions are above national.',
        section: `${appendix1}, C`,
        summary: 'attendance below national, persistent absence above national and exclusions above national',
      },
      {
        kind: 'best-fit',
        category: 'C',
        atLeast: 2,
        bullets: [
          { quote: 'Provision for pupils results in outcomes that are significantly below national standards', anyOf: red('ks2-rwm', 'progress-8') },
          { quote: 'EYFS or sixth form requires improvement.', anyOf: red('gld') },
          { quote: 'Staffing is not effectively managed and may not be stable.', anyOf: red('staffing-stability') },
          { quote: 'Expectations of behaviour are not consistently high enough', anyOf: red('behaviour', 'personal-development') },
          { quote: 'The curriculum for pupils with SEND is narrowed.', anyOf: red('send') },
          { quote: 'Issues with parental complaints, support for ECTs, website compliance, admissions, finance or HR have a significant impact on leadership capacity over time.', anyOf: red('complaints', 'finance') },
          { quote: 'Governance is not consistently effective in holding leaders to account', anyOf: amber('governance') },
          { quote: 'Attendance is below national, persistent absence is above national and exclusions are above national.', anyOf: red('attendance', 'persistent-absence', 'suspensions') },
        ],
        quote: 'Please note that this is a best fit model.',
        section: `${appendix1}, C`,
        summary: 'best fit with the C indicators',
      },
      {
        kind: 'floor',
        category: 'B',
        anyOf: [...amber('new-head'), ...amber('inspection-risk')],
        quote: 'Additional support and monitoring required such as for new HTs, at risk of RI, improving from RI, preparation for OFSTED',
        section: 'Table One, B',
        summary: 'a new headteacher, or at risk of requires improvement',
      },
      {
        kind: 'floor',
        category: 'B',
        anyOf: amber('safeguarding', 'governance'),
        quote: 'There may be weaknesses in governance which are beginning to be addressed',
        section: `${appendix1}, B (critical criteria: safeguarding, governance)`,
        summary: 'weaknesses in governance or safeguarding, critical criteria',
      },
      {
        kind: 'best-fit',
        category: 'B',
        atLeast: 2,
        bullets: [
          { quote: 'Provision for all pupils results in outcomes that are declining or are not yet/at risk of not being in line with national standards', anyOf: [...red('data-trend'), ...amber('ks2-rwm', 'progress-8')] },
          { quote: 'EYFS requires improvement in some areas.', anyOf: amber('gld') },
          { quote: 'Whilst well-being and professional development is planned for staffing may not be stable and staff morale is variable.', anyOf: amber('staffing-stability') },
          { quote: 'SMSC, inclusion and pupil wellbeing are promoted throughout the school although the positive impact on pupils is not yet consistent.', anyOf: amber('personal-development') },
          { quote: 'Behaviour around the school is generally good.', anyOf: amber('behaviour') },
          { quote: 'Provision is not consistently effective across the range of learning difficulties', anyOf: amber('send') },
          { quote: 'Attendance may be below national, persistent absence and exclusions may be above national', anyOf: amber('attendance', 'persistent-absence', 'suspensions') },
          { quote: 'Issues with parental complaints, support for NQTs, website compliance, admissions, finance or HR have an impact on leadership capacity over time', anyOf: amber('complaints', 'finance') },
        ],
        quote: 'Please note that this is a best fit model.',
        section: `${appendix1}, B`,
        summary: 'best fit with the B indicators',
      },
      {
        kind: 'requirement',
        category: 'A',
        allOf: green('ofsted-grade', 'safeguarding'),
        quote: 'Overall effectiveness is at least good and there are no current significant concerns.',
        section: `${appendix1}, A`,
        summary: 'an Ofsted judgement of at least good and effective safeguarding',
      },
    ],
  },
  meetings: [
    {
      id: 'progress-review',
      name: 'Progress Review Meeting (Targeted Rapid Improvement Pathway)',
      forCategories: ['C', 'D'],
      chair: 'Assistant Director',
      members: ['Assistant Director', 'Headteacher', 'Chair of Governors', 'School Improvement Advisor'],
      cadence: 'Termly: up to 3 dedicated contact points a year',
      confidential: false,
      purposes: [
        "Formally review the school's progress (a dedicated contact point focused on accountability)",
        'Review the action plan for rapid improvement',
        'Plan and review the programme of support from the team around the school',
      ],
      agenda: [
        'Progress against the action plan for rapid improvement',
        'Findings of joint-evaluation activities (e.g. learning walks, subject deep dives)',
        'Impact of support: LA funded consultants, school to school support, HT coach or mentor',
        'Whether progress is sufficient (insufficient progress could result in a warning notice)',
        'Agreed actions and the next dedicated contact point',
      ],
      afterwards: [],
      source: `${seed}, Table two (TRIP and Intervention Pathway: up to 3 dedicated contact points a year) and Appendix Two ("Termly Progress Review Meetings with governors and Assistant Director"). The seed gives no agenda or deadlines: the agenda is written from Appendix Two, the deadlines are Waymark's defaults.`,
    },
  ],
};
