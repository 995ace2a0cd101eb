import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeCalendar } from '../../core/calendar/index.js';
import { fakeClock, systemClock, type Clock, type FakeClock } from '../../bot/delivery/clock.js';
import { Pacer } from '../../bot/delivery/pacer.js';
import { backoffMs, parseRetryAfter } from '../../bot/delivery/retry.js';
import type { SendResult, TeamsSender } from '../../bot/delivery/types.js';
import { createGraphMailer } from '../../bot/graph/mail.js';
import { createOutbox } from '../../bot/outbox/outbox.js';
import type { Outbox } from '../../bot/outbox/types.js';
import { createScheduler, type SchedulerOptions } from '../../bot/scheduler/scheduler.js';
import { statusWords } from '../../bot/commands/reminder-status.js';
import type { Store } from '../../bot/store/store.js';
import { startFakeGraph, type FakeGraph } from '../fakes/graph.js';
import { startFakeTeams, type FakeTeams } from './fake-teams.js';
import {
  addMeeting,
  channelReference,
  headItems,
  localTeamsSender,
  memoryStore,
  quietLog,
  saveHeadReferences,
  statuses,
  userReference,
  WEDNESDAY,
} from './helpers.js';

const calendar = makeCalendar();
let teams: FakeTeams;
let graph: FakeGraph;
let store: Store;
let outbox: Outbox;
let clock: FakeClock;

beforeAll(async () => {
  teams = await startFakeTeams();
  graph = await startFakeGraph();
  store = await memoryStore(); // one PGlite for the file: starting one takes seconds
  outbox = createOutbox(store.db);
});
afterAll(async () => {
  await teams.close();
  await graph.close();
  await store.close();
});
beforeEach(async () => {
  teams.reset();
  graph.received.length = 0;
  await store.db.query('TRUNCATE deliveries, outbox, evidence, meetings, settings, conversation_refs CASCADE');
  clock = fakeClock(WEDNESDAY);
});

function scheduler(extra: Partial<SchedulerOptions> = {}) {
  return createScheduler({ store, calendar, clock, log: quietLog, teams: localTeamsSender(), id: 'test', ...extra });
}

/** A reminder's card, as bot/meetings/cards.ts builds one for a head. */
const evidenceCard = (title: string) => ({
  type: 'AdaptiveCard',
  version: '1.5',
  body: [{ type: 'TextBlock', text: title, wrap: true }],
  actions: [{ type: 'Action.Submit', title: 'Evidence sent', data: { waymark: 'evidence-sent', meetingId: 'm-0' } }],
});

const past = () => new Date(clock.now().getTime() - 60_000);

describe('outbox', () => {
  it('enqueue is idempotent by key', async () => {
    const items = headItems(3, past());
    expect(await outbox.enqueue(items)).toBe(3);
    expect(await outbox.enqueue(items)).toBe(0);
    expect(await outbox.enqueue([...items, ...headItems(4, past())])).toBe(1);
    const rows = await outbox.forSchool('100000');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'pending', attempts: 0, recipientRole: 'head', condition: 'always' });
    expect(rows[0]!.sendAt).toBeInstanceOf(Date);
  });
});

