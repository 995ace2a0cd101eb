import { editDistance } from './editDistance.js';
import { FILLER, schoolKey } from './schoolKey.js';
import type { SchoolRecord } from './types.js';

export interface SchoolIndex {
  readonly schools: readonly SchoolRecord[];
  readonly entries: readonly { readonly school: SchoolRecord; readonly key: string; readonly words: readonly string[] }[];
  /** Schools by URN (the first row wins when a URN repeats). */
  readonly byUrn: ReadonlyMap<string, SchoolRecord>;
  /** Every distinct word of every key: typo matching compares a typed word with each once. */
  readonly vocabulary: readonly string[];
}

export type SchoolMatch =
  | { readonly kind: 'one'; readonly school: SchoolRecord }
  | { readonly kind: 'several'; readonly schools: readonly SchoolRecord[] }
  | { readonly kind: 'none'; readonly closest: readonly SchoolRecord[] };

/** How many schools a "which one did you mean?" list shows. */
const MAX_CHOICES = 8;

/**
 * Prepares schools for {@link findSchools}: names are keyed once, not on every question.
 *
 * @example
 * const index = makeSchoolIndex(directory.schools);
 */
export function makeSchoolIndex(schools: readonly SchoolRecord[]): SchoolIndex {
  const entries = schools.map((school) => {
    const key = schoolKey(school.name);
    return { school, key, words: key.split(' ').filter(Boolean) };
  });
  const byUrn = new Map<string, SchoolRecord>();
  for (const school of schools) if (school.urn !== undefined && !byUrn.has(school.urn)) byUrn.set(school.urn, school);
  return { schools, entries, byUrn, vocabulary: [...new Set(entries.flatMap((e) => e.words))] };
}

/** Typos allowed in a word of this length: none in short words, where one letter is a different name. */
const slack = (word: string): number => (word.length <= 3 ? 0 : word.length <= 5 ? 1 : 2);

/**
 * Finds the school a person means: by URN, by name however typed (case, apostrophes, "C of E",
 * with or without "Primary School"), by part of a name, or despite a typo of up to two edits.
 * Several candidates come back as a list to choose from; none, with the closest names.
 *
 * @example
 * findSchools('st marys', index)  //=> { kind: 'several', schools: [St Mary's CE Primary (101235), …] }
 * findSchools('Oakfeild', index)  //=> { kind: 'one', school: Oakfield Primary School }
 * findSchools('101234', index)    //=> { kind: 'one', school: … }
 */
export function findSchools(query: string, index: SchoolIndex): SchoolMatch {
  const trimmed = query.trim();
  if (/^\d{6}$/.test(trimmed)) {
    const school = index.byUrn.get(trimmed);
    return school ? { kind: 'one', school } : { kind: 'none', closest: [] };
  }
  const key = schoolKey(trimmed);
  if (key === '') return { kind: 'none', closest: [] };
  const words = key.split(' ');
  // "Oakfield's category": the possessive may or may not belong to the name (St Mary's does).
  const keys = /[’']s$/i.test(trimmed) ? [key, schoolKey(trimmed.replace(/[’']s$/i, ''))] : [key];

  for (const k of keys) {
    const ws = k.split(' ');
    const containing = index.entries.filter((e) => ws.every((w) => e.words.includes(w)));
    if (containing.length === 0) continue;
    // Exact names first; then, if the person typed "Primary" or "Academy", let it decide.
    containing.sort((a, b) => Number(b.key === k) - Number(a.key === k));
    return pickOne(narrowByType(containing.map((e) => e.school), trimmed));
  }

  // Each typed word must be near some word of the name; the school's score is the total distance.
  // Distances are worked out once per distinct word, not once per school.
  const near = words.map((w) => {
    const found = new Map<string, number>();
    for (const n of index.vocabulary) {
      const d = editDistance(w, n, slack(w));
      if (d <= slack(w)) found.set(n, d);
    }
    return found;
  });
  const scored: { school: SchoolRecord; score: number }[] = [];
  if (near.every((m) => m.size > 0)) {
    for (const e of index.entries) {
      let total = 0;
      let ok = true;
      for (const m of near) {
        let best = Number.POSITIVE_INFINITY;
        for (const n of e.words) {
          const d = m.get(n);
          if (d !== undefined && d < best) best = d;
        }
        if (best === Number.POSITIVE_INFINITY) {
          ok = false;
          break;
        }
        total += best;
      }
      if (ok) scored.push({ school: e.school, score: total });
    }
  }
  if (scored.length > 0) {
    const best = Math.min(...scored.map((s) => s.score));
    return pickOne(narrowByType(scored.filter((s) => s.score === best).map((s) => s.school), trimmed));
  }
  return { kind: 'none', closest: closest(words, index) };
}

/**
 * When several schools share the distinctive words, the type the person typed ("Academy",
 * "Primary School") decides, if it leaves exactly one.
 */
function narrowByType(found: readonly SchoolRecord[], typedText: string): readonly SchoolRecord[] {
  if (found.length < 2) return found;
  const typed = fillerWords(typedText);
  if (typed.length === 0) return found;
  const narrowed = found.filter((s) => typed.every((w) => fillerWords(s.name).includes(w)));
  return narrowed.length === 1 ? narrowed : found;
}

/** The school-type words in a name ("primary", "academy"…), which the key leaves out. */
function fillerWords(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => FILLER.has(w) && w !== 'the' && w !== 'and' && w !== 'of');
}

function pickOne(found: readonly SchoolRecord[]): SchoolMatch {
  if (found.length === 1 && found[0]) return { kind: 'one', school: found[0] };
  return { kind: 'several', schools: found.slice(0, MAX_CHOICES) };
}

/**
 * The names nearest to what was typed, word by word: each typed word counts the edits to its
 * nearest word in the name, and a name is offered when the total is at most half the letters
 * typed. Distances are worked out once per distinct word, so this stays fast for thousands of
 * schools.
 */
function closest(words: readonly string[], index: SchoolIndex): SchoolRecord[] {
  const near = closestWithin(words, index, Math.max(2, Math.floor(words.join('').length / 2)));
  if (near.length >= 3) return near;
  // Fewer than three near names: fill up to three with the next nearest, as long as they
  // are still nearer than random (at most 70% of the letters typed need changing).
  const wider = closestWithin(words, index, Math.max(2, Math.floor(words.join('').length * 0.7)));
  return [...near, ...wider.filter((s) => !near.includes(s))].slice(0, 3);
}

function closestWithin(words: readonly string[], index: SchoolIndex, limit: number): SchoolRecord[] {
  const distances = words.map((w) => {
    const m = new Map<string, number>();
    for (const n of index.vocabulary) m.set(n, editDistance(w, n, limit));
    return m;
  });
  const scored: { school: SchoolRecord; total: number; extra: number; row: number }[] = [];
  index.entries.forEach((e, row) => {
    let total = 0;
    for (const m of distances) {
      let best = limit + 1;
      for (const n of e.words) best = Math.min(best, m.get(n) ?? limit + 1);
      total += best;
      if (total > limit) return;
    }
    scored.push({ school: e.school, total, extra: Math.abs(e.words.length - words.length), row });
  });
  return scored
    .sort((a, b) => a.total - b.total || a.extra - b.extra || a.row - b.row)
    .slice(0, 3)
    .map((x) => x.school);
}
