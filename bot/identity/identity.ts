/**
 * Who an account is, by its Entra object id (never by the e-mail or UPN an activity claims):
 * - officers listed in WAYMARK_OFFICERS by object id, or by UPN bound once, on first use from
 *   the configured tenant, to the object id that used it (and never moved after);
 * - heads: an account is a school's head only once an officer confirmed the link, which the
 *   head's first contact requests, and only while the link's e-mail is still the school's head
 *   e-mail in the workbook as loaded now. When the team changes that e-mail, the link is
 *   suspended at once (the old account sees nothing, reminders no longer reach it) and the new
 *   head's first contact requests a link beside it; it moves only when an officer confirms the
 *   new head (or removes the old link).
 * Personal data (e-mail addresses) is kept here for routing only, never logged.
 */
import type { SchoolDirectory } from '../directory/directory.js';
import type { Db, Queryable } from '../store/db.js';

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

/** A school's head e-mail in the workbook as loaded now, if it has one. */
export type HeadEmailOf = (schoolUrn: string) => string | undefined;

/** The head e-mails of `directory`'s current copy (read at each call, so a reload counts at once). */
export function headEmailsIn(directory: SchoolDirectory): HeadEmailOf {
  return (urn) => directory.current().schools.find((s) => s.urn === urn)?.headEmail;
}

/**
 * Whether `directory` holds a copy of the workbook: loaded once at least (a failed reload keeps
 * the last good copy). Before that, no school's head e-mail is known either way.
 */
export function workbookLoadedIn(directory: SchoolDirectory): () => boolean {
  return () => directory.current().loadedAt !== undefined;
}

const normal = (email: string): string => email.trim().toLowerCase();

/**
 * True when the link's e-mail is the school's head e-mail in the workbook now. A link that is
 * not (the team changed the e-mail, or removed it, or the workbook is not loaded) counts for
 * nothing: it grants no rights and routes no reminder.
 */
export function isCurrent(link: Pick<HeadLink, 'schoolUrn' | 'email'>, headEmailOf: HeadEmailOf): boolean {
  const now = headEmailOf(link.schoolUrn);
  return now !== undefined && normal(now) !== '' && normal(now) === link.email;
}

