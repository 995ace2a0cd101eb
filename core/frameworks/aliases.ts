/**
 * How a column heading is compared with an indicator's id, label and aliases: case,
 * punctuation, academic years and units are ignored, "&" reads as "and".
 *
 * Frameworks use it to refuse aliases that would name two indicators at once; the sheet
 * reader should use the same function so that "no clash here" means "no clash there".
 */

const academicYear = /\b(?:19|20)\d{2}\s*[/-]\s*(?:\d{4}|\d{2})\b/g; // 2024/25, 2023-2024
const shortYear = /\b\d{2}\s*\/\s*\d{2}\b/g; // 23/24
const calendarYear = /\b(?:19|20)\d{2}\b/g; // 2024
const units = /%|\bper\s*cent\b|\bpercentage\b/g;

/**
 * A heading in the form used for matching: lower case, years and units removed, every run
 * of punctuation or space turned into one space.
 *
 * @example
 * normaliseHeading('Attendance % (2024/25)'); // 'attendance'
 * normaliseHeading('L&M'); // 'l and m'
 * normaliseHeading('3-year trend'); // '3 year trend'
 */
export function normaliseHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(academicYear, ' ')
    .replace(shortYear, ' ')
    .replace(calendarYear, ' ')
    .replace(units, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The names an indicator answers to: its id, its label and its aliases. */
export interface NamedIndicator {
  readonly id: string;
  readonly label: string;
  readonly aliases?: readonly string[] | undefined;
}

/** One heading that would match two indicators. */
export interface AliasClash {
  /** The heading as normalised. */
  readonly heading: string;
  /** The two indicators' ids, in framework order. */
  readonly indicators: readonly [string, string];
  /** Where the second one is written, e.g. `indicators.4.aliases.2` (or `.label`, `.id`). */
  readonly path: string;
  /** The text as written there. */
  readonly written: string;
}

/**
 * Headings that normalise the same for two different indicators of one framework. Empty
 * when every heading names one indicator only.
 *
 * @example
 * findAliasClashes([
 *   { id: 'attendance', label: 'Attendance', aliases: ['Att %'] },
 *   { id: 'attainment-8', label: 'Attainment 8', aliases: ['Att'] },
 * ]);
 * // [{ heading: 'att', indicators: ['attendance', 'attainment-8'],
 * //    path: 'indicators.1.aliases.0', written: 'Att' }]
 */
export function findAliasClashes(indicators: readonly NamedIndicator[]): AliasClash[] {
  const owner = new Map<string, string>();
  const clashes: AliasClash[] = [];
  indicators.forEach((indicator, i) => {
    const names: { path: string; written: string }[] = [
      { path: `indicators.${i}.id`, written: indicator.id },
      { path: `indicators.${i}.label`, written: indicator.label },
      ...(indicator.aliases ?? []).map((alias, j) => ({
        path: `indicators.${i}.aliases.${j}`,
        written: alias,
      })),
    ];
    for (const { path, written } of names) {
      const heading = normaliseHeading(written);
      if (heading === '') continue;
      const first = owner.get(heading);
      if (first === undefined) owner.set(heading, indicator.id);
      else if (first !== indicator.id) {
        clashes.push({ heading, indicators: [first, indicator.id], path, written });
      }
    }
  });
  return clashes;
}
