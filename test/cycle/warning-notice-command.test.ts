// "warning notice issued to X today": the statutory dates and the officer's reminders in the
// outbox. Given Mon 14 Dec 2026: compliance ends Thu 7 Jan 2027 (Christmas Day, the Boxing Day
// substitute and New Year's Day skipped); earliest intervention Fri 8 Jan 2027.
import { afterEach, describe, expect, it } from 'vitest';
import { OFFICERS_ONLY } from '../../bot/meetings/command-kit.js';
import { harness, type Harness } from '../meetings-bot/fakes.js';

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
