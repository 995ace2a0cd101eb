/**
 * An officer's questions about schools in their own words: a school's category, why it is in
 * it, what would move it, its history, the team summary and what changed. A question without
 * a school ("and what would move it?") is about the conversation's last school.
 *
 * Access: officers only, and only where only the improvement team reads the answer (a 1:1
 * chat or the team's channel; never a group chat). A plain category question about a named
 * school goes to the category command, which also answers heads about their own school.
 * Every question is audited before anything is shown.
 */
import { addDays, format, parseISO, subYears } from 'date-fns';
import { makeCalendar, type WorkingCalendar } from '../../core/calendar/index.js';
import { getFramework, type Framework } from '../../core/frameworks/index.js';
import { londonDay } from '../../core/calendar/londonDay/index.js';
import { chooseSchoolReply, longDate, notFoundReply, refusalReply, schoolButtons } from '../../core/messages/categoryReply.js';
import { textCard } from '../../core/messages/card.js';
import { explainCategory, whatWouldMoveIt } from '../../core/rating/index.js';
import type { IndicatorRating } from '../../core/rating/types.js';
import { findSchools } from '../../core/schools/findSchools.js';
import { parseIntent, type SchoolIntent } from '../../core/schools/parseIntent.js';
import type { SchoolRecord } from '../../core/schools/types.js';
import { parseDateWords } from './date-words.js';
import { changesSince, changeWords, historyOf, lastChanges, lastSchool, rememberSchool } from '../history/history.js';
import { warningNoticesSince, warningNoticeSummaryLine } from '../cycle/warning-notices.js';
import { meetingsBetween } from '../meetings/repo.js';
import type { AuditOutcome } from '../store/store.js';
import { TEAM_ONLY } from './access.js';
import { categoryQuery } from './category-query.js';
import type { Command, CommandContext, CommandInput, Reply } from './types.js';

type SchoolIntentWith<K extends SchoolIntent['kind']> = Extract<SchoolIntent, { kind: K }>;

const who = (s: SchoolRecord): string => `${s.name}${s.urn ? ` (URN ${s.urn})` : ''}`;
const dateOf = (d: Date): string => longDate(londonDay(d));

function frameworkOf(ctx: CommandContext): Framework | undefined {
  if (ctx.meetings) return ctx.meetings.framework;
  const f = getFramework(ctx.config.framework);
  return f.ok ? f.value : undefined;
}

const card = (title: string, paragraphs: readonly string[], school?: SchoolRecord): Reply => {
  const text = [title, ...paragraphs].join('\n\n');
  const c = textCard({ title, paragraphs, fallbackText: text });
  return { text, card: school ? { ...c, actions: schoolButtons(school) } : c };
};

/** How each intent asks again about a school a button names. */
function askFor(intent: SchoolIntent): (which: string) => string {
  switch (intent.kind) {
    case 'why':
      return (w) => `why is ${w} in that category?`;
    case 'move':
      return (w) => (intent.target ? `what would it take for ${w} to be ${intent.target.toUpperCase()}?` : `what would move ${w} ${intent.direction === 'better' ? 'up' : 'down'}?`);
    case 'history':
      return (w) => `history of ${w}`;
    default:
      return (w) => `category of ${w}`;
  }
}

function why(s: SchoolRecord, framework: Framework, intent: SchoolIntentWith<'why'>): Reply {
  const e = explainCategory(s.ratings ?? [], framework);
  const paragraphs: string[] = [];
  const standing = s.category?.category;
  if (intent.category && standing && intent.category.toLowerCase() !== standing.code.toLowerCase()) {
    paragraphs.push(`It is not ${intent.category.toUpperCase()}: its category is ${standing.code} — ${standing.label}.`);
  }
  if (s.category?.source === 'officer' && s.suggested && s.suggested.code !== s.category.category.code) {
    paragraphs.push(`The officer's category is ${s.category.category.code}, which stands; Waymark suggests ${s.suggested.code}. Why Waymark suggests ${s.suggested.code}:`);
  } else if (s.category?.source === 'officer') {
    paragraphs.push(`The officer's category is ${s.category.category.code}, and Waymark suggests the same:`);
  }
  paragraphs.push(e.text);
  if (s.dataDate) paragraphs.push(`Data as at ${longDate(s.dataDate)}.`);
  return card(`Why ${who(s)} is ${e.category ? e.category.code : 'without a suggestion'}`, paragraphs, s);
}