describe('scheduler', () => {
  it('sends a due row once; the next tick does not resend; rows not yet due wait', async () => {
    await saveHeadReferences(store, teams.serviceUrl, 2);
    const [due] = headItems(1, past());
    const [later] = headItems(2, new Date(clock.now().getTime() + 3_600_000)).slice(1);
    await outbox.enqueue([due!, later!]);
    const s = scheduler();
    expect(await s.tick()).toMatchObject({ ran: true, claimed: 1, sent: 1 });
    expect(await s.tick()).toMatchObject({ ran: true, claimed: 0, sent: 0 });
    expect(teams.counts().get(due!.key)).toBe(1);
    expect(teams.delivered()).toHaveLength(1);
    expect(teams.delivered()[0]!.conversationId).toBe('a:head-0');
    expect(teams.delivered()[0]!.text).toBe(`**Evidence for your RAP**\n\nreminder ${due!.key}`);
    const [row] = (await outbox.forSchool('100000')).filter((r) => r.key === due!.key);
    expect(row).toMatchObject({ status: 'sent', via: 'teams', attempts: 1 });
    expect(row!.sentAt?.toISOString()).toBe(WEDNESDAY);
    expect(await outbox.sentKeys(due!.meetingId)).toEqual([due!.key]);
    // An hour later the second one is due, and only it goes.
    clock.advance(3_600_000);
    expect(await s.tick()).toMatchObject({ claimed: 1, sent: 1 });
    expect(teams.delivered()).toHaveLength(2);
  });

  it('skips a no-evidence step once evidence has arrived, and still sends an always step', async () => {
    await saveHeadReferences(store, teams.serviceUrl, 1);
    await addMeeting(store.db, 'oak');
    const [chase] = headItems(1, past(), { meeting: 'oak', condition: 'no-evidence' });
    const notice = { ...chase!, key: 'oak:moved:head', step: 'moved', condition: 'always' as const, message: { subject: 'Moved', text: 'reminder moved' } };
    await outbox.enqueue([chase!, notice]);
    await store.db.query(`INSERT INTO evidence (meeting_id, recorded_by, how) VALUES ('oak', 'officer', 'officer')`);
    expect(await scheduler().tick()).toMatchObject({ skipped: 1, sent: 1 });
    const rows = await outbox.forMeeting('oak');
    expect(rows.find((r) => r.key === chase!.key)).toMatchObject({ status: 'skipped', lastError: 'evidence received' });
    expect(teams.delivered().map((r) => r.text)).toEqual(['**Moved**\n\nreminder moved']);
  });

  it('never sends a cancelled row; cancel leaves sent rows alone', async () => {
    await saveHeadReferences(store, teams.serviceUrl, 3);
    const items = headItems(3, past());
    await outbox.enqueue(items);
    expect(await outbox.cancel([items[0]!.key, items[1]!.key, 'no-such-key'], 'meeting cancelled')).toBe(2);
    expect(await scheduler().tick()).toMatchObject({ claimed: 1, sent: 1 });
    expect(await outbox.cancel([items[2]!.key], 'too late')).toBe(0);
    expect(teams.delivered().map((r) => r.text)).toEqual([`**Evidence for your RAP**\n\nreminder ${items[2]!.key}`]);
    const st = await statuses(store.db);
    expect([st.get(items[0]!.key), st.get(items[1]!.key), st.get(items[2]!.key)]).toEqual(['cancelled', 'cancelled', 'sent']);
  });

  it('does nothing on a bank holiday or at a weekend', async () => {
    await saveHeadReferences(store, teams.serviceUrl, 1);
    clock.set('2026-12-25T10:00:00Z');
    await outbox.enqueue(headItems(1, past()));
    const s = scheduler();
    expect(await s.tick()).toMatchObject({ ran: false, reason: 'not a working day', claimed: 0 });
    clock.set('2026-12-27T10:00:00Z'); // Sunday
    expect(await s.tick()).toMatchObject({ ran: false });
    expect(teams.received).toHaveLength(0);
    expect([...(await statuses(store.db)).values()]).toEqual(['pending']);
    clock.set('2026-12-29T09:00:00Z'); // Tuesday after the Christmas bank holidays
    expect(await s.tick()).toMatchObject({ ran: true, sent: 1 });
  });

  it('honours 429 Retry-After with one gate: all delivered, none twice, nothing sent while the gate is shut', async () => {
    await saveHeadReferences(store, teams.serviceUrl, 10);
    const items = headItems(30, past(), { heads: 10 });
    await outbox.enqueue(items);
    const attempts: { key: string; at: number; status: number | 'ok' }[] = [];
    teams.throttle(3, 2);
    const s = scheduler({ onAttempt: (e) => attempts.push({ key: e.key, at: e.at.getTime(), status: e.result.ok ? 'ok' : e.result.status ?? 0 }) });
    const report = await s.tick();
    expect(report).toMatchObject({ claimed: 30, sent: 30, failed: 0 });
    const counts = teams.counts();
    expect(counts.size).toBe(30);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(teams.received.filter((r) => r.status === 429)).toHaveLength(3);
    // After each 429 at time t, no send starts before t + 2 s (Retry-After) — not just its own retry.
    for (const throttled of attempts.filter((a) => a.status === 429)) {
      const during = attempts.filter((a) => a.at > throttled.at && a.at < throttled.at + 2_000);
      expect(during).toEqual([]);
    }
    const rows = await outbox.forSchool('100000');
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    expect(rows.reduce((n, r) => n + r.attempts, 0)).toBeGreaterThanOrEqual(3); // 3 rows to head 0 ...
  });

  it('marks a Teams 403 as blocked, and gives up after N retryable failures with the reason', async () => {
    await saveHeadReferences(store, teams.serviceUrl, 2);
    teams.block('a:head-0');
    teams.fail('a:head-1', 503);
    await outbox.enqueue(headItems(2, past()));
    const r = await scheduler({ maxAttempts: 3 }).tick();
    expect(r).toMatchObject({ blocked: 1, failed: 1, sent: 0 });
    const [a, b] = [...(await outbox.forSchool('100000')), ...(await outbox.forSchool('100001'))];
    expect(a).toMatchObject({ status: 'blocked', attempts: 1 });
    expect(a!.lastError).toMatch(/403/);
    expect(b).toMatchObject({ status: 'failed', attempts: 3 });
    expect(b!.lastError).toMatch(/gave up after 3 attempts; last 503/);
  });

  it('no Teams chat and no e-mail: no-route; e-mail without a mailbox configured: no-route', async () => {
    const [a, b] = headItems(2, past());
    await outbox.enqueue([{ ...a!, recipient: { aadObjectId: 'aad-unknown' } }, b!]);
    expect(await scheduler().tick()).toMatchObject({ noRoute: 2 });
    const rows = await outbox.forMeeting(a!.meetingId);
    expect(rows[0]).toMatchObject({ status: 'no-route' });
    expect(rows[0]!.lastError).toMatch(/no e-mail address/);
    expect((await outbox.forMeeting(b!.meetingId))[0]!.lastError).toMatch(/e-mail is not configured/);
    expect(teams.received).toHaveLength(0);
  });

  it('e-mails a head without a Teams chat through the real Graph client (retrying a 429)', async () => {
    const credential = { getToken: async () => ({ token: 'fake-token', expiresOnTimestamp: Date.now() + 3_600_000 }) };
    const mail = createGraphMailer({ from: 'reminders@la.example', baseUrl: graph.url, credential });
    // A card is for Teams: the e-mail is the reminder's text, as without one.
    const [plain] = headItems(1, past());
    const item = { ...plain!, message: { ...plain!.message, card: evidenceCard('Evidence for your RAP') } };
    await outbox.enqueue([item]);
    graph.throttle(1, '3');
    const attempts: number[] = [];
    const r = await scheduler({ mail, onAttempt: (e) => attempts.push(e.at.getTime()) }).tick();
    expect(r).toMatchObject({ sent: 1 });
    expect(graph.received.map((m) => m.status)).toEqual([429, 202]);
    expect(attempts[1]! - attempts[0]!).toBeGreaterThanOrEqual(3_000);
    const [sent] = graph.sent();
    expect(sent).toMatchObject({ from: 'reminders@la.example', version: 'v1.0', authorization: 'Bearer fake-token' });
    expect(sent!.body.message).toEqual({
      subject: 'Evidence for your RAP',
      body: { contentType: 'Text', content: `reminder ${item!.key}` },
      toRecipients: [{ emailAddress: { address: 'head0@school.example', name: 'Head 0' } }],
    });
    expect((await outbox.forMeeting(item!.meetingId))[0]).toMatchObject({ status: 'sent', via: 'email', attempts: 2 });
  });

  it('posts channel steps to the chosen team channel, and @mentions an officer without a 1:1 chat there', async () => {
    await store.conversations.save('19:other@thread.tacv2', 'channel', channelReference(teams.serviceUrl, '19:other@thread.tacv2'));
    await store.conversations.save('19:team@thread.tacv2', 'channel', channelReference(teams.serviceUrl, '19:team@thread.tacv2'));
    await store.db.query(`INSERT INTO settings (key, value) VALUES ('team-channel', $1)`, [JSON.stringify('19:team@thread.tacv2')]);
    const base = headItems(1, past())[0]!;
    await outbox.enqueue([
      { ...base, key: 'm:agenda:channel', recipientRole: 'channel', recipient: undefined, message: { subject: 'Agenda', text: 'agenda' } },
      { ...base, key: 'm:escalation:officer', recipientRole: 'officer', recipient: { aadObjectId: 'aad-officer', name: 'Sam Officer' }, message: { subject: 'Escalation', text: 'no evidence yet' } },
    ]);
    expect(await scheduler().tick()).toMatchObject({ sent: 2 });
    const posts = teams.delivered();
    expect(posts.map((p) => p.conversationId)).toEqual(['19:team@thread.tacv2', '19:team@thread.tacv2']);
    const officer = posts.find((p) => p.text.includes('no evidence yet'))!;
    expect(officer.text).toBe('<at>Sam Officer</at> **Escalation**\n\nno evidence yet');
    expect(officer.activity.entities).toEqual([{ type: 'mention', text: '<at>Sam Officer</at>', mentioned: { id: 'aad-officer', name: 'Sam Officer' } }]);
    expect((await outbox.forMeeting(base.meetingId)).map((r) => r.via)).toEqual(['channel', 'channel']);
    // With a 1:1 chat the officer is told there instead.
    await store.conversations.save('aad-officer', 'user', userReference(teams.serviceUrl, 'a:officer', 'aad-officer'));
    await outbox.enqueue([{ ...base, key: 'm:minutes:officer', recipientRole: 'officer', recipient: { aadObjectId: 'aad-officer' }, message: { subject: 'Minutes', text: 'minutes due' } }]);
    await scheduler().tick();
    expect(teams.delivered().at(-1)!.conversationId).toBe('a:officer');
  });

  it('a reminder with a card is one message: the card, its text as fallback and summary, no text bubble; an @mention goes inside the card', async () => {
    await saveHeadReferences(store, teams.serviceUrl, 1);
    await store.conversations.save('19:team@thread.tacv2', 'channel', channelReference(teams.serviceUrl, '19:team@thread.tacv2'));
    await store.db.query(`INSERT INTO settings (key, value) VALUES ('team-channel', $1)`, [JSON.stringify('19:team@thread.tacv2')]);
    const base = headItems(1, past())[0]!;
    await outbox.enqueue([
      { ...base, message: { ...base.message, card: evidenceCard('Oakfield: evidence for your RAP') } },
      {
        ...base,
        key: 'm:escalation:officer',
        recipientRole: 'officer',
        recipient: { aadObjectId: 'aad-officer', name: 'Sam Officer' },
        message: { subject: 'Escalation', text: 'no evidence yet', card: evidenceCard('No evidence yet') },
      },
    ]);
    expect(await scheduler().tick()).toMatchObject({ sent: 2 });
    const posts = teams.delivered();
    expect(posts).toHaveLength(2);
    const head = posts.find((p) => p.conversationId === 'a:head-0')!.activity;
    expect(head.text).toBeUndefined();
    expect(head.summary).toBe(`Evidence for your RAP: reminder ${base.key}`);
    expect(head.attachments).toEqual([
      { contentType: 'application/vnd.microsoft.card.adaptive', content: { ...evidenceCard('Oakfield: evidence for your RAP'), fallbackText: `**Evidence for your RAP**\n\nreminder ${base.key}` } },
    ]);
    // The officer, with no 1:1 chat, is @mentioned in the channel inside the card.
    const officer = posts.find((p) => p.conversationId === '19:team@thread.tacv2')!.activity;
    expect(officer.text).toBeUndefined();
    expect(officer.entities).toBeUndefined();
    const card = (officer.attachments as { content: { body: { text?: string }[]; msteams: unknown } }[])[0]!.content;
    expect(card.body.map((b) => b.text)).toEqual(['<at>Sam Officer</at>', 'No evidence yet']);
    expect(card.msteams).toEqual({ entities: [{ type: 'mention', text: '<at>Sam Officer</at>', mentioned: { id: 'aad-officer', name: 'Sam Officer' } }] });
  });

  it('re-takes a claim left by a crashed sender after the lease; one in doubt is never re-sent', async () => {
    await saveHeadReferences(store, teams.serviceUrl, 2);
    const items = headItems(2, past());
    await outbox.enqueue(items);
    // A dead process claimed both (just now, by the database's clock); its request for the
    // second one had left.
    for (const [i, item] of items.entries()) {
      await store.db.query(`INSERT INTO deliveries (key, claimed_by, claimed_at, sending_at) VALUES ($1, 'dead', now(), $2)`, [
        item.key,
        i === 1 ? clock.now() : null,
      ]);
      await store.db.query(`UPDATE outbox SET status = 'claimed' WHERE key = $1`, [item.key]);
    }
    const s = scheduler({ leaseMs: 5 * 60_000 });
    expect(await s.tick()).toMatchObject({ retaken: 0, sent: 0 }); // lease not expired yet
    await store.db.query(`UPDATE deliveries SET claimed_at = claimed_at - interval '6 minutes'`);
    expect(await s.tick()).toMatchObject({ retaken: 2, sent: 1, inDoubt: 1 });
    expect(await s.tick()).toMatchObject({ retaken: 0, sent: 0 });
    expect(teams.delivered().map((r) => r.text)).toEqual([`**Evidence for your RAP**\n\nreminder ${items[0]!.key}`]);
    const doubt = (await outbox.forMeeting(items[1]!.meetingId))[0]!;
    expect(doubt.status).toBe('failed');
    expect(doubt.lastError).toMatch(/in doubt/);
    const { rows } = await store.db.query<{ generation: number }>('SELECT generation FROM deliveries ORDER BY key');
    expect(rows.map((r) => Number(r.generation))).toEqual([2, 2]);
  });

  it('keeps names and e-mail addresses out of the logs', async () => {
    const lines: string[] = [];
    const log = { debug: () => {}, info: (m: string, f?: object) => lines.push(m + JSON.stringify(f)), warn: (m: string, f?: object) => lines.push(m + JSON.stringify(f)), error: (m: string, f?: object) => lines.push(m + JSON.stringify(f)) };
    await saveHeadReferences(store, teams.serviceUrl, 1);
    teams.throttle(1, 1);
    await outbox.enqueue(headItems(2, past(), { heads: 1 }));
    await createScheduler({ store, calendar, clock, log, teams: localTeamsSender() }).tick();
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toMatch(/Head 0|head0@school/);
  });
});

