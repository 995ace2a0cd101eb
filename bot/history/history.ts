/**
 * Category history: each successful load of the workbook stores, per school, its officer
 * category and Waymark's suggestion when either changed (and the first time the school is
 * seen). A change is announced once to the team channel through the outbox: the snapshot's
 * (school, seq) is unique, so across restarts and replicas only the process that inserts it
 * enqueues the alert, and the outbox key is unique too. The first sight of a school is never
 * announced.
 */
import { longDate } from '../../core/messages/categoryReply.js';
import { CARD_SCHEMA } from '../../core/messages/card.js';
import type { SchoolRecord } from '../../core/schools/types.js';
import type { Queryable } from '../store/db.js';
import type { NewOutboxItem } from '../outbox/types.js';

export interface Snapshot {
  readonly schoolUrn: string;
  readonly seq: number;
  readonly schoolName: string;
  readonly officerCode: string | null;
  readonly suggestedCode: string | null;
  readonly rationale: string;
  readonly dataDate: string | null;
  readonly loadedAt: Date;
}

interface SnapshotDbRow {
  school_urn: string;
  seq: number;
  school_name: string;
  officer_code: string | null;
  suggested_code: string | null;
  rationale: string;
  data_date: string | null;
  loaded_at: Date | string;
}

const toSnapshot = (r: SnapshotDbRow): Snapshot => ({
  schoolUrn: r.school_urn,
  seq: Number(r.seq),
  schoolName: r.school_name,
  officerCode: r.officer_code,
  suggestedCode: r.suggested_code,
  rationale: r.rationale,
  dataDate: r.data_date,
  loadedAt: new Date(r.loaded_at),
});

/** A recorded change: the snapshot before and the one after. */
export interface CategoryChange {
  readonly before: Snapshot;
  readonly after: Snapshot;
}

/** Where change alerts go: the outbox the scheduler sends to the team channel. */
export interface AlertSink {
  enqueue(items: readonly NewOutboxItem[]): Promise<number>;
}

const code = (c: string | null): string => c ?? 'none';

/** The words of a change, e.g. "officer category G → R; Waymark's suggestion R → C". */
export function changeWords(c: CategoryChange): string {
  const parts: string[] = [];
  if (c.before.officerCode !== c.after.officerCode) parts.push(`officer category ${code(c.before.officerCode)} → ${code(c.after.officerCode)}`);
  if (c.before.suggestedCode !== c.after.suggestedCode) parts.push(`Waymark's suggestion ${code(c.before.suggestedCode)} → ${code(c.after.suggestedCode)}`);
  return parts.join('; ');
}

/** The channel post for a change: a card (school, from → to, the reason) and its text. */
export function alertItem(c: CategoryChange, now: Date): NewOutboxItem {
  const school = `${c.after.schoolName} (URN ${c.after.schoolUrn})`;
  const what = changeWords(c);
  const reason = c.after.rationale.trim() === '' ? 'no reason recorded' : c.after.rationale.trim();
  const text = `${school}: ${what}. Reason: ${reason}.${c.after.dataDate ? ` Data as at ${longDate(c.after.dataDate)}.` : ''}`;
  const card = {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: '1.5',
    fallbackText: text,
    body: [
      { type: 'TextBlock', text: 'Category change', weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'TextBlock', text: school, weight: 'Bolder', wrap: true },
      {
        type: 'FactSet',
        facts: [
          ...(c.before.officerCode !== c.after.officerCode ? [{ title: 'Officer category', value: `${code(c.before.officerCode)} → ${code(c.after.officerCode)}` }] : []),
          ...(c.before.suggestedCode !== c.after.suggestedCode ? [{ title: "Waymark's suggestion", value: `${code(c.before.suggestedCode)} → ${code(c.after.suggestedCode)}` }] : []),
          { title: 'Reason', value: reason },
          ...(c.after.dataDate ? [{ title: 'Data as at', value: longDate(c.after.dataDate) }] : []),
        ],
      },
    ],
    actions: [{ type: 'Action.Submit', title: 'Why?', data: { waymark: 'ask', ask: `why is ${c.after.schoolUrn} in that category?` } }],
  };
  return {
    key: `category-change:${c.after.schoolUrn}:${c.after.seq}`,
    meetingId: 'category-change',
    schoolUrn: c.after.schoolUrn,
    step: 'category-change',
    recipientRole: 'channel',
    condition: 'always',
    sendAt: now,
    message: { subject: 'Category change', text, card },
  };
}

/** The latest snapshot of every school. */
async function latest(db: Queryable): Promise<Map<string, Snapshot>> {
  const { rows } = await db.query<SnapshotDbRow>(
    `SELECT DISTINCT ON (school_urn) * FROM category_snapshots ORDER BY school_urn, seq DESC`,
  );
  return new Map(rows.map((r) => [r.school_urn, toSnapshot(r)]));
}

