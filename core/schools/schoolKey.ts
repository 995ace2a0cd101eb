import { editDistance } from './editDistance.js';

/** Words that do not tell two schools apart: "Oakfield", "Oakfield Primary" and "Oakfield Primary School" are one. */
export const FILLER: ReadonlySet<string> = new Set(['school', 'schools', 'academy', 'primary', 'the', 'and', 'of']);

const PHRASES: readonly [RegExp, string][] = [
  [/\bchurch of england\b/g, 'ce'],
  [/\bc\s*of\s*e\b/g, 'ce'],
  [/\bc\s*e\b/g, 'ce'],
  [/\broman catholic\b/g, 'catholic'],
  [/\brc\b/g, 'catholic'],
  [/\bsaint\b/g, 'st'],
  [/\bst\.\s*/g, 'st '],
  [/&/g, ' and '],
  // Officers' abbreviations.
  [/\bcofe\b/g, 'ce'],
  [/\binf\b/g, 'infant'],
  [/\binfants\b/g, 'infant'],
  [/\b(?:jnr|jun)\b/g, 'junior'],
  [/\bjuniors\b/g, 'junior'],
  [/\b(?:prim|pri)\b/g, 'primary'],
  [/\b(?:sch|schl)\b/g, 'school'],
  [/\bacad\b/g, 'academy'],
  [/\bsec\b/g, 'secondary'],
  [/\bnurs\b/g, 'nursery'],
  [/\bmeth\b/g, 'methodist'],
];

/** The long filler words, whose one-letter typos ("Scool", "Primry") are filler too. */
const LONG_FILLER = ['school', 'schools', 'academy', 'primary'];
const isFillerTypo = (w: string): boolean => w.length >= 5 && LONG_FILLER.some((f) => editDistance(w, f, 1) <= 1);

/**
 * The words of a school's name that identify it, in a form that meets however people type it:
 * case, apostrophes, "C of E" / "Church of England" / "CE", "Saint" / "St", and whether they
 * added "Primary School" or "Academy".
 *
 * @example
 * schoolKey("St Mary's C of E Primary School") //=> 'st marys ce'
 * schoolKey('st marys CE') //=> 'st marys ce'
 */
export function schoolKey(name: string): string {
  let text = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  text = text.replace(/['’‘`]/g, '');
  for (const [re, to] of PHRASES) text = text.replace(re, to);
  return text
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((w) => w !== '' && !FILLER.has(w) && !isFillerTypo(w))
    .join(' ');
}
