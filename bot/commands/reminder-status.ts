/**
 * "status of Oakfield's reminders" (officers): for each of the school's meetings, every
 * reminder by step and recipient: sent (when, how), failed (why), blocked by the user, no
 * route, pending (when), skipped (evidence in, or the meeting had already started) or cancelled (why).
 * "status of Oakfield" says the same. A warning notice recorded for the school comes first, with
 * its statutory dates (officers only, as the whole reply).
 */
import { meetingCommandKind } from '../../core/meetings/parseMeetingCommand/index.js';
import type { OutboxRow } from '../outbox/types.js';
import { warningNoticeBlock, warningNoticesOf } from '../cycle/warning-notices.js';
import { auditMeetingCommand, beginOfficerCommand, OFFICER_COMMAND, todayIn } from '../meetings/command-kit.js';
import { lookupSchool, type KnownSchool } from '../meetings/lookup.js';
import { evidenceAsked, splitByRoute } from '../meetings/reach.js';
import { evidenceFor, meetingsOfSchool } from '../meetings/repo.js';
import { meetingTypeOf } from '../meetings/services.js';
import { longStart, schoolWords, shortInstant, STEP_WORDS } from '../meetings/words.js';
import type { Command, CommandContext, CommandInput, Reply } from './types.js';

const NAME = 'reminder-status';
/** Meetings shown, latest first: enough for the term, short enough to read. */
const MAX_MEETINGS = 5;

const VIA: Record<NonNullable<OutboxRow['via']>, string> = { teams: 'Teams chat', email: 'e-mail', channel: 'the team channel' };

function recipientWords(row: OutboxRow, school: KnownSchool): string {
  switch (row.recipientRole) {
    case 'channel':
      return 'team channel';
    case 'members':
      return 'members';
    case 'head':
      return `head${row.recipient?.name ?? school.head ? ` (${row.recipient?.name ?? school.head})` : ''}`;
    case 'officer':
      return `officer${row.recipient?.name ?? school.officer ? ` (${row.recipient?.name ?? school.officer})` : ''}`;
  }
}

/** What happened to one reminder, in words. */
export function statusWords(row: OutboxRow): string {
  const reason = row.lastError ? `: ${row.lastError}` : '';
  switch (row.status) {
    case 'sent':
      return `sent ${row.sentAt ? shortInstant(row.sentAt) : ''}${row.via ? ` by ${VIA[row.via]}` : ''}`.replace(/\s+by/, ' by').trim();
    case 'failed':
      return `failed after ${row.attempts} ${row.attempts === 1 ? 'attempt' : 'attempts'}${reason}`;
    case 'blocked':
      return 'blocked: the recipient has blocked Waymark in Teams';
    case 'no-route':
      return `no route${reason || ': no Teams chat with the bot and no e-mail address'}`;
    case 'pending':
      return `pending, due ${shortInstant(row.sendAt)}`;
    case 'claimed':
      return 'being sent now';
    case 'skipped':
      // 'evidence received' (the usual case), or why else it was not sent (the meeting had started).
      return !row.lastError || row.lastError === 'evidence received' ? 'skipped: evidence was in' : `skipped: ${row.lastError}`;
    case 'cancelled':
      return `cancelled${reason}`;
  }
}

async function handle(input: CommandInput, ctx: CommandContext): Promise<Reply> {
  const begun = await beginOfficerCommand(input, ctx, NAME, 'status');
  if (!begun.ok) return begun.reply;
  const { services, deps, command } = begun;

  const found = lookupSchool(command.school, ctx.directory.current(), "status of {school}'s reminders");
  if (!found.ok) return found.reply;
  const school = found.school;
  await auditMeetingCommand(ctx, input, NAME, 'allowed', school.urn);
  const [meetings, rows] = await Promise.all([meetingsOfSchool(deps.db, school.urn), services.outbox.forSchool(school.urn)]);
  const title = `**Reminders for ${schoolWords({ schoolName: school.name, schoolUrn: school.urn })}**`;
  const notices = (await warningNoticesOf(deps.db, school.urn)).map((n) => warningNoticeBlock(n, services.calendar, todayIn(ctx)));
  if (meetings.length === 0) return { text: [title, ...notices, 'No meetings have been scheduled for this school.'].join('\n\n') };

  const blocks: string[] = [];
  for (const m of meetings.slice(0, MAX_MEETINGS)) {
    const type = meetingTypeOf(m, services.framework);
    const evidence = await evidenceFor(deps.db, m.id);
    const mine = rows.filter((r) => r.meetingId === m.id).sort((a, b) => a.sendAt.getTime() - b.sendAt.getTime() || a.key.localeCompare(b.key));
    const where = { schoolName: m.schoolName, schoolUrn: m.schoolUrn };
    const asked = !evidence[0] && m.status === 'scheduled' ? await evidenceAsked(services.route, mine, where) : undefined;
    const head = [
      `${type?.name ?? m.typeId}, ${longStart(m.startsAt)} (${m.status})`,
      evidence[0]
        ? `evidence in since ${shortInstant(evidence[0].receivedAt)}`
        : asked === undefined
          ? undefined
          : asked.asked
            ? 'evidence awaited'
            : `no evidence asked for: ${asked.reason}${asked.fix ? ` (to fix: ${asked.fix})` : ''}`,
    ].filter(Boolean).join(' · ');
    // A reminder still to go with no route now will fail when due: said beside it.
    const { noRoute } = await splitByRoute(services.route, mine.filter((r) => r.status === 'pending'), where);
    const dead = new Map(noRoute.map((n) => [n.row.key, n.route.why ?? n.route.reason]));
    const lines = mine.map((r) => `- ${STEP_WORDS[r.step] ?? r.step} → ${recipientWords(r, school)}: ${statusWords(r)}${dead.has(r.key) ? `, but no route now (${dead.get(r.key)})` : ''}`);
    blocks.push([`**${head}**`, ...(lines.length > 0 ? lines : ['- no reminders'])].join('\n'));
  }
  const more = meetings.length > MAX_MEETINGS ? [`(${meetings.length - MAX_MEETINGS} older meetings not shown)`] : [];
  return { text: [title, ...notices, ...blocks, ...more].join('\n\n') };
}

export const reminderStatusCommand: Command = {
  name: NAME,
  matches: (text) => meetingCommandKind(text) === 'status',
  access: OFFICER_COMMAND,
  handle,
};
