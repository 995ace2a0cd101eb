import type { FrameworkInput } from '../schema.js';
import { pickIndicator } from '../library.js';

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
  source: `${seed} (London Borough of Southwark, universal school improvement provision, 2023)`,
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
    cutoffs: [0.01, 0.4, 1.2],
    minRated: 3,
    overrides: [
      {
        anyOf: [{ indicator: 'leadership', rag: 'R' }],
        atLeast: 'D',
        reason: 'senior leadership ineffective',
        source: `${appendix1}, D: "Senior leadership is ineffective"`,
      },
      {
        anyOf: [{ indicator: 'governance', rag: 'R' }],
        atLeast: 'D',
        reason: 'governance ineffective',
        source: `${appendix1}, D: "Governance is ineffective and fails to deliver its core functions"`,
      },
      {
        anyOf: [{ indicator: 'safeguarding', rag: 'R' }],
        atLeast: 'D',
        reason: 'safeguarding ineffective',
        source: `${appendix1}, D: "Safeguarding is ineffective"`,
      },
      {
        anyOf: [{ indicator: 'ofsted-grade', rag: 'R' }],
        atLeast: 'D',
        reason: 'judged inadequate by Ofsted',
        source: 'Table One, D: "Schools judged by Ofsted to be inadequate"',
      },
      {
        anyOf: [{ indicator: 'ofsted-grade', rag: 'A' }],
        atLeast: 'C',
        reason: 'judged requires improvement by Ofsted',
        source: 'Table One, C: "The school was or is likely to be judged as requiring improvement by OFSTED"',
      },
      {
        anyOf: [{ indicator: 'new-head', rag: 'A' }],
        atLeast: 'B',
        reason: 'new headteacher',
        source: 'Table One, B: "Additional support and monitoring required such as for new HTs"',
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
