/** Zero-width characters and emoji variation selectors that Excel and Teams paste in invisibly. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\uFE0E\uFE0F]/g;

/**
 * Tidies typed text so that what looks the same compares the same: compatibility forms
 * (full-width digits, non-breaking spaces) folded by NFKC, invisible characters dropped,
 * runs of white space collapsed to one space, ends trimmed. Case is kept.
 *
 * @example
 * cleanText('\u00A094.2\u00A0%  ') // '94.2 %'
 */
export function cleanText(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/**
 * A lookup key for words: {@link cleanText}, lower case, every run of punctuation or space
 * turned into one space, so "Effective.", " effective " and "EFFECTIVE" share a key.
 * Symbols such as ↑, ✓ or + are kept: were they dropped, "↑ declining" would key as
 * "declining" and hide the contradiction.
 *
 * @example
 * wordKey('Requires  Improvement.') // 'requires improvement'
 */
export function wordKey(text: string): string {
  return cleanText(text)
    .toLowerCase()
    .replace(/[\p{P}\p{Z}\p{Sk}\s]+/gu, ' ')
    .trim();
}
