/**
 * Meetings, their plans in force, evidence, import sources and team settings in the store
 * (migrations 3, 20 and 40). Plain SQL over the store's Queryable; every function takes the connection to use, so
 * callers can run several in one transaction.
 */
import type { PlanStep } from '../../core/meetings/types.js';
import type { Queryable } from '../store/db.js';

export type MeetingStatus = 'scheduled' | 'cancelled' | 'held';

/** A stored meeting. `startsAt` is London wall-clock time, 'yyyy-MM-ddTHH:mm' or 'yyyy-MM-dd'. */
export interface MeetingRow {
  readonly id: string;
  readonly schoolUrn: string;
  readonly schoolName: string;
  readonly frameworkId: string;
  readonly typeId: string;
  readonly startsAt: string;
  readonly status: MeetingStatus;
  readonly revision: number;
  readonly createdBy: string;
}

export type EvidenceHow = 'files' | 'link' | 'button' | 'officer';

export interface EvidenceRow {
  readonly meetingId: string;
  readonly receivedAt: Date;
  readonly recordedBy: string;
  readonly how: EvidenceHow;
  readonly detail: Record<string, unknown> | null;
}

interface DbMeeting {
  id: string;
  school_urn: string;
  school_name: string;
  framework_id: string;
  type_id: string;
  starts_at: string;
  status: MeetingStatus;
  revision: number;
  created_by: string;
}

const toMeeting = (r: DbMeeting): MeetingRow => ({
  id: r.id,
  schoolUrn: r.school_urn,
  schoolName: r.school_name,
  frameworkId: r.framework_id,
  typeId: r.type_id,
  startsAt: r.starts_at,
  status: r.status,
  revision: Number(r.revision),
  createdBy: r.created_by,
});

/** PostgreSQL's unique_violation: another meeting of that type, school and day. */
export const isUniqueViolation = (e: unknown): boolean => (e as { code?: string }).code === '23505';

/** Inserts a meeting; false when the school already has a scheduled one of that type that day. */
export async function insertMeeting(db: Queryable, m: Omit<MeetingRow, 'status' | 'revision'>): Promise<boolean> {
  const { rows } = await db.query(
    `INSERT INTO meetings (id, school_urn, school_name, framework_id, type_id, starts_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING id`,
    [m.id, m.schoolUrn, m.schoolName, m.frameworkId, m.typeId, m.startsAt, m.createdBy],
  );
  return rows.length === 1;
}

export async function getMeeting(db: Queryable, id: string): Promise<MeetingRow | undefined> {
  const { rows } = await db.query<DbMeeting>('SELECT * FROM meetings WHERE id = $1', [id]);
  return rows[0] ? toMeeting(rows[0]) : undefined;
}

/** Scheduled meetings of these schools starting on or after `fromDay`, soonest first. */
export async function upcomingMeetings(db: Queryable, schoolUrns: readonly string[], fromDay: string): Promise<MeetingRow[]> {
  const { rows } = await db.query<DbMeeting>(
    `SELECT * FROM meetings WHERE status = 'scheduled' AND school_urn = ANY($1::text[]) AND substr(starts_at, 1, 10) >= $2
     ORDER BY starts_at, id`,
    [[...schoolUrns], fromDay],
  );
  return rows.map(toMeeting);
}

/** Scheduled meetings between two days (inclusive), optionally of one school, by start. */
export async function meetingsBetween(db: Queryable, from: string, to: string, schoolUrn?: string): Promise<MeetingRow[]> {
  const { rows } = await db.query<DbMeeting>(
    `SELECT * FROM meetings WHERE status = 'scheduled' AND substr(starts_at, 1, 10) BETWEEN $1 AND $2
       AND ($3::text IS NULL OR school_urn = $3) ORDER BY starts_at, school_name, id`,
    [from, to, schoolUrn ?? null],
  );
  return rows.map(toMeeting);
}

/** Every meeting of a school, any status, latest first. */
export async function meetingsOfSchool(db: Queryable, schoolUrn: string): Promise<MeetingRow[]> {
  const { rows } = await db.query<DbMeeting>('SELECT * FROM meetings WHERE school_urn = $1 ORDER BY starts_at DESC, id', [schoolUrn]);
  return rows.map(toMeeting);
}

/** Whether a meeting of this school, type and day exists, whatever its status (imports never duplicate). */
export async function meetingExists(db: Queryable, schoolUrn: string, typeId: string, day: string): Promise<boolean> {
  const { rows } = await db.query(
    'SELECT 1 FROM meetings WHERE school_urn = $1 AND type_id = $2 AND substr(starts_at, 1, 10) = $3 LIMIT 1',
    [schoolUrn, typeId, day],
  );
  return rows.length > 0;
}

/** A row of the workbook's "Meetings" sheet, as turned into a meeting (migration 40). */
export interface ImportSource {
  readonly schoolUrn: string;
  readonly typeId: string;
  /** The day as the sheet gives it, 'yyyy-MM-dd' (the meeting may have moved since). */
  readonly sheetDay: string;
}

