import { describe, expect, it } from 'vitest';
import { londonDay } from './index.js';

describe('londonDay', () => {
  it('is the UTC day in winter (GMT)', () => {
    expect(londonDay(new Date('2026-01-15T00:00:00Z'))).toBe('2026-01-15');
    expect(londonDay(new Date('2026-01-15T23:59:59Z'))).toBe('2026-01-15');
  });

  it('runs an hour ahead of UTC in summer (BST)', () => {
    expect(londonDay(new Date('2026-03-29T23:30:00Z'))).toBe('2026-03-30');
    expect(londonDay(new Date('2026-07-01T22:59:59Z'))).toBe('2026-07-01');
    expect(londonDay(new Date('2026-07-01T23:00:00Z'))).toBe('2026-07-02');
  });

  it('turns at midnight either side of the switches', () => {
    // Clocks go forward at 01:00 GMT on Sun 29 March 2026 and back at 01:00 GMT on Sun 25 October.
    expect(londonDay(new Date('2026-03-28T23:59:00Z'))).toBe('2026-03-28');
    expect(londonDay(new Date('2026-03-29T00:00:00Z'))).toBe('2026-03-29');
    expect(londonDay(new Date('2026-10-24T22:59:00Z'))).toBe('2026-10-24');
    expect(londonDay(new Date('2026-10-24T23:00:00Z'))).toBe('2026-10-25');
    expect(londonDay(new Date('2026-10-25T23:59:00Z'))).toBe('2026-10-25');
    expect(londonDay(new Date('2026-10-26T00:00:00Z'))).toBe('2026-10-26');
  });

  it('does not change the Date it is given', () => {
    const instant = new Date('2026-03-29T23:30:00Z');
    londonDay(instant);
    expect(instant.toISOString()).toBe('2026-03-29T23:30:00.000Z');
  });

  it('rejects an Invalid Date', () => {
    expect(() => londonDay(new Date('not a date'))).toThrow(RangeError);
  });
});
