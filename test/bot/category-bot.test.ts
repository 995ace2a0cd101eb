// Category questions through teams-ai with botbuilder's TestAdapter: roles decided in
// bot/teams (officers by id, by UPN, by team; heads by e-mail), cards as attachments.
import { TestAdapter, type Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELP_EXAMPLES } from '../../bot/commands/help.js';
import { staticDirectory, type SchoolDirectory } from '../../bot/directory/directory.js';
import { memoryLogger } from '../../bot/log.js';
import type { Store } from '../../bot/store/store.js';
import { createBot, type MemberLookup } from '../../bot/teams/bot.js';
import { ADAPTIVE_CARD } from '../../bot/teams/convert.js';
import { OFFICER_ELSEWHERE } from '../../bot/commands/category-query.js';
import { refusalReply } from '../../core/messages/categoryReply.js';
import { memoryStore, messageActivity, testConfig } from './helpers.js';
import { exampleSchools, OAKFIELD_HEAD } from './schools-fixture.js';

let store: Store;
let cleanup: () => Promise<void>;
let directory: SchoolDirectory;
beforeAll(async () => {
  ({ store, cleanup } = await memoryStore());
  directory = staticDirectory(await exampleSchools());
});
afterAll(() => cleanup());

const AUTH = {
  MicrosoftAppId: 'app',
  MicrosoftAppPassword: 'pw', MicrosoftAppTenantId: 't-1',
  WAYMARK_OFFICERS: 'aad-officer, officer@la.gov.uk',
  WAYMARK_TEAM_ID: '19:team@thread.tacv2',
};

/** Members as Teams would report them, by AAD object id. */
const MEMBERS: Record<string, { userPrincipalName?: string; email?: string }> = {
  'aad-upn-officer': { userPrincipalName: 'Officer@LA.gov.uk' },
  'aad-head': { userPrincipalName: 'j.head@school.example', email: OAKFIELD_HEAD },
  'aad-stranger': { userPrincipalName: 'someone@else.example' },
  'aad-new-head': { userPrincipalName: 'New.Head@School.example' },
  // Same tenant, another account: its UPN is the officer's (re-issued), its e-mail the head's.
  'aad-upn-reissued': { userPrincipalName: 'officer@la.gov.uk' },
  'aad-impostor': { userPrincipalName: 'impostor@la.gov.uk', email: OAKFIELD_HEAD },
};

function harness(env: Record<string, string> = AUTH) {
  const log = memoryLogger();
  let lookups = 0;
  const lookupMember: MemberLookup = async (context) => {
    lookups++;
    const m = MEMBERS[context.activity.from.aadObjectId ?? ''];
    if (!m) throw new Error('member not found');
    return m;
  };
  const bot = createBot({ config: testConfig(env), store, log, directory, lookupMember });
  const adapter = new TestAdapter(async (context) => {
    await bot.run(context);
  });
  adapter.onTurnError = (context, error) => bot.onTurnError(context, error);
  const send = async (a: Record<string, unknown>) => {
    const before = adapter.activeQueue.length;
    await adapter.processActivity(a as Partial<Activity>);
    // One message per answer: a card's text travels as the activity's summary (and the card's fallback).
    return adapter.activeQueue.splice(before).filter((x) => x.type === 'message').map((x) => ({ ...x, text: x.text ?? x.summary }));
  };
  return { log, send, lookups: () => lookups };
}

const ask = (text: string, o: { aad?: string; type?: 'personal' | 'channel' | 'groupChat'; mention?: boolean } = {}) =>
  messageActivity({ text, serviceUrl: 'https://unused/', aadObjectId: o.aad ?? 'aad-officer', conversationType: o.type ?? 'personal', mention: o.mention ?? o.type === 'channel' });

const cardOf = (a: Partial<Activity> | undefined) => a?.attachments?.find((x) => x.contentType === ADAPTIVE_CARD)?.content as { actions?: { data: Record<string, unknown> }[] } | undefined;

