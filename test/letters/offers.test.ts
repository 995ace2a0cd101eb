// Files waiting for a user's answer (bot/files/offers.ts): for that user only, gone after an
// hour, at most ten per user, forgotten once answered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropOffer, findOffer, MAX_OFFERS_PER_USER, saveOffer } from '../../bot/files/offers.js';
import type { Store } from '../../bot/store/store.js';
import { memoryStore } from '../bot/helpers.js';

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
