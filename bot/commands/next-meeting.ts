/** "next meeting for Oakfield", "Oakfield's next RAP", "next meeting" (officers). */
import { londonDateTime } from '../../core/calendar/index.js';
import { meetingCommandKind } from '../../core/meetings/parseMeetingCommand/index.js';
import { auditMeetingCommand, beginOfficerCommand, todayIn, OFFICER_COMMAND } from '../meetings/command-kit.js';
import { lookupSchool, meetingIsOfType } from '../meetings/lookup.js';
import { evidenceAsked, reachOf, unreachableRecipients } from '../meetings/reach.js';
import { meetingLine } from '../meetings/replies.js';
import { evidenceFor, meetingsBetween, planInForce, upcomingMeetings } from '../meetings/repo.js';
import { coreMeeting, meetingTypeOf } from '../meetings/services.js';
import { planLines } from '../meetings/words.js';
import type { Command, CommandContext, CommandInput, Reply } from './types.js';

const NAME = 'next-meeting';

async function handle(input: CommandInput, ctx: CommandContext): Promise<Reply> {
  const begun = await beginOfficerCommand(input, ctx, NAME, 'next');
  if (!begun.ok) return begun.reply;
  const { services, deps, command } = begun;
  const { school: schoolText, type: words } = command;
  const today = todayIn(ctx);
  let urn: string | undefined;
  let name = 'any school';
  if (schoolText) {
    const found = lookupSchool(schoolText, ctx.directory.current(), 'next meeting for {school}');
    if (!found.ok) return found.reply;
    urn = found.school.urn;
    name = found.school.name;
  }
  const rows = (urn ? await upcomingMeetings(deps.db, [urn], today) : await meetingsBetween(deps.db, today, '9999-12-31')).filter((r) =>
    meetingIsOfType(r, words, services),
  );
  // A meeting earlier today that has already started is not "next".
  const now = ctx.now();
  const next = rows.find((r) => {
    const [day = '', time] = r.startsAt.split('T');
    return time === undefined ? day >= today : londonDateTime(day, time).getTime() > now.getTime();
  });
  await auditMeetingCommand(ctx, input, NAME, next ? 'allowed' : 'not-found', urn);
  if (!next) return { text: `No upcoming ${words ? 'meeting of that type' : 'meeting'} is scheduled for ${name}.` };
  const type = meetingTypeOf(next, services.framework);
  if (!type) return { text: 'That meeting is of a type I no longer know.' };
  const meeting = coreMeeting(next, type);
  const evidence = (await evidenceFor(deps.db, next.id)).length > 0;
  const plan = (await planInForce(deps.db, next.id)).filter((s) => new Date(s.sendAt).getTime() >= now.getTime() && s.meetingStartsAt === next.startsAt);
  // Steps to someone with no route now are marked, and evidence is "awaited" only if asked for.
  const sends = await services.outbox.forMeeting(next.id);
  const asked = evidence ? undefined : await evidenceAsked(services.route, sends, next);
  const noRoute = unreachableRecipients(await reachOf(services.route, sends, next));
  return {
    text: [
      `Next: ${meetingLine(meeting, evidence ? true : asked?.asked === false ? 'unreached' : false)}`,
      ...(plan.length > 0 ? ['', 'Still to send (London time):', ...planLines(plan, meeting, noRoute)] : []),
    ].join('\n'),
  };
}

export const nextMeetingCommand: Command = {
  name: NAME,
  matches: (text) => meetingCommandKind(text) === 'next',
  access: OFFICER_COMMAND,
  handle,
};
