/**
 * What a cell holds, as every source gives it: Office.js `range.values`, Graph `usedRange`
 * and exceljs (after its adapter turns rich values into these) all reduce to this.
 * Excel error values arrive as their text ("#N/A").
 */
export type CellValue = string | number | boolean | null;

export type Judgement = 'positive' | 'mixed' | 'negative';
export type Trend = 'improving' | 'stable' | 'declining';
/** A figure typed as a comparison with the national one ("above national", "top quartile"). */
export type VersusNational = 'top-quartile' | 'well-above' | 'above' | 'in-line' | 'below' | 'well-below' | 'bottom-quartile';
export type ReportCardGrade =
  | 'exceptional'
  | 'strong-standard'
  | 'expected-standard'
  | 'needs-attention'
  | 'urgent-improvement';

/** A value read from a cell, in one canonical form per kind. */
export type ParsedValue =
  /** Percentages are percentage points: "94.2%", 94.2 and 0.942 all give 94.2. */
  | { kind: 'number'; value: number }
  /** "Above national", "in line with national", "top quartile": where a figure stands, not the figure. */
  | { kind: 'versus-national'; value: VersusNational }
  | { kind: 'flag'; value: boolean }
  | { kind: 'judgement'; value: Judgement }
  | { kind: 'ofsted-legacy'; grade: 1 | 2 | 3 | 4 }
  | { kind: 'ofsted-report-card'; grade: ReportCardGrade }
  /** Report cards judge safeguarding met / not met. */
  | { kind: 'ofsted-safeguarding'; met: boolean }
  | { kind: 'trend'; value: Trend }
  /** ISO calendar date, yyyy-MM-dd: no time, no zone. */
  | { kind: 'date'; value: string };

/**
 * The outcome of reading one cell: a value, "no data" (blank, n/a, an Excel error), or a
 * value that could not be read, with the reason in words an officer understands.
 */
export type CellReading =
  | { status: 'value'; value: ParsedValue }
  | { status: 'no-data'; why: 'blank' | 'not-applicable' | 'excel-error' | 'to-be-confirmed' }
  | { status: 'invalid'; reason: string };
