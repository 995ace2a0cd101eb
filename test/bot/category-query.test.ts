import { headUrns } from '../meetings-bot/fakes.js';
// The category command through the router, with plain inputs: phrasings, choices, not found,
// confidentiality (officer, head, unknown) and the audit trail.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { answerCategoryQuestion, categoryQuery } from '../../bot/commands/category-query.js';
import { route } from '../../bot/commands/router.js';
import type { CommandContext, CommandInput, ConversationType, Role } from '../../bot/commands/types.js';
import { staticDirectory, type DirectorySnapshot, type SchoolDirectory } from '../../bot/directory/directory.js';
import { memoryLogger } from '../../bot/log.js';
import type { Store } from '../../bot/store/store.js';
import { refusalReply } from '../../core/messages/categoryReply.js';
import { makeSchoolIndex } from '../../core/schools/findSchools.js';
import type { SchoolRecord } from '../../core/schools/types.js';
import { memoryStore, testConfig } from './helpers.js';
import { exampleSchools, OAKFIELD_HEAD } from './schools-fixture.js';

let store: Store;
let cleanup: () => Promise<void>;
let schools: readonly SchoolRecord[];
let directory: SchoolDirectory;
const NOW = new Date('2026-11-24T14:02:00Z');

beforeAll(async () => {
  ({ store, cleanup } = await memoryStore());
  schools = await exampleSchools();
  directory = staticDirectory(schools, new Date('2026-11-24T09:15:00Z'));
});
afterAll(() => cleanup());
beforeEach(async () => {
  await store.db.query('DELETE FROM audit');
});

interface Who {
  role?: Role;
  addresses?: string[];
  type?: ConversationType;
  aad?: string;
  dir?: SchoolDirectory;
}

function ask(text: string, who: Who = {}) {
  const input: CommandInput = {
    text,
    user: { id: '29:user-1', aadObjectId: who.aad ?? 'aad-officer-1', name: 'Jane Testperson' },
    conversation: { id: 'c1', type: who.type ?? 'personal' },
  };
  let lookups = 0;
  const ctx: CommandContext = {
    config: testConfig(),
    store,
    log: memoryLogger(),
    role: who.role ?? 'officer',
    now: () => NOW,
    directory: who.dir ?? directory,
    askerAddresses: async () => who.addresses ?? [],
    // As if an officer had confirmed the account as head of the school with that e-mail.
    headOf: async () => (lookups++, headUrns(who.dir ?? directory, who.addresses ?? [])),
  };
  return route(input, ctx).then((r) => ({ ...r, lookups }));
}

const actions = (card: object | undefined) => ((card as { actions?: { title: string; data: { ask: string } }[] })?.actions ?? []);
const cardText = (card: object | undefined) => JSON.stringify(card ?? {});

