import type { CellReading, CellValue, ParsedValue, ReportCardGrade } from '../types.js';
import { cleanText, wordKey } from '../_lib/cleanText/index.js';
import { describeRaw } from '../_lib/describeRaw/index.js';
import { lookupPhrase } from '../_lib/lookupPhrase/index.js';
import { invalidReading, valueReading } from '../_lib/reading/index.js';
import { noData } from '../noData/index.js';

/**
 * Tokens rather than ParsedValue objects, so that {@link lookupPhrase} can check with `===`
 * that both halves of "Requires improvement (RI)" name the same grade.
 */
type Token = `legacy-${1 | 2 | 3 | 4}` | `card-${ReportCardGrade}` | 'safeguarding-met' | 'safeguarding-not-met';

const WORDS: ReadonlyMap<string, Token> = new Map<string, Token>([
  ['1', 'legacy-1'],
  ['grade 1', 'legacy-1'],
  ['outstanding', 'legacy-1'],
  ['2', 'legacy-2'],
  ['grade 2', 'legacy-2'],
  ['good', 'legacy-2'],
  ['3', 'legacy-3'],
  ['grade 3', 'legacy-3'],
  ['requires improvement', 'legacy-3'],
  ['ri', 'legacy-3'],
  // The grade 3 of inspections before September 2012.
  ['satisfactory', 'legacy-3'],
  ['4', 'legacy-4'],
  ['grade 4', 'legacy-4'],
  ['inadequate', 'legacy-4'],
  // The two categories of concern are both grade 4; the category is not a grade of its own.
  ['serious weaknesses', 'legacy-4'],
  ['special measures', 'legacy-4'],
  ['notice to improve', 'legacy-4'],
  ['exceptional', 'card-exceptional'],
  ['strong standard', 'card-strong-standard'],
  ['strong', 'card-strong-standard'],
  ['expected standard', 'card-expected-standard'],
  ['expected', 'card-expected-standard'],
  ['needs attention', 'card-needs-attention'],
  ['urgent improvement', 'card-urgent-improvement'],
  ['met', 'safeguarding-met'],
  ['safeguarding met', 'safeguarding-met'],
  ['not met', 'safeguarding-not-met'],
  ['safeguarding not met', 'safeguarding-not-met'],
]);

function toValue(token: Token): ParsedValue {
  switch (token) {
    case 'legacy-1':
      return { kind: 'ofsted-legacy', grade: 1 };
    case 'legacy-2':
      return { kind: 'ofsted-legacy', grade: 2 };
    case 'legacy-3':
      return { kind: 'ofsted-legacy', grade: 3 };
    case 'legacy-4':
      return { kind: 'ofsted-legacy', grade: 4 };
    case 'safeguarding-met':
      return { kind: 'ofsted-safeguarding', met: true };
    case 'safeguarding-not-met':
      return { kind: 'ofsted-safeguarding', met: false };
    default:
      return { kind: 'ofsted-report-card', grade: token.slice('card-'.length) as ReportCardGrade };
  }
}

const EXPECTED =
  '(expected 1–4, Outstanding/Good/RI/Inadequate, or a report-card grade like "expected standard")';

/**
 * Reads an Ofsted outcome in any of three shapes:
 * - a legacy overall grade 1–4: the number, "Grade 3", Outstanding, Good, Requires
 *   improvement / RI, Inadequate; "Satisfactory" (before 2012) is 3; "Serious weaknesses"
 *   and "Special measures" are 4;
 * - a report-card grade (since November 2025, one per area): exceptional, strong standard,
 *   expected standard, needs attention, urgent improvement ("Strong", "Expected" too);
 * - the report card's safeguarding judgement: met / not met.
 *
 * Two spellings joined are read when they agree: "Requires Improvement (RI)", "2 - Good".
 * Judgement words such as "effective" are not Ofsted grades and are invalid here.
 *
 * @example
 * parseOfsted('Grade 3')          // { status: 'value', value: { kind: 'ofsted-legacy', grade: 3 } }
 * parseOfsted('Needs attention')  // { status: 'value', value: { kind: 'ofsted-report-card', grade: 'needs-attention' } }
 * parseOfsted('Not met')          // { status: 'value', value: { kind: 'ofsted-safeguarding', met: false } }
 */
export function parseOfsted(raw: CellValue): CellReading {
  const empty = noData(raw);
  if (empty) return empty;
  if (typeof raw === 'number') {
    if (raw === 1 || raw === 2 || raw === 3 || raw === 4) return valueReading({ kind: 'ofsted-legacy', grade: raw });
    return invalidReading(`${describeRaw(raw)} is not an Ofsted grade ${EXPECTED}`);
  }
  if (typeof raw === 'string') {
    const found = lookupPhrase(cleanText(raw), (part) => WORDS.get(wordKey(part)));
    if (found !== undefined) return valueReading(toValue(found));
  }
  return invalidReading(`${describeRaw(raw)} is not an Ofsted grade ${EXPECTED}`);
}
