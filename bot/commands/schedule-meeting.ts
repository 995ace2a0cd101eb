/**
 * "schedule a RAP for Oakfield on 9 Dec at 10:00" (officers): stores the meeting, plans its
 * reminders on working days and puts them in the outbox; replies with the plan. "schedule a
 * meeting" with details missing answers with a form (school, type, date, time) whose Submit
 * comes back here as `input.submit`.
 */
import type { MeetingType } from '../../core/frameworks/index.js';
import { meetingCommandKind, parseMeetingDate, parseMeetingTime, type MeetingTypeWords } from '../../core/meetings/parseMeetingCommand/index.js';
import { scheduleMeeting, type ActionDeps } from '../meetings/actions.js';
import { SCHEDULE_FORM, scheduleFormCard, type ScheduleFormDefaults } from '../meetings/cards.js';
import { auditMeetingCommand, officerAccess, parseIn, sentence, todayIn, OFFICER_COMMAND } from '../meetings/command-kit.js';
import { lookupSchool, type KnownSchool } from '../meetings/lookup.js';
import { duplicateReply, scheduledReply } from '../meetings/replies.js';
import { meetingsOfSchool } from '../meetings/repo.js';
import { meetingTypeOf, resolveMeetingType, type MeetingServices } from '../meetings/services.js';
import type { Command, CommandContext, CommandInput, Reply } from './types.js';

const NAME = 'schedule-meeting';

/**
 * A project board named without "initial" or "subsequent": the school's first board is the
 * initial one, any later one subsequent.
 */
async function projectBoardVariant(deps: ActionDeps, school: KnownSchool, services: MeetingServices): Promise<'initial' | 'subsequent'> {
  const before = await meetingsOfSchool(deps.db, school.urn);
  const hadOne = before.some((m) => m.status !== 'cancelled' && (meetingTypeOf(m, services.framework)?.id ?? m.typeId).startsWith('project-board'));
  return hadOne ? 'subsequent' : 'initial';
}

/** Creates the meeting and builds the reply: shared by plain words, the form and nothing else. */
async function create(
  ctx: CommandContext,
  input: CommandInput,
  deps: ActionDeps,
  services: MeetingServices,
  what: { school: KnownSchool; type: MeetingType; startsAt: string; note?: string },
): Promise<Reply> {
  const result = await scheduleMeeting(deps, {
    school: what.school,
    type: what.type,
    frameworkId: services.framework.id,
    startsAt: what.startsAt,
    createdBy: input.user.aadObjectId ?? input.user.id,
  });
  await auditMeetingCommand(ctx, input, NAME, result.status === 'scheduled' ? 'allowed' : 'refused', what.school.urn);
  switch (result.status) {
    case 'scheduled':
      return scheduledReply(result, what.school, what.note ? [what.note] : []);
    case 'duplicate':
      return duplicateReply(what.school, what.type.name, what.startsAt);
    case 'refused':
      return { text: `I can't schedule that: ${result.reason}.` };
  }
}

function form(ctx: CommandContext, services: MeetingServices, defaults: ScheduleFormDefaults, note?: string): Reply {
  return {
    text: note ?? 'Fill in the meeting and press Schedule.',
    card: scheduleFormCard(ctx.directory.current().schools, services.framework.meetings, defaults, note),
  };
}

async function typeFor(
  words: MeetingTypeWords,
  school: KnownSchool,
  deps: ActionDeps,
  services: MeetingServices,
): Promise<{ ok: true; type: MeetingType; note?: string } | { ok: false; text: string }> {
  let note: string | undefined;
  let wanted = words;
  if (words.alias === 'project-board' && !words.variant && services.framework.meetings.some((m) => m.id === 'project-board-initial')) {
    const variant = await projectBoardVariant(deps, school, services);
    wanted = { alias: 'project-board', variant };
    note = variant === 'initial'
      ? `This is ${school.name}'s first project board, so it uses the initial meeting's agenda (say "subsequent project board" if not).`
      : `${school.name} has had a project board before, so this is a subsequent meeting (say "initial project board" if not).`;
  }
  const type = resolveMeetingType(wanted, services.framework);
  if (!type.ok) return { ok: false, text: type.error };
  return note ? { ok: true, type: type.value, note } : { ok: true, type: type.value };
}

