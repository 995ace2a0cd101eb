// Letters in the chat over real HTTP: the bot server, the loopback fake Bot Connector and a
// loopback fake OneDrive upload session. "draft the … letter for X" → a FileConsentCard in the
// officer's personal chat; accepting it → the .docx PUT to the upload URL (parsed back here)
// and a FileInfoCard; declining → a polite reply and nothing uploaded; a failed upload says
// so; asked in a channel, the draft goes to the personal chat, never to the channel.
import type { AddressInfo } from 'node:net';
import express from 'express';
import JSZip from 'jszip';
import { TestAdapter, type Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LETTERS_OFFICERS_ONLY, NOT_HERE } from '../../bot/commands/access.js';
import { confirmHeadLink, headEmailsIn, requestHeadLinks } from '../../bot/identity/identity.js';
import { createBot } from '../../bot/teams/bot.js';
import { loadWorkbook } from '../../workbook/source/file.js';
import { staticDirectory, type SchoolDirectory } from '../../bot/directory/directory.js';
import { memoryLogger } from '../../bot/log.js';
import type { MeetingServices } from '../../bot/meetings/services.js';
import { createOutbox } from '../../bot/outbox/outbox.js';
import type { Store } from '../../bot/store/store.js';
import { FILE_CONSENT_CARD, FILE_INFO_CARD } from '../../bot/teams/files.js';
import { startServer, type RunningServer } from '../../bot/teams/server.js';
import { makeCalendar } from '../../core/calendar/index.js';
import { memoryStore, messageActivity, testConfig } from '../bot/helpers.js';
import { startFakeConnector, type FakeConnector, type RecordedActivity } from '../fakes/bot-connector.js';
import { framework } from '../meetings-bot/fakes.js';

interface Put {
  readonly path: string;
  readonly range: string | undefined;
  readonly body: Buffer;
}

/**
 * A loopback OneDrive upload session: records each PUT, answers `status` (after `delayMs`, as a
 * busy OneDrive would). PUT /redirect/:id answers 307 to /upload/redirected-:id, which a client
 * that follows redirects would PUT the bytes to.
 */
async function startUploadServer() {
  const puts: Put[] = [];
  let status = 201;
  let delayMs = 0;
  const app = express();
  app.put('/upload/:id', express.raw({ type: () => true, limit: '10mb' }), (req, res) => {
    puts.push({ path: req.path, range: req.header('content-range'), body: req.body as Buffer });
    setTimeout(() => res.status(status).json(status < 300 ? { id: 'drive-item-1' } : { error: { code: 'generalException' } }), delayMs);
  });
  app.put('/redirect/:id', express.raw({ type: () => true, limit: '10mb' }), (req, res) => {
    res.redirect(307, `/upload/redirected-${req.params.id}`);
  });
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    puts,
    answer(s: number) {
      status = s;
    },
    delay(ms: number) {
      delayMs = ms;
    },
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

let store: Store;
let cleanup: () => Promise<void>;
let connector: FakeConnector;
let onedrive: Awaited<ReturnType<typeof startUploadServer>>;
let server: RunningServer;
let directory: SchoolDirectory;
let meetings: MeetingServices;
const log = memoryLogger();

beforeAll(async () => {
  ({ store, cleanup } = await memoryStore());
  connector = await startFakeConnector();
  onedrive = await startUploadServer();
  const cambridgeshire = framework('cambridgeshire');
  const loaded = await loadWorkbook('examples/cambridgeshire.xlsx', { framework: cambridgeshire, now: new Date('2027-01-04T10:00:00Z') });
  if (!loaded.ok) throw new Error(loaded.error);
  directory = staticDirectory(loaded.value.schools);
  meetings = { outbox: createOutbox(store.db), calendar: makeCalendar(), framework: cambridgeshire };
  server = await startServer({ config: testConfig(), store, port: 0, log, directory, meetings, now: () => new Date('2027-01-11T10:00:00Z') });
}, 120_000);
afterAll(async () => {
  await server?.close();
  await onedrive?.close();
  await connector?.close();
  await cleanup?.();
});

const post = (activity: Record<string, unknown>) =>
  fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });

