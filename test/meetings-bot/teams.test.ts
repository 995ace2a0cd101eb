// Meetings through the Teams side (teams-ai + botbuilder's TestAdapter): a head's file
// attachment and "Evidence sent" presses (Action.Submit and Action.Execute) become evidence,
// installing the bot in a team keeps the channel's reference; and one run over real HTTP with
// the fake Bot Connector, scheduling a meeting from a channel with an @mention.
import { TestAdapter, type Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticDirectory, type SchoolDirectory } from '../../bot/directory/directory.js';
import { confirmHeadLink, headEmailsIn, requestHeadLinks } from '../../bot/identity/identity.js';
import { NOT_A_HEAD } from '../../bot/commands/evidence.js';
import { memoryLogger } from '../../bot/log.js';
import type { MeetingServices } from '../../bot/meetings/services.js';
import { createOutbox } from '../../bot/outbox/outbox.js';
import type { Store } from '../../bot/store/store.js';
import { createBot, type MemberLookup } from '../../bot/teams/bot.js';
import { startServer } from '../../bot/teams/server.js';
import { makeCalendar } from '../../core/calendar/index.js';
import { BOT, memoryStore, messageActivity, testConfig } from '../bot/helpers.js';
import { exampleSchools, OAKFIELD_HEAD } from '../bot/schools-fixture.js';
import { startFakeConnector } from '../fakes/bot-connector.js';
import { framework } from './fakes.js';

