/**
 * Lays a project board report (core/cycle: Camden's Appendix F template filled with what
 * Waymark knows) out as a Word document with the `docx` package, as letters/docx.ts does for
 * letters: the draft notice, who is present, the school's header table, the end of year aims
 * table (this board's "Actual" column marked), a block per aim, overall progress and risk to
 * tick, then the key from the seed and what it does not include. Kept outside core: it builds files.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { format, parseISO } from 'date-fns';
import { projectBoardFacts, projectBoardReport, type Field, type ProjectBoardReport } from '../core/cycle/index.js';
import type { Result } from '../core/result.js';
import type { SchoolRecord } from '../core/schools/types.js';

/** A file for the officer: what the generic "send this file in Teams" and the CLI take. */
export interface ReportFile {
  readonly fileName: string;
  readonly bytes: Buffer;
  /** One line saying what it is, for the consent card or the CLI. */
  readonly description: string;
}

const GREY = 'D9D9D9';
const text = (t: string, bold = false) => new Paragraph({ children: [new TextRun({ text: t, bold })] });
const cell = (t: string | readonly string[], options: { header?: boolean; span?: number } = {}) =>
  new TableCell({
    children: (typeof t === 'string' ? [t] : t).map((line) => text(line, options.header ?? false)),
    ...(options.span ? { columnSpan: options.span } : {}),
    ...(options.header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: GREY } } : {}),
  });
const table = (rows: readonly (readonly TableCell[])[]) =>
  new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: rows.map((children) => new TableRow({ children: [...children] })) });
const heading = (t: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new Paragraph({ text: t, heading: level, spacing: { before: 240, after: 120 } });
const shown = (f: Field) => f.value ?? f.blank ?? '';
const box = (on: boolean) => (on ? '☒' : '☐');
const longDate = (day: string) => format(parseISO(day), 'd MMMM yyyy');
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** The .docx bytes of `report`. */
export async function projectBoardDocx(report: ProjectBoardReport): Promise<Buffer> {
  const [start, exit] = report.timescale;
  const [ofstedDate, ofstedGrade] = report.ofsted;
  const aims = Array.from({ length: report.aimRows }, (_, i) => i + 1);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ children: [new TextRun({ text: report.draftNotice, bold: true, color: 'C00000' })], spacing: { after: 240 } }),
    new Paragraph({ text: `${report.title}: ${report.schoolName}`, heading: HeadingLevel.HEADING_1, spacing: { after: 120 } }),
    text(`${report.meetingName ?? 'Project board'}, ${longDate(report.date)}`),
    new Paragraph({ children: [new TextRun(`Present: ${report.present.map((p) => `${shown(p)} (${p.label})`).join(', ')}`)], spacing: { before: 120, after: 240 } }),
    table([
      [cell('School', { header: true }), cell('Timescale for Support', { header: true }), cell('Level of additional support:', { header: true }), cell('Ofsted: How good is the school?', { header: true })],
      [
        cell(report.schoolLine),
        cell([`Start ${start ? shown(start) : ''}`, `Exit ${exit ? shown(exit) : ''}`]),
        cell([...report.level.options.map((o) => `${box(report.level.chosen === o)} ${o}`), ...(report.level.note ? [report.level.note] : [])]),
        cell([`Date: ${ofstedDate ? shown(ofstedDate) : ''}`, `Ofsted grade: ${ofstedGrade ? shown(ofstedGrade) : ''}`]),
      ],
    ]),
    heading(`End of Year (EoY) Aims ${report.academicYear}`, HeadingLevel.HEADING_2),
    text(`No more than ${report.aimRows} key priorities. This board fills the column "${report.thisBoardColumn}".`),
    table([
      report.aimColumns.map((c) => cell(c === report.thisBoardColumn ? `${c} (this board)` : c, { header: true })),
      ...aims.map((n) => report.aimColumns.map((_, i) => cell(i === 0 ? `${n}.` : ''))),
    ]),
    ...aims.flatMap((n) => [
      heading(`EoY Aim ${n}:`, HeadingLevel.HEADING_3),
      table([
        report.aimBlock.map((c, i) => cell(i === report.aimBlock.length - 1 ? [c, report.responsibilityNote] : c, { header: true })),
        report.aimBlock.map(() => cell('')),
      ]),
    ]),
    heading('Progress and Risk', HeadingLevel.HEADING_2),
    table([
      [cell(report.progress.heading, { header: true }), cell(report.progress.options.map((o) => `${box(false)} ${o}`))],
      [cell(report.risk.heading, { header: true }), cell(report.risk.options.map((o) => `${box(false)} ${o}`))],
    ]),
    heading('Key', HeadingLevel.HEADING_2),
    heading(`${report.key.progressHeading} (Overall)`, HeadingLevel.HEADING_3),
    table(report.key.progress.map((k) => [cell(k.level, { header: true }), cell(k.quote)])),
    heading(report.key.riskHeading, HeadingLevel.HEADING_3),
    table(report.key.risk.map((k) => [cell(k.level, { header: true }), cell(k.quote)])),
    new Paragraph({ children: [new TextRun({ text: report.key.note, italics: true })], spacing: { before: 240, after: 240 } }),
    ...report.process.map((p) => text(p)),
    new Paragraph({ children: [new TextRun({ text: `Source: ${report.source}`, italics: true, size: 16 })], alignment: AlignmentType.LEFT, spacing: { before: 480 } }),
  ];
  const doc = new Document({ creator: 'Waymark', title: `${report.title}: ${report.schoolName}`, description: report.draftNotice, sections: [{ children }] });
  return Packer.toBuffer(doc);
}

/** The file of `report`: its name, bytes and a line describing it. */
export async function projectBoardReportFile(report: ProjectBoardReport): Promise<ReportFile> {
  return {
    fileName: `${slug(report.schoolName)}-project-board-report-${report.date}.docx`,
    bytes: await projectBoardDocx(report),
    description: `Project board report for ${report.schoolName} (${report.meetingName ?? 'project board'}, ${longDate(report.date)}): a draft from Camden's template for the CPP and the Chair to complete.`,
  };
}

/**
 * The report file for a school of the workbook: what the bot (and later the Teams file
 * consent card) and the CLI call. Fails with the core's message (not Camden, no project board).
 *
 * @example
 * const f = await schoolProjectBoardFile(school, 'camden', { today: '2027-03-10' });
 * f.ok && f.value.fileName //=> 'queensway-junior-school-project-board-report-2027-03-10.docx'
 */
export async function schoolProjectBoardFile(
  school: SchoolRecord,
  frameworkId: string,
  options: { readonly today: string; readonly meeting?: { readonly day: string; readonly name: string } },
): Promise<Result<ReportFile, string>> {
  const report = projectBoardReport(projectBoardFacts(school, frameworkId, options.meeting), { today: options.today });
  if (!report.ok) return report;
  return { ok: true, value: await projectBoardReportFile(report.value) };
}