/** Says `text` and waits for `count` more messages from the bot; returns them. */
async function say(text: string, options: { count: number; conversationType?: 'personal' | 'channel' | 'groupChat'; aad?: string }): Promise<RecordedActivity[]> {
  const before = connector.messages().length;
  const res = await post(
    messageActivity({ text, serviceUrl: connector.serviceUrl, aadObjectId: options.aad ?? 'aad-officer', fromName: 'Anna Patel', conversationType: options.conversationType ?? 'personal', mention: options.conversationType === 'channel' }),
  );
  expect(res.status).toBe(200);
  return (await connector.waitForMessages(before + options.count, 20_000)).slice(before);
}

interface ConsentCard {
  contentType: string;
  name: string;
  content: { description: string; sizeInBytes: number; acceptContext: { waymarkFile: string }; declineContext: { waymarkFile: string } };
}
const attachmentsOf = (m: RecordedActivity | undefined) => ((m?.activity.attachments ?? []) as ConsentCard[]);
const consentIn = (messages: readonly RecordedActivity[]) => messages.flatMap(attachmentsOf).find((a) => a.contentType === FILE_CONSENT_CARD);

/** The consent card's answer as Teams sends it; the upload address is the fake OneDrive's unless `uploadUrl`. */
function consentAnswer(card: ConsentCard, action: 'accept' | 'decline', uploadId = 'a', aad = 'aad-officer', uploadUrl = `${onedrive.url}/upload/${uploadId}`) {
  const base = messageActivity({ text: '', serviceUrl: connector.serviceUrl, aadObjectId: aad });
  return {
    ...base,
    type: 'invoke',
    name: 'fileConsent/invoke',
    text: undefined,
    value: {
      type: 'fileUpload',
      action,
      context: action === 'accept' ? card.content.acceptContext : card.content.declineContext,
      ...(action === 'accept'
        ? { uploadInfo: { name: card.name, uploadUrl, contentUrl: `https://contoso-my.sharepoint.example/personal/anna/Documents/Applications/Waymark/${card.name}`, uniqueId: `unique-${uploadId}`, fileType: 'docx' } }
        : {}),
    },
  };
}

/** The user's answer to the consent card, as Teams sends it; the bot's reply. */
async function answer(card: ConsentCard, action: 'accept' | 'decline', uploadId = 'a', aad = 'aad-officer', uploadUrl?: string) {
  const before = connector.messages().length;
  const res = await post(consentAnswer(card, action, uploadId, aad, uploadUrl));
  expect(res.status).toBe(200);
  const [next] = (await connector.waitForMessages(before + 1, 20_000)).slice(before);
  return next!;
}

const offerKept = async (card: ConsentCard) =>
  (await store.db.query('SELECT id FROM offered_files WHERE id = $1', [card.content.acceptContext.waymarkFile])).rows.length > 0;

describe('which letters for X', () => {
  it("lists the suggested letters with the seed's bullets and the school's evidence", { timeout: 60_000 }, async () => {
    const [reply] = await say('which letters for Victoria Primary', { count: 1 });
    const text = String(reply?.activity.summary ?? reply?.activity.text);
    expect(text).toContain('Letters suggested for Victoria Primary (URN 110157):');
    expect(text).toContain('**Significant concerns letter** — the seed: 004 Cambridgeshire, "LETTERS TO SCHOOLS", Significant concerns letter (Appendix 6)');
    expect(text).toContain('- "Safeguarding Concerns": Safeguarding');
    expect(text).toContain('**Warning notice**');
    expect(text).toContain('nothing is sent to the school');
  });
});

