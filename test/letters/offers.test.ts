// Files waiting for a user's answer (bot/files/offers.ts): for that user only, gone after an
// hour (purged from the store whenever offers are touched, and on the scheduler's tick), at
// most ten per user, forgotten once answered, and given to one answer only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeClock } from '../../bot/delivery/clock.js';
import { claimOffer, dropOffer, findOffer, MAX_OFFERS_PER_USER, saveOffer } from '../../bot/files/offers.js';
import { memoryLogger } from '../../bot/log.js';
import { startBot } from '../../bot/start.js';
import type { Store } from '../../bot/store/store.js';
import { memoryStore } from '../bot/helpers.js';
import { exampleCopy } from '../bot/schools-fixture.js';

let store: Store;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ store, cleanup } = await memoryStore());
});
afterAll(() => cleanup());

const file = (n: number) => ({ name: `draft-${n}.docx`, bytes: new Uint8Array([n, 0, 255, 7]), description: `draft ${n}` });
const at = (iso: string) => new Date(iso);

describe('offered files', () => {
  it('gives the bytes back to their owner only, until they expire or are answered', async () => {
    const id = await saveOffer(store.db, 'aad-a', file(1), at('2027-01-11T10:00:00Z'));
    expect(await findOffer(store.db, id, 'aad-b', at('2027-01-11T10:01:00Z'))).toBeUndefined();
    const found = await findOffer(store.db, id, 'aad-a', at('2027-01-11T10:59:00Z'));
    expect(found).toMatchObject({ name: 'draft-1.docx', description: 'draft 1' });
    expect([...found!.bytes]).toEqual([1, 0, 255, 7]);
    expect(await findOffer(store.db, id, 'aad-a', at('2027-01-11T11:00:01Z'))).toBeUndefined();
    await dropOffer(store.db, id);
    expect(await findOffer(store.db, id, 'aad-a', at('2027-01-11T10:30:00Z'))).toBeUndefined();
  });

  it('purges expired offers and keeps at most ten per user', async () => {
    await saveOffer(store.db, 'aad-c', file(0), at('2027-01-11T08:00:00Z'));
    const ids: string[] = [];
    for (let i = 1; i <= MAX_OFFERS_PER_USER + 2; i++) ids.push(await saveOffer(store.db, 'aad-c', file(i), at(`2027-01-11T10:${String(i).padStart(2, '0')}:00Z`)));
    const { rows } = await store.db.query<{ name: string }>("SELECT name FROM offered_files WHERE owner_id = 'aad-c' ORDER BY expires_at");
    expect(rows.map((r) => r.name)).toEqual(Array.from({ length: MAX_OFFERS_PER_USER }, (_, i) => `draft-${i + 3}.docx`));
    expect(await findOffer(store.db, ids[0]!, 'aad-c', at('2027-01-11T10:30:00Z'))).toBeUndefined();
  });
});

describe('expired offers leave the store', () => {
  const names = async (db: Store['db']) => (await db.query<{ name: string }>('SELECT name FROM offered_files ORDER BY name')).rows.map((r) => r.name);

  it('when anyone looks up or claims an offer, not only when a new one is made', async () => {
    await store.db.query('DELETE FROM offered_files');
    await saveOffer(store.db, 'aad-d', file(1), at('2027-01-11T08:30:00Z'));
    const later = await saveOffer(store.db, 'aad-e', file(2), at('2027-01-11T09:15:00Z'));
    expect(await names(store.db)).toEqual(['draft-1.docx', 'draft-2.docx']);
    // 10:00: draft-1's hour is over; a look-up of another offer purges it.
    expect(await findOffer(store.db, later, 'aad-e', at('2027-01-11T10:00:00Z'))).toBeDefined();
    expect(await names(store.db)).toEqual(['draft-2.docx']);
    await saveOffer(store.db, 'aad-d', file(3), at('2027-01-11T10:00:00Z'));
    // 10:45: draft-2 expired; claiming an offer that is not there still purges it.
    expect(await claimOffer(store.db, 'no-such-offer', 'aad-d', at('2027-01-11T10:45:00Z'))).toBeUndefined();
    expect(await names(store.db)).toEqual(['draft-3.docx']);
  });

  it('a claim gives the offer once, to its owner, while it waits', async () => {
    const id = await saveOffer(store.db, 'aad-f', file(4), at('2027-01-11T10:00:00Z'));
    expect(await claimOffer(store.db, id, 'aad-g', at('2027-01-11T10:01:00Z'))).toBeUndefined();
    const claims = await Promise.all([1, 2, 3].map(() => claimOffer(store.db, id, 'aad-f', at('2027-01-11T10:01:00Z'))));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect([...claims.find(Boolean)!.bytes]).toEqual([4, 0, 255, 7]);
    expect(await findOffer(store.db, id, 'aad-f', at('2027-01-11T10:02:00Z'))).toBeUndefined();
  });

  it("the running bot's scheduler tick purges a letter nobody answered, with no other offer made", async () => {
    const workbook = exampleCopy();
    const dataDir = mkdtempSync(join(tmpdir(), 'waymark-offers-'));
    const clock = fakeClock('2030-01-09T10:00:00.000Z');
    // The cron never fires during the test: the test ticks the scheduler itself.
    const env = { PORT: '0', WAYMARK_DATA_DIR: dataDir, WAYMARK_WORKBOOK: workbook.file, WAYMARK_FRAMEWORK: 'reading', WAYMARK_SCHEDULE: '0 3 1 1 *' };
    const bot = await startBot(env, memoryLogger(), { clock });
    try {
      await saveOffer(bot.store.db, 'aad-officer', { name: 'victoria-significant-concerns.docx', bytes: new Uint8Array(100), description: 'd' }, clock.now());
      await bot.reminders.tick();
      expect(await names(bot.store.db)).toEqual(['victoria-significant-concerns.docx']);
      clock.advance(61 * 60_000);
      await bot.reminders.tick();
      expect(await names(bot.store.db)).toEqual([]);
    } finally {
      await bot.close();
      rmSync(workbook.dir, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
