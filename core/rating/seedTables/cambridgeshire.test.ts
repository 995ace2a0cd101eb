import { describe } from 'vitest';
import { seedTable } from '../_testing/table.js';

/** Low support on the evidence the seed's Low list asks for: safeguarding strong, leadership strong, good or better. */
const base = {
  safeguarding: 'Strong',
  leadership: 'Strong',
  'ofsted-grade': 'Good',
  governance: 'Effective',
  attendance: 96,
  'ks2-rwm': 66,
};
const low =
  "The culture of safeguarding is strong, and all statutory requirements are met; The school's overall effectiveness is judged good or better; The effectiveness of leadership to drive school improvement is strong.";

describe('Cambridgeshire School Improvement Strategy, 2022: one row per descriptor sentence', () => {
  seedTable('cambridgeshire', base, [
    { quote: low, cells: {}, expected: 'Low' },
    { quote: low, cells: { leadership: undefined }, expected: 'Medium' },
    // Medium: one amber alone does not move a school, two of the Medium bullets do.
    { quote: 'A new or interim Headteacher in the first year of Headship', cells: { 'new-head': 'Yes' }, expected: 'Low', cites: false },
    { quote: 'A new or interim Headteacher in the first year of Headship', cells: { 'new-head': 'Yes', 'quality-of-education': 'RI' }, expected: 'Medium' },
    { quote: 'Attainment is declining over time. (See data)', cells: { 'data-trend': 'Declining', attendance: 93.5 }, expected: 'Medium' },
    { quote: "The school's overall effectiveness is currently RI or at risk of being judged Requiring Improvement or being downgraded", cells: { 'ofsted-grade': 'RI' }, expected: 'Medium' },
    { quote: 'There are minor weakness in safeguarding arrangements and practice that require attention', cells: { safeguarding: 'Minor weaknesses' }, expected: 'Medium' },
    { quote: low, cells: { leadership: 'Requires support' }, expected: 'Medium' },
    { quote: 'Are schools which are likely to be judged as good or outstanding at their next Ofsted inspection', cells: { governance: 'Ineffective' }, expected: 'Medium' },
    // High: each critical criterion, and two of the High bullets together.
    { quote: 'Safeguarding statutory responsibilities are not fully met.', cells: { safeguarding: 'Not fully met' }, expected: 'High' },
    { quote: 'Safeguarding statutory responsibilities are not fully met.', cells: { safeguarding: '  NOT   fully met ' }, expected: 'High' },
    { quote: 'The school has been issued with a Warning Notice or Significant Concerns letter', cells: { 'warning-notice': 'Issued' }, expected: 'High' },
    { quote: 'The school has been issued with a Warning Notice or Significant Concerns letter', cells: { 'significant-concerns-letter': 'Yes' }, expected: 'High' },
    { quote: 'Substantive leadership (HT or governance) is not in place.', cells: { 'substantive-head': 'No' }, expected: 'High' },
    { quote: "The school's overall effectiveness has been judged or is at risk of Requiring Improvement, Special Measures or to have Serious Weaknesses", cells: { 'ofsted-grade': 'Special measures' }, expected: 'High' },
    { quote: 'Governance is ineffective and leaders are not held to account for the quality of education', cells: { governance: 'Ineffective', leadership: 'Inadequate' }, expected: 'High' },
    { quote: 'The effectiveness and capacity of leadership to drive school improvement is of serious concern', cells: { leadership: 'Of serious concern', 'self-evaluation': 'Inaccurate' }, expected: 'High' },
    { quote: 'Attainment is consistently below national averages at the end of each Key Stage', cells: { 'ks2-rwm': 'consistently below national', 'data-trend': 'Declining' }, expected: 'High' },
  ]);
});
