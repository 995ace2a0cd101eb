import type { Category, Framework } from '../frameworks/schema.js';
import { normaliseHeader } from './normaliseHeader.js';

const strip = (s: string): string =>
  normaliseHeader(s)
    .replace(/\b(category|cat|level of support|support|offered)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The framework category an officer typed in their own column: code, label or alias, any
 * case, with or without the word "category" ("Cat C", "C", "Schools in a Category").
 *
 * @example
 * matchCategory('cat r', reading)?.code //=> 'R'
 */
export function matchCategory(text: string, framework: Framework): Category | undefined {
  const wanted = normaliseHeader(text);
  if (wanted === '') return undefined;
  const bare = strip(text);
  for (const category of framework.categories) {
    const names = [category.code, category.label, ...category.aliases];
    if (names.some((n) => normaliseHeader(n) === wanted)) return category;
  }
  for (const category of framework.categories) {
    const names = [category.code, category.label, ...category.aliases];
    if (bare !== '' && names.some((n) => strip(n) === bare)) return category;
  }
  return undefined;
}
