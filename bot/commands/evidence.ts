/**
 * Evidence for a meeting. A head replies in their 1:1 chat with files or links, says
 * "evidence sent", or presses "Evidence sent" on the request card: it counts for their
 * school's next meeting (the card's own meeting, for the button). An officer records it in
 * words: "evidence received for Oakfield". Either way chasing stops at once and the team
 * channel is told. A head only ever hears about their own school's meeting, and only in their
 * 1:1 chat: their evidence, and their button presses, count nowhere else.
 */
import { meetingCommandKind, type MeetingTypeWords } from '../../core/meetings/parseMeetingCommand/index.js';
import { findSchools } from '../../core/schools/findSchools.js';
import type { SchoolRecord } from '../../core/schools/types.js';
import { recordEvidence, type ActionDeps } from '../meetings/actions.js';
import { EVIDENCE_SENT } from '../meetings/cards.js';
import { noRouteWords, stoppedWords } from '../meetings/reach.js';
import { auditMeetingCommand, NOT_SET_UP, parseIn, sentence, todayIn } from '../meetings/command-kit.js';
import { chooseMeeting, lookupSchool, meetingIsOfType } from '../meetings/lookup.js';
import { getMeeting, upcomingMeetings, type EvidenceHow, type MeetingRow } from '../meetings/repo.js';
import { meetingTypeOf, type MeetingServices } from '../meetings/services.js';
import { longStart } from '../meetings/words.js';
import { TEAM_ONLY, type AccessRule } from './access.js';
import type { Command, CommandContext, CommandInput, Reply } from './types.js';

