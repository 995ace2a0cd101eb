/**
 * "undo visit to Oakfield on 3 December", "undo review of Oakfield" (the latest one): takes
 * back a visit or category review recorded by mistake (officers only, personal chat or team
 * channel). The row is kept, marked undone with who and when; the reminders are planned again.
 */
import { dayWords } from '../../core/cycle/index.js';
import { periodWords } from '../../core/messages/visitsReply.js';
import { planCadence } from '../cadence/plan.js';
import { undoHeld } from '../cadence/repo.js';
import { parseUndo } from '../cadence/words.js';
import { auditMeetingCommand, officerAccess } from '../meetings/command-kit.js';
import { lookupSchool } from '../meetings/lookup.js';
import { dueListFor, heldDay } from './record-visit.js';
import { UNDO_VISIT_ACCESS } from './access.js';
import type { Command, CommandContext, CommandInput, Reply } from './types.js';

const NAME = 'undo-visit';

async function handle(input: CommandInput, ctx: CommandContext): Promise<Reply> {
  const access = await officerAccess(input, ctx, NAME);
  if (!access.ok) return access.reply;
  const { services } = access;
  const words = parseUndo(input.text);
  if (!words) throw new Error(`${NAME}: not an undo command`);
  const found = lookupSchool(words.school, ctx.directory.current(), `undo ${words.kind} ${words.kind === 'visit' ? 'to' : 'of'} {school}${words.day ? ` on ${words.day}` : ''}`);
  if (!found.ok) return found.reply;
  const school = found.school;
  let day: string | undefined;
  if (words.day !== undefined) {
    const d = heldDay(words, ctx);
    if (!d.ok) return d.reply;
    day = d.day;
  }
  const undone = await undoHeld(ctx.store.db, { urn: school.urn, kind: words.kind, day, by: input.user.aadObjectId ?? input.user.id, at: ctx.now() });
  await auditMeetingCommand(ctx, input, NAME, undone ? 'allowed' : 'not-found', school.urn);
  const what = words.kind === 'visit' ? `visit to ${school.name}` : `category review of ${school.name}`;
  if (!undone) return { text: `I have no ${what} recorded${day ? ` on ${dayWords(day)}` : ''}, so there is nothing to undo.` };
  await planCadence({ db: ctx.store.db, outbox: services.outbox, calendar: services.calendar, framework: services.framework }, [school], ctx.now(), ctx.log);
  const list = await dueListFor(ctx, services, school, words.kind, undone);
  const item = list?.ok ? list.value.items.find((i) => i.period.start <= undone && i.period.end >= undone) : undefined;
  return {
    text: [
      `Undone: the ${what} on ${dayWords(undone)} is no longer counted.`,
      ...(item && (item.status === 'due' || item.status === 'overdue') ? [`Nothing else is recorded for ${periodWords(item.period)}: it is ${item.status} again.`] : []),
    ].join('\n'),
  };
}

export const undoVisitCommand: Command = {
  name: NAME,
  access: UNDO_VISIT_ACCESS,
  matches: (text) => parseUndo(text) !== undefined,
  handle,
};
