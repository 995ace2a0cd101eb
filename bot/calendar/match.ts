/**
 * Which school and which meeting type an Outlook event is for, from its subject alone:
 * "RAP – Oakfield Primary", "Oakfield Primary: LAIG", "Project board (initial) - 101234".
 * The subject must be exactly two parts, a meeting type and a school, split by a dash, a colon
 * or a bar. The school is found as the chat finds it (core/schools findSchools), the type as
 * the chat reads it (the same words, then the team's framework's own meeting names). Anything
 * unclear (no separator, a school matching several, an unknown type, two readings) is a
 * reason, never a guess.
 */
import type { Framework, MeetingType } from '../../core/frameworks/index.js';
import { parseMeetingTypeWords } from '../../core/meetings/parseMeetingCommand/index.js';
import { fail, ok, type Result } from '../../core/result.js';
import { findSchools, type SchoolIndex } from '../../core/schools/findSchools.js';
import type { KnownSchool } from '../meetings/lookup.js';
import { resolveMeetingType } from '../meetings/services.js';

export interface EventMatch {
  readonly school: KnownSchool;
  readonly type: MeetingType;
}

/** " – ", " - ", " — ", ": ", " | " (a hyphen inside a name, "Church-on-Hill", does not split). */
const SEPARATOR = /\s+[-–—|]\s+|\s*:\s+|\s+[|]\s*/;
/** Outlook's own prefixes on forwarded or updated invitations. */
const PREFIX = /^(?:(?:re|fw|fwd|updated|canceled|cancelled)\s*:\s*)+/i;

type TypeRead = { readonly kind: 'type'; readonly type: MeetingType } | { readonly kind: 'refused'; readonly reason: string } | { readonly kind: 'none' };

function readType(text: string, framework: Framework): TypeRead {
  const clean = text.trim().toLowerCase();
  // The team's framework's own names first (an LA's custom meeting, "Autumn visit").
  const own = framework.meetings.find((m) => m.name.toLowerCase() === clean || m.id.toLowerCase() === clean);
  if (own) return { kind: 'type', type: own };
  const words = parseMeetingTypeWords(text);
  if (!words) return { kind: 'none' };
  const type = resolveMeetingType(words, framework);
  return type.ok ? { kind: 'type', type: type.value } : { kind: 'refused', reason: type.error };
}

type SchoolRead = { readonly ok: true; readonly school: KnownSchool } | { readonly ok: false; readonly reason: string };

function readSchool(text: string, index: SchoolIndex): SchoolRead {
  const match = findSchools(text, index);
  switch (match.kind) {
    case 'one':
      return match.school.urn === undefined
        ? { ok: false, reason: `${match.school.name} has no URN in the workbook` }
        : { ok: true, school: match.school as KnownSchool };
    case 'several':
      return { ok: false, reason: `"${text.trim()}" matches several schools (${match.schools.slice(0, 4).map((s) => s.name).join(', ')}); put the school's full name or URN in the subject` };
    case 'none':
      return { ok: false, reason: `no school called "${text.trim()}" in the workbook` };
  }
}

const HOW = 'name the meeting type and the school, e.g. "RAP – Oakfield Primary School"';

/**
 * The school and meeting type of an event subject, or why not.
 *
 * @example
 * matchEventSubject('RAP – Oakfield Primary', index, reading) //=> { ok: true, value: { school: Oakfield…, type: rap } }
 * matchEventSubject('Team lunch', index, reading).error       //=> 'the subject does not name a meeting type and a school …'
 */
export function matchEventSubject(subject: string, index: SchoolIndex, framework: Framework): Result<EventMatch, string> {
  const parts = subject.replace(PREFIX, '').split(SEPARATOR).map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length !== 2) return fail(`the subject does not name a meeting type and a school: ${HOW}`);
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
    if (school.ok) readings.push({ school: school.school, type: type.type });
    else reasons.push(school.reason);
  }
  const [only, ...more] = readings;
  if (only && more.length === 0) return ok(only);
  if (only) return fail('the subject can be read two ways (each part names a meeting type and a school); put the meeting type first');
  return fail(reasons[0] ?? `no meeting type in the subject: ${HOW}`);
}
