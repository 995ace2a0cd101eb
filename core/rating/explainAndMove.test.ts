import { describe, expect, it } from 'vitest';
import type { Rag } from '../frameworks/schema.js';
import { getFramework } from '../frameworks/index.js';
import { byId, tiny } from '../../test/fixtures/tiny-framework.js';
import { explainCategory } from './explainCategory.js';
import { suggestCategory } from './suggestCategory/index.js';
import { thresholdWords } from './thresholdWords.js';
import type { IndicatorRating } from './types.js';
import { whatWouldMoveIt } from './whatWouldMoveIt.js';

const rate = (id: string, rag: Rag, display: string = rag): IndicatorRating => ({ indicator: byId(id), rag, display });

const critical = [
  rate('attendance', 'R', '89.1%'),
  rate('persistent-absence', 'G', '12%'),
  rate('safeguarding', 'R', 'ineffective'),
  rate('data-trend', 'G', 'improving'),
  rate('ofsted-grade', 'G', 'good (2)'),
];

describe('explainCategory', () => {
  it('names the deciding override and puts its indicator first', () => {
    const e = explainCategory(critical, tiny);
    expect(e.category?.code).toBe('C');
    expect(e.rule.kind).toBe('override');
    expect(e.rule.summary).toBe('safeguarding ineffective puts a school in C or worse');
    expect(e.indicators.map((r) => r.indicator.id).slice(0, 2)).toEqual(['safeguarding', 'attendance']);
    expect(e.text).toBe(suggestCategory(critical, tiny).status === 'category' ? 'C: safeguarding ineffective (critical); attendance 89.1% (red)' : '');
  });

  it('quotes the seed sentence a built-in override cites', () => {
    const fw = getFramework('southwark');
    if (!fw.ok) throw new Error(fw.error);
    const safeguarding = fw.value.indicators.find((i) => i.id === 'safeguarding');
    if (!safeguarding) throw new Error('no safeguarding');
    const others = fw.value.indicators.filter((i) => i.id !== 'safeguarding').slice(0, 4).map((indicator) => ({ indicator, rag: 'G' as const, display: 'fine' }));
    const e = explainCategory([{ indicator: safeguarding, rag: 'R', display: 'ineffective' }, ...others], fw.value);
    expect(e.rule.quote).toBe('Safeguarding is ineffective');
    expect(e.rule.source).toContain('Appendix');
  });

  it('says a best fit in counts, and insufficient data plainly', () => {
    const e = explainCategory([rate('attendance', 'A'), rate('persistent-absence', 'A'), rate('data-trend', 'G')], tiny);
    expect(e.rule).toMatchObject({ kind: 'best-fit', summary: 'best fit of 3 rated indicators (1 green, 2 amber, 0 red)', quote: 'Some concerns.' });
    const none = explainCategory([rate('attendance', 'G')], tiny);
    expect(none.category).toBeNull();
    expect(none.rule.kind).toBe('insufficient-data');
  });
});

describe('whatWouldMoveIt', () => {
  it('finds the one change that lifts an override, checked against suggestCategory', () => {
    const m = whatWouldMoveIt(critical, tiny, 'better');
    expect(m.status).toBe('move');
    if (m.status !== 'move') return;
    expect(m.changes.map((c) => c.indicatorId)).toContain('safeguarding');
    const changed = critical.map((r) => {
      const c = m.changes.find((x) => x.indicatorId === r.indicator.id);
      return c ? { ...r, rag: ({ green: 'G', amber: 'A', red: 'R' } as const)[c.needed as 'green'] } : r;
    });
    const s = suggestCategory(changed, tiny);
    expect(s.status === 'category' && s.category.code).toBe(m.target.code);
    expect(m.text).toMatch(/^To move to [AB] \(/);
  });

  it('moves a green school down with the fewest changes', () => {
    const all = [rate('attendance', 'G'), rate('persistent-absence', 'G'), rate('data-trend', 'G'), rate('safeguarding', 'G')];
    const m = whatWouldMoveIt(all, tiny, 'worse');
    expect(m.status === 'move' && m.changes.length).toBe(1);
  });

  it('says when it cannot', () => {
    const all = [rate('attendance', 'G'), rate('persistent-absence', 'G'), rate('data-trend', 'G')];
    expect(whatWouldMoveIt(all, tiny, 'better')).toEqual({ status: 'cannot', text: 'A is already the best category.' });
    expect(whatWouldMoveIt([rate('attendance', 'G')], tiny, 'better').status).toBe('cannot');
  });
});

describe('thresholdWords', () => {
  it('reads a lower-is-better band as a person would', () => {
    const pa = { ...byId('persistent-absence'), rule: { type: 'threshold' as const, direction: 'lower-is-better' as const, green: 15, amber: 20 } };
    expect(thresholdWords(pa)).toEqual([{ phases: [], text: 'green at or below 15%, amber up to 20%, red above' }]);
  });
  it('gives phases whose bands differ their own line', () => {
    const att = {
      ...byId('attendance'),
      rule: { type: 'threshold' as const, direction: 'higher-is-better' as const, green: 96, amber: 94, byPhase: { secondary: { green: 94, amber: 91 }, primary: { green: 96, amber: 94 } } },
    };
    expect(thresholdWords(att).map((l) => l.text)).toEqual([
      'secondary: green at 94% or above, amber down to 91%, red below',
      'other phases: green at 96% or above, amber down to 94%, red below',
    ]);
  });
});
