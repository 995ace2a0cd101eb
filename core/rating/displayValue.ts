import { format, parseISO } from 'date-fns';
import type { IndicatorKind } from '../frameworks/schema.js';
import type { CellValue, ParsedValue, VersusNational } from '../indicators/types.js';

const reportCardWords: Record<string, string> = {
  exceptional: 'exceptional',
  'strong-standard': 'strong standard',
  'expected-standard': 'expected standard',
  'needs-attention': 'needs attention',
  'urgent-improvement': 'urgent improvement',
};
const versusWords: Record<VersusNational, string> = {
  'top-quartile': 'top quartile',
  'well-above': 'well above national',
  above: 'above national',
  'in-line': 'in line with national',
  below: 'below national',
  'well-below': 'well below national',
  'bottom-quartile': 'bottom quartile',
};
const legacyWords = ['', 'outstanding (1)', 'good (2)', 'requires improvement (3)', 'inadequate (4)'];

const round = (n: number, places: number): string => {
  const f = 10 ** places;
  return String(Math.round(n * f) / f);
};

/**
 * A parsed value in the words an officer would use, for rationales, cards and notes.
 * Judgements keep the officer's own wording; numbers are tidied; dates are en-GB.
 *
 * @example
 * displayValue({ kind: 'number', value: 89.14 }, 'percentage', 0.8914) //=> '89.1%'
 * displayValue({ kind: 'judgement', value: 'negative' }, 'judgement', 'Ineffective') //=> 'ineffective'
 */
export function displayValue(value: ParsedValue, kind: IndicatorKind, raw: CellValue): string {
  switch (value.kind) {
    case 'number':
      if (kind === 'percentage') return `${round(value.value, 1)}%`;
      return round(value.value, 2);
    case 'versus-national':
      return versusWords[value.value];
    case 'flag':
      return value.value ? 'yes' : 'no';
    case 'judgement':
    case 'trend': {
      const text = typeof raw === 'string' ? raw.trim() : '';
      // A bare R, A or G says less than the word for it.
      const letter: Record<string, string> = { r: 'red', a: 'amber', g: 'green' };
      // Short capitals such as "RI" stay as typed; words read better in lower case mid-sentence.
      const shout = text.length <= 3 && text === text.toUpperCase();
      return letter[text.toLowerCase()] ?? (text !== '' ? (shout ? text : text.toLowerCase()) : value.value);
    }
    case 'ofsted-legacy':
      return legacyWords[value.grade] ?? String(value.grade);
    case 'ofsted-report-card':
      return reportCardWords[value.grade] ?? value.grade;
    case 'ofsted-safeguarding':
      return value.met ? 'safeguarding met' : 'safeguarding not met';
    case 'date':
      return format(parseISO(value.value), 'd MMM yyyy');
  }
}

/**
 * A raw cell as text, for names and identifiers: numbers lose float noise, booleans read as
 * words, blanks are empty.
 *
 * @example
 * cellText(101234) //=> '101234'
 */
export function cellText(raw: CellValue | undefined): string {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'number') return Number.isInteger(raw) ? String(raw) : String(Number(raw.toPrecision(12)));
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
  return raw.replace(/\s+/g, ' ').trim();
}

/** Names that keep their capital inside a sentence. */
const PROPER = new Set(['Ofsted', 'Year', 'Progress', 'Attainment', 'Key']);

/**
 * An indicator's label inside a sentence: "Attendance" becomes "attendance", but an acronym
 * such as "KS2 RWM" or "SEND" keeps its capitals.
 *
 * @example
 * labelInSentence('Persistent absence') //=> 'persistent absence'
 * labelInSentence('KS2 RWM expected standard') //=> 'KS2 RWM expected standard'
 */
export function labelInSentence(label: string): string {
  const space = label.indexOf(' ');
  const first = space < 0 ? label : label.slice(0, space);
  const keep = (first.length > 1 && first === first.toUpperCase()) || PROPER.has(first);
  return keep ? label : label.charAt(0).toLowerCase() + label.slice(1);
}
