import type { Category, Indicator, Rag } from '../frameworks/schema.js';

/** One indicator's RAG for one school, with the value as the officer would read it. */
export interface IndicatorRating {
  readonly indicator: Indicator;
  readonly rag: Rag;
  /** The value in words, e.g. "89.1%" or "ineffective". */
  readonly display: string;
}

/** Why a category was suggested: an override, a count of reds, or the best fit itself. */
export type Driver =
  | { readonly kind: 'override'; readonly reason: string; readonly indicatorIds: readonly string[]; readonly atLeast: string }
  | { readonly kind: 'red-count'; readonly reds: number; readonly atLeast: string }
  | { readonly kind: 'best-fit'; readonly score: number };

export type Suggestion =
  | {
      readonly status: 'category';
      readonly category: Category;
      /** Position in the framework's list, 0 = best. */
      readonly index: number;
      /** What the best fit alone gave, before critical overrides. */
      readonly bestFitIndex: number;
      /** Weighted mean of G=0, A=1, R=2 over the rated indicators. */
      readonly score: number;
      readonly rated: number;
      readonly drivers: readonly Driver[];
      /** e.g. "C: safeguarding ineffective (critical); attendance 89.1% (red)". */
      readonly rationale: string;
    }
  | {
      readonly status: 'insufficient-data';
      readonly rated: number;
      readonly needed: number;
      readonly rationale: string;
    };
