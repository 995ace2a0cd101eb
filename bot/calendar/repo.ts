/**
 * The calendar import's rows (migrations 63 and 65): each Outlook event seen, the meeting it became or
 * stands for, or why it could not be matched; and the lease that lets one replica import at a
 * time. Every function takes the connection to use.
 */
import type { Queryable } from '../store/db.js';

export interface CalendarEventRow {
  readonly eventId: string;
  readonly meetingId: string | null;
  /** True when the import scheduled the meeting (the calendar then moves and cancels it). */
  readonly owned: boolean;
  /** The event's London start as last imported. */
  readonly startsAt: string;
  /** Only for an event whose subject names a meeting type (never any other event's). */
  readonly subject: string;
  readonly problem: string | null;
  readonly cancelled: boolean;
  /** The school and meeting type the subject was matched to (null: not matched, or before migration 65). */
  readonly schoolUrn: string | null;
  readonly typeId: string | null;
}

interface DbRow {
  event_id: string;
  meeting_id: string | null;
  owned: boolean;
  starts_at: string;
  subject: string;
  problem: string | null;
  cancelled: boolean;
  school_urn: string | null;
  type_id: string | null;
}

const toRow = (r: DbRow): CalendarEventRow => ({
  eventId: r.event_id,
  meetingId: r.meeting_id,
  owned: r.owned,
  startsAt: r.starts_at,
  subject: r.subject,
  problem: r.problem,
  cancelled: r.cancelled,
  schoolUrn: r.school_urn,
  typeId: r.type_id,
});

const COLUMNS = 'event_id, meeting_id, owned, starts_at, subject, problem, cancelled, school_urn, type_id';

export async function calendarEventRows(db: Queryable): Promise<CalendarEventRow[]> {
  const { rows } = await db.query<DbRow>(`SELECT ${COLUMNS} FROM calendar_events`);
  return rows.map(toRow);
}

/**
 * Records an event (insert or replace). With `onlyNew`, an event already recorded is left as
 * it is and false returned: another replica imported it first.
 */
export async function saveCalendarEvent(db: Queryable, row: CalendarEventRow, onlyNew = false): Promise<boolean> {
  const params = [row.eventId, row.meetingId, row.owned, row.startsAt, row.subject, row.problem, row.cancelled, row.schoolUrn, row.typeId];
  if (onlyNew) {
    // An unmatched row for this event may be there from an earlier import: it is replaced.
    const { rows } = await db.query(
      `INSERT INTO calendar_events (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (event_id) DO UPDATE SET meeting_id = EXCLUDED.meeting_id, owned = EXCLUDED.owned, starts_at = EXCLUDED.starts_at,
         subject = EXCLUDED.subject, problem = EXCLUDED.problem, cancelled = EXCLUDED.cancelled,
         school_urn = EXCLUDED.school_urn, type_id = EXCLUDED.type_id, updated_at = now()
       WHERE calendar_events.meeting_id IS NULL
       RETURNING event_id`,
      params,
    );
    return rows.length === 1;
  }
  await db.query(
    `INSERT INTO calendar_events (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (event_id) DO UPDATE SET meeting_id = EXCLUDED.meeting_id, owned = EXCLUDED.owned, starts_at = EXCLUDED.starts_at,
       subject = EXCLUDED.subject, problem = EXCLUDED.problem, cancelled = EXCLUDED.cancelled,
         school_urn = EXCLUDED.school_urn, type_id = EXCLUDED.type_id, updated_at = now()`,
    params,
  );
  return true;
}

export async function deleteCalendarEvent(db: Queryable, eventId: string): Promise<void> {
  await db.query('DELETE FROM calendar_events WHERE event_id = $1 AND meeting_id IS NULL', [eventId]);
}

/** Forgets an event whatever it became (its meeting, if any, is kept). */
export async function forgetCalendarEvent(db: Queryable, eventId: string): Promise<void> {
  await db.query('DELETE FROM calendar_events WHERE event_id = $1', [eventId]);
}

/** Events an officer should look at (not matched, or a change that could not be applied), soonest first. */
export async function calendarProblems(db: Queryable): Promise<CalendarEventRow[]> {
  const { rows } = await db.query<DbRow>(
    `SELECT ${COLUMNS} FROM calendar_events
     WHERE problem IS NOT NULL ORDER BY starts_at, subject, event_id`,
  );
  return rows.map(toRow);
}

/** The scheduled meeting of this school and type on this day, if any. */
export async function scheduledMeetingOn(db: Queryable, schoolUrn: string, typeId: string, day: string): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM meetings WHERE status = 'scheduled' AND school_urn = $1 AND type_id = $2 AND substr(starts_at, 1, 10) = $3 LIMIT 1`,
    [schoolUrn, typeId, day],
  );
  return rows[0]?.id;
}

/**
 * Takes (or renews) the named lease for `ms`, by the database's clock; false when another
 * holder has it and it has not expired.
 */
export async function takeLease(db: Queryable, name: string, holder: string, ms: number): Promise<boolean> {
  const { rows } = await db.query(
    `INSERT INTO leases (name, holder, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3::double precision / 1000))
     ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
     WHERE leases.expires_at < now() OR leases.holder = EXCLUDED.holder
     RETURNING holder`,
    [name, holder, ms],
  );
  return rows.length === 1;
}

export async function releaseLease(db: Queryable, name: string, holder: string): Promise<void> {
  await db.query('DELETE FROM leases WHERE name = $1 AND holder = $2', [name, holder]);
}
