import { format, parseISO } from 'date-fns';
import type { ColumnAccount } from '../../core/sheet/types.js';
import type { RateOutcome } from './run.js';

/** "1 school", "2 schools". */
export const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** An ISO day in en-GB words: "1 November 2026". */
export const longDate = (iso: string): string => format(parseISO(iso), 'd MMMM yyyy');

/** A category as officers say it: "S System Leaders", "Specific project board", not an id. */
function categoryName(code: string, label: string): string {
  if (code === label) return label;
  return /^[A-Z0-9]{1,4}$/.test(code) ? `${code} ${label}` : label;
}

const column = (a: ColumnAccount): string => `${a.letter} '${a.header || '(no heading)'}'`;

/** The column lines: every column of the sheet, said once, grouped by what it is. */
function columnLines(accounts: readonly ColumnAccount[]): string[] {
  const of = (status: ColumnAccount['status']) => accounts.filter((a) => a.status === status);
  const lines: string[] = [];
  const rated = of('indicator');
  lines.push(
    `Columns rated (${rated.length}): ${
      rated
        .map((a) => `${a.letter} ${a.label ?? a.target}${a.header.toLowerCase() === (a.label ?? '').toLowerCase() ? '' : ` ('${a.header}')`}${a.confidence === 'high' || a.confidence === 'confirmed' ? '' : ` [${a.confidence}: ${a.evidence}]`}`)
        .join(', ') || 'none'
    }`,
  );
  const identity = of('identity');
  if (identity.length) lines.push(`About the school: ${identity.map((a) => `${a.letter} ${a.header}`).join(', ')}`);
  for (const a of of('officer-category')) lines.push(`Officer's category: ${column(a)} (read, kept, never changed)`);
  const ignored = of('ignored');
  if (ignored.length) lines.push(`Left alone on purpose: ${ignored.map((a) => `${column(a)}${a.confidence === 'confirmed' ? ' (sheet config)' : ''}`).join(', ')}`);
  const confirm = of('confirm');
  if (confirm.length) {
    lines.push(`To confirm, not rated (${confirm.length}) — map them in --config to use them:`);
    for (const a of confirm) lines.push(`  ${column(a)}: ${a.evidence}${a.suggestions.length ? `; perhaps ${a.suggestions.map((s) => `"${s.target}"`).join(' or ')}` : ''}`);
  }
  const unknown = of('unknown');
  if (unknown.length) {
    lines.push(`Not understood, not rated (${unknown.length}):`);
    for (const a of unknown) lines.push(`  ${column(a)}${a.suggestions.length ? `: closest ${a.suggestions.map((s) => `"${s.target}" (${s.label})`).join(', ')}` : ''}`);
  }
  return lines;
}

/** The few lines an officer reads after a run. */
export function describeOutcome(o: RateOutcome): string {
  const warnings = (o.warnings ?? []).map((w) => `Warning: ${w}`);
  // What the copy keeps only because the guard put it back after exceljs dropped it.
  if (o.carried?.length) warnings.push(`Put back what exceljs drops: ${o.carried.join('; ')}.`);
  if (o.cleared) {
    return [`Cleared Waymark's marks from "${o.sheet}" (${count(o.cleared.restored, 'fill')} restored). Wrote ${o.out}`, ...warnings].join('\n');
  }
  const plan = o.plan;
  const fw = o.framework;
  if (!plan || !fw) return `Wrote ${o.out}`;
  const cats = plan.summary.byCategory.map((c) => `${categoryName(c.code, c.label)}: ${c.count}`).join(' · ');
  const lines = [
    `Rated ${count(plan.summary.schools, 'school')} on "${o.sheet}" with ${fw.name}: ${cats}${
      plan.summary.insufficientData ? ` · insufficient data: ${plan.summary.insufficientData}` : ''
    }`,
  ];
  const choice = o.frameworkChoice;
  if (choice) {
    lines.push(
      choice.fromSheet
        ? `Framework: ${fw.name}, chosen from the sheet because ${choice.reason}. Use --framework to choose another.`
        : `Warning: framework not named and not shown by the sheet: ${choice.reason}`,
    );
  }
  const misfits = plan.officerCategory?.misfits ?? [];
  if (misfits.length) {
    const officer = plan.officerCategory!;
    lines.push(
      `Warning: the officer's column ${officer.column.letter} '${officer.column.header}' has values that are not ${fw.name} categories: ${misfits
        .map((m) => `"${m.raw}" (${count(m.rows, 'row')})`)
        .join(', ')}. Is this the right framework? (--framework)`,
    );
  }
  if (o.dataDate) {
    const d = o.dataDate;
    const when = d.precision === 'term' ? d.text : longDate(d.date);
    const from = d.source === 'title' ? `from the sheet's title ("${d.text}")` : d.source === 'column' ? 'from the data-date column (latest date)' : 'from the date the file was saved: the sheet gives no data date';
    lines.push(`Data as at ${when}, ${from}`);
  }
  lines.push(...columnLines(plan.columns.accounts));
  if (plan.summary.disagreements) {
    lines.push(`${count(plan.summary.disagreements, 'school')} where the officer's category differs from the suggestion (the officer's is kept)`);
  }
  if (plan.unreadable.length) {
    const shown = plan.unreadable.slice(0, 5).map((u) => `${u.address} "${String(u.raw)}": ${u.reason}`);
    lines.push(`${count(plan.unreadable.length, 'cell')} could not be read: ${shown.join('; ')}${plan.unreadable.length > 5 ? '; …' : ''}`);
  }
  if (plan.duplicates.length) lines.push(`On more than one row: ${plan.duplicates.map((d) => `${d.school} (rows ${d.sheetRows.join(', ')})`).join('; ')}`);
  lines.push(...warnings);
  lines.push(`Wrote ${o.out}${o.report ? ` and ${o.report}` : ''}`);
  return lines.join('\n');
}
