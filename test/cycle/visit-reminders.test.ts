// Visit and review reminders to the school's officer (issue 14), planned each working day into
// the outbox. Cambridgeshire: High support monthly, Medium half-termly, Low termly; categories
// reviewed termly. LA term dates of test/sim/year.ts: Christmas holiday Mon 21 Dec 2026 to Fri
// 1 Jan 2027. The closing reminder goes 5 working days before a period's last working day:
// December 2026's is Fri 18 Dec (the holiday follows), so Fri 11 Dec; January 2027's is Fri 29
// Jan, so Fri 22 Jan.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { planCadence, watchCadence } from '../../bot/cadence/plan.js';
import { heldBySchool, recordHeld } from '../../bot/cadence/repo.js';
import { staticDirectory } from '../../bot/directory/directory.js';
import { memoryLogger } from '../../bot/log.js';
import { createOutbox } from '../../bot/outbox/outbox.js';
import { openStore } from '../../bot/store/store.js';
import type { SchoolRecord } from '../../core/schools/types.js';
import { exampleSchools } from '../bot/schools-fixture.js';
import { framework, harness, type Harness } from '../meetings-bot/fakes.js';
import { termCalendar } from '../sim/year.js';

const cambridgeshire = framework('cambridgeshire');
const LEVELS: Record<string, string> = { '101234': 'High', '110040': 'Medium', '110070': 'Low' };
/** A. Patel's three schools only: High, Medium and Low support. */
async function annasSchools(): Promise<SchoolRecord[]> {
  return (await exampleSchools()).flatMap((s) => {
    const level = s.urn ? LEVELS[s.urn] : undefined;
    const c = cambridgeshire.categories.find((x) => x.code === level);
    return c ? [{ ...s, officer: 'A. Patel', category: { category: c, source: 'officer' as const } }] : [];
  });
}

let h: Harness | undefined;
afterEach(async () => {
  await h?.cleanup();
  h = undefined;
});

async function rows(harness: Harness) {
  const all = await Promise.all(Object.keys(LEVELS).map((urn) => harness.outbox.forSchool(urn)));
  return all.flat().sort((a, b) => a.key.localeCompare(b.key));
}

