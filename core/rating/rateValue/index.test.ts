import { describe, expect, it } from 'vitest';
import { byId } from '../../../test/fixtures/tiny-framework.js';
import { describeRule, rateValue } from './index.js';

const today = '2026-11-24';

describe('rateValue', () => {
  it('rates a higher-is-better percentage at the band edges', () => {
    const attendance = byId('attendance');
    expect(rateValue({ kind: 'number', value: 94 }, attendance, { today })).toEqual({ ok: true, value: 'G' });
    expect(rateValue({ kind: 'number', value: 93.9 }, attendance, { today })).toEqual({ ok: true, value: 'A' });
    expect(rateValue({ kind: 'number', value: 92 }, attendance, { today })).toEqual({ ok: true, value: 'A' });
    expect(rateValue({ kind: 'number', value: 89.1 }, attendance, { today })).toEqual({ ok: true, value: 'R' });
  });

  it('uses the phase band where the framework gives one', () => {
    const attendance = byId('attendance');
    expect(rateValue({ kind: 'number', value: 91.5 }, attendance, { today, phase: 'secondary' })).toEqual({ ok: true, value: 'G' });
    expect(rateValue({ kind: 'number', value: 91.5 }, attendance, { today, phase: 'primary' })).toEqual({ ok: true, value: 'R' });
  });

  it('rates a lower-is-better percentage', () => {
    const pa = byId('persistent-absence');
    expect(rateValue({ kind: 'number', value: 15 }, pa, { today })).toEqual({ ok: true, value: 'G' });
    expect(rateValue({ kind: 'number', value: 20 }, pa, { today })).toEqual({ ok: true, value: 'A' });
    expect(rateValue({ kind: 'number', value: 20.1 }, pa, { today })).toEqual({ ok: true, value: 'R' });
  });

  it('rates legacy Ofsted grades, report cards and safeguarding not met', () => {
    const ofsted = byId('ofsted-grade');
    expect(rateValue({ kind: 'ofsted-legacy', grade: 2 }, ofsted, { today })).toEqual({ ok: true, value: 'G' });
    expect(rateValue({ kind: 'ofsted-legacy', grade: 3 }, ofsted, { today })).toEqual({ ok: true, value: 'A' });
    expect(rateValue({ kind: 'ofsted-legacy', grade: 4 }, ofsted, { today })).toEqual({ ok: true, value: 'R' });
    expect(rateValue({ kind: 'ofsted-report-card', grade: 'needs-attention' }, ofsted, { today })).toEqual({ ok: true, value: 'A' });
    expect(rateValue({ kind: 'ofsted-safeguarding', met: false }, ofsted, { today })).toEqual({ ok: true, value: 'R' });
  });

  it('rates a head appointed within twelve months amber, earlier green', () => {
    const start = byId('head-start-date');
    expect(rateValue({ kind: 'date', value: '2026-01-05' }, start, { today })).toEqual({ ok: true, value: 'A' });
    expect(rateValue({ kind: 'date', value: '2025-11-24' }, start, { today })).toEqual({ ok: true, value: 'G' });
  });

  it('returns an error value when the value does not fit the rule', () => {
    const result = rateValue({ kind: 'flag', value: true }, byId('attendance'), { today });
    expect(result).toEqual({ ok: false, error: 'Attendance expects a percentage value, got flag' });
  });

  it('describes a rule in words for the legend', () => {
    // The legend (no phase) lists every phase's band, so no cell contradicts it.
    expect(describeRule(byId('attendance').rule)).toBe(
      'green at least 94, amber at least 92, red below 92 (all other phases); secondary: green at least 91, amber at least 89, red below 89',
    );
    // A cell's note shows the band applied to that cell's phase, and says which phase.
    expect(describeRule(byId('attendance').rule, 'secondary')).toBe('secondary: green at least 91, amber at least 89, red below 89');
    expect(describeRule(byId('attendance').rule, 'primary')).toBe('green at least 94, amber at least 92, red below 92');
  });
});