describe('after downtime, a crash or a clock skew (issue 8, finding 11)', () => {
  it('does not send steps for a meeting that has already started: skipped, with the reason shown in status; minutes still go', async () => {
    await saveHeadReferences(store, teams.serviceUrl, 1);
    // The bot was down: the meeting started at 09:00 and it is now 10:00 (WEDNESDAY).
    await store.db.query(
      `INSERT INTO meetings (id, school_urn, school_name, framework_id, type_id, starts_at, created_by)
       VALUES ('done', '100000', 'Oakfield Primary', 'reading', 'rap', '2026-12-09T09:00', 'test')`,
    );
    const twoDaysAgo = new Date(clock.now().getTime() - 2 * 86_400_000);
    const [request] = headItems(1, twoDaysAgo, { meeting: 'done' });
    const minutes = { ...request!, key: 'done:minutes:head', step: 'minutes', message: { subject: 'Minutes', text: 'minutes due' } };
    await outbox.enqueue([request!, minutes]);
    expect(await scheduler().tick()).toMatchObject({ claimed: 2, skipped: 1, sent: 1 });
    expect(teams.delivered().map((r) => r.text)).toEqual(['**Minutes**\n\nminutes due']);
    const row = (await outbox.forMeeting('done')).find((r) => r.key === request!.key)!;
    expect(row).toMatchObject({ status: 'skipped', attempts: 0 });
    expect(row.lastError).toMatch(/^not sent: the meeting had already started/);
    expect(statusWords(row)).toBe(`skipped: ${row.lastError}`);
  });

  it('a sender that stopped before its request left (while getting a token) is sent normally after the lease, not "in doubt"', async () => {
    await saveHeadReferences(store, teams.serviceUrl, 1);
    const [item] = headItems(1, past());
    await outbox.enqueue([item!]);
    // The first process passes the fence, then hangs fetching a token and dies: no request left.
    let reached!: () => void;
    const atToken = new Promise<void>((resolve) => (reached = resolve));
    const stuck: TeamsSender = { send: () => (reached(), new Promise<SendResult>(() => {})) };
    void scheduler({ teams: stuck, id: 'dead' }).tick();
    await atToken;
    // The lease runs out (by either clock).
    clock.advance(6 * 60_000);
    await store.db.query(`UPDATE deliveries SET claimed_at = claimed_at - interval '10 minutes'`);
    expect(await scheduler().tick()).toMatchObject({ retaken: 1, sent: 1, inDoubt: 0, failed: 0 });
    expect(teams.counts().get(item!.key)).toBe(1);
    expect((await outbox.forMeeting(item!.meetingId))[0]).toMatchObject({ status: 'sent' });
  });

  it('the same for e-mail: a sender that died while getting its Graph token is sent normally, not "in doubt"', async () => {
    const [item] = headItems(1, past());
    await outbox.enqueue([item!]);
    let reached!: () => void;
    const atToken = new Promise<void>((resolve) => (reached = resolve));
    const hanging = { getToken: () => (reached(), new Promise<never>(() => {})) };
    void scheduler({ mail: createGraphMailer({ from: 'reminders@la.example', baseUrl: graph.url, credential: hanging }), id: 'dead' }).tick();
    await atToken;
    clock.advance(6 * 60_000);
    await store.db.query(`UPDATE deliveries SET claimed_at = claimed_at - interval '10 minutes'`);
    const credential = { getToken: async () => ({ token: 'fake-token', expiresOnTimestamp: Date.now() + 3_600_000 }) };
    const mail = createGraphMailer({ from: 'reminders@la.example', baseUrl: graph.url, credential });
    expect(await scheduler({ mail }).tick()).toMatchObject({ retaken: 1, sent: 1, inDoubt: 0, failed: 0 });
    expect(graph.sent()).toHaveLength(1);
    expect((await outbox.forMeeting(item!.meetingId))[0]).toMatchObject({ status: 'sent', via: 'email' });
  });

  it('lease age is measured by the database clock: a replica whose clock runs ahead does not re-take a live claim', async () => {
    await saveHeadReferences(store, teams.serviceUrl, 1);
    const [item] = headItems(1, past());
    await outbox.enqueue([item!]);
    // Replica A sends; the answer is slow to come back.
    let reached!: () => void;
    const atRequest = new Promise<void>((resolve) => (reached = resolve));
    let answer!: (r: SendResult) => void;
    const slow: TeamsSender = {
      async send(_reference, _message, options) {
        await options?.beforeRequest?.();
        reached();
        return new Promise<SendResult>((resolve) => (answer = resolve));
      },
    };
    const a = scheduler({ teams: slow, id: 'replica-a' }).tick();
    await atRequest;
    // Replica B's clock runs 10 minutes ahead of A's (the lease is 5 minutes).
    const ahead = fakeClock(new Date(clock.now().getTime() + 10 * 60_000));
    expect(await scheduler({ clock: ahead, id: 'replica-b' }).tick()).toMatchObject({ retaken: 0, failed: 0, inDoubt: 0 });
    answer({ ok: true });
    expect(await a).toMatchObject({ claimed: 1, sent: 1 });
    expect((await outbox.forMeeting(item!.meetingId))[0]).toMatchObject({ status: 'sent' });
  });
});

