import type { CellReading, CellValue, Judgement } from '../types.js';
import { cleanText, wordKey } from '../_lib/cleanText/index.js';
import { describeRaw } from '../_lib/describeRaw/index.js';
import { lookupPhrase } from '../_lib/lookupPhrase/index.js';
import { invalidReading, valueReading } from '../_lib/reading/index.js';
import { noData } from '../noData/index.js';

/**
 * Whole-phrase keys only: matching is by exact key, never by substring, so "ineffective"
 * and "not effective" cannot be read as "effective".
 */
const WORDS: ReadonlyMap<string, Judgement> = new Map([
  ...(
    [
      'effective',
      'highly effective',
      'strong',
      'good',
      'outstanding',
      'secure',
      'met',
      'green',
      'g',
      'no concerns',
      'exceptional',
      'strong standard',
      'expected standard',
      // Risk and concern levels, as officers rate inspection risk: low risk is good news.
      'low',
      'low risk',
      'low concern',
      // The seeds' own words for their best descriptors.
      'fully met',
      'all met',
      'requirements met',
      'statutory requirements met',
      'robust',
      'very strong',
      'strong culture',
      'top quartile',
      'above national',
      'above',
      'in line with national',
      'in line',
      'not vulnerable',
      'no risk',
      'stable',
      'accurate',
      'effective action',
      'taking effective action',
    ] as const
  ).map((word) => [word, 'positive'] as const),
  ...(
    [
      'requires improvement',
      'ri',
      'developing',
      'partially effective',
      'partially met',
      'adequate',
      'some concerns',
      'minor concerns',
      'amber',
      'a',
      'satisfactory',
      'needs attention',
      'inconsistent',
      'medium',
      'medium risk',
      'moderate',
      'moderate risk',
      'minor weakness',
      'minor weaknesses',
      'some weaknesses',
      'requires support',
      'require support',
      'needs support',
      'vulnerable',
      'at risk',
      'partly',
      'partly met',
      'partially',
      'partly effective',
      'not consistently effective',
      'below national',
      'below',
      'variable',
      'some turbulence',
      'partly accurate',
      'not current',
    ] as const
  ).map((word) => [word, 'mixed'] as const),
  ...(
    [
      'ineffective',
      'not effective',
      'weak',
      'inadequate',
      'not met',
      'serious concerns',
      'significant concerns',
      'poor',
      'red',
      'r',
      'urgent improvement',
      'high',
      'high risk',
      'high concern',
      'not fully met',
      'not met in full',
      'of serious concern',
      'serious concern',
      'highly vulnerable',
      'very vulnerable',
      'at serious risk',
      'significant weakness',
      'significant weaknesses',
      'serious weakness',
      'serious weaknesses',
      'well below national',
      'significantly below national',
      'bottom quartile',
      'failing',
      'not stable',
      'unstable',
      'inaccurate',
      'not taking effective action',
    ] as const
  ).map((word) => [word, 'negative'] as const),
]);

/**
 * Reads an evaluative judgement as positive, mixed or negative: words such as effective /
 * requires improvement / ineffective, concern levels, report-card phrases ("expected
 * standard", "needs attention", "urgent improvement") and RAG colours or letters (G/A/R).
 * Case, punctuation and spacing are ignored ("Effective." reads); matching is by whole
 * phrase, so "Ineffective" is negative, not "effective".
 *
 * @example
 * parseJudgement('Effective.')  // { status: 'value', value: { kind: 'judgement', value: 'positive' } }
 * parseJudgement('RI')          // { status: 'value', value: { kind: 'judgement', value: 'mixed' } }
 * parseJudgement('Ineffective') // { status: 'value', value: { kind: 'judgement', value: 'negative' } }
 */
export function parseJudgement(raw: CellValue): CellReading {
  const empty = noData(raw);
  if (empty) return empty;
  if (typeof raw === 'string') {
    const found = lookupPhrase(cleanText(raw), (part) => WORDS.get(wordKey(part)));
    if (found !== undefined) return valueReading({ kind: 'judgement', value: found });
  }
  return invalidReading(
    `${describeRaw(raw)} is not a judgement (expected a word such as effective, requires improvement or ineffective, or R/A/G)`,
  );
}
