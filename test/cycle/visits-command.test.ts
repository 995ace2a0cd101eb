// Visit cadence in the chat (issue 14): recording visits and reviews, "my visits this half
// term", and the officer's reminders. Cambridgeshire (seed 004): High support is visited
// monthly, Medium half-termly, Low termly; categories reviewed termly. The LA's 2026/27 term
// dates are the simulation's (test/sim/year.ts): Christmas holiday Mon 21 Dec 2026 to Fri 1 Jan
// 2027, so the spring term and half term 3 start Mon 4 Jan 2027; half term 3 ends Fri 12 Feb.
import { afterEach, describe, expect, it } from 'vitest';
import { VISITS_OFFICERS_ONLY } from '../../bot/commands/access.js';
import type { SchoolRecord } from '../../core/schools/types.js';
import { OAKFIELD_HEAD } from '../bot/schools-fixture.js';
import { framework, harness, OFFICER, type Harness } from '../meetings-bot/fakes.js';
import { termCalendar } from '../sim/year.js';

const cambridgeshire = framework('cambridgeshire');
const category = (code: string) => {
  const c = cambridgeshire.categories.find((x) => x.code === code);
  if (!c) throw new Error(code);
  return { category: c, source: 'officer' as const };
};
/** A. Patel (Anna Patel in Teams) has three schools: High, Medium and Low support. */
const LEVELS: Record<string, string> = { '101234': 'High', '110040': 'Medium', '110070': 'Low' };
const schools = (list: readonly SchoolRecord[]): SchoolRecord[] =>
  list.map((s) => {
    const level = s.urn ? LEVELS[s.urn] : undefined;
    if (level) return { ...s, officer: 'A. Patel', category: category(level) };
    return { ...s, officer: s.officer === 'A. Patel' ? 'B. Okafor' : s.officer, category: category('Low') };
  });

let h: Harness | undefined;
afterEach(async () => {
  await h?.cleanup();
  h = undefined;
});

async function anna(): Promise<Harness> {
  h = await harness({ framework: cambridgeshire, calendar: termCalendar(), schools });
  return h;
}

async function says(text: string, expected: string) {
  const { reply } = await h!.say(text);
  expect(reply.text).toContain(expected);
  return reply;
}

describe('recording visits and reviews', () => {
  it('records a visit once per school and day, says which period it counts for, and can be undone', { timeout: 120_000 }, async () => {
    await anna();
    h!.at('2026-12-09T11:00:00Z'); // Wed 9 Dec 2026
    const first = await h!.say('visit to 101234 on 3 December');
    expect(first.command).toBe('record-visit');
    expect(first.reply.text).toBe(
      [
        'Recorded: Visit to Oakfield Primary School (URN 101234) on Thu 3 Dec 2026.',
        'It counts for December 2026 (monthly: 004 Cambridgeshire, "High level of support").',
        'If that was a mistake, say "undo visit to Oakfield Primary School on 3 Dec 2026".',
      ].join('\n'),
    );
    await says('visited 101234 on 3/12', 'was already recorded');
    const { rows } = await h!.store.db.query<{ day: string; recorded_by: string }>('SELECT day, recorded_by FROM cadence_held');
    expect(rows).toEqual([{ day: '2026-12-03', recorded_by: 'aad-officer' }]);
    await says('visited Rosewood on 25 December 2026', 'Fri 25 Dec 2026 is still to come: I record visits once they are held.');
    await says('undo visit to Oakfield Primary School on 3 Dec 2026', 'Undone: the visit to Oakfield Primary School on Thu 3 Dec 2026 is no longer counted.\nNothing else is recorded for December 2026: it is due again.');
    await says('undo visit to 101234', 'I have no visit to Oakfield Primary School recorded, so there is nothing to undo.');
    // Told again after the undo, it counts again (the row keeps who undid it and when, until then).
    await says('visit to 101234 on 3 December', 'Recorded: Visit to Oakfield Primary School (URN 101234) on Thu 3 Dec 2026.');
    await says('undo visit to 101234', 'Undone: the visit to Oakfield Primary School on Thu 3 Dec 2026');
    await says("reviewed Rosewood's category today", 'Recorded: Category review of Rosewood Junior School (URN 110070) on Wed 9 Dec 2026.\nIt counts for Autumn 2026 (termly: 004 Cambridgeshire, "Categorisation").');
  });

  it('is for officers only: a head is refused, whatever they ask', { timeout: 120_000 }, async () => {
    await anna();
    const head = { role: 'guest' as const, addresses: [OAKFIELD_HEAD] };
    for (const text of ['visited Oakfield Primary School today', 'undo visit to 101234', 'my visits this half term']) {
      const { reply } = await h!.say(text, head);
      expect(reply).toEqual(VISITS_OFFICERS_ONLY);
    }
    expect((await h!.store.db.query('SELECT * FROM cadence_held')).rows).toEqual([]);
  });

  it('help lists the visit commands', { timeout: 120_000 }, async () => {
    await anna();
    await says('help', '"visited Oakfield today", "reviewed Oakfield\'s category today", "my visits this half term"');
  });
});

