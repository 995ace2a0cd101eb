/**
 * Where officers join two spellings of one answer: "Requires improvement (RI)",
 * "Grade 2 - Good", "Good / 2", "Amber: some concerns".
 */
const PARTS = /\s*[(),;:/|]\s*|\s+[-–—]\s+/;

/**
 * Looks up cleaned text with `lookup`; failing that, splits it into parts at brackets,
 * slashes, colons or spaced dashes and accepts it only when every part is recognised and
 * all agree, so "Good (2)" reads but "Good (4)" does not.
 *
 * @example
 * const grades = new Map([['good', 2], ['2', 2]]);
 * lookupPhrase('Good (2)', (part) => grades.get(part.toLowerCase())) // 2
 */
export function lookupPhrase<T>(
  text: string,
  lookup: (part: string) => T | undefined,
  parts: RegExp = PARTS,
): T | undefined {
  const whole = lookup(text);
  if (whole !== undefined) return whole;
  const pieces = text.split(parts).filter((piece) => piece.trim() !== '');
  if (pieces.length < 2) return undefined;
  const found = pieces.map(lookup);
  const first = found[0];
  return first !== undefined && found.every((value) => value === first) ? first : undefined;
}
