/** Finding the school and the meeting a command means, or the question to ask when unclear. */
import type { MeetingTypeWords } from '../../core/meetings/parseMeetingCommand/index.js';
import { findSchools } from '../../core/schools/findSchools.js';
import type { SchoolRecord } from '../../core/schools/types.js';
import type { Reply } from '../commands/types.js';
import type { DirectorySnapshot } from '../directory/directory.js';
import type { MeetingRow } from './repo.js';
import { meetingTypeOf, type MeetingServices } from './services.js';
import { schoolWords, shortStart } from './words.js';

/** A school with a URN: the only kind meetings can be for. */
export type KnownSchool = SchoolRecord & { readonly urn: string };

export type SchoolLookup = { readonly ok: true; readonly school: KnownSchool } | { readonly ok: false; readonly reply: Reply };

/**
 * The school `query` names. Several → "which one?" with the command again for each URN (as
 * quick replies); none → the closest names.
 *
 * @param retry the command with `{school}` where the school goes, for the quick replies.
 */
export function lookupSchool(query: string, directory: DirectorySnapshot, retry: string): SchoolLookup {
  if (!directory.loadedAt) return { ok: false, reply: { text: 'The categorisation workbook has not been read yet, so I cannot find schools; try again in a moment.' } };
  const match = findSchools(query, directory.index);
  switch (match.kind) {
    case 'one':
      if (match.school.urn === undefined) {
        return { ok: false, reply: { text: `${match.school.name} has no URN in the workbook; add it there first.` } };
      }
      return { ok: true, school: match.school as KnownSchool };
    case 'several': {
      const withUrn = match.schools.filter((s): s is KnownSchool => s.urn !== undefined);
      return {
        ok: false,
        reply: {
          text: [`Which school do you mean by "${query}"?`, ...withUrn.map((s) => `- ${s.name} (URN ${s.urn})`), 'Say it again with the URN.'].join('\n'),
          suggestions: withUrn.slice(0, 6).map((s) => retry.replace('{school}', s.urn)),
        },
      };
    }
    case 'none': {
      const closest = match.closest.filter((s) => s.urn !== undefined);
      return {
        ok: false,
        reply: {
          text: closest.length > 0
            ? [`I couldn't find a school called "${query}". Did you mean:`, ...closest.map((s) => `- ${s.name} (URN ${s.urn})`)].join('\n')
            : `I couldn't find a school called "${query}" in the workbook.`,
          suggestions: closest.slice(0, 6).map((s) => retry.replace('{school}', s.urn ?? s.name)),
        },
      };
    }
  }
}

/** Whether a stored meeting is of the type the words name (a project board without "initial"/"subsequent" is either). */
export function meetingIsOfType(row: MeetingRow, words: MeetingTypeWords | undefined, services: MeetingServices): boolean {
  if (words === undefined) return true;
  const type = meetingTypeOf(row, services.framework);
  if (!type) return false;
  switch (words.alias) {
    case 'project-board':
      return words.variant ? type.id === `project-board-${words.variant}` : type.id.startsWith('project-board');
    default:
      return type.id === words.alias;
  }
}

export type MeetingChoice = { readonly ok: true; readonly row: MeetingRow } | { readonly ok: false; readonly reply: Reply };

/**
 * The one meeting meant among `rows` (a school's scheduled meetings): by type and day when
 * given. None or several → the reply that says so or asks which.
 *
 * @param example how to say it with a day, e.g. "move Oakfield's RAP from {day} to 16 Dec".
 */
export function chooseMeeting(
  rows: readonly MeetingRow[],
  criteria: { type?: MeetingTypeWords; day?: string; school: KnownSchool; example: string },
  services: MeetingServices,
): MeetingChoice {
  const { school } = criteria;
  const matching = rows.filter((r) => meetingIsOfType(r, criteria.type, services) && (criteria.day === undefined || r.startsAt.startsWith(criteria.day)));
  const [only, ...others] = matching;
  if (only && others.length === 0) return { ok: true, row: only };
  const nameOf = (r: MeetingRow) => meetingTypeOf(r, services.framework)?.name ?? r.typeId;
  if (!only) {
    const what = criteria.type ? 'meeting of that type' : 'meeting';
    const on = criteria.day ? ' on that day' : '';
    const others2 = rows.length > 0 ? ` Its scheduled meetings: ${rows.map((r) => `${nameOf(r)} on ${shortStart(r.startsAt)}`).join('; ')}.` : '';
    return { ok: false, reply: { text: `${schoolWords({ schoolName: school.name, schoolUrn: school.urn })} has no upcoming ${what} scheduled${on}.${others2}` } };
  }
  return {
    ok: false,
    reply: {
      text: [
        `${school.name} has ${matching.length} such meetings scheduled:`,
        ...matching.map((r) => `- ${nameOf(r)}, ${shortStart(r.startsAt)}`),
        'Which one? Say its day, for example:',
        `*${criteria.example.replace('{day}', shortStart(only.startsAt).split(' ').slice(1, 3).join(' '))}*`,
      ].join('\n'),
    },
  };
}
