import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCalendar } from '../../core/calendar/index.js';
import { statusWords } from '../../bot/commands/reminder-status.js';
import { fakeClock } from '../../bot/delivery/clock.js';
import { createRouter, type Route } from '../../bot/delivery/route.js';
import { createGraphMailer } from '../../bot/graph/mail.js';
import { confirmedHeadForEmail } from '../../bot/identity/identity.js';
import { createOutbox } from '../../bot/outbox/outbox.js';
import type { OutboxRow } from '../../bot/outbox/types.js';
import { createScheduler } from '../../bot/scheduler/scheduler.js';
import type { Store } from '../../bot/store/store.js';
import { startFakeGraph } from '../fakes/graph.js';
import { addMeeting, localTeamsSender, memoryStore, quietLog, WEDNESDAY } from './helpers.js';

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

describe('a head reminder planned for a head the workbook no longer names', () => {
  const OLD = 'old@school.uk';
  /** Planned while old@ was Oakfield's head (as cadence and meeting rows carry it). */
  const planned = { recipientRole: 'head' as const, recipient: { email: OLD, name: 'Old Head' }, schoolUrn: '101234', schoolName: 'Oakfield' };

  /** The old head confirmed for Oakfield, with their 1:1 chat stored; the workbook's cell as `cell()` says. */
  async function world(s: Store, cell: () => string | undefined, loaded: () => boolean = () => true) {
    await s.db.query(`INSERT INTO head_links (school_urn, aad_object_id, email, status) VALUES ('101234', 'aad-old', $1, 'confirmed')`, [OLD]);
    await s.conversations.save('aad-old', 'user', { conversation: { id: 'a:old' }, user: { id: '29:old', aadObjectId: 'aad-old' } });
    const headEmailOf = (urn: string) => (urn === '101234' ? cell() : undefined);
    return { headEmailOf, workbookLoaded: loaded, aadIdForEmail: (e: string) => confirmedHeadForEmail(s.db, e, (u) => (loaded() ? headEmailOf(u) : undefined)) };
  }
  const chatOf = (r: Route) => (r.kind === 'teams' ? (r.reference.conversation as { id: string }).id : undefined);

  it('goes nowhere, with the reason, once the cell is blanked, whitespace, not an address, or the school is gone', async () => {
    const s = await memoryStore();
    try {
      let cell: string | undefined = OLD;
      const route = createRouter({ store: s, db: s.db, mail: true, ...(await world(s, () => cell)) });
      expect(chatOf(await route(planned))).toBe('a:old');
      cell = 'New@School.uk ';
      expect(await route(planned)).toEqual({ kind: 'email', to: { email: 'new@school.uk' }, pacingKey: 'mail' });

      for (const blank of [undefined, '', '   ']) {
        cell = blank;
        for (const target of [planned, { ...planned, recipient: { ...planned.recipient, aadObjectId: 'aad-old' } }]) {
          expect(await route(target)).toEqual({
            kind: 'none',
            reason: "no head e-mail in the workbook for this school (add the head's e-mail address to the workbook)",
            why: 'no head e-mail in the workbook for this school',
            fix: "add the head's e-mail address to the workbook",
          });
        }
      }
      cell = 'Tom Davies (head)';
      expect(await route(planned)).toMatchObject({ kind: 'none', why: 'the head e-mail in the workbook for this school is not an e-mail address' });
      // The school's row removed from the workbook.
      cell = OLD;
      expect((await route({ ...planned, schoolUrn: '999999' })).kind).toBe('none');
    } finally {
      await s.close();
    }
  });

  it('keeps the planned recipient only while the workbook has never been loaded', async () => {
    const s = await memoryStore();
    try {
      let loaded = false;
      const route = createRouter({ store: s, db: s.db, mail: true, ...(await world(s, () => (loaded ? undefined : OLD), () => loaded)) });
      // Nothing is known yet: the head the row was planned for, by e-mail (the link is not current without a workbook).
      expect(await route(planned)).toMatchObject({ kind: 'email', to: { email: OLD, name: 'Old Head' } });
      loaded = true;
      expect(await route(planned)).toMatchObject({ kind: 'none', why: 'no head e-mail in the workbook for this school' });
    } finally {
      await s.close();
    }
  });

  it('the scheduler sends nothing to the old head and records why, as reminder status shows it', async () => {
    const s = await memoryStore();
    const graph = await startFakeGraph();
    try {
      let cell: string | undefined = '   ';
      const credential = { getToken: async () => ({ token: 't', expiresOnTimestamp: Date.now() + 3_600_000 }) };
      const mail = createGraphMailer({ from: 'reminders@la.example', baseUrl: graph.url, credential });
      const clock = fakeClock(WEDNESDAY);
      const scheduler = createScheduler({
        store: s, calendar: makeCalendar(), clock, log: quietLog, teams: localTeamsSender(), mail, id: 'test', ...(await world(s, () => cell)),
      });
      const outbox = createOutbox(s.db);
      await addMeeting(s.db, 'm1');
      const item = (key: string) => ({
        key, meetingId: 'm1', schoolUrn: '101234', step: 'evidence-request', recipientRole: 'head' as const, recipient: planned.recipient,
        condition: 'always' as const, sendAt: new Date(clock.now().getTime() - 60_000), message: { subject: 'Evidence', text: 'Please send' },
      });
      await outbox.enqueue([item('m1:evidence-request:head')]);
      expect(await scheduler.tick()).toMatchObject({ noRoute: 1, sent: 0 });
      const [row] = await outbox.forMeeting('m1');
      expect(row).toMatchObject({ status: 'no-route' });
      expect(statusWords(row!)).toBe("no route: no head e-mail in the workbook for this school (add the head's e-mail address to the workbook)");

      // The team fills the cell with the new head: the next reminder goes to them, not to old@.
      cell = 'new@school.uk';
      await outbox.enqueue([{ ...item('m1:evidence-chase:head'), step: 'evidence-chase' }]);
      expect(await scheduler.tick()).toMatchObject({ sent: 1 });
      expect(graph.sent().map((m) => m.body.message.toRecipients.map((r) => r.emailAddress.address))).toEqual([['new@school.uk']]);
      await scheduler.stop();
    } finally {
      await graph.close();
      await s.close();
    }
  });
});