describe('my visits this half term', () => {
  it('lists the asker’s schools: one due, one overdue, one done, with the seed’s sentences', { timeout: 120_000 }, async () => {
    await anna();
    h!.at('2027-01-04T10:00:00Z'); // Mon 4 Jan 2027, first day of the spring term
    // Oakfield Primary School (High): a visit each month to December → January is due.
    for (const d of ['10 September', '8 October', '12 November', '9 December']) await says(`visit to 101234 on ${d}`, 'Recorded');
    // Oakfield Primary (Medium): one visit in half term 1 → half term 2 overdue, half term 3 due.
    await says('visit to 110040 on 22 September', 'It counts for half term 1 (Tue 1 Sep to Fri 23 Oct 2026)');
    // Rosewood (Low): visited in the autumn and today → done this term.
    await says('visited Rosewood on 3 December', 'Autumn 2026');
    await says('visited Rosewood today', 'It counts for Spring 2027');
    for (const urn of ['101234', '110040', '110070']) await says(`reviewed ${urn}'s category on 14 December`, 'Recorded');

    const { command, reply } = await h!.say('my visits this half term');
    expect(command).toBe('my-visits');
    const text = reply.text;
    expect(text.split('\n\n')).toEqual([
      'Visits and reviews this half term (Mon 4 Jan to Fri 12 Feb 2027)',
      "Your 3 schools: those whose officer is A. Patel (the workbook's officer column, matched to your Teams name Anna Patel by initial and surname).",
      'Overdue:\n- Oakfield Primary (URN 110040, Medium): no half-termly visit in half term 2 (Mon 2 Nov to Fri 18 Dec 2026)',
      [
        'Due:',
        '- Oakfield Primary School (URN 101234, High): monthly visit for January 2027, by Fri 29 Jan 2027',
        '- Oakfield Primary School (URN 101234, High): monthly visit for February 2027 (from Mon 1 Feb 2027)',
        '- Oakfield Primary School (URN 101234, High): termly category review for Spring 2027, by Thu 25 Mar 2027',
        '- Oakfield Primary (URN 110040, Medium): half-termly visit for half term 3 (Mon 4 Jan to Fri 12 Feb 2027), by Fri 12 Feb 2027',
        '- Oakfield Primary (URN 110040, Medium): termly category review for Spring 2027, by Thu 25 Mar 2027',
        '- Rosewood Junior School (URN 110070, Low): termly category review for Spring 2027, by Thu 25 Mar 2027',
      ].join('\n'),
      'Done:\n- Rosewood Junior School (URN 110070, Low): visited Mon 4 Jan 2027 (Spring 2027)',
      [
        'Why:',
        '- monthly: "These schools will receive support from a School Improvement Adviser and will be visited monthly (as a minimum)." [004 Cambridgeshire, "High level of support"]',
        '- termly: "School ratings may change during the year, so direction of travel is monitored carefully on at least a termly basis." [004 Cambridgeshire, "Categorisation"]',
        '- half-termly: "These schools will receive half termly visits from a School Improvement Adviser and can access English and Maths support." [004 Cambridgeshire, "Medium level of support offered"]',
        '- termly: "These schools will be visited once a term." [004 Cambridgeshire, "Low level of support offered"]',
      ].join('\n'),
      expect.stringContaining('Counted from the visits and reviews recorded with Waymark'),
    ]);
    expect(reply.card).toMatchObject({ type: 'AdaptiveCard', body: expect.arrayContaining([expect.objectContaining({ text: 'Visits and reviews this half term (Mon 4 Jan to Fri 12 Feb 2027)' })]) });

    // "this term": the spring term, so February and March for the monthly school.
    await says('my visits this term', '- Oakfield Primary School (URN 101234, High): monthly visit for March 2027 (from Mon 1 Mar 2027)');
    // Another officer's schools, by the workbook's own words; and someone the workbook does not name.
    await says('visits due for B. Okafor', 'Schools whose officer is B. Okafor (');
    const stranger = await h!.say('my visits', { ...OFFICER, name: 'Zed Quinn', aad: 'aad-zed' });
    expect(stranger.reply.text).toContain('No school in the workbook names you as its officer');
    expect(stranger.reply.text).toContain('A. Patel (3)');
  });

  it('lists every school, and says so, when the workbook names no officers', { timeout: 120_000 }, async () => {
    h = await harness({ framework: cambridgeshire, calendar: termCalendar(), schools: (list) => schools(list).map(({ officer: _officer, ...s }) => s) });
    h.at('2027-01-04T10:00:00Z');
    await says('visits due', 'The workbook has no officer for any school, so these are all 36 schools');
  });
});
