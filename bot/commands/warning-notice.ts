/**
 * "warning notice issued to Oakfield today" (officers only, personal chat or team channel, as
 * every officer command): the statutory dates (core/cycle: compliance, representations,
 * earliest intervention) and reminders to the school's officer 2 working days before each and
 * on the day, through the outbox (exactly once, paced). The notice is recorded (once per school
 * and day) for "status of X" and the summary. Nothing goes to the school.
 */
import { isWorkingDay, londonDateTime, previousWorkingDay, subWorkingDays } from '../../core/calendar/index.js';
import { dayWords, warningNoticeClocks, type ClockDate } from '../../core/cycle/index.js';
import { LETTER_KINDS } from '../../core/letters/index.js';
import { OFFICER_COMMAND, auditMeetingCommand, officerAccess, todayIn } from '../meetings/command-kit.js';
import { recordWarningNotice } from '../cycle/warning-notices.js';
import { lookupSchool } from '../meetings/lookup.js';
import type { NewOutboxItem } from '../outbox/types.js';
import type { Command, CommandContext, CommandInput, Reply } from './types.js';

const NAME = 'warning-notice';
const PATTERN = /^(?:a\s+)?(?:formal\s+)?warning\s+notice\s+(?:was\s+|has\s+been\s+)?(?:issued|given)\s+to\s+(.+?)(?:\s+(today|on\s+.+))?\s*[.!]?$/i;
const looksLikeEmail = (s: string) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(s);

async function handle(input: CommandInput, ctx: CommandContext): Promise<Reply> {
  const access = await officerAccess(input, ctx, NAME);
  if (!access.ok) return access.reply;
  const { services } = access;
  const [, schoolText = '', when] = PATTERN.exec(input.text) ?? [];
  if (when && when.toLowerCase() !== 'today') {
    return { text: 'I can record a warning notice issued today: say "warning notice issued to <school> today" on the day it is given.' };
  }
  const found = lookupSchool(schoolText, ctx.directory.current(), 'warning notice issued to {school} today');
  if (!found.ok) return found.reply;
  const school = found.school;
  const issuedOn = todayIn(ctx);
  const clocks = warningNoticeClocks({ issuedOn }, services.calendar);
  await auditMeetingCommand(ctx, input, NAME, clocks.ok ? 'allowed' : 'not-found', school.urn);
  if (!clocks.ok) return { text: `I could not count the warning notice's dates: ${clocks.error}` };
  // Kept for "status of X" and the summary; the same school and day is recorded once.
  await recordWarningNotice(
    ctx.store.db,
    { schoolUrn: school.urn, schoolName: school.name, issuedOn, issuedById: input.user.aadObjectId ?? input.user.id, ...(input.user.name ? { issuedByName: input.user.name } : {}) },
    ctx.now(),
  );

  // Reminders on the team's working days (its holidays do not stop the statutory clock, so a
  // deadline in a holiday is reminded on the last working day before it).
  const cal = services.calendar;
  const now = ctx.now();
  const officer = school.officer?.trim();
  const meetingId = `warning-notice:${school.urn}:${issuedOn}`;
  const due = [clocks.value.complianceDeadline, clocks.value.earliestIntervention];
  const items: NewOutboxItem[] = [];
  for (const d of due) {
    const onDay = isWorkingDay(d.day, cal) ? d.day : previousWorkingDay(d.day, cal);
    for (const [when, day] of [['before', subWorkingDays(d.day, 2, cal)], ['on', onDay]] as const) {
      const sendAt = londonDateTime(day, '08:00');
      if (sendAt.getTime() < now.getTime()) continue;
      const text = `Warning notice to ${school.name} (given ${dayWords(issuedOn)}): ${when === 'on' ? 'today is' : 'coming up on'} ${dayWords(d.day)}, the ${d.label} (${d.seed}).`;
      items.push({
        key: `${meetingId}:${d.id}:${when}:${officer ? 'officer' : 'channel'}`,
        meetingId,
        schoolUrn: school.urn,
        step: 'warning-notice',
        recipientRole: officer ? 'officer' : 'channel',
        ...(officer ? { recipient: looksLikeEmail(officer) ? { email: officer.toLowerCase() } : { name: officer } } : {}),
        condition: 'always',
        sendAt,
        message: { subject: `Warning notice: ${school.name}`, text },
      });
    }
  }
  const added = await services.outbox.enqueue(items);
  const line = (d: ClockDate) => `- **${dayWords(d.day)}**: ${d.label}${d.expected ? ' (usually)' : ''}. ${d.rule} [${d.seed}]`;
  return {
    text: [
      `Warning notice to ${school.name} (URN ${school.urn}) given ${dayWords(issuedOn)}.`,
      'Statutory dates (working days: weekdays less bank holidays; school holidays do not stop them):',
      ...clocks.value.dates.map(line),
      '',
      items.length === 0
        ? 'No reminders: these dates have passed.'
        : `Reminders to ${officer ?? 'the team channel'} at 08:00 on ${[...new Set(items.map((i) => dayWords(i.sendAt.toISOString().slice(0, 10))))].join(', ')}${added < items.length ? ' (already planned when first told)' : ''}.`,
      (LETTER_KINDS[services.framework.id] ?? []).includes('warning-notice')
        ? `Nothing is sent to the school: the notice itself is yours to give (draft it with "draft the warning notice letter for ${school.urn}", or npm run letter).`
        : 'Nothing is sent to the school: the notice itself is yours to give.',
      `"status of ${school.name}" shows these dates again.`,
    ].join('\n'),
  };
}

export const warningNoticeCommand: Command = {
  name: NAME,
  access: OFFICER_COMMAND,
  matches: (text) => PATTERN.test(text.trim()),
  handle,
};
