/** Shared checks and helpers for the meeting commands in bot/commands/. */
import {
  parseMeetingCommand,
  type MeetingCommand,
  type MeetingCommandKind,
  type ParsedMeetingCommand,
} from '../../core/meetings/parseMeetingCommand/index.js';
import { TEAM_ONLY, type AccessRule } from '../commands/access.js';
import type { CommandContext, CommandInput, Reply } from '../commands/types.js';
import type { AuditOutcome } from '../store/store.js';
import type { ActionDeps } from './actions.js';
import { todayOf, type MeetingServices } from './services.js';

/** The same answer to everyone who may not: it says nothing about any school or meeting. */
export const OFFICERS_ONLY: Reply = {
  text: "Only the school-improvement team can manage meetings and see reminders. If you're a headteacher, reply to your evidence request with files or links, or press **Evidence sent** on it.",
};

/** The rule of every officer meeting command: officers, where only the team reads the answer. */
export const OFFICER_COMMAND: AccessRule = { officer: TEAM_ONLY, head: [], anyone: [], refusal: OFFICERS_ONLY };

export const NOT_SET_UP: Reply = { text: 'Meetings and reminders are not set up on this Waymark yet.' };

/** Services and the deps actions need, or the reply saying why not (not an officer, not set up). */
export function officerServices(ctx: CommandContext): { ok: true; services: MeetingServices; deps: ActionDeps } | { ok: false; reply: Reply } {
  if (ctx.role !== 'officer') return { ok: false, reply: OFFICERS_ONLY };
  if (!ctx.meetings) return { ok: false, reply: NOT_SET_UP };
  return { ok: true, services: ctx.meetings, deps: { db: ctx.store.db, services: ctx.meetings, now: ctx.now() } };
}

/** Today in London, from the context's clock. */
export const todayIn = (ctx: CommandContext): string => todayOf(ctx.now());

export function parseIn(input: CommandInput, ctx: CommandContext): ParsedMeetingCommand | undefined {
  return parseMeetingCommand(input.text, { today: todayIn(ctx) });
}

/** Writes the audit row for a meeting command (who, what, which school, allowed or not). */
export async function auditMeetingCommand(
  ctx: CommandContext,
  input: CommandInput,
  command: string,
  outcome: AuditOutcome,
  schoolUrn?: string,
  actorRole: 'officer' | 'head' | 'guest' = ctx.role === 'officer' ? 'officer' : 'guest',
): Promise<void> {
  await ctx.store.audit.record({
    actorId: input.user.aadObjectId ?? input.user.id,
    actorRole,
    command,
    question: input.text === '' && input.submit ? `[card: ${String(input.submit.waymark ?? 'button')}]` : input.text,
    schoolUrn,
    outcome,
    conversationType: input.conversation.type,
    at: ctx.now(),
  });
}

/** Capitalises the first letter of a core message for a reply. */
export const sentence = (s: string): string => (s === '' ? s : `${s[0]?.toUpperCase()}${s.slice(1)}`);

/** Officers only: anyone else gets the same refusal, and the refusal is audited. */
export async function officerAccess(
  input: CommandInput,
  ctx: CommandContext,
  name: string,
): Promise<{ ok: true; services: MeetingServices; deps: ActionDeps } | { ok: false; reply: Reply }> {
  const access = officerServices(ctx);
  if (!access.ok) await auditMeetingCommand(ctx, input, name, 'refused');
  return access;
}

/**
 * The start every officer meeting command shares: officers only (a refusal is audited), then
 * the message parsed as this command. A message the router sent here that parses as another
 * command is a programming error; one recognised but not understood gets the parser's reason.
 */
export async function beginOfficerCommand<K extends MeetingCommandKind>(
  input: CommandInput,
  ctx: CommandContext,
  name: string,
  kind: K,
): Promise<
  | { ok: true; services: MeetingServices; deps: ActionDeps; command: Extract<MeetingCommand, { kind: K }> }
  | { ok: false; reply: Reply }
> {
  const access = await officerAccess(input, ctx, name);
  if (!access.ok) return access;
  const parsed = parseIn(input, ctx);
  if (parsed && !parsed.ok && parsed.kind === kind) return { ok: false, reply: { text: sentence(parsed.error) } };
  if (!parsed || !parsed.ok || parsed.command.kind !== kind) throw new Error(`${name}: not a ${kind} command`);
  return { ok: true, services: access.services, deps: access.deps, command: parsed.command as Extract<MeetingCommand, { kind: K }> };
}
