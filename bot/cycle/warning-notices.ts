/**
 * Warning notices the officers recorded ("warning notice issued to X today"), and their
 * statutory dates in words for "status of X" and the summary. Officers only see these: the
 * commands that show them are officer commands (bot/commands/access.ts).
 */
import { warningNoticeClocks, dayWords, type ClockDate } from '../../core/cycle/index.js';
import type { WorkingCalendar } from '../../core/calendar/index.js';
import type { Db } from '../store/db.js';

export interface WarningNotice {
  readonly schoolUrn: string;
  readonly schoolName: string;
  /** 'yyyy-MM-dd', the day it was given. */
  readonly issuedOn: string;
  /** Who recorded it: their Teams (Entra) id, and their name as Teams gave it. */
  readonly issuedById: string;
  readonly issuedByName?: string;
}

/** Records the notice; false when it was already recorded for that school and day. */
export async function recordWarningNotice(db: Db, notice: WarningNotice, at: Date): Promise<boolean> {
  const { rows } = await db.query<{ school_urn: string }>(
    `INSERT INTO warning_notices (school_urn, issued_on, school_name, issued_by_id, issued_by_name, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (school_urn, issued_on) DO NOTHING RETURNING school_urn`,
    [notice.schoolUrn, notice.issuedOn, notice.schoolName, notice.issuedById, notice.issuedByName ?? null, at.toISOString()],
  );
  return rows.length > 0;
}

interface Row {
  school_urn: string;
  school_name: string;
  issued_on: string;
  issued_by_id: string;
  issued_by_name: string | null;
}

const fromRow = (r: Row): WarningNotice => ({
  schoolUrn: r.school_urn,
  schoolName: r.school_name,
  issuedOn: r.issued_on,
  issuedById: r.issued_by_id,
  ...(r.issued_by_name ? { issuedByName: r.issued_by_name } : {}),
});

/** The school's notices, latest first. */
export async function warningNoticesOf(db: Db, schoolUrn: string): Promise<WarningNotice[]> {
  const { rows } = await db.query<Row>(
    'SELECT school_urn, school_name, issued_on, issued_by_id, issued_by_name FROM warning_notices WHERE school_urn = $1 ORDER BY issued_on DESC',
    [schoolUrn],
  );
  return rows.map(fromRow);
}

/** Every school's notices given on or after `sinceDay` ('yyyy-MM-dd'), latest first. */
export async function warningNoticesSince(db: Db, sinceDay: string): Promise<WarningNotice[]> {
  const { rows } = await db.query<Row>(
    'SELECT school_urn, school_name, issued_on, issued_by_id, issued_by_name FROM warning_notices WHERE issued_on >= $1 ORDER BY issued_on DESC, school_name',
    [sinceDay],
  );
  return rows.map(fromRow);
}

const when = (day: string, today: string) => `${dayWords(day)}${day < today ? ' (past)' : day === today ? ' (today)' : ''}`;

/**
 * The three dates an officer watches (compliance deadline, representations window, earliest
 * intervention), each with its rule and the seed's sentence; a day before `today` is marked past.
 */
export function warningNoticeDateLines(notice: WarningNotice, calendar: WorkingCalendar, today: string): string[] {
  const clocks = warningNoticeClocks({ issuedOn: notice.issuedOn }, calendar);
  if (!clocks.ok) return [`- its dates could not be counted: ${clocks.error}`];
  const c = clocks.value;
  const line = (d: ClockDate, what: string) => `- ${what}: **${when(d.day, today)}**: ${d.label}. ${d.rule}. "${d.quote}" [${d.seed}]`;
  return [
    line(c.complianceDeadline, 'Compliance deadline'),
    line(c.representationsDeadline, `Representations window, ${dayWords(notice.issuedOn)} to`),
    line(c.earliestIntervention, 'Earliest intervention'),
  ];
}

/** "Warning notice given Mon 14 Dec 2026 (recorded by Anna Patel):" and its dates, for "status of X". */
export function warningNoticeBlock(notice: WarningNotice, calendar: WorkingCalendar, today: string): string {
  const who = notice.issuedByName ? ` (recorded by ${notice.issuedByName})` : '';
  return [`**Warning notice given ${dayWords(notice.issuedOn)}**${who}:`, ...warningNoticeDateLines(notice, calendar, today)].join('\n');
}

/** One line for the summary: the school and its three dates, past ones marked. */
export function warningNoticeSummaryLine(notice: WarningNotice, calendar: WorkingCalendar, today: string): string {
  const school = `${notice.schoolName} (URN ${notice.schoolUrn}), given ${dayWords(notice.issuedOn)}`;
  const clocks = warningNoticeClocks({ issuedOn: notice.issuedOn }, calendar);
  if (!clocks.ok) return `${school}: its dates could not be counted (${clocks.error})`;
  const c = clocks.value;
  return (
    `${school}: compliance deadline ${when(c.complianceDeadline.day, today)}; representations to Ofsted by ${when(c.representationsDeadline.day, today)}; ` +
    `earliest intervention ${when(c.earliestIntervention.day, today)} [${c.complianceDeadline.seed}, ${c.representationsDeadline.seed}, ${c.earliestIntervention.seed}]`
  );
}
