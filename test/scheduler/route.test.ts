import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter } from '../../bot/delivery/route.js';
import type { OutboxRow } from '../../bot/outbox/types.js';
import type { Store } from '../../bot/store/store.js';
import { memoryStore } from './helpers.js';

let store: Store;
beforeAll(async () => {
  store = await memoryStore();
});
afterAll(() => store.close());

const headRow = (email: string): OutboxRow => ({
  key: 'm1:evidence-request:head',
  meetingId: 'm1',
  schoolUrn: '101234',
  step: 'evidence-request',
  recipientRole: 'head',
  recipient: { email },
  condition: 'always',
  sendAt: new Date('2026-12-01T08:00:00Z'),
  message: { subject: 'Evidence', text: 'Please send…' },
  status: 'pending',
  attempts: 0,
});

describe('routing a head known only by the workbook e-mail', () => {
  it('uses e-mail until the head has talked to the bot, then their Teams chat', async () => {
    const route = createRouter({ store, db: store.db, mail: true, aadIdForEmail: (e) => store.users.aadIdFor(e) });
    expect(await route(headRow('Head@Oakfield.sch.uk'))).toMatchObject({ kind: 'email', to: { email: 'Head@Oakfield.sch.uk' } });

    await store.conversations.save('aad-head', 'user', { conversation: { id: 'a:head-chat' }, serviceUrl: 'https://smba.example/' });
    await store.users.remember('aad-head', ['head@oakfield.sch.uk']);
    expect(await route(headRow('Head@Oakfield.sch.uk'))).toMatchObject({
      kind: 'teams',
      via: 'teams',
      reference: { conversation: { id: 'a:head-chat' } },
    });
  });
});
