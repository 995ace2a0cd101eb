import type { Condition, Framework, Indicator, Phase } from '../../frameworks/schema.js';
import { compile } from '../_lib/compile.js';
import { holds, indexRatings } from '../_lib/conditions.js';
import { evaluate, type Evaluation, type Hit } from '../_lib/evaluate.js';
import { changeLabel, positionOf, statesOf, withState, type State } from '../_lib/states.js';
import type { IndicatorRating, Move, MoveChange } from '../types.js';

/** How many rounds of changes the search makes before it gives up (each round clears what still holds). */
const MAX_ROUNDS = 8;

interface Chosen {
  readonly indicator: Indicator;
  readonly state: State;
}

/**
 * The smallest set of indicator changes that would move a school's suggestion one category
 * better (or worse), checked by applying it: the answer's changes, applied, really give the
 * target. Indicators only an outside event can change (an Ofsted grade: "a new Ofsted
 * inspection") are never proposed; when only they could move it, the answer says so.
 *
 * @example
 * whatWouldMoveIt(ratings, reading, 'better').text
 * //=> 'to reach G (Strengthening Good Schools): safeguarding effective (now ineffective, critical)
 * //    and attendance at least 94.5% (now 91.2%)'
 * whatWouldMoveIt(ratingsOfAnInadequateSchool, triborough, 'better').text
 * //=> 'only a new Ofsted inspection can lift this floor (…)'
 */
export function whatWouldMoveIt(
  ratings: readonly IndicatorRating[],
  framework: Framework,
  direction: 'better' | 'worse',
): Move {
  const now = evaluate(ratings, framework);
  if (now.index === null) {
    return { status: 'cannot', text: `no suggestion to move: insufficient data (rate at least ${framework.categoryRule.minRated} indicators first)` };
  }
  const phase = ratings.find((r) => r.phase !== undefined)?.phase;
  return direction === 'better' ? better(ratings, framework, now, now.index, phase) : worse(ratings, framework, now.index, phase);
}

function better(ratings: readonly IndicatorRating[], framework: Framework, start: Evaluation, current: number, phase: Phase | undefined): Move {
  if (current === 0) return { status: 'cannot', text: `already ${framework.categories[0]?.code}, the best category` };
  const target = current - 1;
  const compiled = compile(framework);
  const chosen = new Map<string, Chosen>();
  let e = start;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (e.index !== null && e.index <= target) return answer(framework, ratings, chosen, e.index, 'better', phase);
    const needs: { condition: Condition; want: 'clear' | 'meet'; why: string }[] = [];
    const blocked: string[] = [];
    for (const hit of e.hits) {
      if (hit.compiled.category <= target) continue;
      const pick = toClear(hit, e, compiled.indicators);
      if (pick.blocked) blocked.push(pick.blocked);
      for (const c of pick.conditions) needs.push({ condition: c, want: 'clear', why: hit.compiled.rule.summary });
    }
    if (needs.length === 0 && blocked.length === 0) {
      const push = e.pushes.find((p) => p.compiled.category === target) ?? e.pushes[e.pushes.length - 1];
      // Of alternatives, the one the sheet already has a column for (a primary's KS2, not Progress 8).
      if (push) {
        for (const alts of push.missing) {
          const c = alts.find((x) => e.byId.has(x.indicator) && !compiled.indicators.get(x.indicator)?.changedOnlyBy) ?? alts.find((x) => !compiled.indicators.get(x.indicator)?.changedOnlyBy) ?? alts[0];
          if (c) needs.push({ condition: c, want: 'meet', why: push.compiled.rule.summary });
        }
      }
    }
    if (blocked.length > 0) return { status: 'cannot', text: blocked.join('; ') };
    let progressed = false;
    for (const need of needs) {
      const indicator = compiled.indicators.get(need.condition.indicator);
      if (!indicator) continue;
      if (indicator.changedOnlyBy) {
        return { status: 'cannot', text: `only ${indicator.changedOnlyBy} can change ${changeLabel(indicator)}, which holds the school here (${need.why})` };
      }
      const states = statesOf(indicator, phase);
      const currentRating = e.byId.get(indicator.id);
      const pos = positionOf(currentRating, states);
      const probe = (s: State) => holds(need.condition, new Map([[indicator.id, withState(currentRating, indicator, phase, s)]]));
      // The mildest change that does it: the worst state still better than now that clears (or meets) the condition.
      let found: State | undefined;
      for (let i = Math.min(pos, states.length) - 1; i >= 0; i--) {
        const s = states[i] as State;
        if (need.want === 'clear' ? !probe(s) : probe(s)) {
          found = s;
          break;
        }
      }
      if (!found) continue;
      chosen.set(indicator.id, { indicator, state: found });
      progressed = true;
    }
    if (!progressed) break;
    e = evaluate(apply(ratings, chosen, phase), framework);
  }
  const code = framework.categories[target]?.code ?? '';
  return { status: 'cannot', text: `no change to the indicators in the sheet moves this school to ${code}` };
}

