import { afterEach, describe, expect, it } from 'vitest';
import { londonDay } from '../londonDay/index.js';
import { londonTime } from '../londonTime/index.js';
import { londonDateTime } from './index.js';

const iso = (day: string, time: string) => londonDateTime(day, time).toISOString();

describe('londonDateTime', () => {
  it('is UTC in winter and an hour behind in summer', () => {
    expect(iso('2026-01-15', '09:00')).toBe('2026-01-15T09:00:00.000Z');
    expect(iso('2026-07-01', '09:00')).toBe('2026-07-01T08:00:00.000Z');
    expect(iso('2026-07-01', '00:30')).toBe('2026-06-30T23:30:00.000Z');
  });

  it('is right either side of spring forward (Sun 29 March 2026)', () => {
    expect(iso('2026-03-28', '09:00')).toBe('2026-03-28T09:00:00.000Z');
    expect(iso('2026-03-29', '00:30')).toBe('2026-03-29T00:30:00.000Z');
    expect(iso('2026-03-29', '09:00')).toBe('2026-03-29T08:00:00.000Z');
    expect(iso('2026-03-30', '09:00')).toBe('2026-03-30T08:00:00.000Z');
  });

  it('moves a time in the skipped hour forward by the gap', () => {
    // 01:30 never shows on 29 March 2026; read with GMT it is 01:30Z, i.e. 02:30 BST.
    expect(iso('2026-03-29', '01:30')).toBe('2026-03-29T01:30:00.000Z');
    expect(londonTime(londonDateTime('2026-03-29', '01:30'))).toBe('02:30');
  });

  it('is right either side of fall back (Sun 25 October 2026), taking the first 01:30', () => {
    expect(iso('2026-10-24', '09:00')).toBe('2026-10-24T08:00:00.000Z');
    expect(iso('2026-10-25', '00:30')).toBe('2026-10-24T23:30:00.000Z');
    expect(iso('2026-10-25', '01:30')).toBe('2026-10-25T00:30:00.000Z'); // BST, not 01:30Z
    expect(iso('2026-10-25', '02:00')).toBe('2026-10-25T02:00:00.000Z');
    expect(iso('2026-10-25', '09:00')).toBe('2026-10-25T09:00:00.000Z');
  });

  it('round-trips through londonDay and londonTime every half hour of 2026', () => {
    for (let ms = Date.parse('2026-01-01T00:00:00Z'); ms < Date.parse('2027-01-01T00:00:00Z'); ms += 30 * 60_000) {
      const instant = new Date(ms);
      const day = londonDay(instant);
      const time = londonTime(instant);
      // The one exception: the second 01:00–01:59 on fall-back day (01:00Z–01:59Z, GMT)
      // maps to the first (00:00Z–00:59Z, BST).
      const repeated = ms >= Date.parse('2026-10-25T01:00:00Z') && ms < Date.parse('2026-10-25T02:00:00Z');
      expect(londonDateTime(day, time).getTime()).toBe(repeated ? ms - 3_600_000 : ms);
    }
  });

  it('rejects malformed times and days', () => {
    expect(() => londonDateTime('2026-01-15', '9:00')).toThrow(RangeError);
    expect(() => londonDateTime('2026-01-15', '24:00')).toThrow(RangeError);
    expect(() => londonDateTime('2026-01-15', '09:60')).toThrow(RangeError);
    expect(() => londonDateTime('2026-02-30', '09:00')).toThrow(RangeError);
  });
});

describe('London helpers do not depend on the machine time zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  it.each(['America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Kolkata', 'UTC'])('gives the same answers with TZ=%s', (zone) => {
    process.env.TZ = zone;
    // Node applies a TZ change at once; check it took, so the test is not vacuous.
    if (zone !== 'UTC') expect(new Date('2026-07-01T12:00:00Z').getTimezoneOffset()).not.toBe(-60);
    expect(londonDay(new Date('2026-03-29T23:30:00Z'))).toBe('2026-03-30');
    expect(londonTime(new Date('2026-03-29T23:30:00Z'))).toBe('00:30');
    expect(iso('2026-03-29', '09:00')).toBe('2026-03-29T08:00:00.000Z');
    expect(iso('2026-10-25', '01:30')).toBe('2026-10-25T00:30:00.000Z');
    expect(iso('2026-03-29', '01:30')).toBe('2026-03-29T01:30:00.000Z');
    expect(iso('2026-12-25', '09:00')).toBe('2026-12-25T09:00:00.000Z');
  });
});
