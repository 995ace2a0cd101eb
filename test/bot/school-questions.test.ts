// An officer's questions in their own words, through the router, against the example
// workbook and a real (in-memory) store: category, why, what would move it, history, summary,
// what changed, follow-ups that keep the conversation's last school.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { route } from '../../bot/commands/router.js';
import type { CommandContext, CommandInput, Role } from '../../bot/commands/types.js';
import { staticDirectory } from '../../bot/directory/directory.js';
import { historyOf, recordLoad } from '../../bot/history/history.js';
import { memoryLogger } from '../../bot/log.js';
import type { Store } from '../../bot/store/store.js';
import type { SchoolRecord } from '../../core/schools/types.js';
import { memoryStore, testConfig } from './helpers.js';
import { exampleSchools, reading } from './schools-fixture.js';

let store: Store;
let cleanup: () => Promise<void>;
let schools: readonly SchoolRecord[];
beforeAll(async () => {
  ({ store, cleanup } = await memoryStore());
  schools = await exampleSchools();
}, 120_000);
afterAll(() => cleanup());

let conversation = 0;
function ask(text: string, o: { conv?: string; creds?: boolean; role?: Role; type?: CommandInput['conversation']['type']; list?: readonly SchoolRecord[]; now?: Date } = {}) {
  const input: CommandInput = { text, user: { id: 'u1', aadObjectId: 'aad-officer' }, conversation: { id: o.conv ?? `c${++conversation}`, type: o.type ?? 'personal' } };
  const ctx: CommandContext = {
    config: testConfig(o.role === 'guest' || o.creds ? { MicrosoftAppId: 'a', MicrosoftAppPassword: 'p', MicrosoftAppTenantId: 't' } : {}),
    store,
    log: memoryLogger(),
    role: o.role ?? 'officer',
    now: () => o.now ?? new Date('2026-11-24T10:00:00Z'),
    directory: staticDirectory(o.list ?? schools, new Date('2026-11-24T09:00:00Z')),
    askerAddresses: async () => [],
  };
  return route(input, ctx);
}

const WHY = [
  'why is Parkside Infant School in that category?',
  'Why is parkside infant in that category',
  'why is Parkside a C?',
  'why is parkside an R?',
  'why is the Parkside Infant School in this category?',
  "why is Parksid Infnt School in it's category",
  'why is parkside inf school categorised as R',
  'why is Parkside rated R?',
  'explain Parkside',
  "explain Parkside's category",
  'why is 110048 in that category?',
  'Why was Parkside put in category R?',
  'why is parkside categorised like that',
  'why is prkside infant in that category?',
  'WHY IS PARKSIDE IN THAT CATEGORY',
];
const MOVE = [
  'what would move Parkside up?',
  'what would move parkside infant school up',
  'what would it take for Parkside to be G?',
  'what would it take for the Parkside Infant School to be a G',
  'what would it take to get Parkside to G?',
  'how can Parkside move up?',
  'how could parkside improve',
  'what would move Parksde up',
  'what would get parkside up a category',
  'what would move 110048 up?',
  'what would make Parkside a G?',
  'what would move Parkside down?',
];
const HISTORY = ['history of Parkside', "Parkside's history", 'parkside infant category history', 'show me the history of Parksde', 'category history for 110048'];
const SUMMARY = ['summary', 'Summary?', 'how are we doing?', 'How are our schools doing', 'overview', 'team summary', 'how are the schools doing?'];
const CHANGED = ['what changed?', "what's changed since 1 November?", 'any changes', 'what changed since last week', 'changes since 1/11/2026', 'recent changes'];
const CATEGORY = [
  "what is Thornbery Primry Scool's category?",
  'category of Thornbery Primry Scool',
  'what is the category of thornbury primary',
  "what's thornbury's category",
  'which category is the Thornbury Primary School in?',
  'category of thornbury prim',
  'category of thornbury sch',
  'show thornbury',
  "whats thornbery's category",
  'Thornbury category',
];
const FOLLOW_UPS = ['and why?', 'and what would move it?', 'why is it in that category?', 'what would move it up?', "and what's its category?", 'and its history?'];

