// "warning notice issued to X today": the statutory dates and the officer's reminders in the
// outbox. Given Mon 14 Dec 2026: compliance ends Thu 7 Jan 2027 (Christmas Day, the Boxing Day
// substitute and New Year's Day skipped); earliest intervention Fri 8 Jan 2027.
import { afterEach, describe, expect, it } from 'vitest';
import { OFFICERS_ONLY } from '../../bot/meetings/command-kit.js';
import { harness, type Harness } from '../meetings-bot/fakes.js';
import { OAKFIELD_HEAD } from '../bot/schools-fixture.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.cleanup();
  h = undefined;
});

describe('warning notice issued to a school today', () => {
  it('replies with the dates and plans the officer’s reminders once, on working days', { timeout: 120_000 }, async () => {
    h = await harness();
    h.at('2026-12-14T10:00:00Z');
    const { command, reply } = await h.say('warning notice issued to Oakfield Primary School today');
    expect(command).toBe('warning-notice');
    expect(reply.text).toContain('Warning notice to Oakfield Primary School (URN 101234) given Mon 14 Dec 2026.');
    expect(reply.text).toContain('- **Thu 7 Jan 2027**: last day of the compliance period');
    expect(reply.text).toContain('[003 Tri-borough, 5.8]');
    expect(reply.text).toContain('- **Fri 8 Jan 2027**: earliest day the school is eligible for intervention');
    const rows = await h.outbox.forMeeting('warning-notice:101234:2026-12-14');
    expect(rows.map((r) => [r.key.split(':').slice(3).join(':'), r.sendAt.toISOString(), r.recipientRole])).toEqual([
      // 2 working days before Thu 7 Jan: Tue 5 Jan (Fri 1 Jan is New Year's Day); before Fri 8: Wed 6.
      ['compliance:before:officer', '2027-01-05T08:00:00.000Z', 'officer'],
      ['interventionAfterNonCompliance:before:officer', '2027-01-06T08:00:00.000Z', 'officer'],
      ['compliance:on:officer', '2027-01-07T08:00:00.000Z', 'officer'],
      ['interventionAfterNonCompliance:on:officer', '2027-01-08T08:00:00.000Z', 'officer'],
    ]);
    expect(rows[0]!.message.text).toContain('coming up on Thu 7 Jan 2027');
    // Said again: nothing is planned twice.
    const again = await h.say('warning notice issued to Oakfield Primary School today');
    expect(again.reply.text).toContain('already planned');
    expect(await h.outbox.forMeeting('warning-notice:101234:2026-12-14')).toHaveLength(4);
  });

  it('is for officers only', { timeout: 120_000 }, async () => {
    h = await harness();
    const { reply } = await h.say('warning notice issued to Oakfield Primary School today', { role: 'guest' });
    expect(reply).toEqual(OFFICERS_ONLY);
  });
});

describe('a recorded warning notice in "status of X" and the summary', () => {
  it('shows the three dates to an officer, marks past ones, and only for that school', { timeout: 120_000 }, async () => {
    h = await harness();
    h.at('2026-12-14T10:00:00Z');
    await h.say('warning notice issued to Oakfield Primary School today');
    // Said twice the same day: one notice.
    await h.say('warning notice issued to 101234 today');
    const { rows } = await h.store.db.query<{ issued_on: string; issued_by_name: string }>('SELECT issued_on, issued_by_name FROM warning_notices');
    expect(rows).toEqual([{ issued_on: '2026-12-14', issued_by_name: 'Anna Patel' }]);

    h.at('2026-12-16T10:00:00Z');
    const status = await h.say('status of Oakfield Primary School');
    expect(status.command).toBe('reminder-status');
    expect(status.reply.text).toContain('**Warning notice given Mon 14 Dec 2026** (recorded by Anna Patel):');
    expect(status.reply.text).toContain('- Compliance deadline: **Thu 7 Jan 2027**: last day of the compliance period');
    expect(status.reply.text).toContain('- Representations window, Mon 14 Dec 2026 to: **Thu 7 Jan 2027**: last day for the governing body to make written representations to Ofsted');
    expect(status.reply.text).toContain('- Earliest intervention: **Fri 8 Jan 2027**: earliest day the school is eligible for intervention');
    expect(status.reply.text).toContain('"The initial compliance period beginning with the day when the warning notice is given');
    expect(status.reply.text).toContain('[003 Tri-borough, 5.16]');
    expect(status.reply.text).not.toContain('(past)');
    // The reminders form of the question says the same.
    expect((await h.say("status of Oakfield Primary School's reminders")).reply.text).toContain('Compliance deadline: **Thu 7 Jan 2027**');

    const other = await h.say('status of Parkside Infant School');
    expect(other.command).toBe('reminder-status');
    expect(other.reply.text).toContain('Parkside');
    expect(other.reply.text).not.toContain('Warning notice');
    expect(other.reply.text).not.toContain('Jan 2027');

    const summary = await h.say('summary');
    expect(summary.reply.text).toContain(
      'Warning notices given in the last year (1):\n- Oakfield Primary School (URN 101234), given Mon 14 Dec 2026: compliance deadline Thu 7 Jan 2027; representations to Ofsted by Thu 7 Jan 2027; earliest intervention Fri 8 Jan 2027 [003 Tri-borough, 5.8, 003 Tri-borough, 5.11, 003 Tri-borough, 5.16]',
    );

    h.at('2027-01-08T10:00:00Z');
    const later = await h.say('status of 101234');
    expect(later.reply.text).toContain('- Compliance deadline: **Thu 7 Jan 2027 (past)**');
    expect(later.reply.text).toContain('- Earliest intervention: **Fri 8 Jan 2027 (today)**');
    expect((await h.say('summary')).reply.text).toContain('compliance deadline Thu 7 Jan 2027 (past)');
  });

  it('is never shown to a head, even of that school', { timeout: 120_000 }, async () => {
    h = await harness();
    h.at('2026-12-14T10:00:00Z');
    await h.say('warning notice issued to Oakfield Primary School today');
    const head = { role: 'guest' as const, addresses: [OAKFIELD_HEAD], name: 'Tom Davies', aad: 'aad-head' };
    for (const text of ['status of Oakfield Primary School', "status of Oakfield Primary School's reminders", 'summary', 'category of Oakfield Primary School']) {
      const { reply } = await h.say(text, head);
      expect(reply.text).not.toMatch(/warning notice|Jan 2027|compliance/i);
    }
    expect((await h.say('status of Oakfield Primary School', head)).reply).toEqual(OFFICERS_ONLY);
  });
});
