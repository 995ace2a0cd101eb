/**
 * What the meeting commands need beyond the store: the outbox reminders go through, the
 * working-day calendar, the team's framework (its meeting types) and the sending hours.
 */
import { londonDay, type WorkingCalendar } from '../../core/calendar/index.js';
import { builtInFrameworks, type Framework, type MeetingType } from '../../core/frameworks/index.js';
import { findMeetingType } from '../../core/meetings/findMeetingType/index.js';
import type { MeetingTypeWords } from '../../core/meetings/parseMeetingCommand/index.js';
import type { Meeting, SendingHours } from '../../core/meetings/types.js';
import { fail, ok, type Result } from '../../core/result.js';
import type { Router } from '../delivery/route.js';
import type { Outbox } from '../outbox/types.js';
import type { MeetingRow } from './repo.js';

export interface MeetingServices {
  readonly outbox: Outbox;
  readonly calendar: WorkingCalendar;
  /** The team's framework (WAYMARK_FRAMEWORK): meetings must be of its types. */
  readonly framework: Framework;
  readonly sendingHours?: SendingHours;
  /**
   * Where a message to a recipient would go now: the scheduler's router (bot/delivery/route.ts)
   * with the same options, so replies say who can be reached. Without it replies say nothing
   * about routes.
   */
  readonly route?: Router;
  /** The workbook, for "import meetings" (its "Meetings" sheet). */
  readonly workbookFile?: string;
}

/** Today in London for `now`. */
export const todayOf = (now: Date): string => londonDay(now);

const typeLabel = (words: MeetingTypeWords): string =>
  ({ rap: 'RAP review meeting', laig: 'LAIG', 'project-board': 'project board', 'progress-review': 'progress review meeting', 'steering-group': 'steering group' })[words.alias];

/**
 * The meeting type the words name, if the team's framework has it. A type of another
 * framework gets a message that says whose it is and what this team's meetings are.
 */
export function resolveMeetingType(words: MeetingTypeWords, framework: Framework): Result<MeetingType, string> {
  const found = findMeetingType(words.alias, { frameworks: [framework], ...(words.variant ? { variant: words.variant } : {}) });
  if (found.ok) return ok(found.value.meetingType);
  const elsewhere = findMeetingType(words.alias, { frameworks: builtInFrameworks, ...(words.variant ? { variant: words.variant } : {}) });
  const ours = framework.meetings.map((m) => m.name).join('; ') || 'none';
  if (elsewhere.ok) {
    return fail(`A ${typeLabel(words)} is not one of this team's meetings: it comes from the ${elsewhere.value.framework.name}. This team uses the ${framework.name}, whose meetings are: ${ours}.`);
  }
  return fail(`This team's framework (${framework.name}) has no ${typeLabel(words)}; its meetings are: ${ours}.`);
}

/** A stored meeting's type: the team's framework first, then the built-in ones. */
export function meetingTypeOf(row: Pick<MeetingRow, 'frameworkId' | 'typeId'>, framework: Framework): MeetingType | undefined {
  const frameworks = [framework, ...builtInFrameworks];
  return frameworks.find((f) => f.id === row.frameworkId)?.meetings.find((m) => m.id === row.typeId);
}

/** The core's view of a stored meeting. */
export function coreMeeting(row: MeetingRow, type: MeetingType): Meeting {
  return { id: row.id, schoolUrn: row.schoolUrn, schoolName: row.schoolName, type, startsAt: row.startsAt };
}