/** What must stop holding for a rule to stop applying, or why nothing in the sheet can. */
function toClear(hit: Hit, e: Evaluation, indicators: ReadonlyMap<string, Indicator>): { conditions: Condition[]; blocked?: string } {
  const rule = hit.compiled.rule;
  const fixed = (c: Condition) => indicators.get(c.indicator)?.changedOnlyBy;
  const held = (cs: readonly Condition[]) => cs.filter((c) => holds(c, e.byId));
  const cite = `${rule.summary}: "${rule.quote}"`;
  switch (rule.kind) {
    case 'floor': {
      const cs = held(rule.anyOf);
      const by = cs.map(fixed).find((f) => f !== undefined);
      return by ? { conditions: [], blocked: `only ${by} can lift this floor (${cite})` } : { conditions: cs };
    }
    case 'combination': {
      const cs = held(rule.allOf);
      const free = cs.find((c) => fixed(c) === undefined);
      return free ? { conditions: [free] } : { conditions: [], blocked: `only ${fixed(cs[0] as Condition) ?? 'an outside change'} can change this (${cite})` };
    }
    case 'best-fit': {
      const met = rule.bullets.map((b) => held(b.anyOf)).filter((cs) => cs.length > 0);
      const free = met.filter((cs) => cs.every((c) => fixed(c) === undefined)).sort((a, b) => a.length - b.length);
      const toDrop = met.length - rule.atLeast + 1;
      if (free.length < toDrop) return { conditions: [], blocked: `only ${met.flat().map(fixed).find((f) => f) ?? 'an outside change'} can change this (${cite})` };
      return { conditions: free.slice(0, toDrop).flat() };
    }
    case 'requirement':
      return { conditions: [] };
  }
}

function apply(ratings: readonly IndicatorRating[], chosen: ReadonlyMap<string, Chosen>, phase: Phase | undefined): IndicatorRating[] {
  const out: IndicatorRating[] = [];
  for (const r of ratings) {
    const c = chosen.get(r.indicator.id);
    out.push(c ? withState(r, r.indicator, phase, c.state) : r);
  }
  for (const [id, c] of chosen) if (!ratings.some((r) => r.indicator.id === id)) out.push(withState(undefined, c.indicator, phase, c.state));
  return out;
}

function worse(ratings: readonly IndicatorRating[], framework: Framework, current: number, phase: Phase | undefined): Move {
  const last = framework.categories.length - 1;
  if (current === last) return { status: 'cannot', text: `already ${framework.categories[last]?.code}, the lowest category` };
  // Each indicator's worse states, mildest first: one change is tried before two.
  // Only indicators a rule reads can move the category: a rule that would hold the school
  // lower, or evidence the category it has now depends on.
  const compiled = compile(framework);
  const read = new Set<string>();
  for (const c of compiled.rules) if (c.category > current) for (const x of c.conditions) read.add(x.indicator);
  for (const c of compiled.requirements) if (c.category <= current) for (const x of c.conditions) read.add(x.indicator);
  const options: Chosen[] = [];
  for (const r of ratings) {
    if (r.indicator.changedOnlyBy || !read.has(r.indicator.id)) continue;
    const states = statesOf(r.indicator, phase);
    const pos = positionOf(r, states);
    for (let i = pos + 1; i < states.length; i++) options.push({ indicator: r.indicator, state: states[i] as State });
  }
  // Candidates are scored on a copy of the school's index, not rebuilt arrays: this runs hundreds of times.
  const base = indexRatings(ratings);
  const reach = (chosen: Map<string, Chosen>): number | null => {
    const byId = new Map(base);
    for (const [id, c] of chosen) byId.set(id, withState(base.get(id), c.indicator, phase, c.state));
    return evaluate(ratings, framework, byId).index;
  };
  let best: { chosen: Map<string, Chosen>; index: number } | undefined;
  for (const o of options) {
    const chosen = new Map([[o.indicator.id, o]]);
    const index = reach(chosen);
    if (index !== null && index > current && (best === undefined || index < best.index)) best = { chosen, index };
    if (best?.index === current + 1) break;
  }
  if (!best) {
    // Two changes: each indicator at its worst, so the pairs stay few (n² / 2, not (n·states)²).
    const worst = new Map<string, Chosen>();
    for (const o of options) worst.set(o.indicator.id, o);
    const list = [...worst.values()];
    outer: for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i] as Chosen;
        const b = list[j] as Chosen;
        const chosen = new Map([[a.indicator.id, a], [b.indicator.id, b]]);
        const index = reach(chosen);
        if (index !== null && index > current) {
          best = { chosen, index };
          break outer;
        }
      }
    }
  }
  if (!best) return { status: 'cannot', text: `no one or two changes to the indicators in the sheet would move it below ${framework.categories[current]?.code}` };
  return answer(framework, ratings, best.chosen, best.index, 'worse', phase);
}

function answer(framework: Framework, ratings: readonly IndicatorRating[], chosen: ReadonlyMap<string, Chosen>, index: number, direction: 'better' | 'worse', phase: Phase | undefined): Move {
  const target = framework.categories[index];
  if (!target) return { status: 'cannot', text: 'no category to move to' };
  const changes: MoveChange[] = [];
  for (const [id, c] of chosen) {
    const r = ratings.find((x) => x.indicator.id === id);
    changes.push({
      indicatorId: id,
      label: changeLabel(c.indicator),
      now: r ? r.display : 'not in the sheet',
      needed: direction === 'better' ? c.state.up : c.state.down,
      after: withState(r, c.indicator, phase, c.state),
    });
  }
  const words = changes.map((c) => {
    const critical = chosen.get(c.indicatorId)?.indicator.critical ? ', critical' : '';
    return `${c.label} ${c.needed} (now ${c.now}${critical})`;
  });
  const lead = direction === 'better' ? `to reach ${target.code}` : `it would fall to ${target.code} with`;
  return { status: 'move', target, changes, text: `${lead}: ${words.join(' and ')}` };
}
