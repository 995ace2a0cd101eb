// Shared fakes for the meeting command tests: an in-memory Outbox (for failure cases and unit
// checks), and a harness that runs commands through the router against a PGlite store with
// the real outbox, the example workbook's schools and a fixed clock.
import { route } from '../../bot/commands/router.js';
import { createRouter } from '../../bot/delivery/route.js';
import { confirmedHeadForEmail, headEmailsIn, workbookLoadedIn } from '../../bot/identity/identity.js';
import type { SchoolRecord } from '../../core/schools/types.js';
import type { CommandContext, CommandInput, ConversationType, Reply, Role } from '../../bot/commands/types.js';
import { staticDirectory, type SchoolDirectory } from '../../bot/directory/directory.js';
import { memoryLogger } from '../../bot/log.js';
import type { MeetingServices } from '../../bot/meetings/services.js';
import { createOutbox } from '../../bot/outbox/outbox.js';
import type { NewOutboxItem, Outbox, OutboxRow } from '../../bot/outbox/types.js';
import type { Store } from '../../bot/store/store.js';
import { makeCalendar, type WorkingCalendar } from '../../core/calendar/index.js';
import { getFramework, type Framework } from '../../core/frameworks/index.js';
import { memoryStore, testConfig } from '../bot/helpers.js';
import { exampleSchools } from '../bot/schools-fixture.js';

/** An Outbox in memory, with the same rules as the real one (idempotent enqueue, cancel pending only). */
export function memoryOutbox(options: { failEnqueue?: boolean } = {}): Outbox & { rows: Map<string, OutboxRow> } {
  const rows = new Map<string, OutboxRow>();
  const sorted = (list: OutboxRow[]) => list.sort((a, b) => a.sendAt.getTime() - b.sendAt.getTime() || a.key.localeCompare(b.key));
  const outbox: Outbox & { rows: Map<string, OutboxRow> } = {
    rows,
    // In memory there is no transaction to join: the same outbox.
    withTx: () => outbox,
    async enqueue(items: readonly NewOutboxItem[]) {
      if (options.failEnqueue) throw new Error('outbox unavailable');
      let added = 0;
      for (const item of items) {
        if (rows.has(item.key)) continue;
        rows.set(item.key, { ...item, status: 'pending', attempts: 0 });
        added++;
      }
      return added;
    },
    async cancel(keys, reason) {
      let changed = 0;
      for (const key of keys) {
        const row = rows.get(key);
        if (row?.status === 'pending') {
          rows.set(key, { ...row, status: 'cancelled', lastError: reason });
          changed++;
        }
      }
      return changed;
    },
    async forMeeting(id) {
      return sorted([...rows.values()].filter((r) => r.meetingId === id));
    },
    async forSchool(urn) {
      return sorted([...rows.values()].filter((r) => r.schoolUrn === urn));
    },
    async sentKeys(id) {
      return [...rows.values()].filter((r) => r.meetingId === id && r.status === 'sent').map((r) => r.key);
    },
  };
  return outbox;
}

export function framework(id: string): Framework {
  const fw = getFramework(id);
  if (!fw.ok) throw new Error(fw.error);
  return fw.value;
}

export interface Harness {
  readonly store: Store;
  readonly outbox: Outbox;
  readonly services: MeetingServices;
  readonly directory: SchoolDirectory;
  /** Sets the clock (an ISO instant). */
  at(iso: string): void;
  now(): Date;
  /** Runs `text` through the router as `who`. */
  say(text: string, who?: Who, extra?: Partial<CommandInput>): Promise<{ command: string; reply: Reply }>;
  /** The stored meetings, latest created last. */
  meetings(): Promise<{ id: string; school_urn: string; type_id: string; starts_at: string; status: string; revision: number }[]>;
  /** Sets outbox rows' delivery outcome, as the scheduler would. */
  mark(keys: readonly string[], status: OutboxRow['status'], fields?: { via?: string; lastError?: string; sentAt?: Date; attempts?: number }): Promise<void>;
  cleanup(): Promise<void>;
}

export interface Who {
  readonly role?: Role;
  readonly addresses?: readonly string[];
  readonly conversation?: ConversationType;
  readonly name?: string;
  readonly aad?: string;
}

export const OFFICER: Who = { role: 'officer', name: 'Anna Patel', aad: 'aad-officer' };

