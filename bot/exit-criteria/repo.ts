/**
 * Exit criteria ticks in the store (migration 60) and the RAP agendas that show them: when a
 * tick changes, the school's agendas still waiting in the outbox are written again with the
 * checklist as it now stands, so each RAP meeting's agenda goes out with the latest state.
 */
import { londonDay } from '../../core/calendar/index.js';
import { EXIT_CRITERIA, exitChecklist, type ExitChecklist, type ExitTick } from '../../core/cycle/index.js';
import type { Framework } from '../../core/frameworks/index.js';
import { messageForStep } from '../../core/meetings/messages/messageForStep.js';
import type { Meeting, PlanStep } from '../../core/meetings/types.js';
import type { MeetingRow } from '../meetings/repo.js';
import { coreMeeting, meetingTypeOf } from '../meetings/services.js';
import type { Queryable } from '../store/db.js';

/** The latest tick or untick of each criterion of the school, by number. */
export async function ticksOf(db: Queryable, schoolUrn: string, frameworkId: string): Promise<ExitTick[]> {
  const { rows } = await db.query<{ criterion: number; ticked: boolean; by_name: string; on_day: string }>(
    `SELECT DISTINCT ON (criterion) criterion, ticked, by_name, on_day
     FROM exit_criteria_ticks WHERE school_urn = $1 AND framework_id = $2
     ORDER BY criterion, id DESC`,
    [schoolUrn, frameworkId],
  );
  return rows.map((r) => ({ number: Number(r.criterion), ticked: r.ticked, by: r.by_name, on: r.on_day }));
}

/** Records a tick (or untick) of criterion `n` for the school, dated by `at` (London day). */
export async function recordTick(
  db: Queryable,
  t: { schoolUrn: string; frameworkId: string; n: number; ticked: boolean; byId: string; byName: string; at: Date },
): Promise<void> {
  await db.query(
    `INSERT INTO exit_criteria_ticks (school_urn, framework_id, criterion, ticked, by_id, by_name, on_day, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [t.schoolUrn, t.frameworkId, t.n, t.ticked, t.byId, t.byName, londonDay(t.at), t.at.toISOString()],
  );
}

/** The school's checklist for an agenda of `meeting` of framework `frameworkId`, if that meeting lists one. */
export async function agendaChecklist(db: Queryable, meeting: Pick<Meeting, 'schoolUrn' | 'type'>, frameworkId: string): Promise<ExitChecklist | undefined> {
  const set = EXIT_CRITERIA[frameworkId];
  if (!set || !set.forMeetings.includes(meeting.type.id)) return undefined;
  return exitChecklist(set, await ticksOf(db, meeting.schoolUrn, frameworkId));
}

/**
 * Writes again the text of the school's agendas still pending in the outbox (scheduled RAP
 * meetings of a framework with exit criteria), with the checklist as it stands. A row already
 * claimed by the scheduler is left as it is (it is being sent). Returns how many were updated.
 */
export async function refreshAgendas(db: Queryable, schoolUrn: string, framework: Framework): Promise<number> {
  const { rows } = await db.query<{ key: string; message: { subject: string; text: string; card?: object }; step: PlanStep } & Record<string, unknown>>(
    `SELECT o.key, o.message, s.step, m.id, m.school_urn, m.school_name, m.framework_id, m.type_id, m.starts_at, m.status, m.revision, m.created_by
     FROM outbox o
     JOIN meeting_steps s ON s.key = o.key AND s.in_force
     JOIN meetings m ON m.id = o.meeting_id AND m.status = 'scheduled'
     WHERE o.school_urn = $1 AND o.step = 'agenda' AND o.status = 'pending'`,
    [schoolUrn],
  );
  let updated = 0;
  for (const r of rows) {
    const row: MeetingRow = {
      id: String(r.id),
      schoolUrn: String(r.school_urn),
      schoolName: String(r.school_name),
      frameworkId: String(r.framework_id),
      typeId: String(r.type_id),
      startsAt: String(r.starts_at),
      status: 'scheduled',
      revision: Number(r.revision),
      createdBy: String(r.created_by),
    };
    const type = meetingTypeOf(row, framework);
    if (!type) continue;
    const meeting = coreMeeting(row, type);
    const exitCriteria = await agendaChecklist(db, meeting, row.frameworkId);
    if (!exitCriteria) continue;
    const message = messageForStep(r.step, meeting, { exitCriteria });
    if (!message.ok) continue; // a step planned for another start: the move re-plans it.
    const result = await db.query(
      `UPDATE outbox SET message = $2, updated_at = now() WHERE key = $1 AND status = 'pending' RETURNING key`,
      [r.key, JSON.stringify({ ...r.message, text: message.value.text })],
    );
    updated += result.rows.length;
  }
  return updated;
}
