import { describe } from 'vitest';
import { seedTable } from '../_testing/table.js';

/** A System Leader on the evidence Reading asks for: KS2 above national (62%), leadership and safeguarding green, no decline. */
const base = {
  'ofsted-grade': 'Good',
  safeguarding: 'Effective',
  leadership: 'Effective',
  governance: 'Effective',
  'data-trend': 'Improving',
  'ks2-rwm': 68,
  attendance: 96,
  'persistent-absence': 10,
  'below-floor': 'No',
};

const S = 'Outcomes for children have been consistently above national averages in the last three years. ... The impact of Leadership is significant';

describe('Reading School Improvement Framework, 2016: one row per descriptor sentence', () => {
  seedTable('reading', base, [
    // S, from both sides.
    { quote: S, cells: {}, expected: 'S' },
    { quote: S, cells: { 'ks2-rwm': 'Above national' }, expected: 'S' },
    { quote: S, cells: { 'ks2-rwm': 62 }, expected: 'G' },
    { quote: S, cells: { 'ks2-rwm': 'in line with national', attendance: 'in line with national' }, expected: 'G' },
    { quote: S, cells: { leadership: 'Requires improvement' }, expected: 'G' },
    { quote: S, cells: { 'data-trend': 'Declining' }, expected: 'G' },
    { quote: S, cells: { 'ks2-rwm': undefined }, expected: 'G' },
    // G: one amber does not move a school on its own.
    { quote: 'The school has a new Headteacher and/or may have undergone significant staff changes.', cells: { 'new-head': 'Yes' }, expected: 'S', cites: false },
    // R.
    { quote: 'There may be a risk in relation to the next inspection judgment of the school not being graded "good".', cells: { 'ofsted-grade': 'RI' }, expected: 'R' },
    { quote: 'There may be a risk in relation to the next inspection judgment of the school not being graded "good".', cells: { 'inspection-risk': 'High' }, expected: 'R' },
    { quote: 'The school has a new Headteacher and/or may have undergone significant staff changes.', cells: { 'new-head': 'Yes', leadership: 'Requires improvement' }, expected: 'R' },
    { quote: 'There may have been a lack of significant improvement in outcomes, or decline in standards for pupils over the last three years.', cells: { 'data-trend': 'Declining', 'inspection-risk': 'Medium' }, expected: 'R' },
    { quote: 'Progress and/or attainment for some groups of children are below national averages.', cells: { 'ks2-rwm': 59, complaints: 4 }, expected: 'R' },
    // C, each sentence of the list.
    { quote: 'Safeguarding is ineffective.', cells: { safeguarding: 'Ineffective' }, expected: 'C' },
    { quote: 'The schools results are below national floor standards.', cells: { 'below-floor': 'Yes' }, expected: 'C' },
    { quote: 'Attainment and progress data shows a significant downward trend and/or is below national averages in one or more key stages.', cells: { 'ks2-rwm': 'well below national' }, expected: 'C' },
    { quote: 'Attainment and progress data shows a significant downward trend and/or is below national averages in one or more key stages.', cells: { 'data-trend': 'Declining', 'ks2-rwm': 59 }, expected: 'C' },
    { quote: 'Where learners are likely to be at risk because of poor behaviour, poor attitudes to learning or poor attendance.', cells: { attendance: 88, 'persistent-absence': 30 }, expected: 'C' },
    { quote: 'A school that has been judged as Requiring Improvement and is not able to provide sufficient evidence of effective action to secure rapid improvement.', cells: { 'ofsted-grade': 'RI', 'la-review': 'Inadequate' }, expected: 'C' },
    { quote: 'Where a school or setting has been judged Inadequate by Ofsted, an LA Statement of Action will be produced', cells: { 'ofsted-grade': 'Inadequate' }, expected: 'C' },
    // C just missed: requires improvement with an LA review that finds effective action.
    { quote: 'There may be a risk in relation to the next inspection judgment of the school not being graded "good".', cells: { 'ofsted-grade': 'RI', 'la-review': 'Good' }, expected: 'R' },
  ]);
});
