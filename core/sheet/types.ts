import type { Category, IndicatorKind, Phase, Rag } from '../frameworks/schema.js';
import type { CellReading, CellValue } from '../indicators/types.js';
import type { Suggestion } from '../rating/types.js';
import type { Origin } from './address.js';
import type { ColumnStatus, ColumnSuggestion, Confidence } from './matchColumn.js';
import type { Role } from './roles.js';

export type { ColumnStatus, ColumnSuggestion, Confidence } from './matchColumn.js';

export interface ColumnRef {
  /** 0-based grid column. */
  readonly col: number;
  /** Column letters on the sheet, e.g. "D". */
  readonly letter: string;
  readonly header: string;
}

export interface IndicatorColumn extends ColumnRef {
  readonly indicatorId: string;
  readonly label: string;
  readonly kind: IndicatorKind;
  /**
   * How the column was matched: a heading naming the indicator as the framework does
   * (`alias`), a heading with the same field words (`heading`), values that could be
   * nothing else (`values`), or the workbook's own mapping.
   */
  readonly matchedBy: 'alias' | 'heading' | 'values' | 'mapping';
  readonly confidence: Confidence;
  /** Why: "heading 'PA %' ~ persistent absence; values 10–30%". */
  readonly evidence: string;
}

/**
 * What one column of the sheet is, and why: every column with a heading or values has one,
 * so nothing the sheet holds goes unmentioned.
 */
export interface ColumnAccount {
  readonly col: number;
  readonly letter: string;
  /** The heading as read (with its group heading when the sheet has two header rows). */
  readonly header: string;
  readonly status: ColumnStatus;
  /** The indicator id or role it is read as (or, to confirm, the best guess). */
  readonly target?: string;
  /** The indicator's label, for indicator columns and columns to confirm. */
  readonly label?: string;
  readonly kind?: IndicatorKind;
  readonly confidence?: Confidence;
  readonly matchedBy?: 'alias' | 'heading' | 'values' | 'mapping';
  readonly score: number;
  readonly evidence: string;
  /** For columns to confirm and not understood: the closest indicators or roles. */
  readonly suggestions: readonly ColumnSuggestion[];
}

export interface RatedCell {
  readonly row: number;
  readonly col: number;
  readonly address: string;
  readonly indicatorId: string;
  readonly header: string;
  readonly raw: CellValue;
  readonly reading: CellReading;
  /** Present when the value was read and rated. */
  readonly rag?: Rag;
  /** The value in words, e.g. "89.1%"; empty when there is no data. */
  readonly display: string;
}

export interface SchoolRow {
  /** 0-based grid row. */
  readonly row: number;
  /** 1-based row number on the sheet, as officers see it. */
  readonly sheetRow: number;
  readonly school: string;
  readonly urn?: string;
  readonly phase?: Phase;
  readonly officer?: string;
  readonly head?: string;
  readonly headEmail?: string;
  readonly dataDate?: string;
  /** What the officer typed in their own category column, and the category it names. */
  readonly officerCategory?: { readonly raw: string; readonly category?: Category };
  readonly cells: readonly RatedCell[];
  readonly suggestion: Suggestion;
}

export interface UnreadableCell {
  readonly address: string;
  readonly row: number;
  readonly col: number;
  readonly school: string;
  readonly header: string;
  readonly raw: CellValue;
  readonly reason: string;
}

export interface SheetPlan {
  readonly framework: { readonly id: string; readonly name: string };
  readonly origin: Origin;
  /** 0-based grid row of the header. */
  readonly headerRow: number;
  readonly columns: {
    readonly roles: Partial<Record<Role, ColumnRef>>;
    readonly indicators: readonly IndicatorColumn[];
    /** Columns to confirm and columns not understood: the add-in offers a mapping for each. */
    readonly unmapped: readonly ColumnRef[];
    /** Columns read past on purpose: notes, contacts, context, or the workbook's "ignore". */
    readonly ignored: readonly ColumnRef[];
    /** Every column, in sheet order, with what it is and the evidence. */
    readonly accounts: readonly ColumnAccount[];
  };
  /**
   * The officer's category column, and what in it this framework has no category for
   * ("Cat E" in a Southwark sheet), each with how many rows say it.
   */
  readonly officerCategory?: {
    readonly column: ColumnRef;
    readonly filled: number;
    readonly misfits: readonly { readonly raw: string; readonly rows: number }[];
  };
  /** Where "Suggested category" and "Why" go: reused when a previous run wrote them. */
  readonly output: { readonly suggestedCol: number; readonly whyCol: number; readonly reused: boolean };
  readonly rows: readonly SchoolRow[];
  /** Rows that are not schools: section labels, totals, and a header repeated for a section. */
  readonly skipped: readonly { readonly row: number; readonly sheetRow: number; readonly reason: 'section' | 'total' | 'header' }[];
  readonly unreadable: readonly UnreadableCell[];
  /** School names (or URNs) on more than one row: each row is rated, and officers are told. */
  readonly duplicates: readonly { readonly school: string; readonly sheetRows: readonly number[] }[];
  readonly summary: {
    readonly schools: number;
    /** Suggested categories, best first, with counts (zero counts included). */
    readonly byCategory: readonly { readonly code: string; readonly label: string; readonly count: number }[];
    readonly insufficientData: number;
    /** Rows where the officer's category differs from the suggestion. */
    readonly disagreements: number;
  };
}

export type PlanError =
  | { readonly code: 'empty-sheet'; readonly message: string }
  | { readonly code: 'no-header-row'; readonly message: string }
  | { readonly code: 'bad-mapping'; readonly message: string };
