/**
 * "visited Oakfield today", "visit to Oakfield on 3 December", "reviewed Oakfield's category
 * today" (officers only, personal chat or team channel): records the visit or category review
 * held, with who and when (once per school and day), says which period it counts for, and
 * cancels the reminders it makes moot. "undo visit to Oakfield on 3 December" takes it back.
 */
import { visitsDue, reviewsDue, schoolYearOf, dayWords, type DueList } from '../../core/cycle/index.js';
import { periodWords } from '../../core/messages/visitsReply.js';
import type { Result } from '../../core/result.js';
import { londonDay } from '../../core/calendar/index.js';
import { planCadence } from '../cadence/plan.js';
import { heldBySchool, recordHeld, type HeldKind } from '../cadence/repo.js';
import { parseRecord, type RecordWords } from '../cadence/words.js';
import { auditMeetingCommand, officerAccess, todayIn } from '../meetings/command-kit.js';
import { lookupSchool, type KnownSchool } from '../meetings/lookup.js';
import type { MeetingServices } from '../meetings/services.js';
import { parseDateWords } from './date-words.js';
import { RECORD_VISIT_ACCESS } from './access.js';
import type { Command, CommandContext, CommandInput, Reply } from './types.js';

const NAME = 'record-visit';

/** The day the words mean ('yyyy-MM-dd'), or the reply saying why not (unreadable, in the future). */
export function heldDay(words: RecordWords, ctx: CommandContext): { ok: true; day: string } | { ok: false; reply: Reply } {
  const today = todayIn(ctx);
  if (words.day === undefined) return { ok: true, day: today };
  const at = parseDateWords(words.day, ctx.now());
  if (!at) return { ok: false, reply: { text: `I couldn't read "${words.day}" as a day. Say it like "3 December", "3/12", "today" or "yesterday".` } };
  const day = londonDay(at);
  if (day > today) return { ok: false, reply: { text: `${dayWords(day)} is still to come: I record ${words.kind === 'visit' ? 'visits' : 'reviews'} once they are held.` } };
  return { ok: true, day };
}

/** The school's visits or reviews this school year, counting the recorded days. */
export async function dueListFor(ctx: CommandContext, services: MeetingServices, school: KnownSchool, kind: HeldKind, day: string): Promise<Result<DueList, string> | undefined> {
  const held = (await heldBySchool(ctx.store.db, [school.urn])).get(school.urn) ?? { visits: [], reviews: [] };
  const input = { startYear: schoolYearOf(day), today: todayIn(ctx), calendar: services.calendar };
  if (kind === 'review') return reviewsDue(services.framework.id, { ...input, held: held.reviews });
  const code = school.category?.category.code;
  return code === undefined ? undefined : visitsDue(services.framework.id, code, { ...input, held: held.visits });
}

/** "It counts for …", or why it counts for nothing. */
export function countsFor(list: Result<DueList, string> | undefined, day: string, kind: HeldKind): string {
  if (!list) return 'The school has no category in the workbook, so no visit frequency applies to it yet.';
  if (!list.ok) return `It counts toward no visit frequency: ${list.error}.`;
  const item = list.value.items.find((i) => i.period.start <= day && i.period.end >= day);
  if (!item) return `${dayWords(day)} is in no ${kind === 'visit' ? 'visit' : 'review'} period of the school year (a holiday).`;
  return `It counts for ${periodWords(item.period)} (${list.value.rule.every === 'month' ? 'monthly' : list.value.rule.every === 'half-term' ? 'half-termly' : 'termly'}: ${list.value.rule.seed}).`;
}

async function handle(input: CommandInput, ctx: CommandContext): Promise<Reply> {
  const access = await officerAccess(input, ctx, NAME);
  if (!access.ok) return access.reply;
  const { services } = access;
  const words = parseRecord(input.text);
  if (!words) throw new Error(`${NAME}: not a record command`);
  const verb = words.kind === 'visit' ? 'visited {school}' : "reviewed {school}'s category";
  const found = lookupSchool(words.school, ctx.directory.current(), `${verb} ${words.day ?? 'today'}`);
  if (!found.ok) return found.reply;
  const school = found.school;
  const day = heldDay(words, ctx);
  if (!day.ok) return day.reply;
  const outcome = await recordHeld(ctx.store.db, { urn: school.urn, kind: words.kind, day: day.day, by: input.user.aadObjectId ?? input.user.id, at: ctx.now() });
  await auditMeetingCommand(ctx, input, NAME, 'allowed', school.urn);
  // Reminders for this school re-planned: a pending one the record makes moot is cancelled.
  const plan = await planCadence({ db: ctx.store.db, outbox: services.outbox, calendar: services.calendar, framework: services.framework }, [school], ctx.now(), ctx.log);
  const what = words.kind === 'visit' ? `Visit to ${school.name} (URN ${school.urn})` : `Category review of ${school.name} (URN ${school.urn})`;
  const undo = `undo ${words.kind} ${words.kind === 'visit' ? 'to' : 'of'} ${school.name} on ${dayWords(day.day).slice(4)}`;
  return {
    text: [
      outcome === 'recorded' ? `Recorded: ${what} on ${dayWords(day.day)}.` : `${what} on ${dayWords(day.day)} was already recorded.`,
      countsFor(await dueListFor(ctx, services, school, words.kind, day.day), day.day, words.kind),
      ...(plan.cancelled > 0 ? [`I cancelled ${plan.cancelled === 1 ? 'the reminder' : `${plan.cancelled} reminders`} about it.`] : []),
      `If that was a mistake, say "${undo}".`,
    ].join('\n'),
    suggestions: [undo, 'my visits this half term'],
  };
}

export const recordVisitCommand: Command = {
  name: NAME,
  access: RECORD_VISIT_ACCESS,
  matches: (text) => parseRecord(text) !== undefined,
  handle,
};