const NAME = 'evidence';
const LINK = /\bhttps?:\/\/[^\s<>"')\]]+/gi;

export const NOT_A_HEAD: Reply = {
  text: "I can only take evidence from a school's headteacher, in a 1:1 chat with me. If you're an officer, say *evidence received for* and the school's name, in a 1:1 chat with me or in the team's channel.",
};

/** Officers where only the team reads it; a confirmed head in their 1:1 chat (their school only). */
const ACCESS: AccessRule = { officer: TEAM_ONLY, head: ['personal'], anyone: [], refusal: NOT_A_HEAD };

/** A head's evidence counts only in their 1:1 chat, where nobody else reads the reply. */
const IN_A_1_1: Reply = { text: 'Please send your evidence to me in a 1:1 chat, so that only the right people see it.' };

const linksIn = (text: string): string[] => [...new Set(text.match(LINK) ?? [])];

/** How the evidence came, and what to say about it. */
function what(input: CommandInput): { how: EvidenceHow; detail: { files?: string[]; links?: string[] } } {
  const files = (input.files ?? []).map((f) => f.name);
  if (files.length > 0) return { how: 'files', detail: { files } };
  const links = linksIn(input.text);
  if (links.length > 0) return { how: 'link', detail: { links } };
  return { how: 'button', detail: {} };
}

async function record(
  ctx: CommandContext,
  input: CommandInput,
  deps: ActionDeps,
  services: MeetingServices,
  row: MeetingRow,
  by: { id: string; words: string; role: 'officer' | 'head' },
  how: EvidenceHow,
  detail: { files?: string[]; links?: string[] },
): Promise<Reply> {
  const type = meetingTypeOf(row, services.framework);
  if (!type) return { text: 'That meeting is of a type I no longer know.' };
  const result = await recordEvidence(deps, { row, type, recordedBy: by.id, byWords: by.words, how, detail });
  await auditMeetingCommand(ctx, input, NAME, 'allowed', row.schoolUrn, by.role);
  const meeting = `the ${type.name} on ${longStart(row.startsAt)}`;
  if (by.role === 'head') {
    return {
      text: result.first
        ? `Thank you: your evidence for ${meeting} is recorded, and I won't send you any more reminders for it. ${
            result.channel?.route.kind === 'none' ? 'Please let your school-improvement officer know too.' : 'Your school-improvement officer has been told.'
          }`
        : `Thank you: added to your evidence for ${meeting}.`,
    };
  }
  if (!result.first) return { text: `Recorded: more evidence from ${row.schoolName} for ${meeting} (it was already in, so reminders had stopped).` };
  // Only reminders that would really have gone count as stopped.
  const stopped = stoppedWords(result.stopped, result.stoppedNoRoute);
  const channel = result.channel?.route;
  const told = channel?.kind === 'none'
    ? `the channel **cannot be told**: ${noRouteWords(channel)}`
    : 'the channel is told.';
  return { text: `Recorded: evidence received from ${row.schoolName} for ${meeting}. ${stopped}; ${told}` };
}

/** The head's schools: those an officer confirmed this account as head of (never by e-mail alone). */
async function headSchools(ctx: CommandContext): Promise<SchoolRecord[]> {
  const urns = (await ctx.headOf?.()) ?? [];
  return ctx.directory.current().schools.filter((s) => s.urn !== undefined && urns.includes(s.urn));
}

async function fromButton(input: CommandInput, ctx: CommandContext, deps: ActionDeps, services: MeetingServices): Promise<Reply> {
  const id = typeof input.submit?.meetingId === 'string' ? input.submit.meetingId : '';
  const row = id ? await getMeeting(deps.db, id) : undefined;
  const mine = ctx.role === 'officer' ? undefined : await headSchools(ctx);
  // A head pressing it in a channel or group chat: nothing about the meeting is said there.
  if (mine !== undefined && mine.length > 0 && input.conversation.type !== 'personal') {
    await auditMeetingCommand(ctx, input, NAME, 'refused', undefined, 'head');
    return IN_A_1_1;
  }
  // Same answer for a meeting that does not exist and one of another school: nothing leaks.
  if (!row || (mine !== undefined && !mine.some((s) => s.urn === row.schoolUrn))) {
    await auditMeetingCommand(ctx, input, NAME, 'refused', undefined, mine && mine.length > 0 ? 'head' : ctx.role === 'officer' ? 'officer' : 'guest');
    return mine !== undefined && mine.length === 0 ? NOT_A_HEAD : { text: "I couldn't find that meeting any more; it may have been cancelled." };
  }
  if (row.status !== 'scheduled') return { text: `That meeting was ${row.status}: no evidence is needed for it now.` };
  const head = mine?.find((s) => s.urn === row.schoolUrn);
  const by = head
    ? { id: input.user.aadObjectId ?? input.user.id, words: `the headteacher${head.head ? ` (${head.head})` : ''}`, role: 'head' as const }
    : { id: input.user.aadObjectId ?? input.user.id, words: input.user.name ?? 'an officer', role: 'officer' as const };
  return record(ctx, input, deps, services, row, by, head ? 'button' : 'officer', {});
}

/** A head naming a school that is not theirs; the same words whether or not it exists. */
const OWN_SCHOOL_ONLY: Reply = { text: "I can only record evidence for your own school's meetings. If it is for another school, please send it to your school-improvement officer." };

async function fromHead(input: CommandInput, ctx: CommandContext, deps: ActionDeps, services: MeetingServices, words?: MeetingTypeWords, named?: string): Promise<Reply> {
  let mine = await headSchools(ctx);
  if (named !== undefined && mine.length > 0) {
    // "evidence received for <school>" from a head: only their own school, never recorded elsewhere.
    const match = findSchools(named, ctx.directory.current().index);
    const own = match.kind === 'one' ? mine.filter((s) => s.urn === match.school.urn) : [];
    if (own.length === 0) {
      await auditMeetingCommand(ctx, input, NAME, 'refused', undefined, 'head');
      return OWN_SCHOOL_ONLY;
    }
    mine = own;
  }
  if (mine.length === 0) {
    await auditMeetingCommand(ctx, input, NAME, 'refused', undefined, 'guest');
    return NOT_A_HEAD;
  }
  if (input.conversation.type !== 'personal') {
    await auditMeetingCommand(ctx, input, NAME, 'refused', undefined, 'head');
    return IN_A_1_1;
  }
  const rows = (await upcomingMeetings(deps.db, mine.map((s) => s.urn ?? ''), todayIn(ctx))).filter((r) => meetingIsOfType(r, words, services));
  if (rows.length === 0) {
    await auditMeetingCommand(ctx, input, NAME, 'not-found', mine[0]?.urn, 'head');
    return { text: "Thank you. I have no upcoming meeting for your school that needs evidence, so I haven't recorded it: please send it to your school-improvement officer." };
  }
  const schoolsWithMeetings = new Set(rows.map((r) => r.schoolUrn));
  const { how, detail } = what(input);
  if (schoolsWithMeetings.size > 1) {
    // An executive head of several schools: ask which, with a button per meeting (theirs only).
    const choices = rows.filter((r, i) => rows.findIndex((x) => x.schoolUrn === r.schoolUrn) === i);
    return {
      text: 'Which meeting is this evidence for? Press its button.',
      card: {
        type: 'AdaptiveCard',
        version: '1.5',
        body: [{ type: 'TextBlock', text: 'Which meeting is this evidence for?', wrap: true }],
        actions: choices.map((r) => ({
          type: 'Action.Submit',
          title: `${r.schoolName}: ${meetingTypeOf(r, services.framework)?.name ?? 'meeting'}, ${longStart(r.startsAt)}`,
          data: { waymark: EVIDENCE_SENT, meetingId: r.id },
        })),
      },
    };
  }
  const row = rows[0] as MeetingRow;
  const head = mine.find((s) => s.urn === row.schoolUrn);
  const by = { id: input.user.aadObjectId ?? input.user.id, words: `the headteacher${head?.head ? ` (${head.head})` : ''}`, role: 'head' as const };
  return record(ctx, input, deps, services, row, by, how, detail);
}

async function handle(input: CommandInput, ctx: CommandContext): Promise<Reply> {
  if (!ctx.meetings) return NOT_SET_UP;
  const services = ctx.meetings;
  const deps: ActionDeps = { db: ctx.store.db, services, now: ctx.now() };
  if (input.submit?.waymark === EVIDENCE_SENT) return fromButton(input, ctx, deps, services);

  const parsed = meetingCommandKind(input.text) === 'evidence' ? parseIn(input, ctx) : undefined;
  if (parsed && !parsed.ok) return { text: sentence(parsed.error) };
  const command = parsed?.ok && parsed.command.kind === 'evidence' ? parsed.command : undefined;
  if (ctx.role !== 'officer') return fromHead(input, ctx, deps, services, command?.type, command?.school);

  if (!command?.school) {
    return { text: 'Which school is this evidence from? Say, for example: *evidence received for Oakfield*.' };
  }
  const found = lookupSchool(command.school, ctx.directory.current(), 'evidence received for {school}');
  if (!found.ok) return found.reply;
  const school = found.school;
  const rows = await upcomingMeetings(deps.db, [school.urn], todayIn(ctx));
  // The school's next meeting (of that type, if one was named).
  const next = rows.filter((r) => meetingIsOfType(r, command.type, services)).slice(0, 1);
  const chosen = chooseMeeting(next, { ...(command.type ? { type: command.type } : {}), school, example: '' }, services);
  if (!chosen.ok) return chosen.reply;
  const officer = { id: input.user.aadObjectId ?? input.user.id, words: input.user.name ?? 'an officer', role: 'officer' as const };
  const { how, detail } = input.files?.length || linksIn(input.text).length ? what(input) : { how: 'officer' as const, detail: {} };
  return record(ctx, input, deps, services, chosen.row, officer, how, detail);
}

export const evidenceCommand: Command = {
  name: NAME,
  matches: (text, input) =>
    input?.submit?.waymark === EVIDENCE_SENT ||
    meetingCommandKind(text) === 'evidence' ||
    (input?.files?.length ?? 0) > 0 ||
    (input?.conversation.type === 'personal' && linksIn(text).length > 0),
  access: ACCESS,
  handle,
};
