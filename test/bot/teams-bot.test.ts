import { OPEN } from '../../bot/commands/access.js';
// Handlers through teams-ai, driven by botbuilder's TestAdapter (no HTTP).
import { TestAdapter, type Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELP_EXAMPLES } from '../../bot/commands/help.js';
import type { Command } from '../../bot/commands/types.js';
import { help } from '../../bot/commands/help.js';
import { memoryLogger } from '../../bot/log.js';
import type { Store } from '../../bot/store/store.js';
import { APOLOGY, createBot } from '../../bot/teams/bot.js';
import { ADAPTIVE_CARD, filesOf } from '../../bot/teams/convert.js';
import { memoryStore, messageActivity, testConfig } from './helpers.js';

let store: Store;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ store, cleanup } = await memoryStore());
});
afterAll(() => cleanup());

function harness(commands?: readonly Command[], env: Record<string, string> = {}) {
  const log = memoryLogger();
  const bot = createBot({ config: testConfig(env), store, log, ...(commands ? { commands } : {}) });
  const sent: Partial<Activity>[] = [];
  const adapter = new TestAdapter(async (context) => {
    await bot.run(context);
  });
  adapter.onTurnError = (context, error) => bot.onTurnError(context, error);
  const send = async (a: Record<string, unknown>) => {
    const before = adapter.activeQueue.length;
    await adapter.processActivity(a as Partial<Activity>);
    sent.push(...adapter.activeQueue.splice(before));
    return sent;
  };
  return { log, send, sent };
}

const messages = (xs: Partial<Activity>[]) => xs.filter((a) => a.type === 'message');

