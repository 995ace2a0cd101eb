// Reading's exit criteria in the chat: shown for a RAP school (Coley Primary Academy, category
// R), ticked and unticked with who and when (stored, audited), listed on its RAP meeting's
// agenda (and the pending agenda written again on a tick); refused to a head, in a group chat,
// for a school not in intervention and for another framework.
import { afterEach, describe, expect, it } from 'vitest';
import { OFFICERS_ONLY } from '../../bot/meetings/command-kit.js';
import { EXIT_CRITERIA } from '../../core/cycle/index.js';
import { OAKFIELD_HEAD } from '../bot/schools-fixture.js';
import { framework, harness, type Harness } from '../meetings-bot/fakes.js';

const CRITERIA = EXIT_CRITERIA.reading!.criteria;
let h: Harness | undefined;
afterEach(async () => {
  await h?.cleanup();
  h = undefined;
});

interface Card {
  body: { type: string; items?: { type: string; text?: string; actions?: { data: { ask: string }; title: string }[] }[] }[];
}
const buttons = (card: unknown) =>
  (card as Card).body.flatMap((b) => b.items ?? []).flatMap((i) => i.actions ?? []).map((a) => [a.title, a.data.ask]);

async function agendaTexts(h: Harness): Promise<string[]> {
  const { rows } = await h.store.db.query<{ message: { text: string }; status: string }>(
    `SELECT message, status FROM outbox WHERE step = 'agenda' AND school_urn = '110085' AND status = 'pending' ORDER BY key`,
  );
  return rows.map((r) => r.message.text);
}

