import type { Category, Phase, Rag } from '../frameworks/schema.js';
import type { IndicatorRating } from '../rating/types.js';

/** One school as the bot knows it: built from a sheet plan row, with nothing else added. */
export interface SchoolRecord {
  readonly name: string;
  readonly urn?: string;
  readonly phase?: Phase;
  readonly officer?: string;
  readonly head?: string;
  readonly headEmail?: string;
  /** The category that stands: the officer's own, else Waymark's suggestion. */
  readonly category?: { readonly category: Category; readonly source: 'officer' | 'suggested' };
  readonly suggested?: Category;
  readonly insufficientData: boolean;
  readonly rationale: string;
  readonly indicators: readonly { readonly label: string; readonly display: string; readonly rag?: Rag }[];
  /** yyyy-MM-dd the data is as at (the sheet's data date, else the workbook's). */
  readonly dataDate?: string;
  readonly sheetRow: number;
  /** The rated indicators as the core rates them (when the framework was given), for "why?" and "what would move it?". */
  readonly ratings?: readonly IndicatorRating[];
}
