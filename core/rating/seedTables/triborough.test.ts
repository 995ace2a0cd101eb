import { describe } from 'vitest';
import { seedTable } from '../_testing/table.js';

/** Outstanding on the evidence Table 1 asks for: judged outstanding, results in the top quartile. */
const base = {
  'ofsted-grade': 'Outstanding',
  'ks2-rwm': 'Top quartile',
  safeguarding: 'Effective',
  leadership: 'Good',
  'quality-of-education': 'Good',
  behaviour: 'Good',
  'below-floor': 'No',
};
const outstanding =
  'In the most recent Ofsted inspection / LA monitoring review received a judgement of outstanding ... RAISEonline indicates that they are in the top quartile for both attainment and progress.';
const good =
  'In the most recent Ofsted inspection / LA monitoring review received a judgement of at least good ... Achievement of pupils in the final key stage is at least in line with national averages.';
const ri = 'In the most recent Ofsted inspection / LA review the overall effectiveness was judged as requiring improvement';
const aspect =
  "The school is likely to be inadequate ... if any of the following aspects of provision are judged to be inadequate: achievement of pupils pupils' progress in literacy quality of teaching behaviour and safety quality of leadership and management (including governance)";

describe('Tri-borough Framework to Support School Improvement, 2013: one row per descriptor sentence', () => {
  seedTable('triborough', base, [
    { quote: outstanding, cells: {}, expected: 'outstanding' },
    { quote: outstanding, cells: { 'ofsted-grade': 'Good' }, expected: 'good' },
    { quote: outstanding, cells: { 'ks2-rwm': 70 }, expected: 'good' },
    { quote: good, cells: { 'ofsted-grade': 'Good', 'ks2-rwm': 62 }, expected: 'good', cites: false },
    { quote: good, cells: { 'ofsted-grade': 'Good', 'ks2-rwm': 58 }, expected: 'requires-improvement' },
    { quote: good, cells: { 'ofsted-grade': undefined, 'ks2-rwm': 70 }, expected: 'requires-improvement' },
    // Requires improvement.
    { quote: ri, cells: { 'ofsted-grade': 'RI' }, expected: 'requires-improvement' },
    { quote: ri, cells: { 'la-review': 'Requires improvement' }, expected: 'requires-improvement' },
    { quote: 'The school requires improvement because one or more of the four key judgements requires improvement (grade 3)', cells: { leadership: 'RI' }, expected: 'requires-improvement' },
    { quote: 'Has been identified as being at risk of being placed in a category when it is next inspected by Ofsted.', cells: { 'inspection-risk': 'High' }, expected: 'requires-improvement' },
    { quote: 'Self evaluation is not accurate and/or does not provide evidence of the impact of effectively targeted improvement.', cells: { 'self-evaluation': 'Inaccurate', governance: 'RI' }, expected: 'requires-improvement' },
    // A yes/no floor column cannot say "all three areas": requires improvement, not inadequate.
    { quote: 'Attainment and/or progress in the final key stage has dipped or is on a downward trend or may be below floor standard in one or more areas and there is no evidence of improvement.', cells: { 'below-floor': 'Yes' }, expected: 'requires-improvement' },
    // Inadequate.
    { quote: 'At its most recent Ofsted inspection, the school was judged to be inadequate ... As a result of an LA review / data analysis is identified as an inadequate school.', cells: { 'ofsted-grade': 'Inadequate' }, expected: 'inadequate' },
    { quote: aspect, cells: { 'quality-of-education': 'Inadequate' }, expected: 'inadequate' },
    { quote: aspect, cells: { behaviour: 'Inadequate' }, expected: 'inadequate' },
    { quote: aspect, cells: { governance: 'Ineffective' }, expected: 'inadequate' },
    { quote: aspect, cells: { phonics: 60 }, expected: 'inadequate' },
  ]);
});
