/**
 * "move Oakfield's RAP to 16 Dec" (officers): re-plans the meeting's pending reminders for the
 * new start (sent ones stay sent), and tells the head now. A time alone keeps the day; a day
 * alone keeps the time.
 */
import { meetingCommandKind } from '../../core/meetings/parseMeetingCommand/index.js';
import { moveMeeting } from '../meetings/actions.js';
import { auditMeetingCommand, beginOfficerCommand, todayIn, OFFICER_COMMAND } from '../meetings/command-kit.js';
import { chooseMeeting, lookupSchool } from '../meetings/lookup.js';
import { duplicateReply, movedReply } from '../meetings/replies.js';
import { upcomingMeetings } from '../meetings/repo.js';
import { meetingTypeOf } from '../meetings/services.js';
import { longStart } from '../meetings/words.js';
import type { Command, CommandContext, CommandInput, Reply } from './types.js';

const NAME = 'move-meeting';

async function handle(input: CommandInput, ctx: CommandContext): Promise<Reply> {
  const begun = await beginOfficerCommand(input, ctx, NAME, 'move');
  if (!begun.ok) return begun.reply;
  const { services, deps, command } = begun;
  const { school: schoolText, type: words, fromDay, day, time } = command;

  const found = lookupSchool(schoolText, ctx.directory.current(), input.text.replace(schoolText, '{school}'));
  if (!found.ok) return found.reply;
  const school = found.school;
  const rows = await upcomingMeetings(deps.db, [school.urn], todayIn(ctx));
  const chosen = chooseMeeting(
    rows,
    { ...(words ? { type: words } : {}), ...(fromDay ? { day: fromDay } : {}), school, example: input.text.replace(/\s+(to|until|till)\s+/i, ' from {day} $1 ') },
    services,
  );
  if (!chosen.ok) return chosen.reply;
  const row = chosen.row;
  const type = meetingTypeOf(row, services.framework);
  if (!type) return { text: `I no longer know the meeting type "${row.typeId}" of that meeting, so I can't re-plan it.` };

  const [oldDay = '', oldTime] = row.startsAt.split('T');
  const newTime = time ?? oldTime;
  const startsAt = `${day ?? oldDay}${newTime ? `T${newTime}` : ''}`;
  const result = await moveMeeting(deps, { row, type, startsAt, people: school });
  await auditMeetingCommand(ctx, input, NAME, result.status === 'moved' ? 'allowed' : 'refused', school.urn);
  switch (result.status) {
    case 'moved':
      return movedReply(result);
    case 'unchanged':
      return { text: `The ${type.name} for ${school.name} is already on ${longStart(startsAt)}: nothing to change.` };
    case 'duplicate':
      return duplicateReply(school, type.name, startsAt);
    case 'refused':
      return { text: `I can't move it: ${result.reason}.` };
  }
}

export const moveMeetingCommand: Command = {
  name: NAME,
  matches: (text) => meetingCommandKind(text) === 'move',
  access: OFFICER_COMMAND,
  handle,
};
