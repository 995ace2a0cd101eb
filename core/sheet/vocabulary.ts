import { normaliseHeader } from './normaliseHeader.js';

/**
 * The words of a column heading, reduced to what identifies a field: phrases and their
 * abbreviations meet ("Persistent absence" and "PA" are both `pa`), plurals are singular,
 * and qualifiers that say how a value is given ("judgement", "rating", "grade", "%",
 * "latest", a term or a year) are set aside, so "Ofsted judgement (latest)" and "Ofsted"
 * are the same field. Both headings and indicator names go through the same function, so a
 * framework's own labels and aliases feed matching without a list per framework.
 */

/** Phrases written out in full, each read as the one short word teams also use for it. */
const PHRASES: readonly (readonly [RegExp, string])[] = [
  [/\bpersistent(?:ly)? absen(?:ce|t|tee|tees|ces)\b/g, ' pa '],
  [/\bfixed (?:term|period) exclusions?\b/g, ' suspension '],
  [/\bkey stage (\d)\b/g, ' ks$1 '],
  [/\bks (\d)\b/g, ' ks$1 '],
  [/\bprogress 8\b/g, ' p8 '],
  [/\battainment 8\b/g, ' a8 '],
  [/\breading writing (?:and )?(?:maths|mathematics)\b/g, ' rwm '],
  [/\br w m\b/g, ' rwm '],
  [/\bgood level of development\b/g, ' gld '],
  [/\bself evaluation(?: form)?\b/g, ' sef '],
  [/\bself assessment\b/g, ' sef '],
  [/\bwarning notices?\b/g, ' wn '],
  [/\bunique reference number\b/g, ' urn '],
  [/\bdfe (?:no|number|num|ref|reference)\b/g, ' dfeno '],
  [/\bla ?estab\b/g, ' dfeno '],
  [/\bestab(?:lishment)? (?:no|number)\b/g, ' dfeno '],
  [/\bhead ?teachers?\b/g, ' head '],
  [/\bhead of school\b/g, ' head '],
  [/\be ?mail(?: address)?\b/g, ' email '],
  [/\blocal authority\b/g, ' la '],
  [/\bleadership and management\b/g, ' leadership '],
  [/\bl and m\b/g, ' leadership '],
  [/\bquality of education\b/g, ' qoe '],
  [/\bteaching (?:and|learning) (?:and )?(?:learning|assessment)\b/g, ' qoe '],
  [/\bspecial educational needs(?: and disabilit(?:y|ies))?\b/g, ' send '],
  [/\bsingle central record\b/g, ' scr '],
  [/\bpermanent(?:ly)? exclu(?:sions?|ded)\b/g, ' pex '],
  [/\bperm ex(?:clusions?)?\b/g, ' pex '],
  [/\bschool improvement (?:adviser|advisor|officer|partner|lead)\b/g, ' adviser '],
  [/\bschool partnership adviser\b/g, ' adviser '],
  [/\bphonics screening(?: check)?\b/g, ' phonics '],
  [/\bdirection of travel\b/g, ' trend '],
  [/\bas at\b/g, ' asat '],
  [/\blast updated\b/g, ' updated '],
  [/\bdate updated\b/g, ' updated '],
  [/\bnumber on roll\b/g, ' nor '],
  [/\bfree school meals?\b/g, ' fsm '],
  [/\bchair of (?:governors|the governing body)\b/g, ' chair '],
  [/\bnext steps?\b/g, ' notes '],
  [/\blevel of support\b/g, ' support '],
  [/\bsupport offered\b/g, ' support '],
  [/\bin post\b/g, ' '],
];

/** A word each phrase needs, so that a heading without it skips the phrase (sheets have thousands of cells). */
const TRIGGERS: readonly string[] = PHRASES.map(([re]) => /[a-z]{2,}/.exec(re.source.replace(/\\b/g, ' '))?.[0] ?? '');

