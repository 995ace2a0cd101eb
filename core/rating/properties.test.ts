import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtInFrameworks } from '../frameworks/index.js';
import type { Framework, Indicator } from '../frameworks/schema.js';
import { holds } from './_lib/conditions.js';
import { statesOf, withState, type State } from './_lib/states.js';
import { suggestCategory } from './suggestCategory/index.js';
import type { IndicatorRating } from './types.js';
import { whatWouldMoveIt } from './whatWouldMoveIt/index.js';

/** Every value each indicator can take (best first), as a primary school would show it. */
const statesFor = (f: Framework): State[][] => f.indicators.map((i) => statesOf(i, 'primary'));

/** A school: for each indicator, the position of its value among its states, or absent. */
const schoolOf = (f: Framework) =>
  fc.tuple(...statesFor(f).map((states) => fc.option(fc.nat(states.length - 1), { nil: undefined })));

function ratingsOf(f: Framework, school: readonly (number | undefined)[]): IndicatorRating[] {
  const all = statesFor(f);
  const out: IndicatorRating[] = [];
  f.indicators.forEach((indicator, i) => {
    const pos = school[i];
    const state = pos === undefined ? undefined : all[i]?.[pos];
    if (state) out.push(withState(undefined, indicator, 'primary', state));
  });
  return out;
}

const indexOf = (f: Framework, ratings: readonly IndicatorRating[]): number | null => {
  const s = suggestCategory(ratings, f);
  return s.status === 'category' ? s.index : null;
};

const RUNS = 300;

describe.each(builtInFrameworks.map((f) => [f.id, f] as const))('%s: properties that must keep holding', (_id, f) => {
  it('worsening any indicator never improves the category', () => {
    fc.assert(
      fc.property(schoolOf(f), fc.nat(f.indicators.length - 1), fc.nat(4), (school, which, step) => {
        const pos = school[which];
        const count = statesFor(f)[which]?.length ?? 0;
        if (pos === undefined || pos >= count - 1) return;
        const worse = [...school];
        worse[which] = Math.min(count - 1, pos + 1 + step);
        const before = indexOf(f, ratingsOf(f, school));
        const after = indexOf(f, ratingsOf(f, worse));
        if (before !== null) {
          expect(after).not.toBeNull();
          expect(after as number).toBeGreaterThanOrEqual(before);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('a critical criterion always gives its floor', () => {
    const floors = f.categoryRule.rules.flatMap((r) => (r.kind === 'floor' ? r.anyOf.map((c) => ({ c, category: r.category })) : []));
    const codes = f.categories.map((c) => c.code);
    fc.assert(
      fc.property(schoolOf(f), fc.nat(floors.length - 1), (school, k) => {
        const floor = floors[k];
        if (!floor) return;
        const at = f.indicators.findIndex((i) => i.id === floor.c.indicator);
        const states = statesFor(f)[at] ?? [];
        const indicator = f.indicators[at] as Indicator;
        const meets = states.findIndex((s) => holds(floor.c, new Map([[indicator.id, withState(undefined, indicator, 'primary', s)]])));
        expect(meets).toBeGreaterThanOrEqual(0);
        const with_ = [...school];
        with_[at] = meets;
        expect(indexOf(f, ratingsOf(f, with_))).toBeGreaterThanOrEqual(codes.indexOf(floor.category));
      }),
      { numRuns: RUNS },
    );
  });

  it('adding a green indicator never worsens it', () => {
    fc.assert(
      fc.property(schoolOf(f), fc.nat(f.indicators.length - 1), (school, which) => {
        if (school[which] !== undefined) return;
        const states = statesFor(f)[which] ?? [];
        // The plainest green: green, with no evidence of excellence ("at national", "good").
        let green = -1;
        states.forEach((s, i) => {
          if (s.rag === 'G') green = i;
        });
        if (green < 0) return;
        const before = indexOf(f, ratingsOf(f, school));
        const more = [...school];
        more[which] = green;
        const after = indexOf(f, ratingsOf(f, more));
        if (before !== null) expect(after as number).toBeLessThanOrEqual(before);
      }),
      { numRuns: RUNS },
    );
  });

  it('what would move it, applied, really moves the suggestion (both ways)', () => {
    fc.assert(
      fc.property(schoolOf(f), fc.constantFrom<'better' | 'worse'>('better', 'worse'), (school, direction) => {
        const ratings = ratingsOf(f, school);
        const before = indexOf(f, ratings);
        const move = whatWouldMoveIt(ratings, f, direction);
        if (before === null) {
          expect(move.status).toBe('cannot');
          return;
        }
        if (move.status === 'cannot') {
          expect(move.text.length).toBeGreaterThan(0);
          return;
        }
        const changed = new Map(move.changes.map((c) => [c.indicatorId, c.after]));
        const applied = ratings.map((r) => changed.get(r.indicator.id) ?? r);
        for (const [id, after] of changed) if (!ratings.some((r) => r.indicator.id === id)) applied.push(after);
        const after = indexOf(f, applied);
        expect(after).toBe(f.categories.indexOf(move.target));
        if (direction === 'better') expect(after as number).toBeLessThan(before);
        else expect(after as number).toBeGreaterThan(before);
        expect(move.changes.length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  });
});
