/**
 * Numbered schema migrations, applied in order at start-up, each once, in one transaction
 * per migration. An advisory lock serialises replicas starting together on PostgreSQL.
 * Never edit a released migration: add the next number.
 */
import { EXIT_CRITERIA_MIGRATION } from '../exit-criteria/migration.js';
import type { Db } from './db.js';

export interface Migration {
  readonly id: number;
  readonly name: string;
  readonly sql: readonly string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'audit and conversation references',
    sql: [
      `CREATE TABLE audit (
         id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
         at          timestamptz NOT NULL DEFAULT now(),
         actor_id    text NOT NULL,
         actor_role  text NOT NULL CHECK (actor_role IN ('officer', 'guest')),
         command     text NOT NULL,
         question    text NOT NULL,
         school_urn  text,
         outcome     text NOT NULL CHECK (outcome IN ('allowed', 'refused', 'not-found')),
         conversation_type text
       )`,
      `CREATE INDEX audit_at ON audit (at)`,
      `CREATE INDEX audit_school ON audit (school_urn, at)`,
      `CREATE TABLE conversation_refs (
         key         text PRIMARY KEY,
         kind        text NOT NULL CHECK (kind IN ('user', 'channel')),
         reference   jsonb NOT NULL,
         created_at  timestamptz NOT NULL DEFAULT now(),
         updated_at  timestamptz NOT NULL DEFAULT now()
       )`,
    ],
  },
  {
    id: 2,
    name: 'audit: heads asking about their own school',
    sql: [
      `ALTER TABLE audit DROP CONSTRAINT IF EXISTS audit_actor_role_check`,
      `ALTER TABLE audit ADD CONSTRAINT audit_actor_role_check CHECK (actor_role IN ('officer', 'head', 'guest'))`,
    ],
  },
  {
    id: 3,
    name: 'meetings, evidence and team settings',
    sql: [
      // starts_at is London wall-clock time ('yyyy-MM-ddTHH:mm'): meetings are booked in local
      // time, and the plan turns it into instants with the calendar's London helpers.
      `CREATE TABLE meetings (
         id            text PRIMARY KEY,
         school_urn    text NOT NULL,
         school_name   text NOT NULL,
         framework_id  text NOT NULL,
         type_id       text NOT NULL,
         starts_at     text NOT NULL,
         status        text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled', 'held')),
         revision      integer NOT NULL DEFAULT 0,
         created_by    text NOT NULL,
         created_at    timestamptz NOT NULL DEFAULT now(),
         updated_at    timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE INDEX meetings_school ON meetings (school_urn, starts_at)`,
      `CREATE INDEX meetings_status ON meetings (status, starts_at)`,
      // One row is enough to stop chasing a meeting; later submissions are kept as history.
      `CREATE TABLE evidence (
         id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
         meeting_id   text NOT NULL REFERENCES meetings (id),
         received_at  timestamptz NOT NULL DEFAULT now(),
         recorded_by  text NOT NULL,
         how          text NOT NULL CHECK (how IN ('files', 'link', 'button', 'officer')),
         detail       jsonb
       )`,
      `CREATE INDEX evidence_meeting ON evidence (meeting_id)`,
      `CREATE TABLE settings (
         key         text PRIMARY KEY,
         value       jsonb NOT NULL,
         updated_by  text,
         updated_at  timestamptz NOT NULL DEFAULT now()
       )`,
    ],
  },
  {
    id: 10,
    name: 'reminder outbox and delivery claims',
    sql: [
      // One row per (meeting, recipient, step): what to send, when, and where it got to.
      // recipient holds the head's or officer's AAD id / e-mail / name: personal, never logged.
      `CREATE TABLE outbox (
         key             text PRIMARY KEY,
         meeting_id      text NOT NULL,
         school_urn      text NOT NULL,
         step            text NOT NULL,
         recipient_role  text NOT NULL CHECK (recipient_role IN ('channel', 'members', 'head', 'officer')),
         recipient       jsonb,
         condition       text NOT NULL CHECK (condition IN ('always', 'no-evidence')),
         send_at         timestamptz NOT NULL,
         message         jsonb NOT NULL,
         status          text NOT NULL DEFAULT 'pending'
                         CHECK (status IN ('pending', 'claimed', 'sent', 'failed', 'blocked', 'no-route', 'skipped', 'cancelled')),
         attempts        integer NOT NULL DEFAULT 0,
         last_error      text,
         sent_at         timestamptz,
         via             text CHECK (via IN ('teams', 'email', 'channel')),
         created_at      timestamptz NOT NULL DEFAULT now(),
         updated_at      timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE INDEX outbox_due ON outbox (send_at) WHERE status = 'pending'`,
      `CREATE INDEX outbox_meeting ON outbox (meeting_id, send_at)`,
      `CREATE INDEX outbox_school ON outbox (school_urn, send_at)`,
      // The exactly-once claim: a row here means "someone owns sending this key". generation
      // counts claims (a lease re-take adds 1) so two re-takers cannot both win; sending_at is
      // set just before a send and cleared after a definite "not delivered" (429, 5xx), so a
      // claim found with sending_at set and no outcome is in doubt and is never sent again.
      `CREATE TABLE deliveries (
         key          text PRIMARY KEY REFERENCES outbox (key),
         claimed_by   text NOT NULL,
         claimed_at   timestamptz NOT NULL,
         generation   integer NOT NULL DEFAULT 1,
         sending_at   timestamptz,
         outcome      text,
         finished_at  timestamptz
       )`,
      `CREATE INDEX deliveries_open ON deliveries (claimed_at) WHERE outcome IS NULL`,
    ],
  },
  {
    id: 20,
    name: 'meeting plans in force, and one meeting of a type per school and day',
    sql: [
      // The plan steps each meeting was given (a move retires some and adds others): what
      // replanMeeting and cancelMeeting need, beside the outbox rows that deliver them.
      `CREATE TABLE meeting_steps (
         key         text PRIMARY KEY,
         meeting_id  text NOT NULL REFERENCES meetings (id),
         revision    integer NOT NULL,
         step        jsonb NOT NULL,
         in_force    boolean NOT NULL DEFAULT true,
         created_at  timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE INDEX meeting_steps_meeting ON meeting_steps (meeting_id)`,
      `CREATE UNIQUE INDEX meetings_one_a_day ON meetings (school_urn, type_id, substr(starts_at, 1, 10)) WHERE status = 'scheduled'`,
    ],
  },
  {
    id: 30,
    name: 'Teams users by e-mail, so heads known only by their workbook e-mail are reached in Teams',
    sql: [
      // Personal data: kept here for routing only, never logged.
      `CREATE TABLE user_addresses (
         address         text PRIMARY KEY,
         aad_object_id   text NOT NULL,
         updated_at      timestamptz NOT NULL DEFAULT now()
       )`,
    ],
  },
  {
    id: 40,
    name: 'where imported meetings came from, so a meeting moved in chat is not imported again',
    sql: [
      // One row per "Meetings" sheet row already turned into a meeting (or found to be one):
      // the school, the type and the day as the sheet gives it. The meeting may since have been
      // moved or cancelled in chat; the sheet row still stands for it and is never imported again.
      `CREATE TABLE meeting_imports (
         school_urn   text NOT NULL,
         type_id      text NOT NULL,
         sheet_day    text NOT NULL,
         meeting_id   text NOT NULL REFERENCES meetings (id),
         imported_at  timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (school_urn, type_id, sheet_day)
       )`,
      // Meetings stored before this table: each stands for a sheet row on the day it was first
      // planned for (its first plan's meeting start), so one moved since is not imported again.
      `INSERT INTO meeting_imports (school_urn, type_id, sheet_day, meeting_id)
       SELECT m.school_urn, m.type_id,
              substr(COALESCE((SELECT s.step->>'meetingStartsAt' FROM meeting_steps s
                               WHERE s.meeting_id = m.id AND s.revision = 0 ORDER BY s.key LIMIT 1), m.starts_at), 1, 10),
              m.id
       FROM meetings m
       ORDER BY m.created_at, m.id
       ON CONFLICT DO NOTHING`,
    ],
  },
  {
    id: 41,
    name: 'outbox: cancel requested while a request was out, and retry not before',
    sql: [
      // Set by Outbox.cancel on a row whose request had already gone out (it cannot be
      // recalled): the scheduler never sends it again, and if it was delivered says so.
      `ALTER TABLE outbox ADD COLUMN cancel_reason text`,
      // A row handed back by the scheduler (a Retry-After longer than it waits in-process, or a
      // stop): pending again, not claimed before this time. send_at keeps the planned time.
      `ALTER TABLE outbox ADD COLUMN not_before timestamptz`,
    ],
  },
  {
    id: 50,
    name: 'identity: officers bound by object id, heads linked to schools by an officer',
    sql: [
      // A UPN listed in WAYMARK_OFFICERS, bound to the Entra object id that first used it from
      // the configured tenant; never moved to another account (an officer removes the row).
      `CREATE TABLE officer_bindings (
         upn            text PRIMARY KEY,
         aad_object_id  text NOT NULL,
         bound_at       timestamptz NOT NULL DEFAULT now()
       )`,
      // One account per school: 'pending' from the head's first contact, 'confirmed' by an
      // officer ("confirm head for <school>"); only a confirmed link makes the account a head.
      `CREATE TABLE head_links (
         school_urn     text PRIMARY KEY,
         aad_object_id  text NOT NULL,
         email          text NOT NULL,
         status         text NOT NULL CHECK (status IN ('pending', 'confirmed')),
         requested_at   timestamptz NOT NULL DEFAULT now(),
         confirmed_by   text,
         confirmed_at   timestamptz
       )`,
      `CREATE INDEX head_links_account ON head_links (aad_object_id)`,
    ],
  },
  {
    id: 51,
    name: 'category history per school, and the last school of each conversation',
    sql: [
      // One row per school each time its officer category or suggestion changes (and the first
      // time it is seen). (school_urn, seq) is unique: two replicas loading the same change
      // race for seq + 1 and only the one that inserts it announces the change.
      `CREATE TABLE category_snapshots (
         school_urn      text NOT NULL,
         seq             integer NOT NULL,
         school_name     text NOT NULL,
         officer_code    text,
         suggested_code  text,
         rationale       text NOT NULL DEFAULT '',
         data_date       text,
         loaded_at       timestamptz NOT NULL,
         PRIMARY KEY (school_urn, seq)
       )`,
      `CREATE INDEX category_snapshots_at ON category_snapshots (loaded_at)`,
      // "and what would move it?": the school the conversation last asked about.
      `CREATE TABLE conversation_school (
         conversation_id  text PRIMARY KEY,
         school_urn       text NOT NULL,
         updated_at       timestamptz NOT NULL DEFAULT now()
       )`,
    ],
  },
  {
    id: 60,
    name: 'warning notices and files offered in the chat',
    sql: [
      // One warning notice per school and day it is given: saying it twice records it once.
      `CREATE TABLE warning_notices (
         school_urn      text NOT NULL,
         issued_on       text NOT NULL,
         school_name     text NOT NULL,
         issued_by_id    text NOT NULL,
         issued_by_name  text,
         recorded_at     timestamptz NOT NULL,
         PRIMARY KEY (school_urn, issued_on)
       )`,
      // A file offered to one user (a FileConsentCard), kept only until they accept or decline
      // it, or it expires: in the store rather than in memory so that the answer may reach any
      // replica, and a restart does not lose it.
      `CREATE TABLE offered_files (
         id           text PRIMARY KEY,
         owner_id     text NOT NULL,
         name         text NOT NULL,
         description  text NOT NULL,
         content      text NOT NULL,
         size_bytes   integer NOT NULL,
         expires_at   timestamptz NOT NULL
       )`,
      `CREATE INDEX offered_files_expiry ON offered_files (expires_at)`,
    ],
  },
  EXIT_CRITERIA_MIGRATION,
  {
    id: 62,
    name: 'head links: a pending request for a new head beside a suspended confirmed link',
    sql: [
      // When the workbook's head e-mail changes, the confirmed link stays (suspended, listed for
      // officers) until an officer confirms the new head's request, which then replaces it: at
      // most one pending and one confirmed link per school.
      `ALTER TABLE head_links DROP CONSTRAINT head_links_pkey`,
      `ALTER TABLE head_links ADD PRIMARY KEY (school_urn, status)`,
    ],
  },
  {
    id: 63,
    name: 'calendar import: events and the meetings they became, and leases',
    sql: [
      // One row per Outlook event seen by the calendar import (WAYMARK_CALENDAR). meeting_id is
      // the meeting it became (owned: imported, so the calendar moves and cancels it) or the
      // one scheduled in chat that it stands for (not owned: never touched); NULL when the event
      // could not be matched. problem says why, for the officers' list. starts_at is the
      // event's start as last imported: only a change of the event itself re-plans.
      `CREATE TABLE calendar_events (
         event_id    text PRIMARY KEY,
         meeting_id  text REFERENCES meetings (id),
         owned       boolean NOT NULL DEFAULT false,
         starts_at   text NOT NULL,
         subject     text NOT NULL,
         problem     text,
         cancelled   boolean NOT NULL DEFAULT false,
         updated_at  timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE INDEX calendar_events_problem ON calendar_events (starts_at) WHERE problem IS NOT NULL`,
      // A named job one replica runs at a time (the calendar import), aged by the database's clock.
      `CREATE TABLE leases (
         name        text PRIMARY KEY,
         holder      text NOT NULL,
         expires_at  timestamptz NOT NULL
       )`,
    ],
  },
  {
    id: 64,
    name: 'visits and category reviews held, per school and day (visit cadence, issue 14)',
    sql: [
      // One row per school, kind and day: recording the same visit twice is a no-op. An undo
      // keeps the row (who recorded it, who undid it, when) and recording it again revives it.
      // recorded_by / undone_by are Teams object ids: personal, never logged.
      `CREATE TABLE cadence_held (
         school_urn   text NOT NULL,
         kind         text NOT NULL CHECK (kind IN ('visit', 'review')),
         day          text NOT NULL,
         recorded_by  text NOT NULL,
         recorded_at  timestamptz NOT NULL,
         undone_by    text,
         undone_at    timestamptz,
         PRIMARY KEY (school_urn, kind, day)
       )`,
    ],
  },
  {
    id: 65,
    name: 'calendar import: the school and meeting type each event was matched to',
    sql: [
      // So a renamed event is noticed and matched again (a different school or type cancels
      // the meeting it became). NULL for rows from before: their meeting says.
      `ALTER TABLE calendar_events ADD COLUMN school_urn text, ADD COLUMN type_id text`,
      // Unmatched rows kept subjects of any event (a team lunch, a private appointment): the
      // import now keeps only events whose subject names a meeting type, and re-reads the rest.
      `DELETE FROM calendar_events WHERE meeting_id IS NULL`,
    ],
  },
];

const MIGRATION_LOCK = 0x57a7_0001; // arbitrary, fixed: "Waymark migrations"

/** Applies pending migrations; returns the ids applied now. */
export async function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      id integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await tx.query<{ id: number }>('SELECT id FROM schema_migrations');
    const done = new Set(rows.map((r) => Number(r.id)));
    const applied: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.id - b.id)) {
      if (done.has(m.id)) continue;
      for (const statement of m.sql) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [m.id, m.name]);
      applied.push(m.id);
    }
    return applied;
  });
}
