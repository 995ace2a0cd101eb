import { describe, expect, it } from 'vitest';
import { builtInFrameworks } from '../frameworks/index.js';
import type { Indicator } from '../frameworks/schema.js';
import { findDataDate } from './findDataDate.js';
import { headingMatcher } from './matchHeading.js';
import { headingWords } from './vocabulary.js';

const all = new Map<string, Indicator>();
for (const f of builtInFrameworks) for (const i of f.indicators) if (!all.has(i.id)) all.set(i.id, i);
const match = headingMatcher([...all.values()]);
const best = (heading: string) => {
  const m = match(heading)[0];
  return m ? `${m.target.type === 'indicator' ? m.target.indicator.id : m.target.type === 'role' ? m.target.role : 'ignore'} ${m.score >= 0.8 ? 'use' : 'ask'}` : 'none';
};

describe('headingWords', () => {
  it('reads abbreviations and written-out phrases as one field', () => {
    expect(headingWords('PA % (Autumn 2025)').words).toEqual(['pa']);
    expect(headingWords('Persistently absent pupils').words).toEqual(['pa']);
    expect(headingWords('Key Stage 2 reading, writing & maths').words).toEqual(['ks2', 'rwm']);
    expect(headingWords('Fixed-term exclusions').words).toEqual(['suspension']);
    expect(headingWords('Ofsted judgement (latest)').words).toEqual(['ofsted']);
  });
  it('says when a heading asks a question or gives percentages, and which years it names', () => {
    expect(headingWords('New HT?')).toMatchObject({ words: ['head', 'new'], question: true, percent: false });
    expect(headingWords('Attendance (%)')).toMatchObject({ percent: true });
    expect(headingWords('Category 2025/26').years).toEqual([2025]);
  });
});

describe('headingMatcher over every built-in indicator', () => {
  it('knows the abbreviations officers use', () => {
    const headings = ['HT', 'SPA', 'CPP', 'SIA', 'PA', 'FTE', 'RWM', 'KS2 RWM', 'P8', 'A8', 'GLD', 'SEF', 'SIAMS', 'WN', 'DfE no.', 'LAESTAB'];
    expect(headings.map(best)).toEqual([
      'head use', 'officer use', 'officer use', 'officer use', 'persistent-absence use', 'suspensions use', 'ks2-rwm use', 'ks2-rwm use',
      'progress-8 use', 'attainment-8 use', 'gld use', 'self-evaluation use', 'siams use', 'warning-notice use', 'school-id use', 'school-id use',
    ]);
  });
  it('reads judgement, rating and grade as the field itself, in any order, plural or not', () => {
    expect(['Ofsted judgement', 'Safeguarding rating', 'Governance grade', 'Attendance overall', 'Complaint', 'Suspensions (% of pupils)'].map(best)).toEqual([
      'ofsted-grade use', 'safeguarding use', 'governance use', 'attendance use', 'complaints use', 'suspensions use',
    ]);
  });
  it('finds the officer\'s category under the names teams give it, and notes as notes', () => {
    expect(['LA category (agreed)', 'Agreed category', 'Category 2025/26', 'Support level', 'RAG category', 'Current category', 'Cat.'].map(best)).toEqual(
      Array(7).fill('officer-category use'),
    );
    expect(['Notes', 'Next steps', 'Contact tel', 'Previous category'].map(best)).toEqual(Array(4).fill('ignore use'));
  });
  it('only partly names a field: asked, not used', () => {
    expect(best('KS2')).toBe('ks2-rwm ask');
    expect(best('Mean')).toBe('none');
  });
});

describe('findDataDate', () => {
  it('reads a label and the date in the next cell', () => {
    expect(findDataDate([['Data as at:', null, '03/11/2026'], ['School', 'URN']], { headerRow: 1 })).toMatchObject({ date: '2026-11-03', source: 'title' });
  });
  it('reads a term in an academic year: spring and summer fall in its second year', () => {
    expect(findDataDate([['Categorisation — Spring term 2026/27'], ['School']], { headerRow: 1 })).toMatchObject({ date: '2027-01-01', precision: 'term' });
    expect(findDataDate([['Autumn 2026/27'], ['School']], { headerRow: 1 })).toMatchObject({ date: '2026-09-01' });
  });
  it('takes the latest date of a data-date column, Excel serials too, and says nothing when there is none', () => {
    expect(findDataDate([['School']], { headerRow: 0, dataDates: ['01/10/2026', '46330', undefined] })).toMatchObject({ date: '2026-11-04', source: 'column' });
    expect(findDataDate([['School']], { headerRow: 0 })).toBeUndefined();
  });
  it('does not take a year in a title for a date', () => {
    expect(findDataDate([['Reading schools 2025/26'], ['School']], { headerRow: 1, fileDate: '2026-11-20' })).toMatchObject({ source: 'file' });
  });
});