describe('exit criteria in the chat', () => {
  it('shows the five criteria of a RAP school in the seed’s words, each with a button to tick it', { timeout: 120_000 }, async () => {
    h = await harness();
    const { command, reply } = await h.say('exit criteria for Coley Primary Academy');
    expect(command).toBe('exit-criteria');
    expect(reply.text).toContain('Exit criteria: Coley Primary Academy (URN 110085)');
    expect(reply.text).toContain('0 of 5 met. The five non-negotiable criteria for exiting from intervention are made clear to all RAP schools');
    for (const c of CRITERIA) expect(reply.text).toContain(`☐ ${c.number}. ${c.quote} (not ticked)`);
    expect(reply.text).toContain('Source: 001 Reading, "Exit strategy"');
    expect(buttons(reply.card)).toEqual(CRITERIA.map((c) => [`Tick ${c.number}`, `tick exit criterion ${c.number} for 110085`]));
  });

  it('ticks and unticks, stored with the day and who, audited, and shown', { timeout: 120_000 }, async () => {
    h = await harness();
    h.at('2027-01-11T10:00:00Z');
    const ticked = await h.say('tick exit criterion 3 for Coley Primary Academy');
    expect(ticked.command).toBe('tick-exit-criterion');
    expect(ticked.reply.text).toContain('Ticked exit criterion 3 for Coley Primary Academy: 1 of 5 met.');
    expect(ticked.reply.text).toContain(`☑ 3. ${CRITERIA[2]!.quote} (ticked by Anna Patel on 11 Jan 2027)`);
    expect(buttons(ticked.reply.card)[2]).toEqual(['Untick 3', 'untick exit criterion 3 for 110085']);

    // Again: nothing new stored.
    expect((await h.say('tick exit criterion 3 for 110085')).reply.text).toContain('is already ticked (ticked by Anna Patel on 11 Jan 2027): nothing changed');

    // The card's button asks exactly this, a few weeks later.
    h.at('2027-02-01T09:00:00Z');
    const unticked = await h.say('untick exit criterion 3 for 110085');
    expect(unticked.reply.text).toContain('Unticked exit criterion 3 for Coley Primary Academy: 0 of 5 met.');
    expect(unticked.reply.text).toContain(`☐ 3. ${CRITERIA[2]!.quote} (unticked by Anna Patel on 1 Feb 2027)`);

    const { rows } = await h.store.db.query<{ criterion: number; ticked: boolean; by_name: string; on_day: string }>(
      'SELECT criterion, ticked, by_name, on_day FROM exit_criteria_ticks ORDER BY id',
    );
    expect(rows).toEqual([
      { criterion: 3, ticked: true, by_name: 'Anna Patel', on_day: '2027-01-11' },
      { criterion: 3, ticked: false, by_name: 'Anna Patel', on_day: '2027-02-01' },
    ]);
    const audit = (await h.store.audit.recent()).filter((a) => a.command === 'tick-exit-criterion');
    expect(audit.map((a) => [a.outcome, a.schoolUrn])).toEqual([
      ['allowed', '110085'],
      ['allowed', '110085'],
      ['allowed', '110085'],
    ]);
    expect((await h.say('tick exit criterion 6 for 110085')).reply.text).toBe('There are 5 exit criteria, numbered 1 to 5; there is no criterion 6.');
  });

  it('lists the checklist on the RAP meeting’s agenda, and a tick rewrites the agenda still to go', { timeout: 120_000 }, async () => {
    h = await harness();
    h.at('2026-12-01T10:00:00Z');
    await h.say('tick exit criterion 1 for 110085');
    const scheduled = await h.say('schedule a RAP for Coley Primary Academy on 12 Jan 2027 at 10:00');
    expect(scheduled.command).toBe('schedule-meeting');
    const before = await agendaTexts(h);
    expect(before).toHaveLength(2); // the channel's and the members'
    for (const text of before) {
      expect(text).toContain('Agenda: RAP review meeting');
      expect(text).toContain('Exit criteria (1 of 5 met):');
      expect(text).toContain(`[x] 1. ${CRITERIA[0]!.quote} (ticked by Anna Patel on 1 Dec 2026)`);
      expect(text).toContain(`[ ] 2. ${CRITERIA[1]!.quote}`);
    }
    h.at('2026-12-02T10:00:00Z');
    const ticked = await h.say('tick exit criterion 2 for Coley Primary Academy');
    expect(ticked.reply.text).toContain('Its RAP agenda still to be sent (2 messages) now shows it.');
    for (const text of await agendaTexts(h)) {
      expect(text).toContain('Exit criteria (2 of 5 met):');
      expect(text).toContain(`[x] 2. ${CRITERIA[1]!.quote} (ticked by Anna Patel on 2 Dec 2026)`);
    }
    // Moved: the new plan's agenda carries the checklist too.
    await h.say("move Coley Primary Academy's RAP to 19 Jan 2027");
    const moved = await agendaTexts(h);
    expect(moved).toHaveLength(2);
    for (const text of moved) {
      expect(text).toContain('Tuesday 19 January 2027');
      expect(text).toContain('Exit criteria (2 of 5 met):');
    }
  });

  it('says why there is no checklist: a school not in intervention, another framework', { timeout: 120_000 }, async () => {
    h = await harness();
    expect((await h.say('exit criteria for 101234')).reply.text).toBe(
      'Oakfield Primary School (URN 101234) has no exit criteria checklist: exit criteria are for RAP schools (category R or C), and this school is in category G.',
    );
    expect((await h.say('tick exit criterion 1 for 101234')).reply.text).toContain('has no exit criteria checklist');
    await h.cleanup();
    h = await harness({ framework: framework('camden') });
    expect((await h.say('exit criteria for 110085')).reply.text).toBe(
      'This team\'s framework (Camden Learning categories of support (SRAS)) has no exit criteria: its seed names none. The only ones Waymark knows are in 001 Reading, "Exit strategy", for its RAP schools.',
    );
    const { rows } = await h.store.db.query('SELECT 1 FROM exit_criteria_ticks');
    expect(rows).toHaveLength(0);
  });

  it('refuses a head, and anyone in a group chat, and records nothing', { timeout: 120_000 }, async () => {
    h = await harness();
    const head = { role: 'guest' as const, addresses: [OAKFIELD_HEAD] };
    expect((await h.say('exit criteria for 101234', head)).reply).toEqual(OFFICERS_ONLY);
    expect((await h.say('tick exit criterion 1 for 110085', { ...head, conversation: 'groupChat' })).reply).toEqual(OFFICERS_ONLY);
    expect((await h.say('tick exit criterion 1 for 110085', { role: 'guest', conversation: 'groupChat' })).reply).toEqual(OFFICERS_ONLY);
    const { rows } = await h.store.db.query('SELECT 1 FROM exit_criteria_ticks');
    expect(rows).toHaveLength(0);
    const audit = await h.store.audit.recent();
    expect(audit.map((a) => [a.command, a.outcome])).toEqual([
      ['tick-exit-criterion', 'refused'],
      ['tick-exit-criterion', 'refused'],
      ['exit-criteria', 'refused'],
    ]);
  });
});