function move(s: SchoolRecord, framework: Framework, intent: SchoolIntentWith<'move'>): Reply {
  let ratings: readonly IndicatorRating[] = s.ratings ?? [];
  const title = `What would move ${who(s)}`;
  const target = intent.target ? framework.categories.findIndex((c) => c.code.toLowerCase() === intent.target || c.aliases.some((a) => a.toLowerCase() === intent.target)) : -1;
  if (intent.target && target < 0) {
    return card(title, [`"${intent.target.toUpperCase()}" is not one of this framework's categories: ${framework.categories.map((c) => c.code).join(', ')}.`], s);
  }
  const nowCode = s.suggested?.code;
  const nowIndex = framework.categories.findIndex((c) => c.code === nowCode);
  const direction = target >= 0 && nowIndex >= 0 ? (target < nowIndex ? 'better' : 'worse') : intent.direction;
  if (target >= 0 && target === nowIndex) return card(title, [`Waymark already suggests ${nowCode} for ${s.name}.`], s);
  // Step by step until the target is reached (at most three steps), each the smallest change.
  const steps: string[] = [];
  for (let round = 0; round < 3; round++) {
    const m = whatWouldMoveIt(ratings, framework, direction);
    if (m.status === 'cannot') {
      steps.push(m.text);
      break;
    }
    steps.push(m.text);
    // Apply the change as core rated it, so the next step starts where this one lands.
    const byId = new Map(m.changes.map((c) => [c.indicatorId, c.after]));
    ratings = [...ratings.filter((r) => !byId.has(r.indicator.id)), ...byId.values()];
    const reached = framework.categories.findIndex((c) => c.code === m.target.code);
    if (target < 0 || (direction === 'better' ? reached <= target : reached >= target)) break;
  }
  const officer = s.category?.source === 'officer' ? ` The officer's category (${s.category.category.code}) stands whatever Waymark suggests.` : '';
  return card(title, [`Waymark suggests ${nowCode ?? 'nothing yet'} now.${officer}`, ...steps], s);
}

async function history(s: SchoolRecord, ctx: CommandContext): Promise<Reply> {
  const rows = s.urn ? await historyOf(ctx.store.db, s.urn) : [];
  const title = `Category history of ${who(s)}`;
  if (rows.length === 0) return card(title, ['No history yet: it starts the first time the workbook is loaded with this school.'], s);
  const lines = rows.map((r, i) => {
    const what = `officer category ${r.officerCode ?? 'none'}, Waymark's suggestion ${r.suggestedCode ?? 'none'}`;
    return `${dateOf(r.loadedAt)}: ${i === 0 ? 'first seen with ' : ''}${what}${r.dataDate ? ` (data as at ${longDate(r.dataDate)})` : ''}.`;
  });
  return card(title, lines, s);
}

async function summary(ctx: CommandContext, schools: readonly SchoolRecord[], framework: Framework): Promise<Reply> {
  const now = ctx.now();
  const last = await lastChanges(ctx.store.db);
  const delta = new Map<string, number>();
  for (const c of last?.changes ?? []) {
    const before = c.before.officerCode ?? c.before.suggestedCode;
    const after = c.after.officerCode ?? c.after.suggestedCode;
    if (before === after) continue;
    if (before) delta.set(before, (delta.get(before) ?? 0) - 1);
    if (after) delta.set(after, (delta.get(after) ?? 0) + 1);
  }
  const counts = framework.categories.map((c) => {
    const n = schools.filter((s) => s.category?.category.code === c.code).length;
    const d = delta.get(c.code) ?? 0;
    return `${c.code} — ${c.label}: ${n}${d !== 0 ? ` (${d > 0 ? '+' : ''}${d} since ${dateOf(last!.at)})` : ''}`;
  });
  const none = schools.filter((s) => !s.category).length;
  if (none > 0) counts.push(`No category (insufficient data): ${none}`);
  const differ = schools.filter((s) => s.category?.source === 'officer' && s.suggested && s.suggested.code !== s.category.category.code);
  const today = londonDay(now);
  const meetings = await meetingsBetween(ctx.store.db, today, londonDay(addDays(now, 28)));
  const { rows: overdue } = await ctx.store.db.query<{ school_name: string; starts_at: string }>(
    `SELECT DISTINCT m.school_name, m.starts_at FROM outbox o JOIN meetings m ON m.id = o.meeting_id
      WHERE o.step = 'evidence-due' AND o.send_at < $1 AND m.status = 'scheduled'
        AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.meeting_id = m.id) ORDER BY m.starts_at`,
    [now],
  );
  const { rows: failed } = await ctx.store.db.query<{ n: string | number }>(
    `SELECT count(*) AS n FROM outbox WHERE status IN ('failed', 'no-route', 'blocked')`,
  );
  const failedCount = Number(failed[0]?.n ?? 0);
  // Statutory dates count weekdays less bank holidays: without the team's calendar, England and Wales' bank holidays.
  const calendar: WorkingCalendar = ctx.meetings?.calendar ?? makeCalendar();
  const notices = await warningNoticesSince(ctx.store.db, format(subYears(parseISO(today), 1), 'yyyy-MM-dd'));
  const meetingDay = (startsAt: string) => `${longDate(startsAt.slice(0, 10))}${startsAt.length > 10 ? ` at ${startsAt.slice(11, 16)}` : ''}`;
  const paragraphs = [
    `Categories (${schools.length} schools): ${counts.join('; ')}.`,
    differ.length === 0
      ? "Every officer category agrees with Waymark's suggestion."
      : `Officer category differs from Waymark's suggestion (${differ.length}): ${differ.map((s) => `${s.name} ${s.category!.category.code} (suggests ${s.suggested!.code})`).join('; ')}.`,
    meetings.length === 0
      ? 'No meetings in the next 4 weeks.'
      : `Meetings in the next 4 weeks (${meetings.length}): ${meetings.map((m) => `${m.schoolName}, ${meetingDay(m.startsAt)}`).join('; ')}.`,
    overdue.length === 0 ? 'No evidence overdue.' : `Evidence overdue (${overdue.length}): ${overdue.map((o) => `${o.school_name} for ${meetingDay(o.starts_at)}`).join('; ')}.`,
    failedCount === 0 ? 'No reminders failed.' : `Reminders that could not be sent: ${failedCount} (ask "status of <school>'s reminders").`,
    ...(notices.length === 0
      ? []
      : [`Warning notices given in the last year (${notices.length}):\n${notices.map((n) => `- ${warningNoticeSummaryLine(n, calendar, today)}`).join('\n')}`]),
  ];
  const reply = card('Team summary', paragraphs);
  return { ...reply, suggestions: ['what changed?'] };
}

