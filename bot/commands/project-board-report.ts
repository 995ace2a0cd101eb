/**
 * "project board report for Queensway" (officers only, where only the team reads the answer):
 * Camden's project board report template (Appendix F) for the school's next project board,
 * filled with what the workbook holds, as a card: who is present, the school's header, the end
 * of year aims and this board's "Actual" column, progress and risk to agree, the key from the
 * seed (and what the seed leaves out), and what is left for the officer. The Word document
 * (letters/project-board.ts, also `npm run report`) comes with it as a file for the officer
 * alone (Reply.file: offered in their personal chat); nothing is sent to the school.
 */
import { getFramework, type Framework } from '../../core/frameworks/index.js';
import { projectBoardFacts, projectBoardReport, type Field, type ProjectBoardReport } from '../../core/cycle/index.js';
import { CARD_SCHEMA } from '../../core/messages/card.js';
import { OFFICER_COMMAND, OFFICERS_ONLY, auditMeetingCommand, todayIn } from '../meetings/command-kit.js';
import { lookupSchool } from '../meetings/lookup.js';
import { upcomingMeetings } from '../meetings/repo.js';
import { meetingTypeOf } from '../meetings/services.js';
import { projectBoardReportFile } from '../../letters/project-board.js';
import type { Command, CommandContext, CommandInput, Reply } from './types.js';

const NAME = 'project-board-report';
const PATTERN = /^(?:(?:draft|make|produce|show)\s+(?:me\s+)?)?(?:the\s+|a\s+)?project\s+board\s+report\s+(?:for|of)\s+(.+?)\s*[.?!]?$/i;

function frameworkOf(ctx: CommandContext): Framework | undefined {
  if (ctx.meetings) return ctx.meetings.framework;
  const f = getFramework(ctx.config.framework);
  return f.ok ? f.value : undefined;
}

const shown = (f: Field) => (f.value !== undefined ? f.value : `${f.blank ?? ''} (to fill)`);

/** The report as chat text and a card (FactSet per part). */
export function reportReply(r: ProjectBoardReport, cliHint: string): Reply {
  const facts = (pairs: readonly (readonly [string, string])[]) => ({ type: 'FactSet', facts: pairs.map(([title, value]) => ({ title, value })) });
  const header: [string, string][] = [
    ['Board', `${r.meetingName ?? 'Project board'}, ${r.date}`],
    ['Present', r.present.map((p) => `${shown(p)} (${p.label})`).join(', ')],
    ['Timescale for Support', r.timescale.map((f) => `${f.label} ${shown(f)}`).join('; ')],
    ['Level of additional support', r.level.chosen ?? `Targeted / Intensive (to fill)`],
    ['Ofsted', r.ofsted.map((f) => `${f.label}: ${shown(f)}`).join('; ')],
    [`End of Year (EoY) Aims ${r.academicYear}`, `up to ${r.aimRows} key priorities: ${r.aimColumns.join(' | ')}; this board fills "${r.thisBoardColumn}"`],
    [r.progress.heading, `${r.progress.options.join(' / ')} (to agree)`],
    [r.risk.heading, `${r.risk.options.join(' / ')} (to agree)`],
  ];
  const key: [string, string][] = [...r.key.progress.map((k): [string, string] => [`Progress: ${k.level}`, k.quote]), ...r.key.risk.map((k): [string, string] => [`Risk: ${k.level}`, k.quote])];
  const title = `Project board report: ${r.schoolLine}`;
  const text = [
    title,
    ...header.map(([t, v]) => `- ${t}: ${v}`),
    `Key (${r.key.progressHeading}; ${r.key.riskHeading}):`,
    ...key.map(([t, v]) => `- ${t}: ${v}`),
    r.key.note,
    `To fill: ${r.toFill.join('; ')}.`,
    cliHint,
    `Source: ${r.source}.`,
  ].join('\n');
  const body = [
    { type: 'TextBlock', text: title, weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', text: r.draftNotice, wrap: true, isSubtle: true },
    facts(header),
    { type: 'TextBlock', text: `Key: ${r.key.progressHeading} (overall) and ${r.key.riskHeading}`, weight: 'Bolder', wrap: true, separator: true },
    facts(key),
    { type: 'TextBlock', text: r.key.note, wrap: true, isSubtle: true },
    { type: 'TextBlock', text: `To fill: ${r.toFill.join('; ')}.`, wrap: true, separator: true },
    { type: 'TextBlock', text: cliHint, wrap: true },
    { type: 'TextBlock', text: `Source: ${r.source}`, wrap: true, isSubtle: true, size: 'Small' },
  ];
  return { text, card: { type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: '1.5', fallbackText: text, body } };
}

async function handle(input: CommandInput, ctx: CommandContext): Promise<Reply> {
  if (ctx.role !== 'officer') {
    await auditMeetingCommand(ctx, input, NAME, 'refused');
    return OFFICERS_ONLY;
  }
  const framework = frameworkOf(ctx);
  const [, schoolText = ''] = PATTERN.exec(input.text) ?? [];
  if (!framework || framework.id !== 'camden') {
    await auditMeetingCommand(ctx, input, NAME, 'not-found');
    return { text: `The project board report is Camden's template (Appendix F); this team's framework (${framework?.name ?? 'none set'}) has no project boards or report template.` };
  }
  const found = lookupSchool(schoolText, ctx.directory.current(), 'project board report for {school}');
  if (!found.ok) {
    await auditMeetingCommand(ctx, input, NAME, 'not-found');
    return found.reply;
  }
  const school = found.school;
  const today = todayIn(ctx);
  // The board this report is for: the school's next project board, when one is scheduled.
  const next = (await upcomingMeetings(ctx.store.db, [school.urn], today)).find((m) => m.typeId.startsWith('project-board'));
  const meeting = next ? { day: next.startsAt.slice(0, 10), name: meetingTypeOf(next, framework)?.name ?? 'Project board' } : undefined;
  const report = projectBoardReport(projectBoardFacts(school, framework.id, meeting), { today });
  await auditMeetingCommand(ctx, input, NAME, 'allowed', school.urn);
  if (!report.ok) return { text: `${report.error.charAt(0).toUpperCase()}${report.error.slice(1)}.` };
  const cli = `The Word document (.docx) comes as a file in your personal chat; from the command line: npm run report -- <workbook.xlsx> --school ${school.urn}${meeting ? ` --date ${meeting.day}` : ''}.`;
  const file = await projectBoardReportFile(report.value);
  return { ...reportReply(report.value, cli), file: { name: file.fileName, bytes: new Uint8Array(file.bytes), description: file.description } };
}

export const projectBoardReportCommand: Command = { name: NAME, access: OFFICER_COMMAND, matches: (text) => PATTERN.test(text.trim()), handle };