const AUTH = { MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw', MicrosoftAppTenantId: 't-1', WAYMARK_OFFICERS: 'aad-officer' };
const MEMBERS: Record<string, { userPrincipalName?: string; email?: string }> = {
  'aad-head': { userPrincipalName: 't.davies@oakfield.example', email: OAKFIELD_HEAD },
};
const SERVICE = 'https://smba.example/';

let store: Store;
let cleanup: () => Promise<void>;
let directory: SchoolDirectory;
let meetings: MeetingServices;
let clock = new Date('2026-12-01T10:00:00Z');

beforeAll(async () => {
  ({ store, cleanup } = await memoryStore());
  directory = staticDirectory(await exampleSchools());
  meetings = { outbox: createOutbox(store.db), calendar: makeCalendar(), framework: framework('reading') };
  // Oakfield's head, confirmed by an officer (the e-mail alone makes nobody a head).
  await requestHeadLinks(store.db, 'aad-head', [{ urn: '101234', email: OAKFIELD_HEAD }]);
  await confirmHeadLink(store.db, '101234', 'aad-officer', headEmailsIn(directory));
});
afterAll(() => cleanup());

function teams(env: Record<string, string> = AUTH) {
  const lookupMember: MemberLookup = async (context) => {
    const m = MEMBERS[context.activity.from.aadObjectId ?? ''];
    if (!m) throw new Error('member not found');
    return m;
  };
  const bot = createBot({ config: testConfig(env), store, log: memoryLogger(), directory, lookupMember, meetings, now: () => clock });
  const adapter = new TestAdapter(async (context) => {
    await bot.run(context);
  });
  adapter.onTurnError = (context, error) => bot.onTurnError(context, error);
  return async (a: Record<string, unknown>) => {
    const before = adapter.activeQueue.length;
    await adapter.processActivity(a as Partial<Activity>);
    return adapter.activeQueue.splice(before).filter((x) => x.type === 'message');
  };
}

const fromOfficer = (text: string) => messageActivity({ text, serviceUrl: SERVICE, aadObjectId: 'aad-officer', fromName: 'Anna Patel' });
const fromHead = (extra: Record<string, unknown>) => ({ ...messageActivity({ text: '', serviceUrl: SERVICE, aadObjectId: 'aad-head', fromName: 'Tom Davies' }), ...extra });

async function schedule(send: ReturnType<typeof teams>, when: string): Promise<string> {
  const [reply] = await send(fromOfficer(`schedule a RAP for 101234 on ${when} at 10:00`));
  expect(reply?.text).toContain('Scheduled:');
  const { rows } = await store.db.query<{ id: string }>("SELECT id FROM meetings WHERE status = 'scheduled' ORDER BY created_at DESC LIMIT 1");
  return rows[0]!.id;
}

const pending = async (id: string) => (await meetings.outbox.forMeeting(id)).filter((r) => r.status === 'pending').map((r) => r.step);

describe('evidence through Teams', () => {
  it('a head sending a file in their 1:1 chat stops the chasing', async () => {
    clock = new Date('2026-12-01T10:00:00Z');
    const send = teams();
    const id = await schedule(send, '12 Jan 2027');
    clock = new Date('2026-12-30T11:00:00Z');
    const [reply] = await send(
      fromHead({
        attachments: [
          { contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'RAP evidence.pdf', content: { downloadUrl: 'https://x.example/secret', fileType: 'pdf' } },
          { contentType: 'text/html', content: '<p></p>' },
        ],
      }),
    );
    expect(reply?.text).toMatch(/^Thank you: your evidence for the RAP review meeting on Tuesday 12 January 2027 at 10:00 is recorded/);
    expect(await pending(id)).toEqual(['agenda', 'agenda', 'evidence-request', 'evidence-received', 'minutes']);
    const { rows } = await store.db.query<{ how: string; detail: unknown }>('SELECT how, detail FROM evidence WHERE meeting_id = $1', [id]);
    // The file's name is kept; its download URL is not.
    expect(rows).toEqual([{ how: 'files', detail: { files: ['RAP evidence.pdf'] } }]);
  });

  it('a head pressing "Evidence sent" (Action.Submit) stops the chasing', async () => {
    clock = new Date('2026-12-01T10:00:00Z');
    const send = teams();
    const id = await schedule(send, '19 Jan 2027');
    const [reply] = await send(fromHead({ value: { waymark: 'evidence-sent', meetingId: id } }));
    expect(reply?.text).toMatch(/^Thank you: your evidence for the RAP review meeting on Tuesday 19 January 2027 at 10:00 is recorded/);
    expect(await pending(id)).not.toContain('evidence-reminder');
  });

  it('Action.Execute presses work the same, posting the reply and answering the invoke', async () => {
    clock = new Date('2026-12-01T10:00:00Z');
    const send = teams();
    const id = await schedule(send, '26 Jan 2027');
    const invoke = {
      ...fromHead({}),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'evidence-sent', data: { meetingId: id } } },
    };
    const [reply] = await send(invoke);
    expect(reply?.text).toMatch(/^Thank you: your evidence for the RAP review meeting on Tuesday 26 January 2027/);
    expect(await pending(id)).not.toContain('evidence-due');
  });

  it('a head pressing "Evidence sent" in a group chat or a channel is asked to use their 1:1 chat; nothing is recorded or said there', async () => {
    clock = new Date('2026-12-01T10:00:00Z');
    const send = teams();
    const id = await schedule(send, '9 Feb 2027');
    const elsewhere = (conversationType: 'groupChat' | 'channel') =>
      messageActivity({ text: '', serviceUrl: SERVICE, aadObjectId: 'aad-head', fromName: 'Tom Davies', conversationType });
    const presses = [
      { ...elsewhere('groupChat'), value: { waymark: 'evidence-sent', meetingId: id } },
      { ...elsewhere('channel'), value: { waymark: 'evidence-sent', meetingId: id } },
      { ...elsewhere('groupChat'), type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'evidence-sent', data: { meetingId: id } } } },
    ];
    for (const press of presses) {
      const [reply] = await send(press);
      // The evidence command's one refusal, the same for everyone it refuses (bot/commands/access.ts).
      expect(reply?.text).toBe(NOT_A_HEAD.text);
      expect(reply?.text).not.toMatch(/RAP|February|2027|Oakfield/);
    }
    const { rows } = await store.db.query('SELECT 1 FROM evidence WHERE meeting_id = $1', [id]);
    expect(rows).toHaveLength(0);
    expect(await pending(id)).toContain('evidence-reminder');
  });

  it('an officer in a channel of the improvement team can record evidence by @mentioning the bot', async () => {
    clock = new Date('2026-12-01T10:00:00Z');
    const send = teams({ ...AUTH, WAYMARK_TEAM_ID: '19:team@thread.tacv2' });
    const id = await schedule(send, '2 Feb 2027');
    const [reply] = await send(
      messageActivity({ text: 'evidence received for 101234', serviceUrl: SERVICE, aadObjectId: 'aad-officer', conversationType: 'channel', mention: true }),
    );
    // The school's next meeting is the 12 Jan one: evidence was already in for it.
    expect(reply?.text).toMatch(/^Recorded: more evidence from Oakfield Primary School for the RAP review meeting on Tuesday 12 January 2027/);
    expect(await pending(id)).toContain('evidence-reminder');
  });
});