export interface HeadLink {
  readonly schoolUrn: string;
  readonly aadObjectId: string;
  /** The workbook's head e-mail when the link was requested (lower-cased); never logged. */
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
 * Records that `aadObjectId`, whose tenant reports it as `email` (the school's head e-mail in
 * the workbook now), asks to be the head of each school: a pending link where the school has
 * no current link and no pending request for this e-mail. A pending request for an e-mail the
 * workbook no longer gives is dropped first (it granted nothing). A confirmed link that is no
 * longer current stays, suspended, until an officer confirms the new request. Returns the
 * schools for which a pending link was created now.
 */
export async function requestHeadLinks(db: Queryable, aadObjectId: string, schools: readonly { urn: string; email: string }[]): Promise<string[]> {
  const created: string[] = [];
  for (const s of schools) {
    const email = normal(s.email);
    await db.query(`DELETE FROM head_links WHERE school_urn = $1 AND status = 'pending' AND email <> $2`, [s.urn, email]);
    const { rows } = await db.query<{ school_urn: string }>(
      `INSERT INTO head_links (school_urn, aad_object_id, email, status)
       SELECT $1, $2, $3, 'pending'
       WHERE NOT EXISTS (SELECT 1 FROM head_links WHERE school_urn = $1 AND status = 'confirmed' AND email = $3)
       ON CONFLICT (school_urn, status) DO NOTHING RETURNING school_urn`,
      [s.urn, aadObjectId, email],
    );
    if (rows.length > 0) created.push(s.urn);
  }
  return created;
}

/** URNs of the schools this account is the confirmed head of, by links that are current. */
export async function confirmedSchools(db: Queryable, aadObjectId: string, headEmailOf: HeadEmailOf): Promise<string[]> {
  const { rows } = await db.query<{ school_urn: string; email: string }>(
    `SELECT school_urn, email FROM head_links WHERE aad_object_id = $1 AND status = 'confirmed' ORDER BY school_urn`,
    [aadObjectId],
  );
  return rows.filter((r) => isCurrent({ schoolUrn: r.school_urn, email: r.email }, headEmailOf)).map((r) => r.school_urn);
}

export type Confirmation =
  /** The pending account is now the head; `replaced`: a suspended link of another e-mail was removed. */
  | { readonly kind: 'confirmed'; readonly link: HeadLink; readonly replaced: boolean }
  /** Nobody asked (no pending link). */
  | { readonly kind: 'not-requested' }
  /** The school has a confirmed link and nobody else asked; `current`: not suspended. */
  | { readonly kind: 'already'; readonly current: boolean }
  /** The pending request is for an e-mail the workbook no longer gives: not confirmed. */
  | { readonly kind: 'not-current' };

/**
 * Confirms a school's pending link, if its e-mail is the workbook's head e-mail now. A
 * confirmed link it replaces (suspended, since its e-mail is no longer the workbook's) is
 * removed in the same transaction: a school never has two heads, nor none half-way.
 */
export async function confirmHeadLink(db: Db, schoolUrn: string, officerId: string, headEmailOf: HeadEmailOf): Promise<Confirmation> {
  return db.transaction(async (tx) => {
    const links = await schoolLinks(tx, schoolUrn);
    const pending = links.find((l) => l.status === 'pending');
    const confirmed = links.find((l) => l.status === 'confirmed');
    if (!pending) return confirmed ? { kind: 'already', current: isCurrent(confirmed, headEmailOf) } : { kind: 'not-requested' };
    if (!isCurrent(pending, headEmailOf)) return { kind: 'not-current' };
    const { rows: gone } = await tx.query(`DELETE FROM head_links WHERE school_urn = $1 AND status = 'confirmed' RETURNING school_urn`, [schoolUrn]);
    const { rows } = await tx.query<LinkRow>(
      `UPDATE head_links SET status = 'confirmed', confirmed_by = $2, confirmed_at = now()
       WHERE school_urn = $1 AND status = 'pending' RETURNING *`,
      [schoolUrn, officerId],
    );
    const row = rows[0];
    if (!row) throw new Error('head link: the pending link vanished while it was confirmed');
    return { kind: 'confirmed', link: toLink(row), replaced: gone.length > 0 };
  });
}

/** Removes a school's links (pending and confirmed), so that the head's next contact asks again. */
export async function removeHeadLink(db: Queryable, schoolUrn: string): Promise<boolean> {
  const { rows } = await db.query('DELETE FROM head_links WHERE school_urn = $1 RETURNING school_urn', [schoolUrn]);
  return rows.length > 0;
}

/** A school's links: at most one confirmed and one pending. */
export async function schoolLinks(db: Queryable, schoolUrn: string): Promise<HeadLink[]> {
  const { rows } = await db.query<LinkRow>(`SELECT * FROM head_links WHERE school_urn = $1 ORDER BY status`, [schoolUrn]);
  return rows.map(toLink);
}

export async function headLinks(db: Queryable): Promise<HeadLink[]> {
  const { rows } = await db.query<LinkRow>('SELECT * FROM head_links ORDER BY status DESC, requested_at, school_urn');
  return rows.map(toLink);
}

/**
 * The account confirmed as head for the school(s) whose workbook e-mail is `email` now, so that
 * reminders reach that head's Teams chat, and nobody else's: a link whose school's workbook
 * e-mail has changed since routes nothing.
 */
export async function confirmedHeadForEmail(db: Queryable, email: string, headEmailOf: HeadEmailOf): Promise<string | undefined> {
  const { rows } = await db.query<{ aad_object_id: string; school_urn: string; email: string }>(
    `SELECT aad_object_id, school_urn, email FROM head_links WHERE email = $1 AND status = 'confirmed' ORDER BY confirmed_at`,
    [normal(email)],
  );
  return rows.find((r) => isCurrent({ schoolUrn: r.school_urn, email: r.email }, headEmailOf))?.aad_object_id;
}