async function changed(ctx: CommandContext, intent: SchoolIntentWith<'changed'>): Promise<Reply> {
  const now = ctx.now();
  let since: Date;
  let sinceWords: string;
  if (intent.since) {
    const day = parseDateWords(intent.since, now);
    if (!day) return { text: `I couldn't read "${intent.since}" as a date. Try "what changed since 1 November" or "since last week".` };
    since = day;
    sinceWords = dateOf(day);
  } else {
    since = addDays(now, -28);
    sinceWords = `${dateOf(since)} (the last 4 weeks)`;
  }
  const list = await changesSince(ctx.store.db, since);
  const title = `Category changes since ${sinceWords}`;
  if (list.length === 0) return card(title, ['No category changed.']);
  return card(title, list.map((c) => `${dateOf(c.after.loadedAt)}: ${c.after.schoolName} (URN ${c.after.schoolUrn}): ${changeWords(c)}.`));
}

async function handle(input: CommandInput, ctx: CommandContext): Promise<Reply> {
  const intent = parseIntent(input.text);
  if (!intent) throw new Error('school-question: handle called for a message it does not match');
  const snapshot = ctx.directory.current();

  const audit = (outcome: AuditOutcome, schoolUrn?: string) =>
    ctx.store.audit.record({
      actorId: input.user.aadObjectId ?? input.user.id,
      actorRole: ctx.role === 'officer' ? 'officer' : 'guest',
      command: schoolQuestions.name,
      question: input.text,
      schoolUrn,
      outcome,
      conversationType: input.conversation.type,
      at: ctx.now(),
    });
  const framework = frameworkOf(ctx);
  if (!snapshot.loadedAt || !framework) {
    await audit('not-found');
    return { text: 'The categorisation workbook has not been read yet; try again in a moment.' };
  }
  if (intent.kind === 'summary') {
    await audit('allowed');
    return summary(ctx, snapshot.schools, framework);
  }
  if (intent.kind === 'changed') {
    await audit('allowed');
    return changed(ctx, intent);
  }

  let school: SchoolRecord | undefined;
  if (intent.school) {
    const m = findSchools(intent.school, snapshot.index);
    if (m.kind === 'several') {
      await audit('allowed');
      return chooseSchoolReply(intent.school, m.schools, askFor(intent));
    }
    if (m.kind === 'none') {
      await audit('not-found');
      return notFoundReply(intent.school, m.closest, askFor(intent));
    }
    school = m.school;
  } else {
    const urn = await lastSchool(ctx.store.db, input.conversation.id);
    school = urn ? snapshot.index.byUrn.get(urn) : undefined;
    if (!school) {
      await audit('not-found');
      return { text: 'Which school? Name it, for example "why is Oakfield in that category?" or "what would move 101234 up?".' };
    }
  }
  await audit('allowed', school.urn);
  if (school.urn) await rememberSchool(ctx.store.db, input.conversation.id, school.urn, ctx.now());
  switch (intent.kind) {
    case 'category':
      return categoryQuery.handle({ ...input, text: `category of ${school.urn ?? school.name}` }, ctx);
    case 'why':
      return why(school, framework, intent);
    case 'move':
      return move(school, framework, intent);
    case 'history':
      return history(school, ctx);
  }
}

/** A named school's category is the category command's (it also answers heads); the rest is ours. */
function matches(text: string): boolean {
  const intent = parseIntent(text);
  return intent !== undefined && !(intent.kind === 'category' && intent.school !== undefined);
}

export const schoolQuestions: Command = {
  name: 'school-question',
  // Category information: officers only, where only they or the team read the answer.
  access: { officer: TEAM_ONLY, head: [], anyone: [], refusal: refusalReply },
  matches,
  handle,
};
