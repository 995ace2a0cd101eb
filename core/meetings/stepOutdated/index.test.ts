import { describe, expect, it } from 'vitest';
import { stepOutdated } from './index.js';

describe('stepOutdated', () => {
  it('is true for steps before the meeting once it has started (London time), false before', () => {
    // 10:00 in London in December is 10:00 UTC.
    expect(stepOutdated('evidence-request', '2026-12-09T10:00', new Date('2026-12-09T09:59:00Z'))).toBe(false);
    expect(stepOutdated('evidence-request', '2026-12-09T10:00', new Date('2026-12-09T10:00:00Z'))).toBe(true);
    for (const step of ['agenda', 'evidence-reminder', 'evidence-due', 'escalation', 'moved', 'cancelled']) {
      expect(stepOutdated(step, '2026-12-09T10:00', new Date('2026-12-10T08:00:00Z')), step).toBe(true);
    }
    // Summer time: 10:00 in London is 09:00 UTC.
    expect(stepOutdated('agenda', '2026-06-10T10:00', new Date('2026-06-10T09:30:00Z'))).toBe(true);
  });

  it('never for minutes; a day-only meeting lasts its whole day; a malformed start never outdates', () => {
    expect(stepOutdated('minutes', '2026-12-09T10:00', new Date('2027-01-09T08:00:00Z'))).toBe(false);
    expect(stepOutdated('agenda', '2026-12-09', new Date('2026-12-09T23:00:00Z'))).toBe(false);
    expect(stepOutdated('agenda', '2026-12-09', new Date('2026-12-10T00:00:00Z'))).toBe(true);
    expect(stepOutdated('agenda', 'next week', new Date('2030-01-01T00:00:00Z'))).toBe(false);
  });
});
