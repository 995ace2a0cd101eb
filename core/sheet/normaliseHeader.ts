/**
 * Reduces a column heading to the words that identify it, so that "Attendance % (2024/25)",
 * "attendance" and "ATTENDANCE %" all meet. Years, units and punctuation go; "&" is "and".
 *
 * @example
 * normaliseHeader('Attendance % 2024/25') //=> 'attendance'
 * normaliseHeader('L&M') //=> 'l and m'
 */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’‘`]/g, '')
    // Academic years and years: 2024/25, 2024-2025, 23/24, 2024, "Y1"-style stays.
    .replace(/\b(?:19|20)\d{2}\s*[/\-–]\s*(?:(?:19|20)?\d{2})\b/g, ' ')
    .replace(/\b\d{2}\s*[/\-–]\s*\d{2}\b/g, ' ')
    .replace(/\b(?:19|20)\d{2}\b/g, ' ')
    .replace(/%|\bpercent(?:age)?\b|\bpct\b/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/** The same words in any order: "attendance overall" meets "overall attendance". */
export function headerKey(text: string): string {
  return normaliseHeader(text).split(' ').filter(Boolean).sort().join(' ');
}
