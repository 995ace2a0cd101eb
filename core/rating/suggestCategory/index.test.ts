import { describe, expect, it } from 'vitest';
import type { Rag } from '../../frameworks/schema.js';
import { byId, tiny } from '../../../test/fixtures/tiny-framework.js';
import type { IndicatorRating } from '../types.js';
import { suggestCategory } from './index.js';

const rate = (id: string, rag: Rag, display: string = rag): IndicatorRating => ({ indicator: byId(id), rag, display });

describe('suggestCategory', () => {
  it('gives the best category when no rule applies, and says so', () => {
    const s = suggestCategory([rate('attendance', 'G'), rate('persistent-absence', 'G'), rate('safeguarding', 'G')], tiny);
    expect(s.status === 'category' && s.category.code).toBe('A');
    expect(s.status === 'category' && s.rule.kind).toBe('no-concern');
    expect(s.rationale).toMatch(/^A: none of the seed’s concerns applies: ".*"; all 3 rated indicators green$/);
  });

  it('names the deciding seed sentence first, then the other findings worst first', () => {
    const s = suggestCategory(
      [
        rate('attendance', 'R', '89.1%'),
        rate('persistent-absence', 'G', '12%'),
        rate('safeguarding', 'R', 'ineffective'),
        rate('data-trend', 'G', 'improving'),
      ],
      tiny,
    );
    expect(s.status === 'category' && s.category.code).toBe('C');
    expect(s.rationale).toBe('C: safeguarding ineffective: "Safeguarding is ineffective"; safeguarding ineffective (red, critical); attendance 89.1% (red)');
  });

  it('does not let one amber move a school on its own, but two of the category’s bullets do', () => {
    const one = suggestCategory([rate('attendance', 'A', '93%'), rate('safeguarding', 'G'), rate('data-trend', 'G')], tiny);
    expect(one.status === 'category' && one.category.code).toBe('A');
    const two = suggestCategory([rate('attendance', 'A', '93%'), rate('persistent-absence', 'A', '18%'), rate('data-trend', 'G')], tiny);
    expect(two.status === 'category' && two.category.code).toBe('B');
    expect(two.rationale).toMatch(/^B: best fit with the B descriptors, 2 of its bullets: "Attendance is low"; "Persistent absence is high"; /);
  });

  it('says insufficient data rather than guessing', () => {
    const s = suggestCategory([rate('attendance', 'G')], tiny);
    expect(s).toMatchObject({ status: 'insufficient-data', rated: 1, needed: 3 });
  });

  it('still categorises on little data when a floor applies', () => {
    const s = suggestCategory([rate('safeguarding', 'R', 'not met')], tiny);
    expect(s.status === 'category' && s.category.code).toBe('C');
  });

  it('cuts a long seed sentence at a word in the Why column', () => {
    const long = { ...tiny, categoryRule: { ...tiny.categoryRule, rules: tiny.categoryRule.rules.map((r) => (r.category === 'C' ? { ...r, quote: `${'Safeguarding is ineffective and '.repeat(6)}end` } : r)) } };
    const s = suggestCategory([rate('safeguarding', 'R', 'ineffective')], long);
    expect(s.rationale).toMatch(/^C: safeguarding ineffective: "Safeguarding is ineffective and Safeguarding is ineffective and Safeguarding is…"; /);
  });

  it('names cells it could not read instead of silently leaving them out', () => {
    const s = suggestCategory([rate('attendance', 'G'), rate('persistent-absence', 'G'), rate('safeguarding', 'G')], tiny, {
      unreadable: [{ label: 'Governance', raw: 'so-so' }],
    });
    expect(s.rationale).toMatch(/; not read, so not counted: governance "so-so"$/);
  });
});
