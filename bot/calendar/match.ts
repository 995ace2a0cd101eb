/**
 * Which school and which meeting type an Outlook event is for, from its subject alone:
 * "RAP – Oakfield Primary School", "Oakfield Primary School: RAP review meeting",
 * "Project board (initial) - 101234".
 *
 * Stricter than the chat on purpose: nobody is there to answer "which one did you mean?", and
 * the calendar can hold anything anyone typed. The subject must be exactly two parts split by
 * a dash, a colon or a bar. One part must be *exactly* a meeting type (a name or alias the chat
 * knows, or the framework's own meeting name or id; case, spaces and punctuation aside),
 * nothing else in it: "RAP prep", "Not a RAP", "RAP review cancelled" are not a RAP. The other
 * must be exactly one school's full name (case, spaces and punctuation aside) or its URN: a
 * near name or a name several schools share is listed with the reason, never guessed. The
 * meeting type must be this team's and meant for the school's current category.
 */
import type { Framework, MeetingType } from '../../core/frameworks/index.js';
import { findMeetingTypeWords } from '../../core/meetings/parseMeetingCommand/index.js';
import { findSchools, type SchoolIndex } from '../../core/schools/findSchools.js';
import type { SchoolRecord } from '../../core/schools/types.js';
import type { KnownSchool } from '../meetings/lookup.js';
import { resolveMeetingType } from '../meetings/services.js';

export interface EventMatch {
  readonly school: KnownSchool;
  readonly type: MeetingType;
}

/**
 * - `match`: one school and one meeting type, fit to schedule.
 * - `unclear`: a part is exactly a meeting type, but the rest cannot be used (the reason says
 *   why): the event looks like a Waymark meeting, so an officer is told.
 * - `none`: no part is a meeting type: not a Waymark meeting (its subject is never kept).
 */
export type SubjectMatch =
  | ({ readonly kind: 'match' } & EventMatch)
  | { readonly kind: 'unclear'; readonly reason: string }
  | { readonly kind: 'none' };

/** " – ", " - ", " — ", ": ", " | " (a hyphen inside a name, "Church-on-Hill", does not split). */
const SEPARATOR = /\s+[-–—|]\s+|\s*:\s+|\s+[|]\s*/;
/** Outlook's own prefixes on forwarded or updated invitations. */
const PREFIX = /^(?:(?:re|fw|fwd|updated|canceled|cancelled)\s*:\s*)+/i;

/** Case, apostrophes, punctuation and runs of spaces aside; "&" reads as "and". */
const plain = (text: string): string =>
  text
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

type TypeRead = { readonly kind: 'type'; readonly type: MeetingType } | { readonly kind: 'refused'; readonly reason: string } | { readonly kind: 'none' };

/** The meeting type `text` is, as a whole; 'none' when it has anything else in it. */
function readType(text: string, framework: Framework): TypeRead {
  const clean = plain(text);
  if (clean === '') return { kind: 'none' };
  // The team's framework's own names first (an LA's custom meeting, "Autumn visit").
  const own = framework.meetings.find((m) => plain(m.name) === clean || plain(m.id) === clean);
  if (own) return { kind: 'type', type: own };
  const found = findMeetingTypeWords(clean);
  // The whole part, or it is something else that mentions a type ("RAP prep", "not a RAP").
  if (!found || found.index !== 0 || found.length !== clean.length) return { kind: 'none' };
  const type = resolveMeetingType(found.type, framework);
  return type.ok ? { kind: 'type', type: type.value } : { kind: 'refused', reason: type.error };
}

type SchoolRead = { readonly ok: true; readonly school: KnownSchool } | { readonly ok: false; readonly reason: string };

const withUrn = (s: SchoolRecord) => (s.urn === undefined ? s.name : `${s.name} (URN ${s.urn})`);

