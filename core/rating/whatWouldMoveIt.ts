import type { Category, Framework, Rag } from '../frameworks/schema.js';
import { labelInSentence } from './displayValue.js';
import { ragScore, ragWord } from './ragWords.js';
import { suggestCategory } from './suggestCategory/index.js';
import type { IndicatorRating } from './types.js';

export interface MoveChange {
  readonly indicatorId: string;
  readonly label: string;
  /** The RAG now, in words ("red"). */
  readonly now: string;
  /** The RAG the move needs, in words ("amber"). */
  readonly needed: string;
}

export type MoveAnswer =
  | { readonly status: 'move'; readonly target: Category; readonly changes: readonly MoveChange[]; readonly text: string }
  | { readonly status: 'cannot'; readonly text: string };

/** Sets of this many changes or fewer are all tried; beyond, one indicator at a time. */
const EXHAUSTIVE = 3;
/** …while a size has no more sets than this: the answer must come while the officer waits. */
const MAX_SETS = 2_000;

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

interface Option {
  readonly at: number;
  readonly rag: Rag;
  readonly steps: number;
}

/**
 * The smallest set of indicator RAG changes that moves a school's suggested category one way
 * or the other, checked by re-running suggestCategory on the changed ratings. Every set of up
 * to three changes is tried (fewest changes first, then fewest RAG steps) while a size has at
 * most 2,000 sets; past that, the worst (or, for "worse", the weightiest) indicators change
 * one by one until the category moves, so a long list is sufficient but may not be smallest.
 *
 * @example
 * whatWouldMoveIt(ratings, reading, 'better')
 * //=> { status: 'move', target: { code: 'G', … },
 * //     changes: [{ indicatorId: 'attendance', label: 'Attendance', now: 'red', needed: 'amber' }],
 * //     text: 'To move to G (Strengthening Good Schools): attendance from red to amber.' }
 */
export function whatWouldMoveIt(ratings: readonly IndicatorRating[], framework: Framework, direction: 'better' | 'worse'): MoveAnswer {
  const now = suggestCategory(ratings, framework);
  if (now.status !== 'category') {
    return { status: 'cannot', text: `No category yet: ${now.needed - now.rated} more rated indicator${now.needed - now.rated === 1 ? '' : 's'} needed first.` };
  }
  const last = framework.categories.length - 1;
  if (direction === 'better' && now.index === 0) return { status: 'cannot', text: `${now.category.code} is already the best category.` };
  if (direction === 'worse' && now.index === last) return { status: 'cannot', text: `${now.category.code} is already the lowest category.` };

  const options: Option[][] = ratings.map((r, at) => {
    const score = ragScore[r.rag];
    const rags: Rag[] = direction === 'better' ? (['A', 'G'] as const).filter((g) => ragScore[g] < score) : (['A', 'R'] as const).filter((g) => ragScore[g] > score);
    return rags.map((rag) => ({ at, rag, steps: Math.abs(ragScore[rag] - score) })).sort((a, b) => a.steps - b.steps);
  });
  const moved = (set: readonly Option[]): Category | undefined => {
    const changed = ratings.map((r, i) => {
      const o = set.find((x) => x.at === i);
      return o ? { ...r, rag: o.rag } : r;
    });
    const s = suggestCategory(changed, framework);
    if (s.status !== 'category') return undefined;
    return (direction === 'better' ? s.index < now.index : s.index > now.index) ? s.category : undefined;
  };

  const candidates = options.map((o, i) => ({ i, o })).filter((x) => x.o.length > 0);
  for (let size = 1; size <= Math.min(EXHAUSTIVE, candidates.length); size++) {
    if (binomial(candidates.length, size) * 2 ** size > MAX_SETS) break;
    let best: { set: Option[]; target: Category; steps: number } | undefined;
    const pick = (start: number, chosen: Option[]): void => {
      if (chosen.length === size) {
        const target = moved(chosen);
        const steps = chosen.reduce((n, c) => n + c.steps, 0);
        if (target && (!best || steps < best.steps)) best = { set: [...chosen], target, steps };
        return;
      }
      for (let k = start; k < candidates.length; k++) {
        for (const opt of (candidates[k] as { o: Option[] }).o) pick(k + 1, [...chosen, opt]);
      }
    };
    pick(0, []);
    if (best) return answer(best.set, best.target, ratings);
  }

  // Past three changes: one indicator at a time, the most telling first.
  const order = candidates
    .map((c) => c.i)
    .sort((a, b) => {
      const ra = ratings[a] as IndicatorRating;
      const rb = ratings[b] as IndicatorRating;
      return (direction === 'better' ? ragScore[rb.rag] - ragScore[ra.rag] : 0) || rb.indicator.weight - ra.indicator.weight;
    });
  const set: Option[] = [];
  for (const i of order) {
    const opts = options[i] as Option[];
    set.push(opts[opts.length - 1] as Option);
    const target = moved(set);
    if (target) return answer(set, target, ratings);
  }
  return {
    status: 'cannot',
    text: direction === 'better' ? `Changing the rated indicators alone does not move ${now.category.code} up.` : `Changing the rated indicators alone does not move ${now.category.code} down.`,
  };
}

function answer(set: readonly Option[], target: Category, ratings: readonly IndicatorRating[]): MoveAnswer {
  const changes = [...set]
    .sort((a, b) => a.at - b.at)
    .map((o) => {
      const r = ratings[o.at] as IndicatorRating;
      return { indicatorId: r.indicator.id, label: r.indicator.label, now: ragWord[r.rag], needed: ragWord[o.rag] };
    });
  const words = changes.map((c) => `${labelInSentence(c.label)} from ${c.now} to ${c.needed}`).join('; ');
  return { status: 'move', target, changes, text: `To move to ${target.code} (${target.label}): ${words}.` };
}
