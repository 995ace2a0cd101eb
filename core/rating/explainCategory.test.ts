import { describe, expect, it } from 'vitest';
import { getFramework } from '../frameworks/index.js';
import type { Rag } from '../frameworks/schema.js';
import { explainCategory } from './explainCategory.js';
import { suggestCategory } from './suggestCategory/index.js';
import type { IndicatorRating } from './types.js';
import { whatWouldMoveIt } from './whatWouldMoveIt.js';

const fw = getFramework('reading');
if (!fw.ok) throw new Error(fw.error);
const reading = fw.value;
const rate = (id: string, rag: Rag, display: string): IndicatorRating => {
  const indicator = reading.indicators.find((i) => i.id === id);
  if (!indicator) throw new Error(id);
  return { indicator, rag, display };
};
const critical = reading.categoryRule.overrides[0]!.anyOf[0]!.indicator;
const plain = reading.indicators.filter((i) => !i.critical).slice(0, 5).map((i) => i.id);

describe('explainCategory', () => {
  it('names a critical override as the deciding rule, with the seed words and source, its indicator first', () => {
    const ratings = [rate(critical, 'R', 'ineffective'), ...plain.map((id) => rate(id, 'G', 'fine'))];
    const e = explainCategory(ratings, reading);
    expect(e.category?.code).toBe(suggestCategory(ratings, reading).status === 'category' ? (suggestCategory(ratings, reading) as { category: { code: string } }).category.code : '');
    expect(e.rule.kind).toBe('override');
    expect(e.rule.quote).toBe(e.category?.description);
    expect(e.rule.source).not.toBe('');
    expect(e.indicators[0]?.indicator.id).toBe(critical);
    expect(e.text).toMatch(/whatever the other indicators say/);
  });

  it('explains a best fit with its counts and score, and says when there is too little data', () => {
    const e = explainCategory(plain.map((id, i) => rate(id, i < 2 ? 'A' : 'G', 'x')), reading);
    expect(e.rule.kind).toBe('best-fit');
    expect(e.rule.summary).toMatch(/best fit of 5 rated indicators \(2 amber, 3 green\)/);
    const none = explainCategory([rate(plain[0]!, 'G', 'x')], reading);
    expect(none.category).toBeNull();
    expect(none.text).toMatch(/^No suggestion: insufficient data/);
  });
});

describe('whatWouldMoveIt', () => {
  it('finds the smallest change that moves the suggestion, verified by suggestCategory', () => {
    const ratings = [rate(critical, 'R', 'ineffective'), ...plain.map((id) => rate(id, 'G', 'fine'))];
    const m = whatWouldMoveIt(ratings, reading, 'better');
    expect(m.status).toBe('move');
    if (m.status !== 'move') return;
    expect(m.changes.map((c) => c.indicatorId)).toEqual([critical]);
    const after = ratings.map((r) => (r.indicator.id === critical ? { ...r, rag: ({ green: 'G', amber: 'A', red: 'R' } as const)[m.changes[0]!.needed as 'green'] } : r));
    const s = suggestCategory(after, reading);
    expect(s.status === 'category' && s.category.code).toBe(m.target.code);
  });

  it('says when it cannot move: already the best, or no suggestion', () => {
    const best = plain.map((id) => rate(id, 'G', 'fine'));
    const top = suggestCategory(best, reading);
    if (top.status === 'category' && top.index === 0) expect(whatWouldMoveIt(best, reading, 'better')).toMatchObject({ status: 'cannot', text: expect.stringMatching(/already the best/) });
    expect(whatWouldMoveIt([rate(plain[0]!, 'G', 'x')], reading, 'worse').status).toBe('cannot');
    const worse = whatWouldMoveIt(best, reading, 'worse');
    expect(worse.status).toBe('move');
  });
});
