import type { Category, Framework, Rag } from '../frameworks/schema.js';
import { labelInSentence } from './displayValue.js';
import { ragScore, ragWord } from './ragWords.js';
import { suggestCategory } from './suggestCategory/index.js';
import type { IndicatorRating } from './types.js';

export interface MoveChange {
  readonly indicatorId: string;
  readonly label: string;
  /** The value and RAG now, e.g. "89.1% (red)". */
  readonly now: string;
  /** The RAG it would need, in words: "green", "amber" or "red". */
  readonly needed: string;
}

export type MoveAnswer =
  | { readonly status: 'move'; readonly target: Category; readonly changes: readonly MoveChange[]; readonly text: string }
  | { readonly status: 'cannot'; readonly text: string };

/** The largest number of indicators changed at once before the answer is "not within reach". */
const MAX_CHANGES = 4;
const RAGS: readonly Rag[] = ['G', 'A', 'R'];

/**
 * The smallest set of indicator RAG changes that moves the suggested category one way, each
 * candidate checked by running {@link suggestCategory} again (so critical overrides and the
 * best fit are respected exactly). Fewer indicators first, then the smaller change (amber
 * before green), then the more heavily weighted indicators.
 *
 * @example
 * whatWouldMoveIt(oakfieldRatings, reading, 'better')
 * //=> { status: 'move', target: { code: 'G', … }, changes: [{ label: 'Attendance', now: '89.1% (red)', needed: 'amber' }], text: '…' }
 */
export function whatWouldMoveIt(ratings: readonly IndicatorRating[], framework: Framework, direction: 'better' | 'worse'): MoveAnswer {
  const now = suggestCategory(ratings, framework);
  if (now.status !== 'category') {
    return { status: 'cannot', text: `There is no suggestion to move: ${now.rationale.replace(/^Insufficient data: /, 'insufficient data, ')}.` };
  }
  const last = framework.categories.length - 1;
  if (direction === 'better' && now.index === 0) return { status: 'cannot', text: `${now.category.code} — ${now.category.label} is already the best category.` };
  if (direction === 'worse' && now.index === last) return { status: 'cannot', text: `${now.category.code} — ${now.category.label} is already the worst category.` };

  // Each indicator's possible new RAGs in this direction, nearest first.
  const options = ratings
    .map((r, i) => ({
      i,
      rags: RAGS.filter((g) => (direction === 'better' ? ragScore[g] < ragScore[r.rag] : ragScore[g] > ragScore[r.rag])).sort(
        (a, b) => Math.abs(ragScore[a] - ragScore[r.rag]) - Math.abs(ragScore[b] - ragScore[r.rag]),
      ),
      weight: r.indicator.weight,
    }))
    .filter((o) => o.rags.length > 0)
    .sort((a, b) => b.weight - a.weight);

  for (let size = 1; size <= Math.min(MAX_CHANGES, options.length); size++) {
    let best: { picks: { i: number; rag: Rag }[]; steps: number; index: number } | undefined;
    for (const combo of combinations(options.length, size)) {
      for (const picks of choices(combo.map((k) => options[k]!))) {
        const changed = ratings.map((r, i) => {
          const p = picks.find((x) => x.i === i);
          return p ? { ...r, rag: p.rag } : r;
        });
        const s = suggestCategory(changed, framework);
        if (s.status !== 'category') continue;
        const moved = direction === 'better' ? s.index < now.index : s.index > now.index;
        if (!moved) continue;
        const steps = picks.reduce((n, p) => n + Math.abs(ragScore[p.rag] - ragScore[ratings[p.i]!.rag]), 0);
        if (!best || steps < best.steps) best = { picks, steps, index: s.index };
      }
    }
    if (best) {
      const target = framework.categories[best.index]!;
      const changes = best.picks.map((p) => {
        const r = ratings[p.i]!;
        return { indicatorId: r.indicator.id, label: r.indicator.label, now: `${r.display} (${ragWord[r.rag]})`, needed: ragWord[p.rag] };
      });
      const list = changes.map((c) => `${labelInSentence(c.label)} from ${c.now} to ${c.needed}`).join('; ');
      const text = `${now.category.code} would become ${target.code} — ${target.label} if ${changes.length === 1 ? 'this changed' : `these ${changes.length} changed`}: ${list}.`;
      return { status: 'move', target, changes, text };
    }
  }
  return {
    status: 'cannot',
    text: `No change to ${MAX_CHANGES} or fewer indicators would move ${now.category.code} ${direction === 'better' ? 'up' : 'down'}.`,
  };
}

/** Index sets of `size` from `n`, in order. */
function* combinations(n: number, size: number, start = 0, prefix: number[] = []): Generator<number[]> {
  if (prefix.length === size) {
    yield prefix;
    return;
  }
  for (let k = start; k < n; k++) yield* combinations(n, size, k + 1, [...prefix, k]);
}

/** One new RAG for each chosen indicator, every way. */
function* choices(opts: readonly { i: number; rags: readonly Rag[] }[], at = 0, prefix: { i: number; rag: Rag }[] = []): Generator<{ i: number; rag: Rag }[]> {
  if (at === opts.length) {
    yield prefix;
    return;
  }
  const o = opts[at]!;
  for (const rag of o.rags) yield* choices(opts, at + 1, [...prefix, { i: o.i, rag }]);
}