describe('bot through teams-ai', () => {
  it('answers help in a personal chat with typing and one card message (its text as summary and fallback)', async () => {
    const { send } = harness();
    const out = await send(messageActivity({ text: 'help', serviceUrl: 'https://unused/' }));
    expect(out.map((a) => a.type)).toEqual(['typing', 'message']);
    const reply = out[1]!;
    // No text beside the card: clients draw that as a second bubble.
    expect(reply.text).toBeUndefined();
    for (const e of HELP_EXAMPLES) expect(reply.summary).toContain(e);
    const card = reply.attachments?.[0]?.content as { fallbackText: string };
    expect(card.fallbackText).toBe(reply.summary);
    for (const e of HELP_EXAMPLES) expect(JSON.stringify(card)).toContain(JSON.stringify({ waymark: 'ask', ask: e }));
    expect(reply.suggestedActions).toBeUndefined();
  });

  it('welcomes with a card when installed in a personal chat or a team, and says nothing when someone else joins', async () => {
    for (const conversationType of ['personal', 'channel'] as const) {
      const { send } = harness();
      const base = messageActivity({ text: '', conversationType, serviceUrl: 'https://unused/' }) as Record<string, unknown>;
      const recipient = base.recipient as { id: string };
      const out = messages(await send({ ...base, type: 'conversationUpdate', text: undefined, membersAdded: [{ id: recipient.id }] }));
      expect(out).toHaveLength(1);
      expect(out[0]!.summary).toMatch(/^Hello, I'm Waymark\./);
      const card = JSON.stringify(out[0]!.attachments?.[0]?.content);
      expect(card).toContain('Three things to try');
      expect(card).toContain('never in a group chat');
      for (const e of ['category of st marys', 'summary', 'help']) expect(card).toContain(JSON.stringify({ waymark: 'ask', ask: e }));
    }
    const { send } = harness();
    const base = messageActivity({ text: '', serviceUrl: 'https://unused/' }) as Record<string, unknown>;
    expect(messages(await send({ ...base, type: 'conversationUpdate', text: undefined, membersAdded: [{ id: '29:someone-else' }] }))).toEqual([]);
  });

  it('turns a pressed question button (plain Action.Submit, no text) into that question', async () => {
    const { send } = harness();
    const out = messages(await send({ ...messageActivity({ text: '', serviceUrl: 'https://unused/' }), text: undefined, value: { waymark: 'ask', ask: 'help' } }));
    expect(out).toHaveLength(1);
    expect(out[0]!.summary).toContain(HELP_EXAMPLES[0]);
  });

  it('sends a card as an Adaptive Card attachment beside the text', async () => {
    const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Oakfield: category 2' }] };
    const withCard: Command = { name: 'card', matches: () => true, access: OPEN, handle: () => ({ text: 'Oakfield is category 2.', card }) };
    const { send } = harness([withCard]);
    const out = messages(await send(messageActivity({ text: 'show Oakfield Primary', serviceUrl: 'https://unused/' })));
    expect(out).toHaveLength(1);
    expect(out[0]!.text).toBeUndefined();
    expect(out[0]!.summary).toBe('Oakfield is category 2.');
    expect(out[0]!.attachments).toEqual([{ contentType: ADAPTIVE_CARD, content: { ...card, fallbackText: 'Oakfield is category 2.' } }]);
    expect(out[0]!.suggestedActions).toBeUndefined();
  });

  it('strips the @mention in a channel and sends no typing there', async () => {
    const { send } = harness();
    const out = await send(messageActivity({ text: 'help', mention: true, conversationType: 'channel', serviceUrl: 'https://unused/' }));
    expect(out.map((a) => a.type)).toEqual(['message']);
    expect(out[0]!.summary).toContain(HELP_EXAMPLES[0]);
    // Teams has suggested actions in personal chats only.
    expect(out[0]!.suggestedActions).toBeUndefined();
  });

  it('ignores a channel message that does not mention the bot', async () => {
    const { send } = harness();
    const out = await send(messageActivity({ text: 'help', conversationType: 'channel', serviceUrl: 'https://unused/' }));
    expect(out).toEqual([]);
  });

  it('answers in a group chat, with typing', async () => {
    const { send } = harness();
    const out = await send(messageActivity({ text: 'hello there', conversationType: 'groupChat', serviceUrl: 'https://unused/' }));
    expect(out.map((a) => a.type)).toEqual(['typing', 'message']);
    expect(out[1]!.summary).toMatch(/^I didn't understand/);
  });

  it('passes plain input to the handler, with the role', async () => {
    const seen: unknown[] = [];
    const spy: Command = { name: 'spy', matches: () => true, access: OPEN, handle: (input, ctx) => (seen.push({ input, role: ctx.role }), { text: 'ok' }) };
    const { send } = harness([spy]);
    await send(messageActivity({ text: 'category of 101234', mention: true, conversationType: 'channel', serviceUrl: 'https://unused/' }));
    expect(seen).toEqual([
      {
        input: {
          text: 'category of 101234',
          user: { id: '29:user-1', aadObjectId: 'aad-0001', name: 'Jane Testperson' },
          conversation: { id: '19:general@thread.tacv2;messageid=1', type: 'channel', teamId: '19:team@thread.tacv2', channelId: '19:general@thread.tacv2' },
          locale: 'en-GB',
        },
        role: 'officer',
      },
    ]);
  });

  it('apologises when a handler throws and logs no personal data', async () => {
    const boom: Command = {
      name: 'boom',
      matches: () => true,
      access: OPEN,
      handle: (input) => {
        throw new Error(`cannot answer "${input.text}" for ${input.user.name} <jane.testperson@la.gov.uk>`);
      },
    };
    const { send, log } = harness([boom]);
    const out = await send(messageActivity({ text: 'what is St Mary category?', serviceUrl: 'https://unused/' }));
    expect(messages(out).map((a) => a.text)).toEqual([APOLOGY]);
    const logged = log.lines.join('\n');
    expect(logged).toContain('turn failed');
    expect(logged).toContain('"conversationType":"personal"');
    expect(logged).not.toMatch(/Jane|Testperson|jane\.testperson|St Mary|aad-0001/);
  });

  it('stores conversation references for users and channels, without display names', async () => {
    const { send } = harness([help]);
    await send(messageActivity({ text: 'help', aadObjectId: 'aad-ref-1', serviceUrl: 'https://smba.example/' }));
    await send(messageActivity({ text: 'help', mention: true, conversationType: 'channel', serviceUrl: 'https://smba.example/' }));
    const user = await store.conversations.get('aad-ref-1');
    expect(user?.kind).toBe('user');
    expect(user?.reference).toMatchObject({ serviceUrl: 'https://smba.example/', conversation: { id: 'a:personal-1' }, user: { id: '29:user-1', aadObjectId: 'aad-ref-1' } });
    expect(JSON.stringify(user?.reference)).not.toContain('Testperson');
    expect((await store.conversations.get('19:general@thread.tacv2'))?.kind).toBe('channel');
  });

  it('still answers when an attachment is malformed (a name that is not text), leaving it out of the files', async () => {
    const seen: unknown[] = [];
    const spy: Command = { name: 'spy', matches: () => true, access: OPEN, handle: (input) => (seen.push(input.files), { text: 'ok' }) };
    const { send } = harness([spy]);
    const attachments = [
      { contentType: 'image/png', name: 5 },
      { contentType: 7, name: 'x.pdf' },
      null,
      'not an attachment',
      { contentType: 'application/pdf', name: ' SEF.pdf ', contentUrl: 'https://x.example/secret' },
      { contentType: 'image/png' },
    ];
    const out = messages(await send({ ...messageActivity({ text: 'evidence', serviceUrl: 'https://unused/' }), attachments }));
    expect(out.map((a) => a.text)).toEqual(['ok']);
    expect(seen).toEqual([[{ name: 'SEF.pdf', contentType: 'application/pdf' }, { name: 'attachment 2', contentType: 'image/png' }]]);
    expect(filesOf({ attachments: [{ contentType: 'image/png', name: 5 }] } as never)).toEqual([]);
    // Help, with the malformed attachment, is answered as usual rather than with an apology.
    const [help] = messages(await harness().send({ ...messageActivity({ text: 'help', serviceUrl: 'https://unused/' }), attachments: [{ contentType: 'image/png', name: 5 }] }));
    expect(help!.text).not.toBe(APOLOGY);
    expect(help!.summary).toContain(HELP_EXAMPLES[0]);
  });

  it("keeps a channel reference's team ids, so reminders can tell the improvement team's channels from others", async () => {
    const { send } = harness([help]);
    const activity = messageActivity({ text: 'help', mention: true, conversationType: 'channel', serviceUrl: 'https://smba.example/' });
    await send({ ...activity, channelData: { team: { id: '19:sio@thread.tacv2', aadGroupId: 'group-sio', name: 'School improvement' }, channel: { id: '19:sio-reminders@thread.tacv2' } } });
    const ref = await store.conversations.get('19:sio-reminders@thread.tacv2');
    expect(ref?.reference).toMatchObject({ team: { id: '19:sio@thread.tacv2', aadGroupId: 'group-sio' } });
    // Ids only: the team's name is not kept.
    expect(JSON.stringify(ref?.reference)).not.toContain('School improvement');
  });

  it('treats only listed officers as officers once authenticated', async () => {
    const roles: string[] = [];
    const spy: Command = { name: 'spy', matches: () => true, access: OPEN, handle: (_i, ctx) => (roles.push(ctx.role), { text: 'ok' }) };
    const env = { MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw', MicrosoftAppTenantId: 't-1', WAYMARK_OFFICERS: 'AAD-OFFICER' };
    const { send } = harness([spy], env);
    await send(messageActivity({ text: 'x', aadObjectId: 'aad-officer', serviceUrl: 'https://unused/' }));
    await send(messageActivity({ text: 'x', aadObjectId: 'aad-someone-else', serviceUrl: 'https://unused/' }));
    expect(roles).toEqual(['officer', 'guest']);
  });

  it('treats a UPN-listed user as a guest when the member lookup fails, and says so in the log', async () => {
    const roles: string[] = [];
    const spy: Command = { name: 'spy', matches: () => true, access: OPEN, handle: (_i, ctx) => (roles.push(ctx.role), { text: 'ok' }) };
    const { send, log } = harness([spy], { MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw', MicrosoftAppTenantId: 't-1', WAYMARK_OFFICERS: 'jane@la.gov.uk' });
    await send(messageActivity({ text: 'x', serviceUrl: 'https://unused/' }));
    expect(roles).toEqual(['guest']);
    expect(log.lines.join('\n')).toContain('could not look up member for officer check');
  });
});
