/** "cancel Oakfield's RAP" (officers): stops the meeting's pending reminders and tells the head. */
import { meetingCommandKind } from '../../core/meetings/parseMeetingCommand/index.js';
import { cancelScheduledMeeting } from '../meetings/actions.js';
import { auditMeetingCommand, beginOfficerCommand, todayIn, OFFICER_COMMAND } from '../meetings/command-kit.js';
import { chooseMeeting, lookupSchool } from '../meetings/lookup.js';
import { cancelledReply } from '../meetings/replies.js';
import { upcomingMeetings } from '../meetings/repo.js';
import { meetingTypeOf } from '../meetings/services.js';
import type { Command, CommandContext, CommandInput, Reply } from './types.js';

const NAME = 'cancel-meeting';

async function handle(input: CommandInput, ctx: CommandContext): Promise<Reply> {
  const begun = await beginOfficerCommand(input, ctx, NAME, 'cancel');
  if (!begun.ok) return begun.reply;
  const { services, deps, command } = begun;
  const { school: schoolText, type: words, day } = command;

  const found = lookupSchool(schoolText, ctx.directory.current(), input.text.replace(schoolText, '{school}'));
  if (!found.ok) return found.reply;
  const school = found.school;
  const rows = await upcomingMeetings(deps.db, [school.urn], todayIn(ctx));
  const chosen = chooseMeeting(
    rows,
    { ...(words ? { type: words } : {}), ...(day ? { day } : {}), school, example: `${input.text} on {day}` },
    services,
  );
  if (!chosen.ok) return chosen.reply;
  const row = chosen.row;
  const type = meetingTypeOf(row, services.framework);
  if (!type) return { text: `I no longer know the meeting type "${row.typeId}" of that meeting, so I can't cancel its reminders.` };
  const result = await cancelScheduledMeeting(deps, { row, type, people: school });
  await auditMeetingCommand(ctx, input, NAME, result.status === 'cancelled' ? 'allowed' : 'refused', school.urn);
  return result.status === 'cancelled' ? cancelledReply(result) : { text: `I can't cancel it: ${result.reason}.` };
}

export const cancelMeetingCommand: Command = {
  name: NAME,
  matches: (text) => meetingCommandKind(text) === 'cancel',
  access: OFFICER_COMMAND,
  handle,
};