async function fromForm(input: CommandInput, ctx: CommandContext, deps: ActionDeps, services: MeetingServices): Promise<Reply> {
  const data = input.submit ?? {};
  const str = (k: string) => (typeof data[k] === 'string' ? (data[k] as string).trim() : '');
  const defaults: ScheduleFormDefaults = { school: str('school'), typeId: str('type'), day: str('date'), time: str('time') };
  const missing = (['school', 'type', 'date', 'time'] as const).filter((k) => str(k) === '');
  if (missing.length > 0) return form(ctx, services, defaults, `Please fill in: ${missing.join(', ')}.`);
  const school = lookupSchool(str('school'), ctx.directory.current(), 'schedule a meeting for {school}');
  if (!school.ok) return school.reply;
  const type = services.framework.meetings.find((m) => m.id === str('type'));
  if (!type) return form(ctx, services, defaults, `"${str('type')}" is not one of this team's meetings: choose one from the list.`);
  // Input.Date gives yyyy-MM-dd and Input.Time HH:mm; people typing in other clients may not.
  const day = /^\d{4}-\d{2}-\d{2}$/.test(str('date')) ? { ok: true as const, value: str('date') } : parseMeetingDate(str('date'), { today: todayIn(ctx) });
  if (!day.ok) return form(ctx, services, defaults, sentence(day.error));
  if (day.value < todayIn(ctx)) return form(ctx, services, defaults, `${day.value} is in the past: choose a later date.`);
  const time = /^\d{2}:\d{2}$/.test(str('time')) ? { ok: true as const, value: str('time') } : parseMeetingTime(str('time'));
  if (!time.ok) return form(ctx, services, defaults, sentence(time.error));
  return create(ctx, input, deps, services, { school: school.school, type, startsAt: `${day.value}T${time.value}` });
}

async function handle(input: CommandInput, ctx: CommandContext): Promise<Reply> {
  const access = await officerAccess(input, ctx, NAME);
  if (!access.ok) return access.reply;
  const { services, deps } = access;
  if (input.submit?.waymark === SCHEDULE_FORM) return fromForm(input, ctx, deps, services);

  const parsed = parseIn(input, ctx);
  if (!parsed) throw new Error('schedule-meeting: handle called for a message that is not a schedule command');
  if (!parsed.ok) return { text: `${sentence(parsed.error)}\n\nFor example: *schedule a RAP for Oakfield on 9 Dec at 10:00*.` };
  if (parsed.command.kind !== 'schedule') throw new Error('schedule-meeting: not a schedule command');
  const { school: schoolText, type: words, day, time } = parsed.command;

  let school: KnownSchool | undefined;
  if (schoolText) {
    const found = lookupSchool(schoolText, ctx.directory.current(), input.text.replace(schoolText, '{school}'));
    if (!found.ok) return found.reply;
    school = found.school;
  }
  const onlyType = services.framework.meetings.length === 1 ? services.framework.meetings[0] : undefined;
  const type = words
    ? school ? await typeFor(words, school, deps, services) : undefined
    : onlyType ? { ok: true as const, type: onlyType } : undefined;
  if (type && !type.ok) return { text: type.text };
  if (!school || !type || !day) {
    // Without the school, the type named still fills the form in (a project board: the subsequent one).
    const named = !type && words ? resolveMeetingType(words, services.framework) : undefined;
    if (named && !named.ok) return { text: named.error };
    const missing = [!school && 'the school', !type && !named && 'the meeting type', !day && 'the date'].filter(Boolean).join(', ');
    return form(
      ctx,
      services,
      { ...(school ? { school: school.urn } : {}), ...(type?.ok ? { typeId: type.type.id } : named?.ok ? { typeId: named.value.id } : {}), ...(day ? { day } : {}), ...(time ? { time } : {}) },
      schoolText || words || day ? `I still need ${missing}.` : undefined,
    );
  }
  return create(ctx, input, deps, services, {
    school,
    type: type.type,
    startsAt: time ? `${day}T${time}` : day,
    ...(type.note ? { note: type.note } : {}),
  });
}

export const scheduleMeetingCommand: Command = {
  name: NAME,
  matches: (text, input) => input?.submit?.waymark === SCHEDULE_FORM || meetingCommandKind(text) === 'schedule',
  access: OFFICER_COMMAND,
  handle,
};
