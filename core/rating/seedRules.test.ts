import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtInFrameworks, getFramework } from '../frameworks/index.js';
import type { Framework, Rag } from '../frameworks/schema.js';
import { suggestCategory } from './suggestCategory/index.js';
import type { IndicatorRating } from './types.js';

const fw = (id: string): Framework => {
  const r = getFramework(id);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

/** A school green on every indicator but the ones given. */
function school(framework: Framework, overrides: Record<string, Rag>): IndicatorRating[] {
  return framework.indicators.map((indicator) => ({
    indicator,
    rag: overrides[indicator.id] ?? 'G',
    display: overrides[indicator.id] ?? 'G',
  }));
}

const codeOf = (framework: Framework, overrides: Record<string, Rag>): string => {
  const s = suggestCategory(school(framework, overrides), framework);
  return s.status === 'category' ? s.category.code : s.status;
};

describe('critical criteria give the category each seed prescribes', () => {
  it('Southwark: D when senior leadership, governance or safeguarding is ineffective', () => {
    const southwark = fw('southwark');
    expect(codeOf(southwark, {})).toBe('A');
    for (const id of ['leadership', 'governance', 'safeguarding']) {
      expect(codeOf(southwark, { [id]: 'R' }), id).toBe('D');
    }
  });

  it('Cambridgeshire: High when safeguarding is not met, a warning notice or concerns letter is issued, or no substantive head', () => {
    const cambs = fw('cambridgeshire');
    expect(codeOf(cambs, {})).toBe('Low');
    for (const id of ['safeguarding', 'warning-notice', 'significant-concerns-letter', 'substantive-head']) {
      expect(codeOf(cambs, { [id]: 'R' }), id).toBe('High');
    }
  });

  it('Reading: C for ineffective safeguarding', () => {
    const reading = fw('reading');
    expect(codeOf(reading, {})).toBe('S');
    expect(codeOf(reading, { safeguarding: 'R' })).toBe('C');
    const s = suggestCategory(school(reading, { safeguarding: 'R' }), reading);
    expect(s.rationale).toMatch(/^C: safeguarding[^;]*\(critical\)/);
  });

  it('Camden: an Ofsted grade 3 puts a school on an improvement project board', () => {
    expect(codeOf(fw('camden'), { 'ofsted-grade': 'A' })).toBe('improvement-project-board');
  });

  it('Tri-borough: an inadequate Ofsted judgement makes the school Inadequate', () => {
    expect(codeOf(fw('triborough'), { 'ofsted-grade': 'R' })).toBe('inadequate');
  });
});

describe('worsening any one indicator never improves a school’s category', () => {
  for (const framework of builtInFrameworks) {
    it(framework.id, () => {
      const rag = fc.constantFrom<Rag>('G', 'A', 'R');
      const profile = fc.array(fc.option(rag, { nil: undefined }), {
        minLength: framework.indicators.length,
        maxLength: framework.indicators.length,
      });
      const ratings = (p: (Rag | undefined)[]): IndicatorRating[] =>
        framework.indicators.flatMap((indicator, i) => {
          const r = p[i];
          return r ? [{ indicator, rag: r, display: r }] : [];
        });
      fc.assert(
        fc.property(profile, fc.nat(framework.indicators.length - 1), (p, i) => {
          const before = p[i];
          if (before === undefined || before === 'R') return;
          const worse = [...p];
          worse[i] = before === 'G' ? 'A' : 'R';
          const a = suggestCategory(ratings(p), framework);
          const b = suggestCategory(ratings(worse), framework);
          if (a.status === 'category') {
            expect(b.status).toBe('category');
            if (b.status === 'category') expect(b.index).toBeGreaterThanOrEqual(a.index);
          }
        }),
        { numRuns: 1500 },
      );
    });
  }
});
