/**
 * One project board's report, from Camden's template and what Waymark knows of the school (the
 * workbook's row and the board's meeting): the school's details filled in, everything the
 * board decides left blank for the officer, and the key. Pure content; the .docx is laid out in
 * letters/, outside core.
 */
import { format, getMonth, getYear, parseISO } from 'date-fns';
import { isDay } from '../../calendar/index.js';
import { fail, ok, type Result } from '../../result.js';
import { KEY_NOTE, PROJECT_BOARD_TEMPLATE, type KeyEntry } from './template.js';

export interface ProjectBoardFacts {
  readonly frameworkId: string;
  readonly school: {
    readonly name: string;
    readonly urn?: string;
    /** 'primary', 'secondary', … as the workbook gives it. */
    readonly phase?: string;
    readonly head?: string;
    /** The school's officer in the workbook: Camden's CPP. */
    readonly officer?: string;
  };
  readonly category?: { readonly code: string; readonly label: string };
  /** The workbook's Ofsted cells, as displayed. */
  readonly ofsted?: { readonly grade?: string; readonly date?: string };
  /** The board this report is for: its meeting's day and type name, when one is scheduled. */
  readonly meeting?: { readonly day: string; readonly name: string };
}

/** A field: the value Waymark filled in, or empty for the officer (with what goes there). */
export interface Field {
  readonly label: string;
  readonly value?: string;
  /** Where the value came from, when filled. */
  readonly from?: string;
  /** What to write, when blank (the template's own placeholder). */
  readonly blank?: string;
}

export interface ProjectBoardReport {
  readonly title: string;
  readonly schoolName: string;
  readonly schoolLine: string;
  /** 'yyyy-MM-dd': the board's day, else the day the report was made. */
  readonly date: string;
  readonly meetingName?: string;
  readonly academicYear: string;
  readonly present: readonly Field[];
  readonly timescale: readonly Field[];
  readonly level: { readonly options: readonly string[]; readonly chosen?: string; readonly note?: string };
  readonly ofsted: readonly Field[];
  readonly aimColumns: readonly string[];
  /** The "Actual" column this board fills, by its date. */
  readonly thisBoardColumn: string;
  readonly aimRows: number;
  readonly aimBlock: readonly string[];
  readonly responsibilityNote: string;
  readonly progress: { readonly heading: string; readonly options: readonly string[] };
  readonly risk: { readonly heading: string; readonly options: readonly string[] };
  readonly key: { readonly progressHeading: string; readonly progress: readonly KeyEntry[]; readonly riskHeading: string; readonly risk: readonly KeyEntry[]; readonly note: string };
  readonly process: readonly string[];
  /** Everything left for the officer, in the order of the report. */
  readonly toFill: readonly string[];
  readonly source: string;
  readonly draftNotice: string;
}

const T = PROJECT_BOARD_TEMPLATE;
const shortDay = (day: string) => format(parseISO(day), 'dd-MMM-yy');

/**
 * '2026-27' for any day from September 2026 to August 2027 (the seed writes "2023-24").
 *
 * @example
 * academicYear('2027-03-10') //=> '2026-27'
 */
