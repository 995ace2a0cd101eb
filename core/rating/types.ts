import type { Category, Indicator, Phase, Rag } from '../frameworks/schema.js';
import type { ParsedValue } from '../indicators/types.js';

/** One indicator's RAG for one school, with the value as the officer would read it. */
export interface IndicatorRating {
  readonly indicator: Indicator;
  readonly rag: Rag;
  /** The value in words, e.g. "89.1%" or "ineffective". */
  readonly display: string;
  /** The value read from the cell: evidence such as "above national" or "outstanding" is read from it. */
  readonly value?: ParsedValue | undefined;
  /** The school's phase, for thresholds and national figures that differ by phase. */
  readonly phase?: Phase | undefined;
}

/** A cell of the school's row that could not be read: named in the rationale, never silently dropped. */
export interface UnreadValue {
  readonly label: string;
  readonly raw: string;
}

/** The kinds of reason a category can have. */
export type RuleKind = 'floor' | 'combination' | 'best-fit' | 'requirement' | 'no-concern' | 'insufficient-data';

/** The rule that decided a category, as the seed words it. */
export interface DecidingRule {
  readonly kind: RuleKind;
  /** The seed's own sentence. */
  readonly quote: string;
  /** The LA's document, e.g. "Reading School Improvement Framework, 2016". */
  readonly source: string;
  /** Where in it, e.g. "Definitions of the Four LA categories, Category LA4 (C)". */
  readonly section: string;
  /** Plain words: "safeguarding is ineffective". */
  readonly summary: string;
}

export type Suggestion =
  | {
      readonly status: 'category';
      readonly category: Category;
      /** Position in the framework's list, 0 = best. */
      readonly index: number;
      readonly rated: number;
      /** The seed rule that decided it. */
      readonly rule: DecidingRule;
      /** Evidence a better category asks for and the sheet does not show, in words. */
      readonly missing: readonly string[];
      /** e.g. 'C: safeguarding is ineffective (Definitions…, C: "Safeguarding is ineffective."); attendance 89.1% (red)'. */
      readonly rationale: string;
    }
  | {
      readonly status: 'insufficient-data';
      readonly rated: number;
      readonly needed: number;
      readonly rationale: string;
    };

/** Why a school has its suggested category: the deciding rule, then the indicators that pushed it. */
export interface Explanation {
  readonly category: Category | null;
  readonly index: number | null;
  readonly rule: DecidingRule;
  /** The indicators that pushed it there, worst first. */
  readonly indicators: readonly IndicatorRating[];
  /** Evidence a better category asks for that the sheet does not show. */
  readonly missing: readonly string[];
  /** One readable paragraph. */
  readonly text: string;
}

/** One indicator change that would move a suggestion. */
export interface MoveChange {
  readonly indicatorId: string;
  readonly label: string;
  /** The value now, in words ("91.2%", "not in the sheet"). */
  readonly now: string;
  /** What it would need to be ("at least 94.5%", "effective"). */
  readonly needed: string;
  /** The indicator's rating as the change would make it, so a caller can apply and check it. */
  readonly after: IndicatorRating;
}

export type Move =
  | { readonly status: 'move'; readonly target: Category; readonly changes: readonly MoveChange[]; readonly text: string }
  | { readonly status: 'cannot'; readonly text: string };
