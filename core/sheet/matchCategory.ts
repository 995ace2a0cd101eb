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
  const index = indexFor(framework);
  return index.exact.get(wanted) ?? index.bare.get(strip(text));
}

/** Frameworks are immutable, so each one's lookup is built once. */
const indexes = new WeakMap<Framework, { exact: Map<string, Category>; bare: Map<string, Category> }>();

function indexFor(framework: Framework) {
  let index = indexes.get(framework);
  if (index) return index;
  index = { exact: new Map<string, Category>(), bare: new Map<string, Category>() };
  for (const category of framework.categories) {
    for (const name of [category.code, category.label, ...category.aliases]) {
      if (!index.exact.has(normaliseHeader(name))) index.exact.set(normaliseHeader(name), category);
      const bare = strip(name);
      if (bare !== '' && !index.bare.has(bare)) index.bare.set(bare, category);
    }
  }
  indexes.set(framework, index);
  return index;
}