describe('installation', () => {
  it('keeps the channel reference when the bot is added to a team', async () => {
    const send = teams();
    await send({
      type: 'conversationUpdate',
      id: 'install-1',
      channelId: 'msteams',
      serviceUrl: SERVICE,
      from: { id: '29:installer', aadObjectId: 'aad-officer' },
      recipient: BOT,
      conversation: { id: '19:install-general@thread.tacv2', conversationType: 'channel', isGroup: true },
      channelData: { team: { id: '19:install-general@thread.tacv2' }, eventType: 'teamMemberAdded', tenant: { id: 't-1' } },
      membersAdded: [{ id: BOT.id }],
    });
    const ref = await store.conversations.get('19:install-general@thread.tacv2');
    expect(ref?.kind).toBe('channel');
    expect((ref?.reference as { serviceUrl?: string }).serviceUrl).toBe(SERVICE);
    // Someone else joining is not an installation.
    await send({
      type: 'conversationUpdate',
      id: 'join-1',
      channelId: 'msteams',
      serviceUrl: SERVICE,
      from: { id: '29:installer' },
      recipient: BOT,
      conversation: { id: '19:other@thread.tacv2', conversationType: 'channel', isGroup: true },
      channelData: { team: { id: '19:other@thread.tacv2' }, eventType: 'teamMemberAdded' },
      membersAdded: [{ id: '29:new-person' }],
    });
    expect(await store.conversations.get('19:other@thread.tacv2')).toBeUndefined();
  });
});

describe('over HTTP', () => {
  it('schedules a meeting from a channel @mention, replying in the channel through the Bot Connector', async () => {
    const connector = await startFakeConnector();
    const { store: own, cleanup: done } = await memoryStore();
    const services: MeetingServices = { outbox: createOutbox(own.db), calendar: makeCalendar(), framework: framework('reading') };
    const server = await startServer({
      config: testConfig(),
      store: own,
      port: 0,
      log: memoryLogger(),
      directory,
      meetings: services,
      now: () => new Date('2026-12-01T10:00:00Z'),
    });
    try {
      const activity = messageActivity({
        text: 'schedule a RAP for Oakfield Primary School on 12 Jan 2027 at 10:00',
        serviceUrl: connector.serviceUrl,
        conversationType: 'channel',
        mention: true,
      });
      const res = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      expect(res.status).toBe(200);
      const [reply] = await connector.waitForMessages(1);
      expect(reply?.conversationId).toBe('19:general@thread.tacv2;messageid=1');
      expect(reply?.activity.text).toContain('Scheduled: **RAP review meeting** for Oakfield Primary School (URN 101234), Tuesday 12 January 2027 at 10:00.');
      const { rows } = await own.db.query<{ id: string }>('SELECT id FROM meetings');
      expect(rows).toHaveLength(1);
      expect((await services.outbox.forMeeting(rows[0]!.id)).map((r) => r.key.split(':').slice(1).join(':'))).toEqual([
        'agenda:channel',
        'agenda:members',
        'evidence-request:head',
        'evidence-reminder:head',
        'evidence-due:head',
        'escalation:officer',
        'minutes:officer',
      ]);
      // The @mention also recorded the channel's reference for the reminders.
      expect((await own.conversations.get('19:general@thread.tacv2'))?.kind).toBe('channel');
    } finally {
      await server.close();
      await connector.close();
      await done();
    }
  });
});
