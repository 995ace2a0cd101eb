import { describe, expect, it } from 'vitest';
import { profile } from '../_testing/profile.js';
import { framework } from '../_testing/table.js';
import { suggestCategory } from '../suggestCategory/index.js';
import type { IndicatorRating, Move } from '../types.js';
import { whatWouldMoveIt } from './index.js';

const apply = (ratings: readonly IndicatorRating[], move: Move): IndicatorRating[] => {
  if (move.status !== 'move') return [...ratings];
  const changed = new Map(move.changes.map((c) => [c.indicatorId, c.after]));
  const out = ratings.map((r) => changed.get(r.indicator.id) ?? r);
  for (const [id, after] of changed) if (!ratings.some((r) => r.indicator.id === id)) out.push(after);
  return out;
};
const codeOf = (ratings: readonly IndicatorRating[], id: string): string => {
  const s = suggestCategory(ratings, framework(id));
  return s.status === 'category' ? s.category.code : s.status;
};

describe('whatWouldMoveIt', () => {
  const reading = framework('reading');

  it('names the smallest change, with the threshold for the school’s phase and the value now', () => {
    const school = profile(reading, { safeguarding: 'Ineffective', attendance: 91.2, 'persistent-absence': 25, 'ofsted-grade': 'Good', leadership: 'Effective', 'ks2-rwm': 64 });
    expect(codeOf(school, 'reading')).toBe('C');
    const move = whatWouldMoveIt(school, reading, 'better');
    expect(move).toMatchObject({ status: 'move', target: { code: 'R' } });
    // Attendance and persistent absence both red are a C sentence of their own, so one of them moves too.
    expect(move.text).toBe('to reach R: safeguarding requires improvement (now ineffective, critical) and attendance at least 92.5% (now 91.2%)');
    expect(codeOf(apply(school, move), 'reading')).toBe('R');
  });

  it('clears every holding rule at once when one is not enough ("to reach G: safeguarding … and attendance at least …")', () => {
    // Attendance and persistent absence both red hold the school at C too, so both must move.
    const school = profile(reading, { safeguarding: 'Ineffective', attendance: 91.2, 'persistent-absence': 25, 'ofsted-grade': 'Good', leadership: 'Effective', 'ks2-rwm': 64, 'data-trend': 'Improving' });
    const toR = whatWouldMoveIt(school, reading, 'better');
    const afterR = apply(school, toR);
    const toG = whatWouldMoveIt(afterR, reading, 'better');
    expect(toG.status).toBe('move');
    expect(codeOf(apply(afterR, toG), 'reading')).toBe(toG.status === 'move' ? toG.target.code : '');
  });

  it('gives the secondary threshold to a secondary school', () => {
    const school = profile(reading, { attendance: 88, 'persistent-absence': 40, 'ofsted-grade': 'Good', safeguarding: 'Effective', leadership: 'Effective' }, 'secondary');
    const move = whatWouldMoveIt(school, reading, 'better');
    expect(move.status).toBe('move');
    expect(move.text).toMatch(/attendance at least 89\.1% \(now 88%\)|persistent absence at most 30\.6% \(now 40%\)/);
  });

  it('is honest when nothing in the sheet can lift a floor', () => {
    const tri = framework('triborough');
    const school = profile(tri, { 'ofsted-grade': 'Inadequate', safeguarding: 'Effective', leadership: 'Good', 'quality-of-education': 'Good' });
    const move = whatWouldMoveIt(school, tri, 'better');
    expect(move.status).toBe('cannot');
    expect(move.text).toMatch(/^only a new Ofsted inspection can lift this floor \(judged inadequate by Ofsted or an LA review: "At its most recent Ofsted inspection/);
  });

  it('names the missing evidence that would lift a school to the top category', () => {
    const school = profile(reading, { 'ofsted-grade': 'Good', safeguarding: 'Effective', leadership: 'Effective', 'data-trend': 'Stable', 'ks2-rwm': 62 });
    const move = whatWouldMoveIt(school, reading, 'better');
    expect(move.text).toBe('to reach S: KS2 RWM expected standard above national (62%) (now 62%)');
    expect(codeOf(apply(school, move), 'reading')).toBe('S');
  });

  it('says what would make it worse, and checks it', () => {
    const southwark = framework('southwark');
    const school = profile(southwark, { 'ofsted-grade': 'Good', safeguarding: 'Effective', leadership: 'Effective', governance: 'Effective', attendance: 96 });
    const move = whatWouldMoveIt(school, southwark, 'worse');
    expect(move).toMatchObject({ status: 'move', target: { code: 'B' } });
    expect(codeOf(apply(school, move), 'southwark')).toBe('B');
  });

  it('says so at either end of the scale, and for insufficient data', () => {
    const school = profile(reading, { safeguarding: 'Ineffective', attendance: 91.2, 'ofsted-grade': 'Good' });
    expect(whatWouldMoveIt(school, reading, 'worse')).toEqual({ status: 'cannot', text: 'already C, the lowest category' });
    expect(whatWouldMoveIt(profile(reading, { attendance: 96 }), reading, 'better').text).toMatch(/insufficient data/);
  });
});
