/**
 * Who an account is, by its Entra object id (never by the e-mail or UPN an activity claims):
 * - officers listed in WAYMARK_OFFICERS by object id, or by UPN bound once, on first use from
 *   the configured tenant, to the object id that used it (and never moved after);
 * - heads: an account is a school's head only once an officer confirmed the link, which the
 *   head's first contact requests. A link never moves to another account by itself: an officer
 *   removes it first.
 * Personal data (e-mail addresses) is kept here for routing only, never logged.
 */
import type { Queryable } from '../store/db.js';

export type Binding = 'bound' | 'same' | 'other';

/** Binds `upn` to `aadObjectId` if it is not bound yet. 'other': bound to another account. */
export async function bindOfficerUpn(db: Queryable, upn: string, aadObjectId: string): Promise<Binding> {
  const key = upn.trim().toLowerCase();
  const id = aadObjectId.trim().toLowerCase();
  const inserted = await db.query('INSERT INTO officer_bindings (upn, aad_object_id) VALUES ($1, $2) ON CONFLICT (upn) DO NOTHING RETURNING upn', [key, id]);
  if (inserted.rows.length > 0) return 'bound';
  const { rows } = await db.query<{ aad_object_id: string }>('SELECT aad_object_id FROM officer_bindings WHERE upn = $1', [key]);
  return rows[0]?.aad_object_id === id ? 'same' : 'other';
}

/** The object id a UPN is bound to, if any. */
export async function officerBinding(db: Queryable, upn: string): Promise<string | undefined> {
  const { rows } = await db.query<{ aad_object_id: string }>('SELECT aad_object_id FROM officer_bindings WHERE upn = $1', [upn.trim().toLowerCase()]);
  return rows[0]?.aad_object_id;
}

export interface HeadLink {
  readonly schoolUrn: string;
  readonly aadObjectId: string;
  readonly email: string;
  readonly status: 'pending' | 'confirmed';
  readonly requestedAt: Date;
  readonly confirmedBy: string | null;
}

interface LinkRow {
  school_urn: string;
  aad_object_id: string;
  email: string;
  status: 'pending' | 'confirmed';
  requested_at: Date;
  confirmed_by: string | null;
}

const toLink = (r: LinkRow): HeadLink => ({
  schoolUrn: r.school_urn,
  aadObjectId: r.aad_object_id,
  email: r.email,
  status: r.status,
  requestedAt: new Date(r.requested_at),
  confirmedBy: r.confirmed_by,
});

/**
 * Records that `aadObjectId`, whose tenant reports it as `email`, asks to be the head of each
 * school: a pending link where the school has none. A school already linked (to anyone) is left
 * as it is. Returns the schools for which a pending link was created now.
 */
export async function requestHeadLinks(db: Queryable, aadObjectId: string, schools: readonly { urn: string; email: string }[]): Promise<string[]> {
  const created: string[] = [];
  for (const s of schools) {
    const { rows } = await db.query<{ school_urn: string }>(
      `INSERT INTO head_links (school_urn, aad_object_id, email, status) VALUES ($1, $2, $3, 'pending')
       ON CONFLICT (school_urn) DO NOTHING RETURNING school_urn`,
      [s.urn, aadObjectId, s.email.trim().toLowerCase()],
    );
    if (rows.length > 0) created.push(s.urn);
  }
  return created;
}

/** URNs of the schools this account is the confirmed head of. */
export async function confirmedSchools(db: Queryable, aadObjectId: string): Promise<string[]> {
  const { rows } = await db.query<{ school_urn: string }>(
    `SELECT school_urn FROM head_links WHERE aad_object_id = $1 AND status = 'confirmed' ORDER BY school_urn`,
    [aadObjectId],
  );
  return rows.map((r) => r.school_urn);
}

/** Confirms a school's pending link. Returns the link as it now is (undefined: none). */
export async function confirmHeadLink(db: Queryable, schoolUrn: string, officerId: string): Promise<HeadLink | undefined> {
  await db.query(
    `UPDATE head_links SET status = 'confirmed', confirmed_by = $2, confirmed_at = now() WHERE school_urn = $1 AND status = 'pending'`,
    [schoolUrn, officerId],
  );
  return headLink(db, schoolUrn);
}

/** Removes a school's link (pending or confirmed), so that the head's next contact asks again. */
export async function removeHeadLink(db: Queryable, schoolUrn: string): Promise<boolean> {
  const { rows } = await db.query('DELETE FROM head_links WHERE school_urn = $1 RETURNING school_urn', [schoolUrn]);
  return rows.length > 0;
}

export async function headLink(db: Queryable, schoolUrn: string): Promise<HeadLink | undefined> {
  const { rows } = await db.query<LinkRow>('SELECT * FROM head_links WHERE school_urn = $1', [schoolUrn]);
  return rows[0] ? toLink(rows[0]) : undefined;
}

export async function headLinks(db: Queryable): Promise<HeadLink[]> {
  const { rows } = await db.query<LinkRow>('SELECT * FROM head_links ORDER BY status DESC, requested_at, school_urn');
  return rows.map(toLink);
}

/**
 * The account confirmed as head for the school(s) whose workbook e-mail is `email`, so that
 * reminders reach that head's Teams chat, and nobody else's.
 */
export async function confirmedHeadForEmail(db: Queryable, email: string): Promise<string | undefined> {
  const { rows } = await db.query<{ aad_object_id: string }>(
    `SELECT aad_object_id FROM head_links WHERE email = $1 AND status = 'confirmed' ORDER BY confirmed_at LIMIT 1`,
    [email.trim().toLowerCase()],
  );
  return rows[0]?.aad_object_id;
}
