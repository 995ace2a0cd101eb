/** Shared set-up for the scheduler tests and the reminders benchmark. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewOutboxItem } from '../../bot/outbox/types.js';
import { loadConfigOrThrow } from '../../bot/config.js';
import { createLogger, type Logger } from '../../bot/log.js';
import type { Queryable } from '../../bot/store/db.js';
import { openStore, type Store } from '../../bot/store/store.js';
import { createTeamsSender } from '../../bot/teams/proactive.js';
import { memoryTemplate } from '../bot/helpers.js';

/** A Wednesday in term, 10:00 in London. */
export const WEDNESDAY = '2026-12-09T10:00:00.000Z';

export const quietLog: Logger = createLogger({ write: () => {} });

export async function memoryStore(): Promise<Store> {
  return openStore({ dataDir: mkdtempSync(join(tmpdir(), 'waymark-sched-')), inMemory: true, from: await memoryTemplate() });
}

/** The real Teams sender, in local mode (no token), for references pointing at a loopback fake. */
export function localTeamsSender() {
  return createTeamsSender({ config: loadConfigOrThrow({ WAYMARK_DATA_DIR: '/nonexistent' }) });
}

export function userReference(serviceUrl: string, conversationId: string, aadObjectId: string): Record<string, unknown> {
  return {
    channelId: 'msteams',
    serviceUrl,
    conversation: { id: conversationId, conversationType: 'personal', tenantId: 'tenant' },
    bot: { id: '28:waymark', name: 'Waymark' },
    user: { id: `29:${aadObjectId}`, aadObjectId },
  };
}

export function channelReference(serviceUrl: string, channelId: string): Record<string, unknown> {
  return {
    channelId: 'msteams',
    serviceUrl,
    conversation: { id: `${channelId};messageid=1700000000000`, conversationType: 'channel', isGroup: true, tenantId: 'tenant' },
    activityId: '1700000000000',
    bot: { id: '28:waymark', name: 'Waymark' },
  };
}

/** `n` head reminders, each to its own head (aad-head-i) unless `heads` is smaller, all due at `sendAt`. */
export function headItems(n: number, sendAt: Date, opts: { heads?: number; meeting?: string; condition?: NewOutboxItem['condition'] } = {}): NewOutboxItem[] {
  const heads = opts.heads ?? n;
  return Array.from({ length: n }, (_, i) => {
    const key = `${opts.meeting ?? 'm'}-${i}:evidence-request:head`;
    return {
      key,
      meetingId: opts.meeting ?? `m-${i}`,
      schoolUrn: String(100000 + (i % heads)),
      step: 'evidence-request',
      recipientRole: 'head' as const,
      recipient: { aadObjectId: `aad-head-${i % heads}`, email: `head${i % heads}@school.example`, name: `Head ${i % heads}` },
      condition: opts.condition ?? 'always',
      sendAt,
      message: { subject: 'Evidence for your RAP', text: `reminder ${key}` },
    };
  });
}

/** Stores a 1:1 reference for aad-head-0 … aad-head-(heads-1), conversation a:head-i. */
export async function saveHeadReferences(store: Store, serviceUrl: string, heads: number): Promise<void> {
  for (let i = 0; i < heads; i++) {
    await store.conversations.save(`aad-head-${i}`, 'user', userReference(serviceUrl, `a:head-${i}`, `aad-head-${i}`));
  }
}

export async function statuses(db: Queryable): Promise<Map<string, string>> {
  const { rows } = await db.query<{ key: string; status: string }>('SELECT key, status FROM outbox');
  return new Map(rows.map((r) => [r.key, r.status]));
}

export async function addMeeting(db: Queryable, id: string): Promise<void> {
  await db.query(
    `INSERT INTO meetings (id, school_urn, school_name, framework_id, type_id, starts_at, created_by)
     VALUES ($1, '100000', 'Oakfield Primary', 'reading', 'rap', '2026-12-21T10:00', 'test') ON CONFLICT DO NOTHING`,
    [id],
  );
}