describe('questions in an officer words', () => {
  it('has at least 60 phrasings', () => {
    expect(WHY.length + MOVE.length + HISTORY.length + SUMMARY.length + CHANGED.length + CATEGORY.length + FOLLOW_UPS.length).toBeGreaterThanOrEqual(60);
  });

  it.each(WHY)('why: %j names the deciding rule with its seed quote and the indicators', async (q) => {
    const { command, reply } = await ask(q);
    expect(command).toBe('school-question');
    expect(reply.text).toContain('Parkside Infant School (URN 110048)');
    // The deciding rule quotes the seed, naming the LA's document, then the indicators, worst first.
    expect(reply.text).toMatch(/Reading School Improvement Framework, 2016 \(.*\) says: "/);
    expect(reply.text).toMatch(/Pushed by: .*\((red|amber)/);
  });

  it.each(MOVE)('move: %j gives the smallest change, checked by the core', async (q) => {
    const { command, reply } = await ask(q);
    expect(command).toBe('school-question');
    expect(reply.text).toContain('What would move Parkside Infant School (URN 110048)');
    expect(reply.text).toMatch(/to reach [A-Z]: .* \(now .*\)|it would fall to [A-Z] with: .* \(now .*\)|only a new .* can lift|already the (best|worst)/);
  });

  it.each(HISTORY)('history: %j lists the categories over time', async (q) => {
    await recordLoad(store.db, schools, new Date('2026-11-20T09:00:00Z'));
    const { command, reply } = await ask(q);
    expect(command).toBe('school-question');
    expect(reply.text).toContain('Category history of Parkside Infant School (URN 110048)');
    expect(reply.text).toContain("20 November 2026: first seen with officer category G, Waymark's suggestion R");
  });

  it.each(SUMMARY)('summary: %j counts per category and lists disagreements', async (q) => {
    const { command, reply } = await ask(q);
    expect(command).toBe('school-question');
    expect(reply.text).toMatch(/^Team summary/);
    expect(reply.text).toMatch(/Categories \(36 schools\): S — .*: \d+; G — .*: \d+/);
    expect(reply.text).toContain("Officer category differs from Waymark's suggestion");
    expect(reply.text).toContain('Parkside Infant School G (suggests R)');
    expect(reply.text).toContain('No meetings in the next 4 weeks.');
  });

  it.each(CHANGED)('changed: %j lists changes since a date', async (q) => {
    const { command, reply } = await ask(q);
    expect(command).toBe('school-question');
    expect(reply.text).toMatch(/^Category changes since \d{1,2} [A-Z][a-z]+ 2026/);
  });

  it.each(CATEGORY)('category: %j finds the school despite typos, possessives, "the", "school"', async (q) => {
    const { command, reply } = await ask(q);
    expect(command).toBe('category-query');
    expect(reply.text).toMatch(/^Thornbury Primary School \(URN 110057\): C — /);
  });

  it.each(FOLLOW_UPS)('follow-up: %j keeps the last school of the conversation', async (q) => {
    const conv = `follow-${q}`;
    await ask('what is Parkside Infant School\'s category?', { conv });
    const { command, reply } = await ask(q, { conv });
    expect(command).toBe('school-question');
    expect(reply.text).toContain('Parkside Infant School');
    expect(reply.text).not.toContain('Which school?');
  });
});

describe('no match, several matches, access', () => {
  it('offers the three closest names as buttons when nothing matches', async () => {
    const { reply } = await ask('why is Parkwood Infnt in that category?');
    expect(reply.text).toMatch(/^I couldn't find "Parkwood Infnt"\. Closest: /);
    const actions = (reply.card as { actions: { data: { ask: string } }[] }).actions;
    expect(actions).toHaveLength(3);
    expect(actions[0]!.data.ask).toMatch(/^why is \d{6} in that category\?$/);
  });

  it('lists several schools as buttons that ask the same question', async () => {
    const { reply } = await ask('what would move st marys up?');
    const actions = (reply.card as { actions: { title: string; data: { ask: string } }[] }).actions;
    expect(actions.map((a) => a.data.ask)).toEqual(['what would move 101235 up?', 'what would move 101299 up?', 'what would move 110053 up?']);
  });

  it('asks which school when a follow-up has none', async () => {
    const { reply } = await ask('and what would move it?');
    expect(reply.text).toMatch(/^Which school\?/);
  });

  it('refuses anyone but an officer, and officers in a group chat, and audits it', async () => {
    const guest = await ask('summary', { role: 'guest' });
    expect(guest.reply.text).toMatch(/^Sorry, I can only share school category information/);
    const group = await ask('why is Parkside in that category?', { type: 'groupChat', list: schools });
    // Local mode answers everywhere (as category questions do); with credentials, a group chat is refused.
    expect(group.reply.text).toContain('Parkside');
    const withCredentials = await ask('why is Parkside in that category?', { type: 'groupChat', creds: true });
    expect(withCredentials.reply.text).not.toContain('Parkside');
    expect(withCredentials.reply.text).toMatch(/only give category information in a 1:1 chat/);
    const recent = await store.audit.recent(500);
    expect(recent.some((r) => r.command === 'school-question' && r.outcome === 'refused' && r.question === 'summary')).toBe(true);
  });

  it('never puts an ISO date in a reply', async () => {
    for (const q of ['summary', 'what changed?', 'history of Parkside', 'why is Parkside in that category?']) {
      const { reply } = await ask(q);
      expect(reply.text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    }
  });
});

describe('history and changes against a store', () => {
  it('records a change once, never on first sight, and reports it in "what changed" and the summary', async () => {
    const parkside = schools.find((s) => s.urn === '110048')!;
    const enqueued: unknown[] = [];
    const sink = { enqueue: async (items: readonly unknown[]) => (enqueued.push(...items), items.length) };
    const first = await recordLoad(store.db, schools, new Date('2026-11-20T09:00:00Z'), sink);
    expect(first).toEqual([]);
    const g = reading().categories.find((c) => c.code === 'C')!;
    const changed = schools.map((s) => (s === parkside ? { ...s, category: { category: g, source: 'officer' as const } } : s));
    const at = new Date('2026-11-23T09:00:00Z');
    const second = await recordLoad(store.db, changed, at, sink);
    expect(second.map((c) => [c.after.schoolUrn, c.before.officerCode, c.after.officerCode])).toEqual([['110048', 'G', 'C']]);
    // The same load again (a restart, a second replica): nothing new.
    expect(await recordLoad(store.db, changed, new Date('2026-11-23T09:05:00Z'), sink)).toEqual([]);
    expect(enqueued).toHaveLength(1);
    expect(enqueued[0]).toMatchObject({ key: 'category-change:110048:2', recipientRole: 'channel', message: { text: expect.stringContaining('Parkside Infant School (URN 110048): officer category G → C. Reason: ') } });
    expect((await historyOf(store.db, '110048')).map((h) => h.officerCode)).toEqual(['G', 'C']);

    const { reply } = await ask('what changed since 22 November?', { list: changed });
    expect(reply.text).toContain("23 November 2026: Parkside Infant School (URN 110048): officer category G → C.");
    const summary = await ask('summary', { list: changed });
    expect(summary.reply.text).toMatch(/C — Schools in a Category: \d+ \(\+1 since 23 November 2026\)/);
    expect(summary.reply.text).toMatch(/G — Strengthening Good Schools: \d+ \(-1 since 23 November 2026\)/);
    const history = await ask('history of parkside', { list: changed });
    expect(history.reply.text).toContain("23 November 2026: officer category C, Waymark's suggestion R");
  });
});
