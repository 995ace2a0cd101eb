import { describe } from 'vitest';
import { seedTable } from '../_testing/table.js';

/** At least good with no concerns: the evidence category A asks for (Ofsted good, safeguarding effective). */
const base = {
  'ofsted-grade': 'Good',
  safeguarding: 'Effective',
  leadership: 'Effective',
  governance: 'Effective',
  'quality-of-education': 'Effective',
  attendance: 96,
  'persistent-absence': 10,
  suspensions: 1,
  'ks2-rwm': 66,
};
const A = 'Overall effectiveness is at least good and there are no current significant concerns.';
const critical = 'there are some critical criteria, e.g. safeguarding, leadership, governance, quality of education that will influence the final judgement';

describe('Southwark universal school improvement provision, 2023: one row per descriptor sentence', () => {
  seedTable('southwark', base, [
    { quote: A, cells: {}, expected: 'A' },
    { quote: A, cells: { 'ofsted-grade': undefined }, expected: 'B' },
    { quote: A, cells: { safeguarding: undefined }, expected: 'B' },
    // B.
    { quote: 'Additional support and monitoring required such as for new HTs, at risk of RI, improving from RI, preparation for OFSTED', cells: { 'new-head': 'Yes' }, expected: 'B' },
    { quote: 'Additional support and monitoring required such as for new HTs, at risk of RI, improving from RI, preparation for OFSTED', cells: { 'inspection-risk': 'at risk' }, expected: 'B' },
    { quote: 'There may be weaknesses in governance which are beginning to be addressed', cells: { governance: 'Some weaknesses' }, expected: 'B' },
    { quote: 'Provision for all pupils results in outcomes that are declining or are not yet/at risk of not being in line with national standards', cells: { 'data-trend': 'Declining', gld: 63 }, expected: 'B' },
    // One B bullet alone is not a best fit.
    { quote: 'Attendance may be below national, persistent absence and exclusions may be above national', cells: { attendance: 'below national', 'persistent-absence': 'above national' }, expected: 'A', cites: false },
    // C.
    { quote: 'The school was or is likely to be judged as requiring improvement by OFSTED.', cells: { 'ofsted-grade': 'RI' }, expected: 'C' },
    { quote: 'The school was or is likely to be judged as requiring improvement by OFSTED.', cells: { 'quality-of-education': 'Requires improvement' }, expected: 'C' },
    { quote: 'The school was or is likely to be judged as requiring improvement by OFSTED.', cells: { 'inspection-risk': 'High' }, expected: 'C' },
    { quote: 'The leadership team structure and roles are not yet developed cohesively in order to identify, evaluate, plan strategically and tackle weaknesses effectively', cells: { leadership: 'Developing' }, expected: 'C' },
    { quote: 'Attendance is below national, persistent absence is above national and exclusions are above national.', cells: { attendance: 'below national', 'persistent-absence': 'above national', suspensions: 'above national' }, expected: 'C' },
    { quote: 'Provision for pupils results in outcomes that are significantly below national standards', cells: { 'ks2-rwm': 'significantly below national', 'staffing-stability': 'Not stable' }, expected: 'C' },
    // D, each sentence, and quality of education as a critical criterion.
    { quote: 'Senior leadership is ineffective.', cells: { leadership: 'Ineffective' }, expected: 'D' },
    { quote: 'Governance is ineffective and fails to deliver its core functions', cells: { governance: 'Ineffective' }, expected: 'D' },
    { quote: 'Safeguarding is ineffective', cells: { safeguarding: 'Ineffective' }, expected: 'D' },
    { quote: 'Schools judged by Ofsted to be inadequate, at risk of being in a category.', cells: { 'ofsted-grade': 'Inadequate' }, expected: 'D' },
    { quote: critical, cells: { 'quality-of-education': 'Inadequate' }, expected: 'D' },
  ]);
});
