import { describe, expect, it } from 'vitest';
import { londonTime } from './index.js';

describe('londonTime', () => {
  it('reads GMT in winter and BST in summer', () => {
    expect(londonTime(new Date('2026-01-15T08:00:00Z'))).toBe('08:00');
    expect(londonTime(new Date('2026-07-01T08:00:00Z'))).toBe('09:00');
    expect(londonTime(new Date('2026-07-01T23:05:00Z'))).toBe('00:05');
  });

  it('drops seconds rather than rounding', () => {
    expect(londonTime(new Date('2026-01-15T08:00:59.999Z'))).toBe('08:00');
  });

  it('follows the clocks through both switches in 2026', () => {
    expect(londonTime(new Date('2026-03-29T00:59:00Z'))).toBe('00:59');
    expect(londonTime(new Date('2026-03-29T01:00:00Z'))).toBe('02:00'); // forward
    expect(londonTime(new Date('2026-10-25T00:30:00Z'))).toBe('01:30'); // BST
    expect(londonTime(new Date('2026-10-25T01:30:00Z'))).toBe('01:30'); // GMT, the hour again
  });

  it('rejects an Invalid Date', () => {
    expect(() => londonTime(new Date(Number.NaN))).toThrow(RangeError);
  });
});