/** Whether this sheet row was already imported (whatever became of its meeting since). */
export async function wasImported(db: Queryable, source: ImportSource): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM meeting_imports WHERE school_urn = $1 AND type_id = $2 AND sheet_day = $3', [
    source.schoolUrn,
    source.typeId,
    source.sheetDay,
  ]);
  return rows.length > 0;
}

/** Records that this sheet row stands for `meetingId`; false if it was recorded already. */
export async function recordImport(db: Queryable, source: ImportSource & { readonly meetingId: string }): Promise<boolean> {
  const { rows } = await db.query(
    `INSERT INTO meeting_imports (school_urn, type_id, sheet_day, meeting_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING RETURNING meeting_id`,
    [source.schoolUrn, source.typeId, source.sheetDay, source.meetingId],
  );
  return rows.length === 1;
}

/** The meeting of this school and type on this day, whatever its status (latest first), if any. */
export async function meetingOn(db: Queryable, schoolUrn: string, typeId: string, day: string): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM meetings WHERE school_urn = $1 AND type_id = $2 AND substr(starts_at, 1, 10) = $3
     ORDER BY (status = 'scheduled') DESC, created_at DESC, id LIMIT 1`,
    [schoolUrn, typeId, day],
  );
  return rows[0]?.id;
}

export async function moveMeetingRow(db: Queryable, id: string, startsAt: string, revision: number): Promise<void> {
  await db.query('UPDATE meetings SET starts_at = $2, revision = $3, updated_at = now() WHERE id = $1', [id, startsAt, revision]);
}

export async function setMeetingStatus(db: Queryable, id: string, status: MeetingStatus): Promise<void> {
  await db.query('UPDATE meetings SET status = $2, updated_at = now() WHERE id = $1', [id, status]);
}

export async function deleteMeeting(db: Queryable, id: string): Promise<void> {
  await db.query('DELETE FROM meeting_steps WHERE meeting_id = $1', [id]);
  await db.query('DELETE FROM meetings WHERE id = $1', [id]);
}

export async function insertSteps(db: Queryable, steps: readonly PlanStep[]): Promise<void> {
  if (steps.length === 0) return;
  await db.query(
    `INSERT INTO meeting_steps (key, meeting_id, revision, step)
     SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::jsonb[]) ON CONFLICT (key) DO NOTHING`,
    [steps.map((s) => s.key), steps.map((s) => s.meetingId), steps.map((s) => s.revision), steps.map((s) => JSON.stringify(s))],
  );
}

/** Takes steps out of the plan in force (a move or a cancellation stopped them). */
export async function retireSteps(db: Queryable, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await db.query('UPDATE meeting_steps SET in_force = false WHERE key = ANY($1::text[])', [[...keys]]);
}

/** The meeting's plan in force: every step sent or still to send, in send order. */
export async function planInForce(db: Queryable, meetingId: string): Promise<PlanStep[]> {
  const { rows } = await db.query<{ step: PlanStep }>(
    `SELECT step FROM meeting_steps WHERE meeting_id = $1 AND in_force ORDER BY step->>'sendAt', key`,
    [meetingId],
  );
  return rows.map((r) => Object.freeze(r.step));
}

export async function insertEvidence(
  db: Queryable,
  e: { meetingId: string; recordedBy: string; how: EvidenceHow; detail?: Record<string, unknown>; at?: Date },
): Promise<void> {
  await db.query(
    `INSERT INTO evidence (meeting_id, received_at, recorded_by, how, detail) VALUES ($1, COALESCE($2, now()), $3, $4, $5)`,
    [e.meetingId, e.at ?? null, e.recordedBy, e.how, e.detail ? JSON.stringify(e.detail) : null],
  );
}

/** Evidence recorded for a meeting, first first. */
export async function evidenceFor(db: Queryable, meetingId: string): Promise<EvidenceRow[]> {
  const { rows } = await db.query<{ meeting_id: string; received_at: Date; recorded_by: string; how: EvidenceHow; detail: Record<string, unknown> | null }>(
    'SELECT meeting_id, received_at, recorded_by, how, detail FROM evidence WHERE meeting_id = $1 ORDER BY received_at, id',
    [meetingId],
  );
  return rows.map((r) => ({ meetingId: r.meeting_id, receivedAt: new Date(r.received_at), recordedBy: r.recorded_by, how: r.how, detail: r.detail }));
}

export async function getSetting(db: Queryable, key: string): Promise<unknown> {
  const { rows } = await db.query<{ value: unknown }>('SELECT value FROM settings WHERE key = $1', [key]);
  return rows[0]?.value;
}

export async function putSetting(db: Queryable, key: string, value: unknown, updatedBy: string): Promise<void> {
  await db.query(
    `INSERT INTO settings (key, value, updated_by) VALUES ($1, $2, $3)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [key, JSON.stringify(value), updatedBy],
  );
}
