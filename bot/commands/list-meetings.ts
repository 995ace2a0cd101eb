/** "meetings this week", "meetings next week", "meetings for Oakfield" (officers). */
import { meetingCommandKind } from '../../core/meetings/parseMeetingCommand/index.js';
import { auditMeetingCommand, officerServices, parseIn, sentence } from '../meetings/command-kit.js';
import { lookupSchool } from '../meetings/lookup.js';
import { meetingLine } from '../meetings/replies.js';
import { evidenceFor, meetingsBetween } from '../meetings/repo.js';
import { coreMeeting, meetingTypeOf } from '../meetings/services.js';
import { shortDay } from '../meetings/words.js';
import type { Command, CommandContext, CommandInput, Reply } from './types.js';

const NAME = 'list-meetings';

async function handle(input: CommandInput, ctx: CommandContext): Promise<Reply> {
  const access = officerServices(ctx);
  if (!access.ok) {
    await auditMeetingCommand(ctx, input, NAME, 'refused');
    return access.reply;
  }
  const { services, deps } = access;
  const parsed = parseIn(input, ctx);
  if (!parsed || (parsed.ok && parsed.command.kind !== 'list')) throw new Error('list-meetings: not a list command');
  if (!parsed.ok) return { text: sentence(parsed.error) };
  if (parsed.command.kind !== 'list') throw new Error('unreachable');
  const { range, school: schoolText } = parsed.command;

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
    lines.push(`- ${meetingLine(coreMeeting(row, type), evidence)}`);
  }
  return { text: [`**Meetings, ${range.label}** (${span}):`, ...lines].join('\n') };
}

export const listMeetingsCommand: Command = {
  name: NAME,
  matches: (text) => meetingCommandKind(text) === 'list',
  handle,
};