/**
 * Records this load: a snapshot for each school whose officer category or suggestion differs
 * from its latest one (or that is new), and an alert for each change this process was first
 * to record. Schools without a URN are left out (a name alone is not a stable key). Returns
 * the changes announced.
 */
export async function recordLoad(db: Queryable, schools: readonly SchoolRecord[], loadedAt: Date, alerts?: AlertSink): Promise<CategoryChange[]> {
  const before = await latest(db);
  const seen = new Set<string>();
  const changes: CategoryChange[] = [];
  for (const s of schools) {
    if (s.urn === undefined || seen.has(s.urn)) continue;
    seen.add(s.urn);
    const officer = s.category?.source === 'officer' ? s.category.category.code : null;
    const suggested = s.suggested?.code ?? null;
    const prev = before.get(s.urn);
    if (prev && prev.officerCode === officer && prev.suggestedCode === suggested) continue;
    const seq = (prev?.seq ?? 0) + 1;
    const { rows } = await db.query<SnapshotDbRow>(
      `INSERT INTO category_snapshots (school_urn, seq, school_name, officer_code, suggested_code, rationale, data_date, loaded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING *`,
      [s.urn, seq, s.name, officer, suggested, s.rationale, s.dataDate ?? null, loadedAt],
    );
    const inserted = rows[0];
    if (!inserted || !prev) continue;
    changes.push({ before: prev, after: toSnapshot(inserted) });
  }
  if (alerts && changes.length > 0) await alerts.enqueue(changes.map((c) => alertItem(c, loadedAt)));
  return changes;
}

/** Every snapshot of a school, oldest first. */
export async function historyOf(db: Queryable, urn: string): Promise<Snapshot[]> {
  const { rows } = await db.query<SnapshotDbRow>('SELECT * FROM category_snapshots WHERE school_urn = $1 ORDER BY seq', [urn]);
  return rows.map(toSnapshot);
}

/** Changes recorded at or after `since`, newest first. */
export async function changesSince(db: Queryable, since: Date): Promise<CategoryChange[]> {
  const { rows } = await db.query<SnapshotDbRow & { p_seq: number; p_officer: string | null; p_suggested: string | null; p_rationale: string; p_data_date: string | null; p_loaded_at: Date | string; p_name: string }>(
    `SELECT a.*, p.seq AS p_seq, p.officer_code AS p_officer, p.suggested_code AS p_suggested, p.rationale AS p_rationale,
            p.data_date AS p_data_date, p.loaded_at AS p_loaded_at, p.school_name AS p_name
       FROM category_snapshots a JOIN category_snapshots p ON p.school_urn = a.school_urn AND p.seq = a.seq - 1
      WHERE a.loaded_at >= $1 ORDER BY a.loaded_at DESC, a.school_urn`,
    [since],
  );
  return rows.map((r) => ({
    after: toSnapshot(r),
    before: toSnapshot({
      school_urn: r.school_urn, seq: r.p_seq, school_name: r.p_name, officer_code: r.p_officer, suggested_code: r.p_suggested,
      rationale: r.p_rationale, data_date: r.p_data_date, loaded_at: r.p_loaded_at,
    }),
  }));
}

/** The most recent load that changed anything: when, and its changes. */
export async function lastChanges(db: Queryable): Promise<{ at: Date; changes: CategoryChange[] } | undefined> {
  const { rows } = await db.query<{ at: Date | string | null }>('SELECT max(loaded_at) AS at FROM category_snapshots WHERE seq > 1');
  const at = rows[0]?.at;
  if (!at) return undefined;
  const when = new Date(at);
  return { at: when, changes: (await changesSince(db, when)).filter((c) => c.after.loadedAt.getTime() === when.getTime()) };
}

/** Remembers the school a conversation last asked about. */
export async function rememberSchool(db: Queryable, conversationId: string, urn: string, at: Date): Promise<void> {
  await db.query(
    `INSERT INTO conversation_school (conversation_id, school_urn, updated_at) VALUES ($1, $2, $3)
     ON CONFLICT (conversation_id) DO UPDATE SET school_urn = EXCLUDED.school_urn, updated_at = EXCLUDED.updated_at`,
    [conversationId, urn, at],
  );
}

/** The school a conversation last asked about, if any. */
export async function lastSchool(db: Queryable, conversationId: string): Promise<string | undefined> {
  const { rows } = await db.query<{ school_urn: string }>('SELECT school_urn FROM conversation_school WHERE conversation_id = $1', [conversationId]);
  return rows[0]?.school_urn;
}
