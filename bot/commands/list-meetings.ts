/** "meetings this week", "meetings next week", "meetings for Oakfield" (officers). */
import { meetingCommandKind } from '../../core/meetings/parseMeetingCommand/index.js';
import { auditMeetingCommand, beginOfficerCommand, OFFICER_COMMAND } from '../meetings/command-kit.js';
import { lookupSchool } from '../meetings/lookup.js';
import { meetingLine } from '../meetings/replies.js';
import { evidenceAsked } from '../meetings/reach.js';
import { evidenceFor, meetingsBetween } from '../meetings/repo.js';
import { coreMeeting, meetingTypeOf } from '../meetings/services.js';
import { shortDay } from '../meetings/words.js';
import type { Command, CommandContext, CommandInput, Reply } from './types.js';

const NAME = 'list-meetings';

async function handle(input: CommandInput, ctx: CommandContext): Promise<Reply> {
  const begun = await beginOfficerCommand(input, ctx, NAME, 'list');
  if (!begun.ok) return begun.reply;
  const { services, deps, command } = begun;
  const { range, school: schoolText } = command;

  let urn: string | undefined;
  if (schoolText) {
    const found = lookupSchool(schoolText, ctx.directory.current(), `meetings for {school}`);
    if (!found.ok) return found.reply;
    urn = found.school.urn;
  }
  const rows = await meetingsBetween(deps.db, range.from, range.to, urn);
  await auditMeetingCommand(ctx, input, NAME, 'allowed', urn);
  const span = range.from === range.to ? shortDay(range.from) : `${shortDay(range.from)} to ${shortDay(range.to)}`;
  if (rows.length === 0) return { text: `No meetings scheduled ${range.label === 'today' || range.label === 'tomorrow' ? range.label : `in ${range.label}`} (${span}).` };
  const lines: string[] = [];
  for (const row of rows) {
    const type = meetingTypeOf(row, services.framework);
    if (!type) continue;
    const evidence = (await evidenceFor(deps.db, row.id)).length > 0;
    const asked = evidence ? undefined : await evidenceAsked(services.route, await services.outbox.forMeeting(row.id), row);
    lines.push(`- ${meetingLine(coreMeeting(row, type), evidence ? true : asked?.asked === false ? 'unreached' : false)}`);
  }
  return { text: [`**Meetings, ${range.label}** (${span}):`, ...lines].join('\n') };
}

export const listMeetingsCommand: Command = {
  name: NAME,
  matches: (text) => meetingCommandKind(text) === 'list',
  access: OFFICER_COMMAND,
  handle,
};
