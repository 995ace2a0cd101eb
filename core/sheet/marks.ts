import type { Framework, Rag } from '../frameworks/schema.js';
import { describeRule } from '../rating/rateValue/index.js';
import { ragLabel } from '../rating/ragWords.js';
import type { CellValue } from '../indicators/types.js';
import { cellAddress, columnLetters } from './address.js';
import { OUTPUT_HEADERS } from './roles.js';
import type { SchoolRow, SheetPlan } from './types.js';

/** Excel's own "Good", "Neutral" and "Bad" fills, so the sheet looks like Excel. */
export const RAG_FILL: Record<Rag, string> = { G: '#C6EFCE', A: '#FFEB9C', R: '#FFC7CE' };

/** Prefix of every note Waymark adds, so that it can find and remove its own and no others. */
export const NOTE_PREFIX = 'Waymark:';

export const LEGEND_SHEET = 'Waymark legend';

export interface CellFill {
  readonly row: number;
  readonly col: number;
  readonly address: string;
  readonly rag: Rag;
  readonly colour: string;
  /** A text label, so that colour is never the only signal. */
  readonly note: string;
}

export interface OutputCell {
  readonly row: number;
  readonly col: number;
  readonly address: string;
  readonly value: string;
  readonly colour?: string;
}

export interface Marks {
  readonly fills: readonly CellFill[];
  /** Header and per-school cells of the "Suggested category" and "Why" columns. */
  readonly outputs: readonly OutputCell[];
  /** Fills grouped by colour, each with its addresses: one write per colour. */
  readonly fillsByColour: readonly { readonly colour: string; readonly rag: Rag; readonly addresses: readonly string[] }[];
  readonly legend: readonly (readonly CellValue[])[];
  /**
   * Each rated school's identity cell (URN, else name): recorded, so a later run can tell the
   * school on a row is still the one rated there before it puts anything back.
   */
  readonly identities: readonly { readonly row: number; readonly col: number; readonly address: string }[];
}

/** The text of the "Suggested category" cell. */
export function suggestedText(row: SchoolRow): string {
  const s = row.suggestion;
  return s.status === 'category' ? `${s.category.code} — ${s.category.label}` : 'Insufficient data';
}

/** The text of the "Why" cell: the rationale, and the officer's own category where it differs. */
export function whyText(row: SchoolRow): string {
  const s = row.suggestion;
  const officer = row.officerCategory;
  let text = s.rationale;
  if (officer) {
    const code = officer.category?.code;
    if (!officer.category) text += `. Officer category "${officer.raw}" is not a category of this framework`;
    else if (s.status !== 'category' || code !== s.category.code) text += `. Officer's category: ${code} (kept)`;
  }
  return text;
}

/**
 * Everything Waymark writes for a plan, as plain data both the CLI and the add-in carry out:
 * a fill and a label per rated cell, the two output columns, and the legend sheet.
 *
 * @example
 * const marks = planMarks(plan, reading, '2026-11-24');
 * marks.fillsByColour //=> [{ colour: '#FFC7CE', rag: 'R', addresses: ['D6', 'F6'] }, …]
 */