describe('category questions, as people ask them (officer)', () => {
  it.each([
    ["what is St Mary's category?", 3],
    ['category of st marys', 3],
    ['which category is Oakfield in?', 2],
    ['show Oakfield Primary', 2],
  ])('%s → a choice card with one button per school', async (text, count) => {
    const { command, reply } = await ask(text);
    expect(command).toBe('category-query');
    expect(reply.text).toMatch(/^Which school did you mean by "/);
    const buttons = actions(reply.card);
    expect(buttons).toHaveLength(count);
    for (const b of buttons) expect(b.title).toMatch(/\(URN \d{6}\)$/);
    expect(buttons.map((b) => b.data.ask)).toEqual(buttons.map((b) => `category of ${/URN (\d{6})/.exec(b.title)![1]}`));
  });

  it('"101234" → the Oakfield Primary School card', async () => {
    const { command, reply } = await ask('101234');
    expect(command).toBe('category-query');
    expect(reply.text).toMatch(/^Oakfield Primary School \(URN 101234\): G — Strengthening Good Schools/);
    expect(cardText(reply.card)).toContain('"version":"1.5"');
    expect(cardText(reply.card)).toContain('G — Strengthening Good Schools');
    // The example has no data-date column: the file's own date stands in (en-GB).
    expect(reply.text).toMatch(/Data as at \d{1,2} [A-Z][a-z]+ \d{4}\.$/);
  });

  it("a button's question answers with that school", async () => {
    const { reply } = await ask('which category is Oakfield in?');
    const second = actions(reply.card)[1]!.data.ask;
    const { reply: answer } = await ask(second);
    expect(answer.text).toMatch(/^Oakfield Primary \(URN 110040\)/);
  });

  it('finds one school through the possessive and through a typo plus its type', async () => {
    expect((await ask("what is Oakfield Primary School's category?")).reply.text).toMatch(/^Oakfield Primary School \(URN 101234\)/);
    expect((await ask('category of Brokside Academy')).reply.text).toMatch(/^Brookside Academy \(URN 101236\)/);
  });

  it('says it could not find a school, with the closest names', async () => {
    const { reply } = await ask('category of Riverbank');
    // The three closest, each a button that asks about it.
    expect(reply.text).toBe('I couldn\'t find "Riverbank". Closest: Riverside Primary School, Riverside Infant School, Millbrook Primary.');
    expect(actions(reply.card).map((a) => a.title)).toEqual(['Riverside Primary School', 'Riverside Infant School', 'Millbrook Primary']);
  });

  it('never looks the officer up', async () => {
    expect((await ask('101234')).lookups).toBe(0);
  });
});

describe('confidentiality', () => {
  const head = { role: 'guest' as const, addresses: [OAKFIELD_HEAD], aad: 'aad-head-1' };

  it("shows a head their own school's card in a personal chat", async () => {
    const { reply } = await ask('101234', head);
    expect(reply.text).toMatch(/^Oakfield Primary School \(URN 101234\)/);
    expect(reply.card).toBeDefined();
  });

  it('matches the head by e-mail whatever its case', async () => {
    const { reply } = await ask("what is Oakfield Primary School's category?", { ...head, addresses: [OAKFIELD_HEAD.toUpperCase().toLowerCase()] });
    expect(reply.text).toMatch(/^Oakfield Primary School/);
  });

  it.each([
    ['another school', 'category of 110040'],
    ['a school that does not exist', 'category of 999999'],
    ['a name that matches nothing', 'category of Riverbank'],
    ['a typo of another school', 'category of Brokside Academy'],
    ['a name matching several, their own among them', 'which category is Oakfield in?'],
  ])('refuses a head asking about %s, with the same words', async (_what, text) => {
    const { reply } = await ask(text, head);
    expect(reply).toEqual(refusalReply);
  });

  it("refuses a head their own school outside a personal chat, where others would read it", async () => {
    for (const type of ['channel', 'groupChat'] as const) expect((await ask('101234', { ...head, type })).reply).toEqual(refusalReply);
  });

  it('refuses anyone unknown, existing school or not', async () => {
    const stranger = { role: 'guest' as const, addresses: ['someone@else.example'], aad: 'aad-stranger' };
    expect((await ask('101234', stranger)).reply).toEqual(refusalReply);
    expect((await ask('999999', stranger)).reply).toEqual(refusalReply);
    expect((await ask('101234', { role: 'guest', addresses: [] })).reply).toEqual(refusalReply);
  });

  it('records every question in the audit table: who, role, what, which school, outcome, when', async () => {
    await ask('101234');
    await ask('category of Riverbank');
    await ask('101234', head);
    await ask('category of 110040', head);
    await ask('101234', { role: 'guest', addresses: [], aad: 'aad-stranger' });
    const rows = (await store.audit.recent(10)).reverse();
    expect(rows.map((r) => [r.actorId, r.actorRole, r.question, r.schoolUrn, r.outcome, r.command, r.conversationType])).toEqual([
      ['aad-officer-1', 'officer', '101234', '101234', 'allowed', 'category-query', 'personal'],
      ['aad-officer-1', 'officer', 'category of Riverbank', null, 'not-found', 'category-query', 'personal'],
      ['aad-head-1', 'head', '101234', '101234', 'allowed', 'category-query', 'personal'],
      ['aad-head-1', 'head', 'category of 110040', '110040', 'refused', 'category-query', 'personal'],
      ['aad-stranger', 'guest', '101234', null, 'refused', 'category-query', 'personal'],
    ]);
    expect(rows.every((r) => r.at.getTime() === NOW.getTime())).toBe(true);
  });

  it('reveals nothing when the audit cannot be written', async () => {
    const broken = { ...store, audit: { ...store.audit, record: async () => { throw new Error('database unavailable'); } } };
    const input: CommandInput = { text: '101234', user: { id: 'u' }, conversation: { id: 'c', type: 'personal' } };
    const ctx: CommandContext = { config: testConfig(), store: broken, log: memoryLogger(), role: 'officer', now: () => NOW, directory, askerAddresses: async () => [] };
    await expect(categoryQuery.handle(input, ctx)).rejects.toThrow('database unavailable');
  });
});

describe('when the workbook could not be read', () => {
  it('tells an officer, and still answers from the last good copy', async () => {
    const stale: DirectorySnapshot = { ...directory.current(), error: { at: NOW, reason: 'the file is damaged or still being saved: it is not a readable .xlsx' } };
    const { reply } = await ask('101234', { dir: { current: () => stale } });
    expect(reply.text).toMatch(
      /^The workbook could not be reloaded at 14:02: the file is damaged or still being saved: it is not a readable \.xlsx; answers use the copy loaded at 09:15\.\n\nOakfield Primary School/,
    );
    expect(cardText(reply.card)).toContain('could not be reloaded at 14:02');
  });

  it('tells a head nothing about it', () => {
    const stale: DirectorySnapshot = { ...directory.current(), error: { at: NOW, reason: 'damaged' } };
    const answer = answerCategoryQuestion('101234', stale, { role: 'guest', headOf: ['101234'], conversation: 'personal', teamOnly: true });
    expect(answer.reply.text).not.toContain('workbook');
  });

  it('says so when no copy was ever read', async () => {
    const none: DirectorySnapshot = { index: makeSchoolIndex([]), schools: [], loadedAt: undefined, error: { at: NOW, reason: 'the file is empty (perhaps still being saved)' } };
    const { reply } = await ask('101234', { dir: { current: () => none } });
    expect(reply.text).toBe('The workbook could not be loaded at 14:02: the file is empty (perhaps still being saved); I have no school information until it can be read.');
  });
});
