import type { CellValue, VersusNational } from '../../types.js';
import { wordKey } from '../cleanText/index.js';

/** The comparison words, once "national" (and "average", "figure") have been taken off. */
const WORDS: ReadonlyMap<string, VersusNational> = new Map([
  ['top quartile', 'top-quartile'],
  ['upper quartile', 'top-quartile'],
  ['highest quartile', 'top-quartile'],
  ['in the top quartile', 'top-quartile'],
  ['bottom quartile', 'bottom-quartile'],
  ['lowest quartile', 'bottom-quartile'],
  ['lower quartile', 'bottom-quartile'],
  ['in the bottom quartile', 'bottom-quartile'],
  ['above', 'above'],
  ['consistently above', 'above'],
  ['well above', 'well-above'],
  ['significantly above', 'well-above'],
  ['sig above', 'well-above'],
  ['in line', 'in-line'],
  ['broadly in line', 'in-line'],
  ['inline', 'in-line'],
  ['at', 'in-line'],
  ['similar', 'in-line'],
  ['similar to', 'in-line'],
  ['below', 'below'],
  ['consistently below', 'well-below'],
  ['well below', 'well-below'],
  ['significantly below', 'well-below'],
  ['sig below', 'well-below'],
]);

const NATIONAL = /(?:\s+(?:with|to|than))?(?:\s+the)?\s+(?:national|nat|england|average|avg)(?:\s+(?:average|averages|avg|figure|figures|standard|standards|rate))?$/;

/**
 * Reads a comparison with the national figure, as the seeds write it: "above national",
 * "in line with national", "well below national average", "top quartile". Case, spacing and
 * punctuation are ignored. Undefined when the text is not such a comparison.
 *
 * @example
 * versusNational('Above National')        // 'above'
 * versusNational('broadly in line with national averages') // 'in-line'
 * versusNational('Top quartile')          // 'top-quartile'
 */
export function versusNational(raw: CellValue): VersusNational | undefined {
  if (typeof raw !== 'string') return undefined;
  const key = wordKey(raw);
  return WORDS.get(key) ?? WORDS.get(key.replace(NATIONAL, '').trim());
}