describe('visit and review reminders', () => {
  it('plans each once, on working days, to the officer; none for a visit recorded; a recorded visit cancels the pending one', { timeout: 120_000 }, async () => {
    const schools = await annasSchools();
    h = await harness({ framework: cambridgeshire, calendar: termCalendar(), schools: () => schools });
    const deps = { db: h.store.db, outbox: h.outbox, calendar: termCalendar(), framework: cambridgeshire };

    // Fri 11 Dec 2026: Oakfield (High) has no December visit → the closing reminder, today.
    h.at('2026-12-11T07:00:00Z');
    await recordHeld(h.store.db, { urn: '110040', kind: 'visit', day: '2026-11-20', by: 'aad-officer', at: h.now() });
    await recordHeld(h.store.db, { urn: '110070', kind: 'visit', day: '2026-10-05', by: 'aad-officer', at: h.now() });
    for (const urn of Object.keys(LEVELS)) await recordHeld(h.store.db, { urn, kind: 'review', day: '2026-12-01', by: 'aad-officer', at: h.now() });
    expect(await planCadence(deps, schools, h.now())).toEqual({ due: 1, added: 1, cancelled: 0 });
    expect((await rows(h)).map((r) => [r.key, r.sendAt.toISOString(), r.recipientRole, r.recipient])).toEqual([
      ['cadence:visit:101234:2026-12-01:closing', '2026-12-11T08:00:00.000Z', 'officer', { name: 'A. Patel' }],
    ]);
    expect((await rows(h))[0]!.message.text).toBe(
      'Still to do: Oakfield Primary School (URN 101234) has had no monthly visit for December 2026; it is due by Fri 18 Dec 2026. "These schools will receive support from a School Improvement Adviser and will be visited monthly (as a minimum)." [004 Cambridgeshire, "High level of support"] When it is done, tell me: "visited Oakfield Primary School today".',
    );
    await h.mark(['cadence:visit:101234:2026-12-01:closing'], 'sent');

    // Tue 22 Dec 2026: the LA's Christmas holiday. Nothing.
    h.at('2026-12-22T07:00:00Z');
    expect(await planCadence(deps, schools, h.now())).toEqual({ due: 0, added: 0, cancelled: 0 });

    // Mon 4 Jan 2027, first day of term: Rosewood (Low) was visited today before the plan ran.
    h.at('2027-01-04T07:00:00Z');
    await h.say('visited Rosewood today'); // plans Rosewood's own reminders: its review is still due
    expect(await planCadence(deps, schools, h.now())).toEqual({ due: 5, added: 4, cancelled: 0 });
    const jan4 = (await rows(h)).filter((r) => r.sendAt.toISOString() === '2027-01-04T08:00:00.000Z').map((r) => r.key);
    expect(jan4).toEqual([
      'cadence:review:101234:2027-01-04:start',
      'cadence:review:110040:2027-01-04:start',
      'cadence:review:110070:2027-01-04:start',
      'cadence:visit:101234:2027-01-01:start',
      'cadence:visit:110040:2027-01-04:start',
    ]);
    expect((await rows(h)).find((r) => r.key === 'cadence:visit:101234:2027-01-01:start')!.message.text).toContain(
      'Oakfield Primary School (URN 101234) is due its monthly visit for January 2027, by Fri 29 Jan 2027.',
    );
    // Planned again that day and the next: nothing new.
    expect(await planCadence(deps, schools, h.now())).toMatchObject({ added: 0 });
    h.at('2027-01-05T07:00:00Z');
    expect(await planCadence(deps, schools, h.now())).toMatchObject({ added: 0, cancelled: 0 });
    await h.mark(jan4, 'sent');

    // Fri 22 Jan 2027: 5 working days before Fri 29 Jan, Oakfield still unvisited in January.
    h.at('2027-01-22T07:00:00Z');
    // Due by today: Oakfield's closing visit reminder (new) and the four start reminders (sent).
    expect(await planCadence(deps, schools, h.now())).toEqual({ due: 5, added: 1, cancelled: 0 });
    const closing = (await rows(h)).find((r) => r.key === 'cadence:visit:101234:2027-01-01:closing');
    expect([closing?.status, closing?.sendAt.toISOString()]).toEqual(['pending', '2027-01-22T08:00:00.000Z']);
    // Visited before it went: recorded in the chat, the reminder is cancelled and never planned again.
    h.at('2027-01-22T07:30:00Z');
    const { reply } = await h.say('visited Oakfield Primary School today');
    expect(reply.text).toContain('I cancelled the reminder about it.');
    expect((await rows(h)).find((r) => r.key === 'cadence:visit:101234:2027-01-01:closing')?.status).toBe('cancelled');
    expect(await planCadence(deps, schools, h.now())).toEqual({ due: 4, added: 0, cancelled: 0 });
    // Nothing ever goes to a head.
    expect((await rows(h)).every((r) => r.recipientRole === 'officer')).toBe(true);
  });

  it('plans nothing twice across a restart of the bot (the same store on disk)', { timeout: 120_000 }, async () => {
    const schools = await annasSchools();
    const dir = mkdtempSync(join(tmpdir(), 'waymark-cadence-'));
    try {
      const at = new Date('2027-01-04T07:00:00Z');
      const count = async (db: { query: (sql: string) => Promise<{ rows: object[] }> }) => (await db.query("SELECT key FROM outbox WHERE step LIKE 'cadence-%'")).rows.length;
      let store = await openStore({ dataDir: dir });
      const deps = () => ({ db: store.db, outbox: createOutbox(store.db), calendar: termCalendar(), framework: cambridgeshire });
      // The watcher plans on start (the day and the workbook's load are new to it)...
      const directory = staticDirectory(schools);
      const watch = watchCadence({ directory, deps: deps(), log: memoryLogger(), now: () => at });
      await watch.check();
      await watch.check();
      await watch.stop();
      expect(await count(store.db)).toBe(6);
      await store.close();
      // ...and again after a restart: the keys are the same, so nothing is added.
      store = await openStore({ dataDir: dir });
      const again = watchCadence({ directory, deps: deps(), log: memoryLogger(), now: () => at });
      await again.check();
      await again.stop();
      expect(await planCadence(deps(), schools, at)).toMatchObject({ due: 6, added: 0 });
      expect(await count(store.db)).toBe(6);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('counts a change of the officer’s category in the workbook as a review that day (not a change of suggestion)', { timeout: 120_000 }, async () => {
    h = await harness({ framework: cambridgeshire, calendar: termCalendar() });
    const snap = (seq: number, officer: string | null, suggested: string, at: string) =>
      h!.store.db.query(
        `INSERT INTO category_snapshots (school_urn, seq, school_name, officer_code, suggested_code, loaded_at) VALUES ('101234', $1, 'Oakfield Primary School', $2, $3, $4)`,
        [seq, officer, suggested, at],
      );
    await snap(1, 'Low', 'Low', '2026-09-07T09:00:00Z'); // first sight: no review
    await snap(2, 'Low', 'Medium', '2026-11-10T09:00:00Z'); // only the suggestion moved
    await snap(3, 'Medium', 'Medium', '2027-01-05T23:30:00Z'); // 23:30 GMT: still Tue 5 Jan in London
    await recordHeld(h.store.db, { urn: '101234', kind: 'review', day: '2026-12-14', by: 'aad-officer', at: h.now() });
    expect((await heldBySchool(h.store.db, ['101234'])).get('101234')).toEqual({ visits: [], reviews: ['2026-12-14', '2027-01-05'] });
  });
});
