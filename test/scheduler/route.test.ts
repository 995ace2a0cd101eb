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

describe('routing channel steps only to the improvement team', () => {
  const TEAM = '19:improvement@thread.tacv2';
  const channelRow = (recipientRole: 'channel' | 'members' | 'officer'): OutboxRow => ({
    ...headRow('unused@example.org'),
    key: `m2:agenda:${recipientRole}`,
    meetingId: 'm2',
    step: 'agenda',
    recipientRole,
    recipient: recipientRole === 'officer' ? { aadObjectId: 'aad-officer-without-chat', name: 'Anna Patel' } : undefined,
    message: { subject: 'LAIG agenda', text: 'confidential agenda' },
  });
  const channelRef = (id: string, team?: Record<string, string>) => ({
    serviceUrl: 'https://smba.example/',
    conversation: { id: `${id};messageid=1`, conversationType: 'channel' },
    ...(team ? { team } : {}),
  });

  it("never posts to another team's channel (e.g. the heads' team) when no channel was chosen", async () => {
    const s = await memoryStore();
    try {
      // Sorts before the improvement team's channel.
      await s.conversations.save('19:aaa-heads@thread.tacv2', 'channel', channelRef('19:aaa-heads@thread.tacv2', { id: '19:heads@thread.tacv2' }));
      for (const teamId of [undefined, TEAM]) {
        const route = createRouter({ store: s, db: s.db, mail: false, teamId });
        for (const role of ['channel', 'members', 'officer'] as const) {
          const r = await route(channelRow(role));
          expect(r.kind).toBe('none');
          expect(r.kind === 'none' && r.reason).toContain('use this channel for Waymark');
        }
      }
    } finally {
      await s.close();
    }
  });

  it("uses a channel of WAYMARK_TEAM_ID (by its thread id, its group id, or its General channel's id), else the chosen one", async () => {
    const s = await memoryStore();
    try {
      await s.conversations.save('19:aaa-heads@thread.tacv2', 'channel', channelRef('19:aaa-heads@thread.tacv2', { id: '19:heads@thread.tacv2' }));
      await s.conversations.save('19:bbb-sio@thread.tacv2', 'channel', channelRef('19:bbb-sio@thread.tacv2', { id: TEAM, aadGroupId: 'GROUP-1' }));
      for (const teamId of [TEAM, 'group-1']) {
        const route = createRouter({ store: s, db: s.db, mail: false, teamId });
        expect(await route(channelRow('channel'))).toMatchObject({ kind: 'teams', via: 'channel', reference: { conversation: { id: '19:bbb-sio@thread.tacv2' } } });
        expect(await route(channelRow('officer'))).toMatchObject({
          kind: 'teams',
          via: 'channel',
          reference: { conversation: { id: '19:bbb-sio@thread.tacv2' } },
          mention: { id: 'aad-officer-without-chat' },
        });
      }
      // A reference kept before bot/teams stored the team: the team's General channel has the team's id.
      await s.conversations.save('19:bbb-sio@thread.tacv2', 'channel', channelRef('19:bbb-sio@thread.tacv2'));
      await s.conversations.save(TEAM, 'channel', channelRef(TEAM));
      expect(await createRouter({ store: s, db: s.db, mail: false, teamId: TEAM })(channelRow('members'))).toMatchObject({
        kind: 'teams',
        reference: { conversation: { id: TEAM } },
      });
      // "use this channel for Waymark" wins, whatever WAYMARK_TEAM_ID says.
      await s.db.query(`INSERT INTO settings (key, value) VALUES ('team-channel', $1)`, [JSON.stringify('19:bbb-sio@thread.tacv2')]);
      for (const teamId of [undefined, TEAM]) {
        expect(await createRouter({ store: s, db: s.db, mail: false, teamId })(channelRow('channel'))).toMatchObject({
          kind: 'teams',
          reference: { conversation: { id: '19:bbb-sio@thread.tacv2' } },
        });
      }
    } finally {
      await s.close();
    }
  });
});