/** The one school `text` names exactly (full name or URN), or why not. */
function readSchool(text: string, index: SchoolIndex): SchoolRead {
  const said = text.trim();
  let found: readonly SchoolRecord[];
  if (/^\d{6}$/.test(said)) {
    const school = index.byUrn.get(said);
    found = school ? [school] : [];
  } else {
    const wanted = plain(said);
    found = wanted === '' ? [] : index.schools.filter((s) => plain(s.name) === wanted);
  }
  const [one, ...more] = found;
  if (one && more.length === 0) {
    return one.urn === undefined ? { ok: false, reason: `${one.name} has no URN in the workbook` } : { ok: true, school: one as KnownSchool };
  }
  if (one) {
    return { ok: false, reason: `"${said}" matches several schools (${found.slice(0, 4).map(withUrn).join(', ')}); put the school's URN in the subject` };
  }
  // Not exact: say what the chat would have found, but never take it.
  const near = findSchools(said, index);
  if (near.kind === 'one') {
    return { ok: false, reason: `"${said}" is not the full name of a school in the workbook (did you mean ${withUrn(near.school)}?); put the school's full name or URN in the subject` };
  }
  if (near.kind === 'several') {
    return { ok: false, reason: `"${said}" is not the full name of a school and matches several (${near.schools.slice(0, 4).map(withUrn).join(', ')}); put the school's full name or URN in the subject` };
  }
  return { ok: false, reason: `no school called "${said}" in the workbook` };
}

/** Why this type is not for this school's category, or undefined when it is. */
function categoryMismatch(school: KnownSchool, type: MeetingType): string | undefined {
  if (type.forCategories.length === 0) return undefined;
  const code = school.category?.category.code;
  const meant = `a ${type.name} is for category ${type.forCategories.join(' or ')} schools`;
  if (code === undefined) return `${school.name} has no category in the workbook, and ${meant}; it was not scheduled (schedule it in chat if it is right)`;
  if (type.forCategories.includes(code)) return undefined;
  return `${school.name} is category ${code}, and ${meant}; it was not scheduled (schedule it in chat if it is right)`;
}

/**
 * The school and meeting type of an event subject, why it cannot be used, or that it is not
 * a Waymark meeting at all.
 *
 * @example
 * matchEventSubject('RAP – Thornbury Primary School', index, reading) //=> { kind: 'match', school: Thornbury…, type: rap }
 * matchEventSubject('RAP prep – Thornbury Primary School', index, reading) //=> { kind: 'none' }
 * matchEventSubject('RAP – Thornbury', index, reading) //=> { kind: 'unclear', reason: '"Thornbury" is not the full name …' }
 */
export function matchEventSubject(subject: string, index: SchoolIndex, framework: Framework): SubjectMatch {
  const parts = subject.replace(PREFIX, '').split(SEPARATOR).map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length !== 2) return { kind: 'none' };
  const [a, b] = parts as [string, string];
  const readings: EventMatch[] = [];
  const reasons: string[] = [];
  for (const [typeText, schoolText] of [
    [a, b],
    [b, a],
  ] as const) {
    const type = readType(typeText, framework);
    if (type.kind === 'none') continue;
    if (type.kind === 'refused') {
      reasons.push(type.reason);
      continue;
    }
    const school = readSchool(schoolText, index);
    if (!school.ok) {
      reasons.push(school.reason);
      continue;
    }
    const mismatch = categoryMismatch(school.school, type.type);
    if (mismatch) reasons.push(mismatch);
    else readings.push({ school: school.school, type: type.type });
  }
  const [only, ...more] = readings;
  if (only && more.length === 0) return { kind: 'match', ...only };
  if (only) return { kind: 'unclear', reason: 'the subject can be read two ways (each part names a meeting type and a school); put the meeting type first' };
  const [reason] = reasons;
  return reason === undefined ? { kind: 'none' } : { kind: 'unclear', reason: reason.endsWith('.') ? reason.slice(0, -1) : reason };
}
