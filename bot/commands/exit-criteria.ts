/**
 * Reading's exit criteria in the chat (officers only, where only the team reads the answer):
 * "exit criteria for Coley" shows the five criteria of a RAP school (category R or C) ticked
 * or not, by whom and when, with a button to tick or untick each; "tick exit criterion 3 for
 * Coley" / "untick …" records it (with the day, audited) and writes the school's pending RAP
 * agendas again so they show it. Another framework, or a school not in intervention, gets a
 * plain message saying why there is no checklist.
 */
import { getFramework, type Framework } from '../../core/frameworks/index.js';
import { askButton, CARD_SCHEMA } from '../../core/messages/card.js';
import { EXIT_CRITERIA, exitChecklist, exitCriteriaFor, exitCriterion, tickWords, type ExitChecklist } from '../../core/cycle/index.js';
import { refreshAgendas, recordTick, ticksOf } from '../exit-criteria/repo.js';
import { OFFICER_COMMAND, OFFICERS_ONLY, auditMeetingCommand } from '../meetings/command-kit.js';
import { lookupSchool, type KnownSchool } from '../meetings/lookup.js';
import type { AuditOutcome } from '../store/store.js';
import type { Command, CommandContext, CommandInput, Reply } from './types.js';

const SHOW = /^(?:show\s+(?:me\s+)?)?(?:the\s+)?exit\s+criteria\s+(?:for|of)\s+(.+?)\s*[.?!]?$/i;
const TICK = /^(tick|untick|un-tick)\s+(?:exit\s+)?criteri(?:on|a)\s+(\d{1,2})\s+(?:for|of)\s+(.+?)\s*[.!]?$/i;

function frameworkOf(ctx: CommandContext): Framework | undefined {
  if (ctx.meetings) return ctx.meetings.framework;
  const f = getFramework(ctx.config.framework);
  return f.ok ? f.value : undefined;
}

