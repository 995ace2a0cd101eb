import { describe, expect, it } from 'vitest';
import { profile } from '../_testing/profile.js';
import { framework } from '../_testing/table.js';
import { explainCategory } from './index.js';

describe('explainCategory', () => {
  const reading = framework('reading');

  it('gives the deciding rule with its quote and the LA document, then the indicators worst first', () => {
    const e = explainCategory(
      profile(reading, { safeguarding: 'Ineffective', attendance: 91.2, 'ofsted-grade': 'Good', leadership: 'Effective', 'ks2-rwm': 64 }),
      reading,
    );
    expect(e.category?.code).toBe('C');
    expect(e.rule).toEqual({
      kind: 'floor',
      quote: 'Safeguarding is ineffective.',
      source: 'Reading School Improvement Framework, 2016',
      section: 'Definitions of the Four LA categories, Category LA4: Schools in a category (C)',
      summary: 'safeguarding is ineffective',
    });
    expect(e.indicators.map((r) => r.indicator.id).slice(0, 2)).toEqual(['safeguarding', 'attendance']);
    expect(e.text).toBe(
      'C (Schools in a Category) because safeguarding is ineffective. Reading School Improvement Framework, 2016 ' +
        '(Definitions of the Four LA categories, Category LA4: Schools in a category (C)) says: "Safeguarding is ineffective.". ' +
        'Pushed by: safeguarding ineffective (red, critical); attendance 91.2% (red).',
    );
  });

  it('names the evidence a top category asks for and the sheet does not show', () => {
    const e = explainCategory(
      profile(reading, { 'ofsted-grade': 'Good', safeguarding: 'Effective', leadership: 'Effective', 'data-trend': 'Stable', 'ks2-rwm': 62 }),
      reading,
    );
    expect(e.category?.code).toBe('G');
    expect(e.rule.kind).toBe('requirement');
    expect(e.missing).toEqual(['KS2 RWM expected standard above national (62%) (now 62%)']);
    expect(e.text).toMatch(/^G \(Strengthening Good Schools\) because not S, which needs outcomes consistently above national averages/);
  });

  it('says insufficient data, and names no indicators, when too little is known', () => {
    const e = explainCategory(profile(reading, { attendance: 96 }), reading);
    expect(e.category).toBeNull();
    expect(e.rule.kind).toBe('insufficient-data');
    expect(e.indicators).toEqual([]);
    expect(e.text).toMatch(/^No category: insufficient data/);
  });
});
