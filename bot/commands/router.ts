/**
 * The one place that decides which command answers a message.
 *
 * To add a command: write `bot/commands/<name>.ts` exporting a {@link Command}
 * (`{ name, matches(text), handle(input, ctx) }`) and add it to {@link COMMANDS} above
 * `fallback`. Order matters: the first command whose `matches` returns true answers.
 */
import { categoryQuery } from './category-query.js';
import { fallback } from './fallback.js';
import { help } from './help.js';
import type { Command, CommandContext, CommandInput, Reply } from './types.js';

export const COMMANDS: readonly Command[] = [help, categoryQuery];

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
  const command = commands.find((c) => c.matches(text)) ?? fallback;
  const reply = await command.handle({ ...input, text }, ctx);
  return { command: command.name, reply };
}
