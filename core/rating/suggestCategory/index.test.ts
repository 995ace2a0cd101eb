import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rag } from '../../frameworks/schema.js';
import { byId, tiny } from '../../../test/fixtures/tiny-framework.js';
import type { IndicatorRating } from '../types.js';
import { suggestCategory } from './index.js';

const rate = (id: string, rag: Rag, display: string = rag): IndicatorRating => ({ indicator: byId(id), rag, display });

describe('suggestCategory', () => {
  it('gives the best category when everything is green', () => {
    const s = suggestCategory([rate('attendance', 'G'), rate('persistent-absence', 'G'), rate('safeguarding', 'G')], tiny);
    expect(s.status === 'category' && s.category.code).toBe('A');
    expect(s.rationale).toBe('A: all 3 rated indicators green');
  });

  it('lets a critical override beat the best fit, and names it first', () => {
    const s = suggestCategory(
      [
        rate('attendance', 'R', '89.1%'),
        rate('persistent-absence', 'G', '12%'),
        rate('safeguarding', 'R', 'ineffective'),
        rate('data-trend', 'G', 'improving'),
        rate('ofsted-grade', 'G', 'good (2)'),
        rate('new-head', 'G', 'no'),
      ],
      tiny,
    );
    expect(s.status).toBe('category');
    if (s.status !== 'category') return;
    expect(s.category.code).toBe('C');
    expect(s.bestFitIndex).toBe(1);
    expect(s.rationale).toBe('C: safeguarding ineffective (critical); attendance 89.1% (red)');
  });

  it('explains a best-fit category by its counts and worst findings', () => {
    const s = suggestCategory(
      [rate('attendance', 'A', '93%'), rate('persistent-absence', 'A', '18%'), rate('data-trend', 'G', 'stable')],
      tiny,
    );
    expect(s.status === 'category' && s.category.code).toBe('B');
    expect(s.rationale).toBe('B: best fit of 3 indicators (1 green, 2 amber); attendance 93% (amber); persistent absence 18% (amber)');
  });

  it('says insufficient data rather than guessing', () => {
    const s = suggestCategory([rate('attendance', 'G')], tiny);
    expect(s).toMatchObject({ status: 'insufficient-data', rated: 1, needed: 3 });
  });

  it('still categorises on little data when a critical criterion is met', () => {
    const s = suggestCategory([rate('safeguarding', 'R', 'not met')], tiny);
    expect(s.status === 'category' && s.category.code).toBe('C');
  });

  it('never improves a category when one indicator gets worse', () => {
    const rags = fc.constantFrom<Rag>('G', 'A', 'R');
    const profile = fc.record(Object.fromEntries(tiny.indicators.map((i) => [i.id, fc.option(rags, { nil: undefined })])));
    fc.assert(
      fc.property(profile, fc.nat(tiny.indicators.length - 1), (p, which) => {
        const id = tiny.indicators[which]!.id;
        const before = p[id];
        if (before === undefined || before === 'R') return;
        const worse: Rag = before === 'G' ? 'A' : 'R';
        const toRatings = (q: Record<string, Rag | undefined>) =>
          Object.entries(q).flatMap(([k, v]) => (v ? [rate(k, v)] : []));
        const a = suggestCategory(toRatings(p), tiny);
        const b = suggestCategory(toRatings({ ...p, [id]: worse }), tiny);
        if (a.status === 'category' && b.status === 'category') expect(b.index).toBeGreaterThanOrEqual(a.index);
        if (a.status === 'category') expect(b.status).toBe('category');
      }),
      { numRuns: 2000 },
    );
  });
});