describe('draft the … letter for X, in the personal chat', () => {
  it('offers the .docx with a consent card; accepting uploads it and posts the file card', { timeout: 60_000 }, async () => {
    const messages = await say('draft the significant concerns letter for Victoria Primary', { count: 2 });
    expect(String(messages[0]?.activity.text)).toContain('Draft **Significant concerns letter** for Victoria Primary (URN 110157), dated 11 January 2027.');
    const card = consentIn(messages)!;
    expect(card).toMatchObject({ name: 'victoria-primary-significant-concerns-2027-01-11.docx', content: { description: expect.stringContaining('Victoria Primary') } });
    expect(card.content.sizeInBytes).toBeGreaterThan(3000);
    expect(messages[1]?.conversationId).toBe('a:personal-1');

    const putsBefore = onedrive.puts.length;
    const info = await answer(card, 'accept', 'accepted');
    const put = onedrive.puts.slice(putsBefore);
    expect(put).toHaveLength(1);
    expect(put[0]!.range).toBe(`bytes 0-${card.content.sizeInBytes - 1}/${card.content.sizeInBytes}`);
    const xml = await (await JSZip.loadAsync(put[0]!.body)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Victoria Primary');
    expect(xml).toContain('Safeguarding Concerns');
    expect(xml).toContain('Management of the Schools Finances');
    expect(attachmentsOf(info)[0]).toMatchObject({
      contentType: FILE_INFO_CARD,
      name: card.name,
      contentUrl: expect.stringContaining(card.name),
      content: { uniqueId: 'unique-accepted', fileType: 'docx' },
    });
    // The bytes are not kept once delivered: the same card answers once.
    const again = await answer(card, 'accept', 'again');
    expect(String(again.activity.text)).toContain('That file card has already been answered, or the file is no longer waiting for you');
    expect(onedrive.puts.filter((p) => p.path === '/upload/again')).toHaveLength(0);
    const { rows } = await store.db.query('SELECT id FROM offered_files WHERE id = $1', [card.content.acceptContext.waymarkFile]);
    expect(rows).toHaveLength(0);
  });

  it('declining gets a polite reply and uploads nothing', { timeout: 60_000 }, async () => {
    const card = consentIn(await say('draft the warning notice letter for 110157', { count: 2 }))!;
    expect(card.name).toBe('victoria-primary-warning-notice-2027-01-11.docx');
    const putsBefore = onedrive.puts.length;
    const reply = await answer(card, 'decline');
    expect(String(reply.activity.text)).toContain('No problem: I have not saved **victoria-primary-warning-notice-2027-01-11.docx**');
    expect(onedrive.puts.length).toBe(putsBefore);
  });

  it('a failed upload gives a clear reply', { timeout: 60_000 }, async () => {
    const card = consentIn(await say('draft the significant concerns letter for Victoria Primary', { count: 2 }))!;
    onedrive.answer(500);
    try {
      const reply = await answer(card, 'accept', 'failing');
      expect(String(reply.activity.text)).toContain('Sorry, I could not save **victoria-primary-significant-concerns-2027-01-11.docx** to your OneDrive: OneDrive answered 500.');
      expect(attachmentsOf(reply)).toEqual([]);
    } finally {
      onedrive.answer(201);
    }
  });

  it('another user cannot take the officer’s file with its card', { timeout: 60_000 }, async () => {
    const card = consentIn(await say('draft the significant concerns letter for Victoria Primary', { count: 2 }))!;
    const putsBefore = onedrive.puts.length;
    const reply = await answer(card, 'accept', 'stolen', 'aad-someone-else');
    expect(String(reply.activity.text)).toContain('no longer waiting');
    expect(onedrive.puts.length).toBe(putsBefore);
  });

  it('the same card accepted twice at once (a double click, two replicas) uploads once; the other answer says so', { timeout: 60_000 }, async () => {
    const card = consentIn(await say('draft the significant concerns letter for Victoria Primary', { count: 2 }))!;
    const before = connector.messages().length;
    onedrive.delay(300);
    try {
      const answers = await Promise.all([post(consentAnswer(card, 'accept', 'twice-1')), post(consentAnswer(card, 'accept', 'twice-2'))]);
      expect(answers.map((r) => r.status)).toEqual([200, 200]);
    } finally {
      onedrive.delay(0);
    }
    const replies = (await connector.waitForMessages(before + 2, 20_000)).slice(before);
    expect(onedrive.puts.filter((p) => p.path.startsWith('/upload/twice-'))).toHaveLength(1);
    expect(replies.flatMap(attachmentsOf).filter((a) => a.contentType === FILE_INFO_CARD)).toHaveLength(1);
    expect(replies.map((r) => String(r.activity.text ?? ''))).toContainEqual(expect.stringContaining('That file card has already been answered'));
  });

  it('an upload address outside OneDrive and SharePoint is refused: nothing sent, a clear reply, no address in the log', { timeout: 60_000 }, async () => {
    for (const address of ['https://intranet.example/upload?tempauth=SECRET-TOKEN', 'https://contoso-my.sharepoint.com.evil.example/up?tempauth=SECRET-TOKEN', 'http://contoso-my.sharepoint.com/up?tempauth=SECRET-TOKEN']) {
      const card = consentIn(await say('draft the significant concerns letter for Victoria Primary', { count: 2 }))!;
      const putsBefore = onedrive.puts.length;
      const reply = await answer(card, 'accept', 'elsewhere', 'aad-officer', address);
      expect(String(reply.activity.text)).toBe(
        'Sorry, I did not save **victoria-primary-significant-concerns-2027-01-11.docx**: Teams gave an upload address that is not your OneDrive, so I sent the file nowhere. Ask me for the file again.',
      );
      expect(attachmentsOf(reply)).toEqual([]);
      expect(onedrive.puts.length).toBe(putsBefore);
      expect(await offerKept(card)).toBe(false);
    }
    const refusals = log.lines.filter((l) => l.includes('file upload refused'));
    expect(refusals).toHaveLength(3);
    expect(refusals.join('\n')).toContain('https://intranet.example');
    expect(log.lines.join('\n')).not.toContain('SECRET-TOKEN');
    expect(log.lines.join('\n')).not.toContain('/upload?');
  });

  it('a redirect from the upload address is not followed: the bytes go nowhere else', { timeout: 60_000 }, async () => {
    const card = consentIn(await say('draft the significant concerns letter for Victoria Primary', { count: 2 }))!;
    const putsBefore = onedrive.puts.length;
    const reply = await answer(card, 'accept', 'moved', 'aad-officer', `${onedrive.url}/redirect/moved`);
    expect(String(reply.activity.text)).toContain(
      'Sorry, I could not save **victoria-primary-significant-concerns-2027-01-11.docx** to your OneDrive: OneDrive redirected the upload elsewhere, which Waymark does not follow.',
    );
    expect(attachmentsOf(reply)).toEqual([]);
    expect(onedrive.puts.slice(putsBefore)).toEqual([]);
  });

  it('says why a letter no trigger calls for is not drafted, and drafts it "anyway"', { timeout: 60_000 }, async () => {
    const [refused] = await say('draft the congratulations letter for Victoria Primary', { count: 1 });
    expect(String(refused?.activity.text)).toMatch(/^I have not drafted it: no reason for a congratulations letter to Victoria Primary/);
    expect(attachmentsOf(refused)).toEqual([]);
    const forced = await say('draft the congratulations letter for Victoria Primary anyway', { count: 2 });
    expect(consentIn(forced)?.name).toBe('victoria-primary-congratulations-2027-01-11.docx');
  });
});

describe('asked outside the personal chat', () => {
  it('a channel hears the reasons; the draft goes to the personal chat only', { timeout: 60_000 }, async () => {
    // The officer has a personal chat with Waymark (the tests above): its reference is stored.
    const messages = await say('draft the significant concerns letter for Victoria Primary', { count: 2, conversationType: 'channel' });
    const inChannel = messages.filter((m) => m.conversationId.startsWith('19:general'));
    const inPersonal = messages.filter((m) => m.conversationId === 'a:personal-1');
    expect(inChannel).toHaveLength(1);
    expect(String(inChannel[0]!.activity.text)).toContain('Safeguarding Concerns');
    expect(String(inChannel[0]!.activity.text)).toContain('I have put **victoria-primary-significant-concerns-2027-01-11.docx** in your personal chat with me');
    expect(attachmentsOf(inChannel[0])).toEqual([]);
    expect(consentIn(inPersonal)?.name).toBe('victoria-primary-significant-concerns-2027-01-11.docx');
  });

  it('without a personal chat, the reply says to ask there, and no file is offered anywhere', { timeout: 60_000 }, async () => {
    const messages = await say('draft the significant concerns letter for Victoria Primary', { count: 1, conversationType: 'groupChat', aad: 'aad-new-officer' });
    expect(String(messages[0]!.activity.text)).toContain('Files are given only in a personal chat');
    expect(consentIn(messages)).toBeUndefined();
    const { rows } = await store.db.query("SELECT 1 FROM offered_files WHERE owner_id = 'aad-new-officer'");
    expect(rows).toHaveLength(0);
  });
});

describe('with credentials (Teams side, botbuilder TestAdapter): who can never obtain a letter', () => {
  const AUTH = { MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw', MicrosoftAppTenantId: 't-1', WAYMARK_OFFICERS: 'aad-officer' };
  const SERVICE = 'https://smba.example/';

  it("the head of the school, in their personal chat, and an officer in a group chat: refused, no file", { timeout: 60_000 }, async () => {
    // Victoria Primary's head, confirmed by an officer.
    await requestHeadLinks(store.db, 'aad-victoria-head', [{ urn: '110157', email: 'head@victoria.example' }]);
    await confirmHeadLink(store.db, '110157', 'aad-officer', headEmailsIn(directory));
    const bot = createBot({
      config: testConfig(AUTH), store, log: memoryLogger(), directory, meetings, now: () => new Date('2027-01-11T10:00:00Z'),
      lookupMember: async () => ({}),
    });
    const adapter = new TestAdapter(async (context) => {
      await bot.run(context);
    });
    const send = async (a: Record<string, unknown>) => {
      const before = adapter.activeQueue.length;
      await adapter.processActivity(a as Partial<Activity>);
      return adapter.activeQueue.splice(before).filter((x) => x.type === 'message');
    };
    const offersBefore = (await store.db.query('SELECT id FROM offered_files')).rows.length;
    for (const text of ['draft the significant concerns letter for Victoria Primary', 'which letters for Victoria Primary']) {
      const head = await send(messageActivity({ text, serviceUrl: SERVICE, aadObjectId: 'aad-victoria-head', fromName: 'Vic Head' }));
      expect(head.map((m) => m.text)).toEqual([LETTERS_OFFICERS_ONLY.text]);
      expect(head.flatMap((m) => m.attachments ?? [])).toEqual([]);
      const group = await send(messageActivity({ text, serviceUrl: SERVICE, aadObjectId: 'aad-officer', fromName: 'Anna Patel', conversationType: 'groupChat' }));
      expect(group.map((m) => m.text)).toEqual([NOT_HERE.text]);
      expect(group.flatMap((m) => m.attachments ?? [])).toEqual([]);
    }
    expect((await store.db.query('SELECT id FROM offered_files')).rows.length).toBe(offersBefore);
  });

  it('an officer accepting a letter: a loopback upload address (allowed in local mode only) is refused', { timeout: 60_000 }, async () => {
    const credentialedLog = memoryLogger();
    const bot = createBot({
      config: testConfig(AUTH), store, log: credentialedLog, directory, meetings, now: () => new Date('2027-01-11T10:00:00Z'),
      lookupMember: async () => ({}),
    });
    const adapter = new TestAdapter(async (context) => {
      await bot.run(context);
    });
    const send = async (a: Record<string, unknown>) => {
      const before = adapter.activeQueue.length;
      await adapter.processActivity(a as Partial<Activity>);
      return adapter.activeQueue.splice(before).filter((x) => x.type === 'message');
    };
    const offered = await send(messageActivity({ text: 'draft the significant concerns letter for Victoria Primary', serviceUrl: SERVICE, aadObjectId: 'aad-officer', fromName: 'Anna Patel' }));
    const card = offered.flatMap((m) => (m.attachments ?? []) as unknown as ConsentCard[]).find((a) => a.contentType === FILE_CONSENT_CARD)!;
    expect(card.name).toBe('victoria-primary-significant-concerns-2027-01-11.docx');
    const putsBefore = onedrive.puts.length;
    const reply = await send({ ...consentAnswer(card, 'accept', 'credentialed'), serviceUrl: SERVICE });
    expect(reply.map((m) => m.text)).toEqual([
      'Sorry, I did not save **victoria-primary-significant-concerns-2027-01-11.docx**: Teams gave an upload address that is not your OneDrive, so I sent the file nowhere. Ask me for the file again.',
    ]);
    expect(onedrive.puts.length).toBe(putsBefore);
  });
});
