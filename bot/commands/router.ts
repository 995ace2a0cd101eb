/**
 * The one place that decides which command answers a message, and whether the asker may use
 * it here.
 *
 * To add a command: write `bot/commands/<name>.ts` exporting a {@link Command}
 * (`{ name, matches(text), access, handle(input, ctx) }`) and add it to {@link COMMANDS} above
 * `fallback`. Order matters: the first command whose `matches` returns true answers. Its
 * `access` rule (bot/commands/access.ts) is enforced here, before `handle` runs, and each
 * refusal is audited.
 */
import { importMeetingsCommand } from '../meetings/import-command.js';
import { decide, placeOf, type Asker } from './access.js';
import { calendarEventsCommand } from './calendar-events.js';
import { cancelMeetingCommand } from './cancel-meeting.js';
import { categoryQuery } from './category-query.js';
import { evidenceCommand } from './evidence.js';
import { exitCriteriaCommand, tickExitCriterionCommand } from './exit-criteria.js';
import { fallback } from './fallback.js';
import { headLinksCommand } from './head-links.js';
import { draftLetterCommand, whichLettersCommand } from './letters.js';
import { help } from './help.js';
import { listMeetingsCommand } from './list-meetings.js';
import { moveMeetingCommand } from './move-meeting.js';
import { myVisitsCommand } from './my-visits.js';
import { nextMeetingCommand } from './next-meeting.js';
import { projectBoardReportCommand } from './project-board-report.js';
import { recordVisitCommand } from './record-visit.js';
import { reminderStatusCommand } from './reminder-status.js';
import { scheduleMeetingCommand } from './schedule-meeting.js';
import { schoolQuestions } from './school-questions.js';
import type { Command, CommandContext, CommandInput, Reply } from './types.js';
import { undoVisitCommand } from './undo-visit.js';
import { useChannelCommand } from './use-channel.js';
import { warningNoticeCommand } from './warning-notice.js';

export const COMMANDS: readonly Command[] = [
  help,
  // Meetings before categories: their words are specific ("schedule", "meetings", "evidence").
  useChannelCommand,
  headLinksCommand,
  importMeetingsCommand,
  calendarEventsCommand,
  reminderStatusCommand,
  warningNoticeCommand,
  whichLettersCommand,
  draftLetterCommand,
  // Exit criteria and the project board report (issue 14): specific words, before the meetings'.
  exitCriteriaCommand,
  tickExitCriterionCommand,
  projectBoardReportCommand,
  // Visit cadence (issue 14): "visited X today", "undo visit to X", "my visits this half term".
  recordVisitCommand,
  undoVisitCommand,
  myVisitsCommand,
  evidenceCommand,
  scheduleMeetingCommand,
  moveMeetingCommand,
  cancelMeetingCommand,
  nextMeetingCommand,
  listMeetingsCommand,
  // Why / what would move it / history / summary / what changed, and follow-ups ("and why?").
  schoolQuestions,
  categoryQuery,
];

export interface Routed {
  readonly command: string;
  readonly reply: Reply;
  /** False when the access rule refused the asker (the handler did not run). */
  readonly allowed?: boolean;
}

/** Who is asking, as the access rules see it. Heads are looked up only when the rule needs it. */
async function askerOf(ctx: CommandContext): Promise<Asker> {
  if (ctx.role === 'officer') return { kind: 'officer' };
  const schools = (await ctx.headOf?.()) ?? [];
  return schools.length > 0 ? { kind: 'head', schools } : { kind: 'guest' };
}

/** Picks the first matching command (else `fallback`), checks its access rule, and runs it. Errors propagate. */
export async function route(
  input: CommandInput,
  ctx: CommandContext,
  commands: readonly Command[] = COMMANDS,
): Promise<Routed> {
  const text = input.text.trim();
  const trimmed = { ...input, text };
  const command = commands.find((c) => c.matches(text, trimmed)) ?? fallback;
  const place = placeOf(input, ctx.config);
  if (!command.access.anyone.includes(place)) {
    const decision = decide(command.access, await askerOf(ctx), place);
    if (!decision.ok) {
      // Recorded before anything is shown: if the audit cannot be written, the turn fails.
      await ctx.store.audit.record({
        actorId: input.user.aadObjectId ?? input.user.id,
        actorRole: decision.auditRole,
        command: command.name,
        question: text === '' && input.submit ? `[card: ${String(input.submit.waymark ?? 'button')}]` : text,
        outcome: 'refused',
        conversationType: input.conversation.type,
        at: ctx.now(),
      });
      return { command: command.name, reply: decision.reply, allowed: false };
    }
  }
  const reply = await command.handle(trimmed, ctx);
  return { command: command.name, reply, allowed: true };
}