export function academicYear(day: string): string {
  const d = parseISO(day);
  const start = getMonth(d) >= 8 ? getYear(d) : getYear(d) - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/**
 * The "Actual" column a board on `day` fills: December for September to December, March for
 * January to March, July for April to August. Waymark's reading of the template's three columns.
 *
 * @example
 * actualColumnFor('2026-11-20') //=> 'Actual December'
 */
export function actualColumnFor(day: string): string {
  const month = getMonth(parseISO(day)) + 1;
  const pick = month >= 9 ? 12 : month <= 3 ? 3 : 7;
  return T.actuals.find((a) => a.month === pick)?.column ?? 'Actual July';
}

const filled = (label: string, value: string | undefined, from: string, blank: string): Field =>
  value !== undefined && value.trim() !== '' ? { label, value: value.trim(), from } : { label, blank };

/**
 * The report for one project board of a Camden school. Fails, with a message, for another
 * framework (only Camden's seed has this template), a school with no project board (not in a
 * project board category), or a day that is not a date.
 *
 * @example
 * const r = projectBoardReport({ frameworkId: 'camden', school: { name: 'Kentish Town Primary', phase: 'primary' },
 *   category: { code: 'targeted-project-board', label: 'Targeted Project Board' } }, { today: '2027-03-10' });
 * r.ok && r.value.level.chosen //=> 'Targeted'
 * r.ok && r.value.thisBoardColumn //=> 'Actual March'
 */
export function projectBoardReport(facts: ProjectBoardFacts, options: { readonly today: string }): Result<ProjectBoardReport, string> {
  if (facts.frameworkId !== 'camden') {
    return fail(`the ${facts.frameworkId} framework has no project board report: the template is Camden's (Appendix F), and its seed names none`);
  }
  const code = facts.category?.code;
  if (code === undefined || !T.forCategories.includes(code)) {
    return fail(
      `${facts.school.name} has no project board: it is ${facts.category ? `in "${facts.category.label}"` : 'in no category'}, and project boards are for Specific, Targeted and Improvement (intensive) Project Board schools`,
    );
  }
  const date = facts.meeting?.day ?? options.today;
  if (!isDay(date)) return fail(`"${date}" is not a date (expected yyyy-MM-dd)`);
  const phase = facts.school.phase ? `${facts.school.phase.charAt(0).toUpperCase()}${facts.school.phase.slice(1)}` : undefined;
  const present = [
    { label: 'Chair', value: undefined },
    { label: 'CP', value: facts.school.officer, from: "the workbook's officer (CPP)" },
    { label: 'Headteacher', value: facts.school.head, from: "the workbook's head" },
    { label: 'CoG', value: undefined },
  ].map((p) => filled(p.label, p.value, p.from ?? '', '????'));
  const timescale = [filled('Start', undefined, '', 'dd-mmm-yy'), filled('Exit', undefined, '', 'dd-mmm-yy')];
  const chosen = T.levels[code];
  const level = {
    options: ['Targeted', 'Intensive'],
    ...(chosen ? { chosen } : { note: `${facts.category?.label ?? code}: the template's levels are Targeted or Intensive; choose one, or neither` }),
  };
  const ofsted = [
    filled('Date', facts.ofsted?.date, "the workbook's Ofsted date", 'dd-mmm-yy'),
    filled('Ofsted grade', facts.ofsted?.grade, "the workbook's Ofsted grade", '???'),
  ];
  const blanks = [...present, ...timescale, ...ofsted].filter((f) => f.value === undefined).map((f) => f.label);
  const toFill = [
    ...blanks.map((b) => (b === 'Start' || b === 'Exit' ? `Timescale for Support: ${b}` : b === 'Date' || b === 'Ofsted grade' ? `Ofsted: ${b}` : `Present: ${b}`)),
    ...(chosen ? [] : ['Level of additional support']),
    `End of Year (EoY) Aims ${academicYear(date)} (no more than ${T.maxPriorities} key priorities)`,
    `Key areas of focus, expected outcomes and this board's column, ${actualColumnFor(date)}`,
    'For each EoY aim: previous actions, current context and impact of actions, next steps/actions',
    `${T.progress.heading}: ${T.progress.options.join(' / ')}`,
    `${T.risk.heading}: ${T.risk.options.join(' / ')}`,
  ];
  return ok({
    title: 'Project Board Report',
    schoolName: facts.school.name,
    schoolLine: `${facts.school.name}${phase ? ` (${phase})` : ''}${facts.school.urn ? `, URN ${facts.school.urn}` : ''}`,
    date,
    ...(facts.meeting ? { meetingName: facts.meeting.name } : {}),
    academicYear: academicYear(date),
    present,
    timescale,
    level,
    ofsted,
    aimColumns: T.aimColumns,
    thisBoardColumn: actualColumnFor(date),
    aimRows: T.maxPriorities,
    aimBlock: T.aimBlock,
    responsibilityNote: T.responsibilityNote,
    progress: T.progress,
    risk: T.risk,
    key: { ...T.key, note: KEY_NOTE },
    process: T.process,
    toFill,
    source: `${T.seed}; dates and names from the workbook${facts.meeting ? ' and the board scheduled in Waymark' : ''} (${shortDay(date)})`,
    draftNotice: 'DRAFT for the CPP and the Chair to complete. Confidential. Not sent to the school by Waymark.',
  });
}