export function planMarks(plan: SheetPlan, framework: Framework, ratedOn: string): Marks {
  const fills: CellFill[] = [];
  const outputs: OutputCell[] = [];
  const { origin, output } = plan;
  const indicatorById = new Map(framework.indicators.map((i) => [i.id, i]));
  // A note's words around the value, built once per indicator, phase and RAG rather than per
  // cell: sheets have tens of thousands of rated cells.
  const parts = new Map<string, Map<string, Partial<Record<Rag, { head: string; tail: string }>>>>();
  const noteParts = (id: string, header: string, phase: SchoolRow['phase'], rag: Rag) => {
    let byPhase = parts.get(id);
    if (!byPhase) parts.set(id, (byPhase = new Map()));
    let byRag = byPhase.get(phase ?? '');
    if (!byRag) byPhase.set(phase ?? '', (byRag = {}));
    let found = byRag[rag];
    if (!found) {
      const indicator = indicatorById.get(id);
      found = {
        head: `${NOTE_PREFIX} ${ragLabel[rag]} — ${indicator?.label ?? header} `,
        tail: indicator ? ` (${describeRule(indicator.rule, phase)})` : '',
      };
      byRag[rag] = found;
    }
    return found;
  };
  const idCol = plan.columns.roles.urn?.col ?? plan.columns.roles.school?.col;
  const identities: Marks['identities'] =
    idCol === undefined ? [] : plan.rows.map((r) => ({ row: r.row, col: idCol, address: cellAddress(r.row, idCol, origin) }));
  for (const row of plan.rows) {
    for (const cell of row.cells) {
      if (!cell.rag) continue;
      const { head, tail } = noteParts(cell.indicatorId, cell.header, row.phase, cell.rag);
      fills.push({
        row: cell.row,
        col: cell.col,
        address: cell.address,
        rag: cell.rag,
        colour: RAG_FILL[cell.rag],
        note: head + cell.display + tail,
      });
    }
    const s = row.suggestion;
    outputs.push({
      row: row.row,
      col: output.suggestedCol,
      address: cellAddress(row.row, output.suggestedCol, origin),
      value: suggestedText(row),
      ...(s.status === 'category' && { colour: s.category.colour }),
    });
    outputs.push({ row: row.row, col: output.whyCol, address: cellAddress(row.row, output.whyCol, origin), value: whyText(row) });
  }
  outputs.unshift(
    { row: plan.headerRow, col: output.suggestedCol, address: cellAddress(plan.headerRow, output.suggestedCol, origin), value: OUTPUT_HEADERS.suggested },
    { row: plan.headerRow, col: output.whyCol, address: cellAddress(plan.headerRow, output.whyCol, origin), value: OUTPUT_HEADERS.why },
  );

  const groups = new Map<Rag, string[]>();
  for (const f of fills) {
    const list = groups.get(f.rag) ?? [];
    list.push(f.address);
    groups.set(f.rag, list);
  }
  const fillsByColour = (['G', 'A', 'R'] as const)
    .filter((rag) => groups.has(rag))
    .map((rag) => ({ colour: RAG_FILL[rag], rag, addresses: groups.get(rag) ?? [] }));

  return { fills, outputs, fillsByColour, legend: legendRows(plan, framework, ratedOn), identities };
}

function legendRows(plan: SheetPlan, framework: Framework, ratedOn: string): CellValue[][] {
  const rows: CellValue[][] = [
    ['Waymark legend'],
    ['Framework', `${framework.name} (${framework.id})`],
    ['Source', framework.source],
    ['Rated on', ratedOn],
    [],
    ['RAG', 'Meaning'],
    ['Green', 'At or better than the green threshold'],
    ['Amber', 'Between the green and amber thresholds'],
    ['Red', 'Worse than the amber threshold'],
    [],
    ['Category', 'Label', 'Description', 'Schools suggested'],
    ...framework.categories.map((c) => [
      c.code,
      c.label,
      c.description,
      plan.summary.byCategory.find((b) => b.code === c.code)?.count ?? 0,
    ]),
    ['Insufficient data', '', 'Too few rated indicators for a suggestion', plan.summary.insufficientData],
    [],
    ['Column', 'Heading', 'Indicator', 'Rule'],
    ...plan.columns.indicators.map((c) => {
      const indicator = framework.indicators.find((i) => i.id === c.indicatorId);
      return [c.letter, c.header, c.label, indicator ? describeRule(indicator.rule) : ''];
    }),
  ];
  if (plan.columns.unmapped.length > 0) {
    rows.push([], ['Not rated (no matching indicator)'], ...plan.columns.unmapped.map((c) => [c.letter, c.header]));
  }
  if (plan.unreadable.length > 0) {
    rows.push([], ['Cells that could not be read', 'School', 'Value', 'Reason']);
    rows.push(...plan.unreadable.map((u) => [u.address, u.school, u.raw, u.reason]));
  }
  if (plan.duplicates.length > 0) {
    rows.push([], ['Schools on more than one row', 'Rows']);
    rows.push(...plan.duplicates.map((d) => [d.school, d.sheetRows.join(', ')]));
  }
  rows.push([], ['Suggestions only: an officer\'s own category always stands. Waymark never changes a value the team typed.']);
  rows.push([`Output columns: ${columnLetters(plan.origin.col + plan.output.suggestedCol)} and ${columnLetters(plan.origin.col + plan.output.whyCol)}`]);
  return rows;
}
