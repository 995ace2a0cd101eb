/**
 * Visits and category reviews held, per school and day (table cadence_held): recorded by an
 * officer in the chat, undone by one, and read back for "my visits" and the reminders. Reviews
 * also come from the category history: a day the officer's category changed in the workbook is
 * a day it was reviewed.
 */
import { londonDay } from '../../core/calendar/index.js';
import type { Queryable } from '../store/db.js';

export type HeldKind = 'visit' | 'review';

export interface Held {
  readonly visits: readonly string[];
  readonly reviews: readonly string[];
}

/** Records a visit or review; 'already' when it was recorded (and not undone) before. */
export async function recordHeld(
  db: Queryable,
  e: { urn: string; kind: HeldKind; day: string; by: string; at: Date },
): Promise<'recorded' | 'already'> {
  const { rows } = await db.query<{ day: string }>(
    `INSERT INTO cadence_held (school_urn, kind, day, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (school_urn, kind, day) DO UPDATE
       SET recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at, undone_by = NULL, undone_at = NULL
       WHERE cadence_held.undone_at IS NOT NULL
     RETURNING day`,
    [e.urn, e.kind, e.day, e.by, e.at.toISOString()],
  );
  return rows.length > 0 ? 'recorded' : 'already';
}

/** Undoes the one on `day`, or the latest when no day is given; returns the day undone. */
export async function undoHeld(
  db: Queryable,
  e: { urn: string; kind: HeldKind; day?: string | undefined; by: string; at: Date },
): Promise<string | undefined> {
  const { rows } = await db.query<{ day: string }>(
    `UPDATE cadence_held SET undone_by = $4, undone_at = $5
      WHERE (school_urn, kind, day) = (
        SELECT school_urn, kind, day FROM cadence_held
         WHERE school_urn = $1 AND kind = $2 AND undone_at IS NULL AND ($3::text IS NULL OR day = $3)
         ORDER BY day DESC LIMIT 1)
     RETURNING day`,
    [e.urn, e.kind, e.day ?? null, e.by, e.at.toISOString()],
  );
  return rows[0]?.day;
}

/** The days each school (of `urns`) had visits and reviews, reviews including category changes. */
export async function heldBySchool(db: Queryable, urns: readonly string[]): Promise<Map<string, Held>> {
  const out = new Map<string, { visits: string[]; reviews: string[] }>(urns.map((u) => [u, { visits: [], reviews: [] }]));
  const { rows } = await db.query<{ school_urn: string; kind: HeldKind; day: string }>(
    'SELECT school_urn, kind, day FROM cadence_held WHERE school_urn = ANY($1::text[]) AND undone_at IS NULL ORDER BY day',
    [[...urns]],
  );
  for (const r of rows) out.get(r.school_urn)?.[r.kind === 'visit' ? 'visits' : 'reviews'].push(r.day);
  // A change of the officer's own category (not the first sight of a school, not Waymark's suggestion).
  const changes = await db.query<{ school_urn: string; loaded_at: Date | string }>(
    `SELECT a.school_urn, a.loaded_at FROM category_snapshots a
       JOIN category_snapshots p ON p.school_urn = a.school_urn AND p.seq = a.seq - 1
      WHERE a.school_urn = ANY($1::text[]) AND a.officer_code IS DISTINCT FROM p.officer_code AND a.officer_code IS NOT NULL`,
    [[...urns]],
  );
  for (const c of changes.rows) {
    const reviews = out.get(c.school_urn)?.reviews;
    const day = londonDay(new Date(c.loaded_at));
    if (reviews && !reviews.includes(day)) reviews.push(day);
  }
  for (const h of out.values()) h.reviews.sort();
  return out;
}