/** A harness on a fresh in-memory store; `outbox` defaults to the real one on that store. */
export async function harness(
  options: {
    framework?: Framework;
    calendar?: WorkingCalendar;
    outbox?: (store: Store) => Outbox;
    workbookFile?: string;
    /** Replies say who can be reached, by the scheduler's router on this store (as bot/start.ts wires it). */
    routes?: { mail: boolean; teamId?: string };
    /** Changes the example schools (e.g. a head without an e-mail address). */
    schools?: (schools: readonly SchoolRecord[]) => readonly SchoolRecord[];
    /** Environment for the bot's config (e.g. WAYMARK_CALENDAR). */
    env?: Record<string, string>;
  } = {},
): Promise<Harness> {
  const { store, cleanup } = await memoryStore();
  const outbox = options.outbox ? options.outbox(store) : createOutbox(store.db);
  const schools = await exampleSchools();
  const directory = staticDirectory(options.schools ? options.schools(schools) : schools);
  const services: MeetingServices = {
    outbox,
    calendar: options.calendar ?? makeCalendar(),
    framework: options.framework ?? framework('reading'),
    ...(options.workbookFile ? { workbookFile: options.workbookFile } : {}),
    ...(options.routes
      ? {
          route: createRouter({
            store,
            db: store.db,
            mail: options.routes.mail,
            aadIdForEmail: (email) => confirmedHeadForEmail(store.db, email, headEmailsIn(directory)),
            headEmailOf: headEmailsIn(directory),
            workbookLoaded: workbookLoadedIn(directory),
            teamId: options.routes.teamId,
          }),
        }
      : {}),
  };
  let clock = new Date('2026-12-01T10:00:00Z');
  const log = memoryLogger();
  return {
    store,
    outbox,
    services,
    directory,
    at(iso) {
      clock = new Date(iso);
    },
    now: () => clock,
    async say(text, who = OFFICER, extra = {}) {
      const ctx: CommandContext = {
        config: testConfig(options.env),
        store,
        log,
        role: who.role ?? 'guest',
        now: () => clock,
        directory,
        askerAddresses: async () => who.addresses ?? [],
        // A head here is one an officer has confirmed (bot/identity): the school whose head e-mail is theirs.
        headOf: async () => headUrns(directory, who.addresses ?? []),
        meetings: services,
      };
      const input: CommandInput = {
        text,
        user: { id: `29:${who.aad ?? 'someone'}`, aadObjectId: who.aad ?? 'aad-someone', name: who.name ?? 'Someone' },
        conversation: { id: who.conversation === 'channel' ? '19:general@thread.tacv2;messageid=1' : 'a:personal-1', type: who.conversation ?? 'personal' },
        ...extra,
      };
      return route(input, ctx);
    },
    async meetings() {
      const { rows } = await store.db.query<{ id: string; school_urn: string; type_id: string; starts_at: string; status: string; revision: number }>(
        'SELECT id, school_urn, type_id, starts_at, status, revision FROM meetings ORDER BY created_at, id',
      );
      return rows;
    },
    async mark(keys, status, fields = {}) {
      await store.db.query(
        `UPDATE outbox SET status = $2, via = COALESCE($3, via), last_error = COALESCE($4, last_error), sent_at = COALESCE($5, sent_at), attempts = COALESCE($6, attempts)
         WHERE key = ANY($1::text[])`,
        [[...keys], status, fields.via ?? null, fields.lastError ?? null, fields.sentAt?.toISOString() ?? null, fields.attempts ?? null],
      );
    },
    cleanup,
  };
}

/** The schools whose workbook head e-mail is one of `addresses` (as if an officer had confirmed the link). */
export function headUrns(directory: SchoolDirectory, addresses: readonly string[]): string[] {
  const wanted = addresses.map((a) => a.trim().toLowerCase());
  return directory.current().schools.flatMap((s) => (s.urn && s.headEmail && wanted.includes(s.headEmail.trim().toLowerCase()) ? [s.urn] : []));
}

/** Outbox rows as `key → [status, sendAt ISO]`, for compact expectations. */
export async function outboxView(outbox: Outbox, meetingId: string): Promise<Record<string, [string, string]>> {
  const rows = await outbox.forMeeting(meetingId);
  return Object.fromEntries(rows.map((r) => [r.key.replace(`${meetingId}:`, ''), [r.status, r.sendAt.toISOString()]]));
}
