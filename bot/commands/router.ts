/**
 * The one place that decides which command answers a message.
 *
 * To add a command: write `bot/commands/<name>.ts` exporting a {@link Command}
 * (`{ name, matches(text), handle(input, ctx) }`) and add it to {@link COMMANDS} above
 * `fallback`. Order matters: the first command whose `matches` returns true answers.
 */
import { importMeetingsCommand } from '../meetings/import-command.js';
import { cancelMeetingCommand } from './cancel-meeting.js';
import { categoryQuery } from './category-query.js';
import { evidenceCommand } from './evidence.js';
import { fallback } from './fallback.js';
import { help } from './help.js';
import { listMeetingsCommand } from './list-meetings.js';
import { moveMeetingCommand } from './move-meeting.js';
import { nextMeetingCommand } from './next-meeting.js';
import { reminderStatusCommand } from './reminder-status.js';
import { scheduleMeetingCommand } from './schedule-meeting.js';
import { schoolQuestions } from './school-questions.js';
import type { Command, CommandContext, CommandInput, Reply } from './types.js';
import { useChannelCommand } from './use-channel.js';

export const COMMANDS: readonly Command[] = [
  help,
  // Meetings before categories: their words are specific ("schedule", "meetings", "evidence").
  useChannelCommand,
  importMeetingsCommand,
  reminderStatusCommand,
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
}

/** Picks the first matching command (else `fallback`) and runs it. Errors propagate. */
export async function route(
  input: CommandInput,
  ctx: CommandContext,
  commands: readonly Command[] = COMMANDS,
): Promise<Routed> {
  const text = input.text.trim();
  const command = commands.find((c) => c.matches(text, { ...input, text })) ?? fallback;
  const reply = await command.handle({ ...input, text }, ctx);
  return { command: command.name, reply };
}
