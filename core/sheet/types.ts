import type { Category, IndicatorKind, Phase, Rag } from '../frameworks/schema.js';
import type { CellReading, CellValue } from '../indicators/types.js';
import type { Suggestion } from '../rating/types.js';
import type { Origin } from './address.js';
import type { Role } from './roles.js';

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
  /** How the column was matched: by a heading alias, or by the workbook's own mapping. */
  readonly matchedBy: 'alias' | 'mapping';
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
    /** Headed columns Waymark could not place: the add-in offers a mapping for each. */
    readonly unmapped: readonly ColumnRef[];
    /** Columns the workbook's mapping told Waymark to leave alone. */
    readonly ignored: readonly ColumnRef[];
  };
  /** Where "Suggested category" and "Why" go: reused when a previous run wrote them. */
  readonly output: { readonly suggestedCol: number; readonly whyCol: number; readonly reused: boolean };
  readonly rows: readonly SchoolRow[];
  readonly skipped: readonly { readonly row: number; readonly sheetRow: number; readonly reason: 'section' | 'total' }[];
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