/** Single words and abbreviations, each read as the field word teams mean by it. */
const WORDS: ReadonlyMap<string, string> = new Map([
  ['ht', 'head'],
  ['hts', 'head'],
  ['principal', 'head'],
  ['headship', 'head'],
  ['fte', 'suspension'],
  ['ftes', 'suspension'],
  ['fpe', 'suspension'],
  ['fpes', 'suspension'],
  ['suspended', 'suspension'],
  // "Exclusions (permanent)": the word alone still says permanent, in any order.
  ['permanent', 'pex'],
  ['permanently', 'pex'],
  ['perm', 'pex'],
  ['spa', 'adviser'],
  ['cpp', 'adviser'],
  ['sia', 'adviser'],
  ['sip', 'adviser'],
  ['advisor', 'adviser'],
  ['officer', 'adviser'],
  ['officers', 'adviser'],
  ['advisers', 'adviser'],
  ['advisors', 'adviser'],
  ['lado', 'safeguarding'],
  ['safeguard', 'safeguarding'],
  ['behavior', 'behaviour'],
  ['governors', 'governance'],
  ['governor', 'governance'],
  ['governing', 'governance'],
  ['gb', 'governance'],
  ['lgb', 'governance'],
  ['financial', 'finance'],
  ['finances', 'finance'],
  ['budget', 'finance'],
  ['sen', 'send'],
  ['categorisation', 'category'],
  ['categorization', 'category'],
  ['cat', 'category'],
  ['categories', 'category'],
  ['maths', 'maths'],
  ['mathematics', 'maths'],
  ['year1', 'y1'],
  ['yr1', 'y1'],
  ['inspection', 'inspection'],
  ['laestab', 'dfeno'],
  ['estab', 'dfeno'],
  ['telephone', 'phone'],
  ['tel', 'phone'],
  ['mobile', 'phone'],
  ['comment', 'notes'],
  ['comments', 'notes'],
  ['note', 'notes'],
  ['remarks', 'notes'],
  ['actions', 'notes'],
  ['action', 'notes'],
  ['commentary', 'notes'],
  ['narrative', 'notes'],
  ['postcode', 'address'],
  ['ward', 'address'],
  ['siams', 'siams'],
  ['hmi', 'hmi'],
  ['ofsted', 'ofsted'],
  ['progress', 'progress'],
  ['status', 'status'],
  ['analysis', 'analysis'],
  ['previous', 'previous'],
  ['prior', 'previous'],
]);

/**
 * Words that say how or when a value is given, not which field it is. They are set aside
 * for matching; a heading made only of them ("RAG", "Rating") names no field.
 */
const QUALIFIERS: ReadonlySet<string> = new Set([
  'judgement', 'judgment', 'judgements', 'rating', 'ratings', 'rated', 'grade', 'grades', 'graded',
  'outcome', 'outcomes', 'result', 'results', 'score', 'scores', 'level', 'levels', 'band', 'rag',
  'latest', 'last', 'current', 'recent', 'most', 'whole', 'actual', 'this',
  'year', 'yr', 'ytd', 'to', 'term', 'autumn', 'spring', 'summer', 'aut', 'spr', 'sum',
  'provisional', 'validated', 'unvalidated', 'figure', 'figures', 'value',
  'rate', 'percentage', 'percent', 'pct', 'per', 'cent', '100', 'no', 'number', 'num', 'count',
  'of', 'the', 'a', 'an', 'in', 'for', 'at', 'on', 'and', 'or', 'by', 'with', 'is', 'are',
  'pupil', 'pupils', 'children', 'student', 'students', 'learner', 'learners', 'y', 'n', 'yes',
  'flag', 'agreed', 'la', 'lea', 'confirmed', 'check', 'checked', 'if', 'any', 'issued', 'ever',
]);

/** Plural and verb endings a field word may carry: "exclusions", "complaints", "absences". */
function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** What the vocabulary makes of a heading: its field words and what it says about units. */
export interface HeadingWords {
  /** Field words, singular, in canonical form, sorted and without repeats. */
  readonly words: readonly string[];
  /** The heading says its values are percentages ("%", "percent", "rate of"). */
  readonly percent: boolean;
  /** The heading asks a yes/no question ("New head?", "(Y/N)"). */
  readonly question: boolean;
  /** The heading's own years, e.g. 2025 for "Category 2025/26", latest first. */
  readonly years: readonly number[];
}

/**
 * The field words of a heading, for matching it with an indicator's names.
 *
 * @example
 * headingWords('PA % (Autumn 2025)').words //=> ['pa']
 * headingWords('Persistent absentees').words //=> ['pa']
 * headingWords('Ofsted judgement').words //=> ['ofsted']
 * headingWords('New HT?') //=> { words: ['head', 'new'], question: true, … }
 */
export function headingWords(text: string): HeadingWords {
  const percent = /%|\bper ?cent|\bpct\b|\bpercentage\b/i.test(text);
  const question = /\?|\(\s*y\s*\/\s*n\s*\)|\by\/n\b|\byes\s*\/\s*no\b/i.test(text);
  const years = [...text.matchAll(/\b(?:19|20)(\d{2})\b/g)].map((m) => 2000 + Number(m[1]) - (m[0].startsWith('19') ? 100 : 0));
  let s = ` ${normaliseHeader(text)} `;
  PHRASES.forEach(([re, to], i) => {
    if (s.includes(TRIGGERS[i] ?? '')) s = s.replace(re, to);
  });
  const words = new Set<string>();
  for (const raw of s.split(' ')) {
    if (raw === '') continue;
    const mapped = WORDS.get(raw) ?? WORDS.get(stem(raw)) ?? stem(raw);
    if (QUALIFIERS.has(mapped) || QUALIFIERS.has(raw)) continue;
    words.add(mapped);
  }
  return { words: [...words].sort(), percent, question, years: years.sort((a, b) => b - a) };
}