describe('category questions through teams-ai', () => {
  it('answers a listed officer with the card attachment and a text summary', async () => {
    const { send } = harness();
    const [reply] = await send(ask('101234'));
    expect(reply!.text).toMatch(/^Oakfield Primary School \(URN 101234\): G — Strengthening Good Schools/);
    expect(JSON.stringify(cardOf(reply))).toContain('G — Strengthening Good Schools');
  });

  it('treats anyone posting in a channel of WAYMARK_TEAM_ID as an officer, after an @mention', async () => {
    const { send, lookups } = harness();
    const [reply] = await send(ask('what is Oakfield Primary School\'s category?', { aad: 'aad-anyone', type: 'channel' }));
    expect(reply!.text).toMatch(/^Oakfield Primary School/);
    expect(lookups()).toBe(0);
  });

  it('treats a UPN-listed officer as an officer, whatever the case', async () => {
    const { send } = harness();
    const [reply] = await send(ask('101234', { aad: 'aad-upn-officer' }));
    expect(reply!.text).toMatch(/^Oakfield Primary School/);
  });

  it("shows a head their own school once an officer confirmed the link, and refuses them another in the same words as a stranger", async () => {
    const { send } = harness();
    // First contact: the e-mail alone shows nothing; it asks an officer to confirm the account.
    const first = await send(ask('101234', { aad: 'aad-head' }));
    expect(first[0]!.text).toBe(refusalReply.text);
    expect(first[1]!.text).toMatch(/^I've asked your school-improvement team to confirm that this account is the headteacher of Oakfield Primary School/);
    // Another account of the tenant with the same e-mail takes nothing over.
    const impostor = await send(ask('101234', { aad: 'aad-impostor' }));
    expect(impostor.map((a) => a.text)).toEqual([refusalReply.text]);
    // The officer sees the pending link, and confirms it.
    expect((await send(ask('head links')))[0]!.text).toContain('Oakfield Primary School (URN 101234): waiting for confirmation');
    expect((await send(ask('confirm head for 101234')))[0]!.text).toMatch(/^Confirmed: the account that asked is now Oakfield Primary School's head/);
    expect((await send(ask('101234', { aad: 'aad-impostor' })))[0]!.text).toBe(refusalReply.text);
    expect((await send(ask('101234', { aad: 'aad-head' })))[0]!.text).toMatch(/^Oakfield Primary School/);
    const other = (await send(ask('category of 110040', { aad: 'aad-head' })))[0]!;
    const missing = (await send(ask('category of 999999', { aad: 'aad-head' })))[0]!;
    const stranger = (await send(ask('101234', { aad: 'aad-stranger' })))[0]!;
    const unknown = (await send(ask('101234', { aad: 'aad-not-in-teams' })))[0]!;
    for (const r of [other, missing, stranger, unknown]) {
      expect(r.text).toBe(refusalReply.text);
      expect(r.attachments ?? []).toEqual([]);
    }
  });

  it('learns a head’s e-mail in a personal chat, so reminders can reach them in Teams', async () => {
    const { send } = harness();
    expect(await store.users.aadIdFor('new.head@school.example')).toBeUndefined();
    await send(ask('help', { aad: 'aad-new-head', type: 'channel' }));
    expect(await store.users.aadIdFor('new.head@school.example')).toBeUndefined();
    await send(ask('help', { aad: 'aad-new-head' }));
    expect(await store.users.aadIdFor('new.head@school.example')).toBe('aad-new-head');
  });

  it('answers a choice button pressed in a channel, which carries no @mention', async () => {
    const { send } = harness();
    const [choice] = await send(ask('which category is Oakfield in?', { type: 'channel' }));
    const data = cardOf(choice)!.actions![1]!.data;
    // A plain Action.Submit: Teams and the Playground send only the button's data, no text.
    const press = { ...ask('', { type: 'channel', mention: false }), text: '', value: data };
    const [answer] = await send(press);
    expect(answer!.text).toMatch(/^Oakfield Primary \(URN 110040\)/);
    const typed = { ...ask('category of 101234', { type: 'channel', mention: false }), value: { waymark: 'category', urn: '101234' } };
    expect((await send(typed))[0]!.text).toMatch(/^Oakfield Primary School \(URN 101234\)/);
  });

  it('lists the category examples in help, in a channel after an @mention', async () => {
    const { send } = harness();
    const [reply] = await send(ask('help', { type: 'channel' }));
    for (const e of HELP_EXAMPLES) expect(reply!.text).toContain(e);
  });

  it('binds a UPN-listed officer to the first account using it; another account with that UPN is not an officer', async () => {
    const { send, log } = harness();
    expect((await send(ask('101234', { aad: 'aad-upn-officer' })))[0]!.text).toMatch(/^Oakfield Primary School/);
    expect((await send(ask('101234', { aad: 'aad-upn-reissued' })))[0]!.text).toBe(refusalReply.text);
    expect(log.lines.join('\n')).toContain('an officer UPN came from another account than the one it is bound to');
  });

  it('answers nothing from another tenant, whatever ids and e-mail it carries', async () => {
    const { send, log } = harness();
    const foreign = (a: Record<string, unknown>) => ({ ...a, channelData: { tenant: { id: 'evil-tenant' } }, conversation: { ...(a.conversation as object), tenantId: 'evil-tenant' } });
    expect(await send(foreign(ask('101234')))).toEqual([]);
    expect(await send(foreign(ask('101234', { aad: 'aad-upn-officer' })))).toEqual([]);
    expect(await send(foreign(ask('101234', { aad: 'aad-head' })))).toEqual([]);
    expect(log.lines.filter((l) => l.includes('ignored activity from another tenant'))).toHaveLength(3);
  });

  it('keeps questions, names and e-mail addresses out of the log', async () => {
    const { send, log } = harness();
    await send(ask('101234', { aad: 'aad-head' }));
    await send(ask('what is St Mary\'s category?'));
    await send(ask('category of Riverbank', { aad: 'aad-stranger' }));
    const logged = log.lines.join('\n');
    expect(logged).toContain('"command":"category-query"');
    expect(logged).not.toMatch(/Oakfield|St Mary|Riverbank|101234|example\.sch\.uk|Testperson|else\.example/);
  });
});

describe("officers' category answers, only where only the team reads them", () => {
  const otherTeam = (a: Record<string, unknown>) => ({
    ...a,
    channelData: { team: { id: '19:heads@thread.tacv2', aadGroupId: 'heads-group' }, channel: { id: '19:heads-general@thread.tacv2' }, tenant: { id: 't-1' } },
  });

  it("refuses a listed officer in a group chat or another team's channel, saying nothing of the school, and audits it", async () => {
    const { send } = harness();
    await store.db.query('DELETE FROM audit');
    const asked = [
      ask('101234', { type: 'groupChat' }),
      ask("what is St Mary's category?", { type: 'groupChat' }),
      otherTeam(ask('category of Oakfield Primary School', { type: 'channel' })),
      otherTeam(ask('which category is Oakfield in?', { type: 'channel' })),
    ];
    for (const a of asked) {
      const [reply] = await send(a);
      expect(reply!.text).toBe(OFFICER_ELSEWHERE.text);
      expect(reply!.attachments ?? []).toEqual([]);
      expect(JSON.stringify(reply)).not.toMatch(/Oakfield|St Mary|Strengthening|101234|URN/);
    }
    const { rows } = await store.db.query<{ actor_role: string; outcome: string; conversation_type: string }>(
      'SELECT actor_role, outcome, conversation_type FROM audit ORDER BY id',
    );
    expect(rows.map((r) => [r.actor_role, r.outcome, r.conversation_type])).toEqual([
      ['officer', 'refused', 'groupChat'],
      ['officer', 'refused', 'groupChat'],
      ['officer', 'refused', 'channel'],
      ['officer', 'refused', 'channel'],
    ]);
  });

  it('answers the officer in a personal chat and in a channel of WAYMARK_TEAM_ID, named by its thread id or its group id', async () => {
    expect((await harness().send(ask('101234')))[0]!.text).toMatch(/^Oakfield Primary School/);
    expect((await harness().send(ask('101234', { type: 'channel' })))[0]!.text).toMatch(/^Oakfield Primary School/);
    const byGroup = harness({ ...AUTH, WAYMARK_TEAM_ID: 'SIO-GROUP' });
    const inTeam = { ...ask('101234', { type: 'channel' }), channelData: { team: { id: '19:team@thread.tacv2', aadGroupId: 'sio-group' }, channel: { id: '19:general@thread.tacv2' }, tenant: { id: 't-1' } } };
    expect((await byGroup.send(inTeam))[0]!.text).toMatch(/^Oakfield Primary School/);
    expect((await byGroup.send(otherTeam(ask('101234', { type: 'channel' }))))[0]!.text).toBe(OFFICER_ELSEWHERE.text);
  });

  it('answers everywhere in local mode (no credentials), as before', async () => {
    const { send } = harness({});
    expect((await send(ask('101234', { type: 'groupChat' })))[0]!.text).toMatch(/^Oakfield Primary School/);
    expect((await send(otherTeam(ask('101234', { type: 'channel' }))))[0]!.text).toMatch(/^Oakfield Primary School/);
  });
});