describe('cancelling rows a scheduler has claimed', () => {
  it('a row claimed and waiting out a 429 Retry-After is stopped by cancel: the head never gets it', async () => {
    await saveHeadReferences(store, teams.serviceUrl, 1);
    const [item] = headItems(1, past());
    await outbox.enqueue([item!]);
    teams.throttle(1, 30);
    // The meeting is cancelled while the scheduler waits out the Retry-After.
    let stopped: number | undefined;
    const c: Clock = {
      now: () => clock.now(),
      async sleep(ms, signal) {
        if (ms >= 30_000 && stopped === undefined) stopped = await outbox.cancel([item!.key], 'meeting cancelled');
        return clock.sleep(ms, signal);
      },
    };
    const report = await scheduler({ clock: c }).tick();
    expect(stopped).toBe(1);
    expect(report).toMatchObject({ claimed: 1, sent: 0, cancelled: 1 });
    expect(teams.received.map((r) => r.status)).toEqual([429]);
    expect((await outbox.forMeeting(item!.meetingId))[0]).toMatchObject({ status: 'cancelled', lastError: 'meeting cancelled', attempts: 1 });
    const { rows } = await store.db.query<{ outcome: string }>('SELECT outcome FROM deliveries');
    expect(rows).toEqual([{ outcome: 'cancelled' }]);
  });

  it('a row whose request is already out cannot be recalled: never retried, and if delivered the row says so', async () => {
    await saveHeadReferences(store, teams.serviceUrl, 2);
    const [delivered, throttled] = headItems(2, past());
    await outbox.enqueue([delivered!, throttled!]);
    const answers = new Map<string, SendResult[]>([
      [delivered!.message.text, [{ ok: true }]],
      [throttled!.message.text, [{ ok: false, status: 429, retryAfter: '1', reason: 'throttled' }, { ok: true }]],
    ]);
    const requests: string[] = [];
    const cancelled: number[] = [];
    // Cancel lands after the fence, while the request is out.
    const sender: TeamsSender = {
      async send(_reference, message, options) {
        await options?.beforeRequest?.();
        requests.push(message.text);
        const key = message.text.replace('reminder ', '');
        cancelled.push(await outbox.cancel([key], 'meeting cancelled'));
        return answers.get(message.text)!.shift()!;
      },
    };
    const report = await scheduler({ teams: sender, concurrency: 1 }).tick();
    expect(cancelled).toEqual([0, 0]); // neither could be stopped for certain
    expect(requests).toEqual([delivered!.message.text, throttled!.message.text]); // the 429 was not retried
    expect(report).toMatchObject({ claimed: 2, sent: 1, cancelled: 1 });
    const [a] = await outbox.forMeeting(delivered!.meetingId);
    expect(a).toMatchObject({ status: 'sent', cancelReason: 'meeting cancelled' });
    expect(a!.lastError).toMatch(/^delivered before it could be stopped \(meeting cancelled/);
    const [b] = await outbox.forMeeting(throttled!.meetingId);
    expect(b).toMatchObject({ status: 'cancelled', lastError: 'meeting cancelled', attempts: 1 });
  });
});

describe('long Retry-After, gateway errors and stopping', () => {
  it('hands a row back when Retry-After is longer than the in-process cap; a later tick sends it', async () => {
    await saveHeadReferences(store, teams.serviceUrl, 1);
    const [item] = headItems(1, past());
    await outbox.enqueue([item!]);
    teams.throttle(1, 3600);
    const s = scheduler();
    const t0 = clock.now().getTime();
    expect(await s.tick()).toMatchObject({ claimed: 1, sent: 0, deferred: 1 });
    expect(clock.now().getTime() - t0).toBeLessThan(60_000); // no hour-long wait (fake time)
    expect(s.pacer.throttledUntil).toBeLessThanOrEqual(t0 + 60_000); // the shared gate is not shut for an hour
    const [row] = await outbox.forMeeting(item!.meetingId);
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row!.notBefore!.getTime()).toBeGreaterThanOrEqual(t0 + 3_600_000);
    expect(row!.sendAt.getTime()).toBe(item!.sendAt.getTime()); // the planned time is kept
    expect(row!.lastError).toMatch(/^429/);
    clock.advance(30 * 60_000);
    expect(await s.tick()).toMatchObject({ claimed: 0 });
    clock.advance(31 * 60_000);
    expect(await s.tick()).toMatchObject({ claimed: 1, sent: 1 });
    expect(teams.counts().get(item!.key)).toBe(1);
    expect((await outbox.forMeeting(item!.meetingId))[0]).toMatchObject({ status: 'sent', attempts: 2 });
    const { rows } = await store.db.query<{ generation: number; outcome: string }>('SELECT generation, outcome FROM deliveries');
    expect(rows.map((r) => [Number(r.generation), r.outcome])).toEqual([[2, 'sent']]);
    // The cap is configurable.
    const [other] = headItems(1, clock.now(), { meeting: 'other' });
    await outbox.enqueue([other!]);
    teams.throttle(1, 20);
    expect(await scheduler({ maxRetryWaitMs: 5_000 }).tick()).toMatchObject({ claimed: 1, deferred: 1 });
  });

  it('retries a 502 or 504 once only (it may have been delivered), and keeps the claim in doubt', async () => {
    await saveHeadReferences(store, teams.serviceUrl, 2);
    teams.fail('a:head-0', 502);
    teams.fail('a:head-1', 504);
    const items = headItems(2, past());
    await outbox.enqueue(items);
    expect(await scheduler().tick()).toMatchObject({ claimed: 2, failed: 2 });
    expect(teams.received.map((r) => r.status).sort()).toEqual([502, 502, 504, 504]);
    for (const item of items) {
      const [row] = await outbox.forMeeting(item.meetingId);
      expect(row).toMatchObject({ status: 'failed', attempts: 2 });
      expect(row!.lastError).toMatch(/^50[24]: .*not retried again, as a gateway error may come after the message was delivered/);
    }
  });

  it('stop() does not wait out a Retry-After: the waiting row is handed back at once', async () => {
    await saveHeadReferences(store, teams.serviceUrl, 1);
    const origin = Date.now();
    const real: Clock = { now: () => new Date(Date.parse(WEDNESDAY) + (Date.now() - origin)), sleep: systemClock.sleep };
    const [item] = headItems(1, new Date(Date.parse(WEDNESDAY) - 60_000));
    await outbox.enqueue([item!]);
    teams.throttle(1, 30);
    const s = scheduler({ clock: real });
    const ticking = s.tick();
    await teams.waitForRequests(1);
    const before = Date.now();
    await s.stop();
    expect(Date.now() - before).toBeLessThan(2_000);
    expect(await ticking).toMatchObject({ claimed: 1, sent: 0, deferred: 1 });
    const [row] = await outbox.forMeeting(item!.meetingId);
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row!.notBefore!.getTime()).toBeGreaterThan(real.now().getTime() + 25_000);
  }, 10_000);
});

