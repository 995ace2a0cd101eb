import { describe } from 'vitest';
import { seedTable } from '../_testing/table.js';

/** The universal offer on the evidence Appendix E asks for: robust self-evaluation, effective leadership. */
const base = {
  'ofsted-grade': 'Good',
  'inspection-risk': 'Low',
  'quality-of-education': 'Good',
  leadership: 'Effective',
  'self-evaluation': 'Robust',
  safeguarding: 'Effective',
  attendance: 96,
};
const universal = 'No arising concerns, school self evaluation robust, school has effective leadership capacity.';
const specific = 'Some specific areas risks to the school which are not directly related to the quality of education but may impact on it if not addressed.';
const watching = 'Some specific areas of development which are priorities, but school demonstrates the capacity to resolve without additional resource. Immediate risk to Ofsted categorisation low.';

describe('Camden Statutory School Improvement and Support Strategy, 2023: one row per descriptor sentence', () => {
  seedTable('camden', base, [
    { quote: universal, cells: {}, expected: 'universal' },
    { quote: universal, cells: { 'self-evaluation': 'Partly' }, expected: 'specific-project-board' },
    { quote: universal, cells: { 'self-evaluation': undefined }, expected: 'specific-project-board' },
    // Specific project board: risks not directly related to the quality of education.
    { quote: specific, cells: { attendance: 88 }, expected: 'specific-project-board' },
    { quote: specific, cells: { finance: 'Serious concerns' }, expected: 'specific-project-board' },
    { quote: specific, cells: { governance: 'Weak' }, expected: 'specific-project-board' },
    { quote: specific, cells: { complaints: 6 }, expected: 'specific-project-board' },
    // Watching brief: areas of development in education, not a specific project board.
    { quote: watching, cells: { 'quality-of-education': 'RI', leadership: 'RI' }, expected: 'watching-brief' },
    { quote: 'Some specific areas of development which are priorities', cells: { 'ks2-rwm': 59, send: 'Some concerns' }, expected: 'watching-brief' },
    // Targeted: vulnerable, or several SRAS criteria.
    { quote: 'The school is not graded by OFSTED as Grade 3, but is judged by Camden Learning to be vulnerable if inspected by Ofsted', cells: { 'inspection-risk': 'Vulnerable' }, expected: 'targeted-project-board' },
    { quote: 'Failure to meet statutory safeguarding responsibilities.', cells: { safeguarding: 'Not met' }, expected: 'targeted-project-board' },
    { quote: "(vii) Serious concerns about pupils' behaviour ... or safety in the school", cells: { behaviour: 'Serious concerns', phonics: 60 }, expected: 'targeted-project-board' },
    // Improvement (intensive): grade 3, or highly vulnerable.
    { quote: 'The school has been graded by OFSTED as Grade 3', cells: { 'ofsted-grade': 3 }, expected: 'improvement-project-board' },
    { quote: 'is judged by Camden Learning to be highly vulnerable when inspected by Ofsted and as such requiring additional support', cells: { 'inspection-risk': 'Highly vulnerable' }, expected: 'improvement-project-board' },
    { quote: 'is judged by Camden Learning to be highly vulnerable when inspected by Ofsted and as such requiring additional support', cells: { 'quality-of-education': 'RI', leadership: 'RI', 'inspection-risk': 'High' }, expected: 'improvement-project-board' },
  ]);
});
