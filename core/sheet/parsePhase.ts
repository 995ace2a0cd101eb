import type { Phase } from '../frameworks/schema.js';
import type { CellValue } from '../indicators/types.js';

const phaseWords: readonly [RegExp, Phase][] = [
  [/\ball[\s-]?through\b/, 'all-through'],
  [/\b(special|sen school|sen)\b/, 'special'],
  [/\b(pru|pupil referral|alternative provision|ap)\b/, 'pru'],
  [/\bnursery\b/, 'nursery'],
  [/\b(secondary|high|upper|sixth|16 plus|middle deemed secondary)\b/, 'secondary'],
  [/\b(primary|infant|junior|first|middle deemed primary|lower)\b/, 'primary'],
];

/**
 * The phase of education a cell names, if any.
 *
 * @example
 * parsePhase('Infant') //=> 'primary'
 * parsePhase('Secondary (11-16)') //=> 'secondary'
 */
export function parsePhase(raw: CellValue): Phase | undefined {
  if (typeof raw !== 'string') return undefined;
  const text = raw.toLowerCase();
  return phaseWords.find(([re]) => re.test(text))?.[1];
}
