// A confirmed head link follows the workbook (issue 8): when the team changes a school's head
// e-mail, the old head's account loses the school at once (same refusal as anyone), reminders
// stop reaching it, the new head's first message asks to be linked, an officer confirms them
// (replacing the suspended link, audited), and "head links" shows the suspended link meanwhile.
// Through the real bot (teams-ai on botbuilder's TestAdapter), the real directory reading a
// copy of the example workbook, on a PGlite store and on PostgreSQL.
import { randomUUID } from 'node:crypto';
import { renameSync, rmSync } from 'node:fs';
import { TestAdapter, type Activity } from 'botbuilder';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NOT_A_HEAD } from '../../bot/commands/evidence.js';
import { createRouter, type Router } from '../../bot/delivery/route.js';
import { openDirectory, type WorkbookDirectory } from '../../bot/directory/directory.js';
import { confirmedHeadForEmail, headEmailsIn, workbookLoadedIn } from '../../bot/identity/identity.js';
import { memoryLogger } from '../../bot/log.js';
import { openStore, type Store } from '../../bot/store/store.js';
import { createBot, type MemberLookup } from '../../bot/teams/bot.js';
import { ADAPTIVE_CARD } from '../../bot/teams/convert.js';
import { refusalReply } from '../../core/messages/categoryReply.js';
import { PG_URL, postgresForTests } from '../support/postgres.js';
import { memoryStore, messageActivity, testConfig } from './helpers.js';
import { exampleCopy, OAKFIELD_HEAD, reading } from './schools-fixture.js';

const NEW_HEAD = 'new.head@oakfield.example.sch.uk';
const OAKFIELD = '101234';
const SUSPENDED = 'Oakfield Primary School (URN 101234): workbook e-mail changed: link suspended — confirm the new head or unlink';

