/**
 * Files offered to one user in the chat (a letter draft, a report), kept until they accept or
 * decline it, or for {@link OFFER_TTL_MINUTES}. Kept in the store (table offered_files), not in
 * memory: Teams may send the user's answer to any replica, or after a restart. Expired offers
 * (a confidential letter's bytes) are purged whenever an offer is made, looked up or claimed,
 * and on each scheduler tick ({@link purgeExpiredOffers}), and a user has at most {@link MAX_OFFERS_PER_USER}
 * waiting (each at most {@link MAX_OFFER_BYTES}). Nothing here knows about Teams (bot/teams/files.ts
 * turns an offer into a FileConsentCard and uploads it on acceptance).
 */
import { randomUUID } from 'node:crypto';
import { addMinutes } from 'date-fns';
import type { Db, Queryable } from '../store/db.js';

/** A file to give to someone in the chat: any command's reply may carry one (Reply.file). */
export interface FileToSend {
  /** The file's name as the user will see it in OneDrive, e.g. "victoria-primary-significant-concerns-2027-01-11.docx". */
  readonly name: string;
  readonly bytes: Uint8Array;
  /** One line shown on the consent card. */
  readonly description: string;
}

export interface Offer extends FileToSend {
  readonly id: string;
  /** The user it was offered to (Entra object id, else the Teams user id). */
  readonly ownerId: string;
}

export const OFFER_TTL_MINUTES = 60;
/** Teams' consent upload takes larger files, but nothing Waymark makes comes near this. */
export const MAX_OFFER_BYTES = 4 * 1024 * 1024;
/** Offers kept waiting per user; older ones are dropped (their cards then say "ask again"). */
export const MAX_OFFERS_PER_USER = 10;

/** Keeps `file` for `ownerId`; returns the offer's id (the consent card's context). */
export async function saveOffer(db: Db, ownerId: string, file: FileToSend, now: Date): Promise<string> {
  if (file.bytes.byteLength > MAX_OFFER_BYTES) throw new RangeError(`${file.name} is ${file.bytes.byteLength} bytes, more than ${MAX_OFFER_BYTES}`);
  const id = randomUUID();
  await purgeExpiredOffers(db, now);
  await db.query(
    `INSERT INTO offered_files (id, owner_id, name, description, content, size_bytes, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [id, ownerId, file.name, file.description, Buffer.from(file.bytes).toString('base64'), file.bytes.byteLength, addMinutes(now, OFFER_TTL_MINUTES).toISOString()],
  );
  // Bounded per user: a user asking again and again keeps only the latest few waiting.
  await db.query(
    `DELETE FROM offered_files WHERE owner_id = $1 AND id NOT IN (SELECT id FROM offered_files WHERE owner_id = $1 ORDER BY expires_at DESC LIMIT ${MAX_OFFERS_PER_USER})`,
    [ownerId],
  );
  return id;
}

/** Forgets every offer expired at `now`; returns how many. */
export async function purgeExpiredOffers(db: Queryable, now: Date): Promise<number> {
  const { rows } = await db.query('DELETE FROM offered_files WHERE expires_at < $1 RETURNING id', [now.toISOString()]);
  return rows.length;
}

interface OfferRow {
  id: string;
  owner_id: string;
  name: string;
  description: string;
  content: string;
}

const toOffer = (r: OfferRow): Offer => ({ id: r.id, ownerId: r.owner_id, name: r.name, description: r.description, bytes: new Uint8Array(Buffer.from(r.content, 'base64')) });

/** The offer `id` made to `ownerId`, unless it has expired or was answered already. */
export async function findOffer(db: Db, id: string, ownerId: string, now: Date): Promise<Offer | undefined> {
  await purgeExpiredOffers(db, now);
  const { rows } = await db.query<OfferRow>(
    'SELECT id, owner_id, name, description, content FROM offered_files WHERE id = $1 AND owner_id = $2 AND expires_at >= $3',
    [id, ownerId, now.toISOString()],
  );
  return rows[0] && toOffer(rows[0]);
}

/**
 * Takes the offer `id` made to `ownerId` out of the store and returns it, unless it has expired
 * or was taken already: one statement, so of two answers to the same card (a double click, two
 * replicas) exactly one gets the file and the other gets nothing to upload.
 */
export async function claimOffer(db: Db, id: string, ownerId: string, now: Date): Promise<Offer | undefined> {
  await purgeExpiredOffers(db, now);
  const { rows } = await db.query<OfferRow>(
    'DELETE FROM offered_files WHERE id = $1 AND owner_id = $2 AND expires_at >= $3 RETURNING id, owner_id, name, description, content',
    [id, ownerId, now.toISOString()],
  );
  return rows[0] && toOffer(rows[0]);
}

/** Forgets the offer (accepted and uploaded, or declined). */
export async function dropOffer(db: Db, id: string): Promise<void> {
  await db.query('DELETE FROM offered_files WHERE id = $1', [id]);
}
