import type { RateOutcome } from './run.js';

/** The few lines an officer reads after a run. */
export function describeOutcome(o: RateOutcome): string {
  const warnings = (o.warnings ?? []).map((w) => `Warning: ${w}`);
  if (o.cleared) return [`Cleared Waymark's marks from "${o.sheet}" (${o.cleared.restored} fills restored). Wrote ${o.out}`, ...warnings].join('\n');
  const plan = o.plan;
  const fw = o.framework;
  if (!plan || !fw) return `Wrote ${o.out}`;
  const cats = plan.summary.byCategory.map((c) => `${c.code} ${c.count}`).join(' · ');
  const lines = [
    `Rated ${plan.summary.schools} schools on "${o.sheet}" with ${fw.name}: ${cats}${
      plan.summary.insufficientData ? ` · insufficient data ${plan.summary.insufficientData}` : ''
    }`,
    `Columns rated: ${plan.columns.indicators.map((c) => `${c.letter} ${c.label}`).join(', ') || 'none'}`,
  ];
  if (plan.columns.unmapped.length) lines.push(`Not rated (no matching indicator): ${plan.columns.unmapped.map((c) => `${c.letter} "${c.header}"`).join(', ')}`);
  if (plan.summary.disagreements) lines.push(`${plan.summary.disagreements} schools where the officer's category differs from the suggestion (officer's kept)`);
  if (plan.unreadable.length) {
    const shown = plan.unreadable.slice(0, 5).map((u) => `${u.address} "${String(u.raw)}": ${u.reason}`);
    lines.push(`${plan.unreadable.length} cells could not be read: ${shown.join('; ')}${plan.unreadable.length > 5 ? '; …' : ''}`);
  }
  if (plan.duplicates.length) lines.push(`On more than one row: ${plan.duplicates.map((d) => `${d.school} (rows ${d.sheetRows.join(', ')})`).join('; ')}`);
  lines.push(...warnings);
  lines.push(`Wrote ${o.out}${o.report ? ` and ${o.report}` : ''}`);
  return lines.join('\n');
}