const AUTH = { MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw', MicrosoftAppTenantId: 't-1', WAYMARK_OFFICERS: 'aad-officer' };

/** Members as Teams would report them, by AAD object id. */
const MEMBERS: Record<string, { userPrincipalName?: string; email?: string }> = {
  'aad-old-head': { userPrincipalName: 'old.head@school.example', email: OAKFIELD_HEAD },
  'aad-new-head': { userPrincipalName: 'n.head@school.example', email: NEW_HEAD },
  'aad-stranger': { userPrincipalName: 'someone@else.example' },
};

/** Sets a school's "Head email" in `file`, saving as Excel does (a new file renamed over the old). */
async function setHeadEmail(file: string, urn: string, email: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  let urnCol = 0;
  let emailCol = 0;
  let found = false;
  ws.eachRow((row) => {
    row.eachCell((cell, col) => {
      if (cell.value === 'URN') urnCol = col;
      if (cell.value === 'Head email') emailCol = col;
    });
    if (urnCol && emailCol && String(row.getCell(urnCol).value) === urn) {
      row.getCell(emailCol).value = email;
      found = true;
    }
  });
  if (!found) throw new Error(`no row with URN ${urn}`);
  await wb.xlsx.writeFile(`${file}.~tmp`);
  renameSync(`${file}.~tmp`, file);
}

interface World {
  store: Store;
  directory: WorkbookDirectory;
  file: string;
  log: ReturnType<typeof memoryLogger>;
  /** Sends a message as `aad` (personal chat by default); the bot's messages back. */
  send(text: string, aad: string, type?: 'personal' | 'channel'): Promise<Partial<Activity>[]>;
  /** The reminder router, wired as bot/start.ts and the scheduler wire it. */
  router: Router;
  /** The team changes Oakfield's head e-mail in the workbook, and the directory reads it again. */
  changeHeadEmail(email: string): Promise<void>;
}

const postgres = await postgresForTests('head links following the workbook on PostgreSQL');

/** A fresh store of each kind the bot runs on. */
const STORES: { name: string; skip: boolean; open(): Promise<{ store: Store; cleanup(): Promise<void> }> }[] = [
  { name: 'PGlite', skip: false, open: memoryStore },
  {
    name: 'PostgreSQL',
    skip: !postgres,
    async open() {
      const schema = `waymark_heads_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
      const store = await openStore({ dataDir: '.', databaseUrl: PG_URL, schema });
      return {
        store,
        async cleanup() {
          await store.db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => {});
          await store.close();
        },
      };
    },
  },
];

let world: World | undefined;
let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
  world = undefined;
});

async function open(kind: (typeof STORES)[number]): Promise<World> {
  const { store, cleanup } = await kind.open();
  const { dir: folder, file } = exampleCopy();
  const log = memoryLogger();
  const directory = await openDirectory({ file, framework: reading(), log, watch: false, pollMs: 600_000 });
  cleanups.push(cleanup, async () => {
    await directory.close();
    rmSync(folder, { recursive: true, force: true });
  });
  const lookupMember: MemberLookup = async (context) => {
    const m = MEMBERS[context.activity.from.aadObjectId ?? ''];
    if (!m) throw new Error('member not found');
    return m;
  };
  const bot = createBot({ config: testConfig(AUTH), store, log, directory, lookupMember });
  const adapter = new TestAdapter(async (context) => {
    await bot.run(context);
  });
  adapter.onTurnError = (context, error) => bot.onTurnError(context, error);
  const send = async (text: string, aad: string, type: 'personal' | 'channel' = 'personal') => {
    const a = messageActivity({ text, serviceUrl: 'https://unused/', aadObjectId: aad, conversationType: type, mention: type === 'channel' });
    // Each person's own 1:1 chat, so that a reminder's route shows whose chat it is.
    if (type === 'personal') a.conversation = { id: `a:chat-${aad}`, conversationType: 'personal' };
    const before = adapter.activeQueue.length;
    await adapter.processActivity(a as Partial<Activity>);
    return adapter.activeQueue.splice(before).filter((x) => x.type === 'message').map((x) => ({ ...x, text: x.text ?? x.summary }));
  };
  const router = createRouter({
    store,
    db: store.db,
    mail: true,
    aadIdForEmail: (email) => confirmedHeadForEmail(store.db, email, headEmailsIn(directory)),
    headEmailOf: headEmailsIn(directory),
    workbookLoaded: workbookLoadedIn(directory),
  });
  return {
    store,
    directory,
    file,
    log,
    send,
    router,
    async changeHeadEmail(email) {
      await setHeadEmail(file, OAKFIELD, email);
      await directory.reload();
      expect(directory.current().schools.find((s) => s.urn === OAKFIELD)?.headEmail).toBe(email);
    },
  };
}

const isCard = (a: Partial<Activity> | undefined) => (a?.attachments ?? []).some((x) => x.contentType === ADAPTIVE_CARD);
const textsOf = (as: Partial<Activity>[]) => as.map((a) => a.text);

/** The old head asked, and an officer confirmed them: they see Oakfield's category. */
async function confirmOldHead(w: World): Promise<void> {
  await w.send('101234', 'aad-old-head');
  expect(textsOf(await w.send('confirm head for 101234', 'aad-officer'))[0]).toMatch(/^Confirmed: the account that asked is now Oakfield Primary School's head/);
  const [seen] = await w.send('101234', 'aad-old-head');
  expect(seen!.text).toMatch(/^Oakfield Primary School \(URN 101234\)/);
  expect(isCard(seen)).toBe(true);
}

/** A head reminder planned before the change: it carries the e-mail the workbook gave then. */
const plannedReminder = { recipientRole: 'head' as const, recipient: { email: OAKFIELD_HEAD, name: 'Tom Davies' }, schoolUrn: OAKFIELD, schoolName: 'Oakfield Primary School' };
const conversationOf = (route: Awaited<ReturnType<Router>>) => (route.kind === 'teams' ? (route.reference.conversation as { id?: string }).id : undefined);

for (const kind of STORES) describe.skipIf(kind.skip)(`a confirmed head link follows the workbook (${kind.name})`, () => {
  it("the old head loses the school as soon as the workbook's head e-mail changes and is reloaded, with the refusal anyone gets", async () => {
    const w = (world = await open(kind));
    await confirmOldHead(w);
    await w.changeHeadEmail(NEW_HEAD);

    for (const question of ['101234', 'category of Oakfield Primary School', 'evidence sent']) {
      const old = await w.send(question, 'aad-old-head');
      const stranger = await w.send(question, 'aad-stranger');
      // One message, the same words as someone never linked, no card: nothing said of the school.
      expect(textsOf(old)).toEqual(textsOf(stranger));
      expect(old.some(isCard)).toBe(false);
    }
    expect(textsOf(await w.send('101234', 'aad-old-head'))).toEqual([refusalReply.text]);
    expect(textsOf(await w.send('evidence sent', 'aad-old-head'))).toEqual([NOT_A_HEAD.text]);
  });

  it('the new head asks to be linked; "head links" shows the suspended link; the officer confirms the new head, which replaces it (audited)', async () => {
    const w = (world = await open(kind));
    await confirmOldHead(w);
    await w.changeHeadEmail(NEW_HEAD);

    // The officer sees the old link suspended, before the new head has said anything.
    const before = textsOf(await w.send('head links', 'aad-officer'))[0]!;
    expect(before).toContain(SUSPENDED);
    expect(before).not.toContain('Oakfield Primary School (URN 101234): confirmed');

    // The new head's first message: nothing shown, a link requested.
    const first = await w.send('101234', 'aad-new-head');
    expect(textsOf(first)).toEqual([
      refusalReply.text,
      expect.stringMatching(/^I've asked your school-improvement team to confirm that this account is the headteacher of Oakfield Primary School/),
    ]);
    const listed = textsOf(await w.send('head links', 'aad-officer'))[0]!;
    expect(listed).toContain(SUSPENDED);
    expect(listed).toContain('Oakfield Primary School (URN 101234): waiting for confirmation since');
    for (const address of [OAKFIELD_HEAD, NEW_HEAD]) expect(listed).not.toContain(address);

    const confirmed = textsOf(await w.send('confirm head for 101234', 'aad-officer'))[0]!;
    expect(confirmed).toMatch(/^Confirmed: the account that asked is now Oakfield Primary School's head in Waymark/);
    expect(confirmed).toContain("The previous head's suspended link is removed.");

    const [seen] = await w.send('101234', 'aad-new-head');
    expect(seen!.text).toMatch(/^Oakfield Primary School \(URN 101234\)/);
    expect(textsOf(await w.send('101234', 'aad-old-head'))).toEqual([refusalReply.text]);
    const after = textsOf(await w.send('head links', 'aad-officer'))[0]!;
    expect(after).toContain('Oakfield Primary School (URN 101234): confirmed');
    expect(after).not.toContain('suspended');

    const { rows } = await w.store.db.query<{ question: string; outcome: string; school_urn: string }>(
      `SELECT question, outcome, school_urn FROM audit WHERE command = 'head-links' AND question LIKE 'confirm%' ORDER BY id`,
    );
    expect(rows.at(-1)).toEqual({ question: 'confirm head for 101234 [replaced a suspended head link]', outcome: 'allowed', school_urn: OAKFIELD });
    for (const address of [OAKFIELD_HEAD, NEW_HEAD]) expect(w.log.lines.join('\n')).not.toContain(address);
  });

  it("reminders for the school never reach the old head's account after the change, and reach the new head's once confirmed", async () => {
    const w = (world = await open(kind));
    await confirmOldHead(w);
    // Before the change: the old head's own chat (so the test can see the difference).
    expect(conversationOf(await w.router(plannedReminder))).toBe('a:chat-aad-old-head');

    await w.changeHeadEmail(NEW_HEAD);
    // Suspended: not the old head's chat, whichever e-mail the reminder carries; the workbook's head by e-mail.
    for (const target of [plannedReminder, { ...plannedReminder, recipient: { email: NEW_HEAD } }]) {
      const route = await w.router(target);
      expect(conversationOf(route)).toBeUndefined();
      expect(route).toMatchObject({ kind: 'email', to: { email: NEW_HEAD } });
    }
    expect(await confirmedHeadForEmail(w.store.db, OAKFIELD_HEAD, headEmailsIn(w.directory))).toBeUndefined();

    await w.send('hello', 'aad-new-head');
    await w.send('confirm head for 101234', 'aad-officer');
    for (const target of [plannedReminder, { ...plannedReminder, recipient: { email: NEW_HEAD } }]) {
      expect(conversationOf(await w.router(target))).toBe('a:chat-aad-new-head');
    }
  });
});
