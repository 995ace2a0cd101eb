/**
 * The bot's store: embedded PGlite under WAYMARK_DATA_DIR (guarded by a lock file) or
 * PostgreSQL when DATABASE_URL is set. Migrations run on open.
 */
import { join } from 'node:path';
import { openPgliteDb, openPostgresDb, type Db, type PgliteDb } from './db.js';
import { acquireDataDirLock, type DataDirLock } from './lock.js';
import { migrate } from './migrations.js';

export type AuditOutcome = 'allowed' | 'refused' | 'not-found';

/** Who asked: an officer, a head (asking about a school), or anyone else. */
export type AuditRole = 'officer' | 'head' | 'guest';

export interface AuditEntry {
  readonly actorId: string;
  readonly actorRole: AuditRole;
  readonly command: string;
  readonly question: string;
  readonly schoolUrn?: string | undefined;
  readonly outcome: AuditOutcome;
  readonly conversationType?: string | undefined;
  readonly at?: Date;
}

export interface AuditRow extends Required<Omit<AuditEntry, 'schoolUrn' | 'conversationType'>> {
  readonly id: string;
  readonly schoolUrn: string | null;
  readonly conversationType: string | null;
}

export type ConversationKind = 'user' | 'channel';

export interface StoredReference {
  readonly key: string;
  readonly kind: ConversationKind;
  /** A botbuilder ConversationReference, kept as JSON. */
  readonly reference: Record<string, unknown>;
  readonly updatedAt: Date;
}

export interface Store {
  readonly db: Db;
  readonly kind: Db['kind'];
  readonly audit: {
    record(entry: AuditEntry): Promise<void>;
    recent(limit?: number): Promise<AuditRow[]>;
  };
  /** Which Teams user (AAD object id) has which UPN / e-mail, learnt when they talk to the bot. */
  readonly users: {
    remember(aadObjectId: string, addresses: readonly string[]): Promise<void>;
    /** The AAD object id of the user with this UPN or e-mail, if they have talked to the bot. */
    aadIdFor(address: string): Promise<string | undefined>;
  };
  readonly conversations: {
    /** Inserts or replaces the reference for `key` (user AAD id or channel id). */
    save(key: string, kind: ConversationKind, reference: Record<string, unknown>): Promise<void>;
    get(key: string): Promise<StoredReference | undefined>;
    list(kind?: ConversationKind): Promise<StoredReference[]>;
  };
  close(): Promise<void>;
}

export interface StoreOptions {
  readonly dataDir: string;
  readonly databaseUrl?: string | undefined;
  /** PostgreSQL only: schema for this store (tests use a unique one per run). */
  readonly schema?: string;
  /** PGlite only: keep the database in memory (the lock file is still taken). */
  readonly inMemory?: boolean;
  /**
   * In memory only: start from this copy of a database (PGlite's dumpDataDir, see
   * {@link dumpMemoryStore}) instead of creating one, which runs initdb: seconds of CPU each time.
   */
  readonly from?: Blob;
}

/** A copy of an in-memory store's database, for {@link StoreOptions.from}. */
export function dumpMemoryStore(store: Store): Promise<Blob> {
  const db = store.db as Partial<PgliteDb>;
  if (!db.dump) throw new Error('only an embedded (PGlite) store can be copied');
  return db.dump();
}

export async function openStore(options: StoreOptions): Promise<Store> {
  let lock: DataDirLock | undefined;
  let db: Db;
  if (options.databaseUrl) {
    db = await openPostgresDb(options.databaseUrl, options.schema ? { schema: options.schema } : {});
  } else {
    lock = acquireDataDirLock(options.dataDir);
    try {
      db = await openPgliteDb(options.inMemory ? undefined : join(options.dataDir, 'pglite'), options.inMemory && options.from ? { from: options.from } : {});
    } catch (err) {
      lock.release();
      throw err;
    }
  }
  try {
    await migrate(db);
  } catch (err) {
    await db.close().catch(() => {});
    lock?.release();
    throw err;
  }
  return createStore(db, lock);
}

interface RefRow {
  key: string;
  kind: ConversationKind;
  reference: Record<string, unknown>;
  updated_at: Date;
}

function toRef(r: RefRow): StoredReference {
  return { key: r.key, kind: r.kind, reference: r.reference, updatedAt: new Date(r.updated_at) };
}

function createStore(db: Db, lock: DataDirLock | undefined): Store {
  let closing: Promise<void> | undefined;
  return {
    db,
    kind: db.kind,
    audit: {
      async record(e) {
        await db.query(
          `INSERT INTO audit (at, actor_id, actor_role, command, question, school_urn, outcome, conversation_type)
           VALUES (COALESCE($1, now()), $2, $3, $4, $5, $6, $7, $8)`,
          [e.at ?? null, e.actorId, e.actorRole, e.command, e.question, e.schoolUrn ?? null, e.outcome, e.conversationType ?? null],
        );
      },
      async recent(limit = 50) {
        const { rows } = await db.query<{
          id: string | number;
          at: Date;
          actor_id: string;
          actor_role: AuditRole;
          command: string;
          question: string;
          school_urn: string | null;
          outcome: AuditOutcome;
          conversation_type: string | null;
        }>('SELECT * FROM audit ORDER BY at DESC, id DESC LIMIT $1', [limit]);
        return rows.map((r) => ({
          id: String(r.id),
          at: new Date(r.at),
          actorId: r.actor_id,
          actorRole: r.actor_role,
          command: r.command,
          question: r.question,
          schoolUrn: r.school_urn,
          outcome: r.outcome,
          conversationType: r.conversation_type,
        }));
      },
    },
    users: {
      async remember(aadObjectId, addresses) {
        for (const address of new Set(addresses.map((a) => a.trim().toLowerCase()).filter(Boolean))) {
          await db.query(
            // First account wins: an address never moves silently to another account.
            `INSERT INTO user_addresses (address, aad_object_id) VALUES ($1, $2) ON CONFLICT (address) DO NOTHING`,
            [address, aadObjectId],
          );
        }
      },
      async aadIdFor(address) {
        const { rows } = await db.query<{ aad_object_id: string }>(
          'SELECT aad_object_id FROM user_addresses WHERE address = $1',
          [address.trim().toLowerCase()],
        );
        return rows[0]?.aad_object_id;
      },
    },
    conversations: {
      async save(key, kind, reference) {
        await db.query(
          `INSERT INTO conversation_refs (key, kind, reference) VALUES ($1, $2, $3)
           ON CONFLICT (key) DO UPDATE SET kind = EXCLUDED.kind, reference = EXCLUDED.reference, updated_at = now()`,
          [key, kind, JSON.stringify(reference)],
        );
      },
      async get(key) {
        const { rows } = await db.query<RefRow>('SELECT * FROM conversation_refs WHERE key = $1', [key]);
        return rows[0] ? toRef(rows[0]) : undefined;
      },
      async list(kind) {
        const { rows } = kind
          ? await db.query<RefRow>('SELECT * FROM conversation_refs WHERE kind = $1 ORDER BY key', [kind])
          : await db.query<RefRow>('SELECT * FROM conversation_refs ORDER BY key');
        return rows.map(toRef);
      },
    },
    close() {
      closing ??= (async () => {
        try {
          await db.close();
        } finally {
          lock?.release();
        }
      })();
      return closing;
    },
  };
}