/** The checklist as a card: each criterion in the seed's words, its state, and a button to change it. */
export function checklistReply(school: KnownSchool, checklist: ExitChecklist, lead?: string): Reply {
  const title = `Exit criteria: ${school.name} (URN ${school.urn})`;
  const count = `${checklist.tickedCount} of ${checklist.items.length} met. ${checklist.set.intro}`;
  const text = [
    ...(lead ? [lead, ''] : []),
    title,
    count,
    ...checklist.items.map((i) => `${i.ticked ? '☑' : '☐'} ${i.number}. ${i.quote} (${tickWords(i)})`),
    `Source: ${checklist.set.seed}. Say "tick exit criterion 3 for ${school.urn}" or "untick …".`,
  ].join('\n');
  const body: Record<string, unknown>[] = [
    ...(lead ? [{ type: 'TextBlock', text: lead, wrap: true, weight: 'Bolder' }] : []),
    { type: 'TextBlock', text: title, weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', text: count, wrap: true, isSubtle: true },
    ...checklist.items.map((i) => ({
      type: 'Container',
      separator: true,
      items: [
        { type: 'TextBlock', text: `${i.ticked ? '☑' : '☐'} **${i.number}.** ${i.quote}`, wrap: true },
        { type: 'TextBlock', text: tickWords(i), wrap: true, isSubtle: true, spacing: 'None' },
        {
          type: 'ActionSet',
          actions: [
            askButton(i.ticked ? `Untick ${i.number}` : `Tick ${i.number}`, `${i.ticked ? 'untick' : 'tick'} exit criterion ${i.number} for ${school.urn}`),
          ],
        },
      ],
    })),
    { type: 'TextBlock', text: `Source: ${checklist.set.seed}`, wrap: true, isSubtle: true, size: 'Small' },
  ];
  return { text, card: { type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: '1.5', fallbackText: text, body } };
}

type Found = { ok: true; school: KnownSchool; framework: Framework; checklist: ExitChecklist } | { ok: false; reply: Reply; outcome: AuditOutcome; urn?: string };

/** The school and its checklist, or the reply saying why there is none. */
async function findChecklist(ctx: CommandContext, schoolText: string, retry: string): Promise<Found> {
  const framework = frameworkOf(ctx);
  if (!framework) return { ok: false, reply: { text: 'Waymark has no framework set up, so it cannot tell which exit criteria apply.' }, outcome: 'not-found' };
  if (!EXIT_CRITERIA[framework.id]) {
    const which = Object.values(EXIT_CRITERIA).map((s) => s.seed).join('; ');
    return {
      ok: false,
      reply: { text: `This team's framework (${framework.name}) has no exit criteria: its seed names none. The only ones Waymark knows are in ${which}, for its RAP schools.` },
      outcome: 'not-found',
    };
  }
  const found = lookupSchool(schoolText, ctx.directory.current(), retry);
  if (!found.ok) return { ok: false, reply: found.reply, outcome: 'not-found' };
  const school = found.school;
  const set = exitCriteriaFor(framework.id, school.category?.category.code);
  if (!set.ok) {
    return { ok: false, reply: { text: `${school.name} (URN ${school.urn}) has no exit criteria checklist: ${set.error}.` }, outcome: 'allowed', urn: school.urn };
  }
  const checklist = exitChecklist(set.value, await ticksOf(ctx.store.db, school.urn, framework.id));
  return { ok: true, school, framework, checklist };
}

async function refuse(ctx: CommandContext, input: CommandInput, name: string): Promise<Reply> {
  await auditMeetingCommand(ctx, input, name, 'refused');
  return OFFICERS_ONLY;
}

async function show(input: CommandInput, ctx: CommandContext): Promise<Reply> {
  if (ctx.role !== 'officer') return refuse(ctx, input, SHOW_NAME);
  const [, schoolText = ''] = SHOW.exec(input.text) ?? [];
  const found = await findChecklist(ctx, schoolText, 'exit criteria for {school}');
  await auditMeetingCommand(ctx, input, SHOW_NAME, found.ok ? 'allowed' : found.outcome, found.ok ? found.school.urn : found.urn);
  if (!found.ok) return found.reply;
  return checklistReply(found.school, found.checklist);
}

async function tick(input: CommandInput, ctx: CommandContext): Promise<Reply> {
  if (ctx.role !== 'officer') return refuse(ctx, input, TICK_NAME);
  const [, verb = 'tick', number = '', schoolText = ''] = TICK.exec(input.text) ?? [];
  const ticked = verb.toLowerCase() === 'tick';
  const n = Number(number);
  const found = await findChecklist(ctx, schoolText, `${ticked ? 'tick' : 'untick'} exit criterion ${n} for {school}`);
  if (!found.ok) {
    await auditMeetingCommand(ctx, input, TICK_NAME, found.outcome, found.urn);
    return found.reply;
  }
  const { school, framework, checklist } = found;
  const criterion = exitCriterion(checklist.set, n);
  if (!criterion.ok) {
    await auditMeetingCommand(ctx, input, TICK_NAME, 'not-found', school.urn);
    return { text: `${criterion.error.charAt(0).toUpperCase()}${criterion.error.slice(1)}.` };
  }
  const item = checklist.items.find((i) => i.number === n);
  if (item && item.ticked === ticked) {
    await auditMeetingCommand(ctx, input, TICK_NAME, 'allowed', school.urn);
    return checklistReply(school, checklist, `Exit criterion ${n} for ${school.name} is already ${ticked ? 'ticked' : 'unticked'}${item.last ? ` (${tickWords(item)})` : ''}: nothing changed.`);
  }
  const db = ctx.store.db;
  const byName = input.user.name?.trim() || 'an officer';
  const updated = await db.transaction(async (tx) => {
    await recordTick(tx, { schoolUrn: school.urn, frameworkId: framework.id, n, ticked, byId: input.user.aadObjectId ?? input.user.id, byName, at: ctx.now() });
    return refreshAgendas(tx, school.urn, framework);
  });
  await auditMeetingCommand(ctx, input, TICK_NAME, 'allowed', school.urn);
  const now = exitChecklist(checklist.set, await ticksOf(db, school.urn, framework.id));
  const agendas = updated > 0 ? ` Its RAP agenda still to be sent (${updated} message${updated === 1 ? '' : 's'}) now shows it.` : '';
  return checklistReply(school, now, `${ticked ? 'Ticked' : 'Unticked'} exit criterion ${n} for ${school.name}: ${now.tickedCount} of ${now.items.length} met.${agendas}`);
}

const SHOW_NAME = 'exit-criteria';
const TICK_NAME = 'tick-exit-criterion';

export const exitCriteriaCommand: Command = { name: SHOW_NAME, access: OFFICER_COMMAND, matches: (text) => SHOW.test(text.trim()), handle: show };
export const tickExitCriterionCommand: Command = { name: TICK_NAME, access: OFFICER_COMMAND, matches: (text) => TICK.test(text.trim()), handle: tick };