describe('pacing', () => {
  it('keeps to 7 per conversation and the overall rate in every window', async () => {
    const c = fakeClock(WEDNESDAY);
    const pacer = new Pacer({ clock: c, overall: { limit: 30, windowMs: 1000 }, perKey: () => ({ limit: 7, windowMs: 1000 }), marginMs: 0 });
    const starts: { key: string; at: number }[] = [];
    await Promise.all(
      Array.from({ length: 300 }, (_, i) => {
        const key = i < 70 ? 'hot' : `c${i % 20}`;
        return pacer
          .acquire(key)
          .then((permit) => permit.start())
          .then(() => starts.push({ key, at: c.now().getTime() }));
      }),
    );
    const inWindow = (list: { at: number }[]) => Math.max(...list.map((s) => list.filter((t) => t.at >= s.at && t.at < s.at + 1000).length));
    expect(inWindow(starts)).toBeLessThanOrEqual(30);
    expect(inWindow(starts.filter((s) => s.key === 'hot'))).toBeLessThanOrEqual(7);
    const elapsed = Math.max(...starts.map((s) => s.at)) - Date.parse(WEDNESDAY);
    expect(elapsed).toBeLessThan(10_000); // the hot conversation (70 / 7 per s) is the bound, not 300 / 30
  });

  it('reads Retry-After as seconds or an HTTP date, and backs off with jitter', () => {
    const now = new Date('2026-12-09T10:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Wed, 09 Dec 2026 10:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Wed, 09 Dec 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
    const o = { baseMs: 1000, maxMs: 60_000, random: () => 0.5 };
    expect(backoffMs(1, o)).toBe(750);
    expect(backoffMs(4, o)).toBe(6000);
    expect(backoffMs(20, o)).toBe(45_000);
    expect(backoffMs(1, o, 3000)).toBeGreaterThanOrEqual(3000);
  });
});
