import { describe, expect, it } from 'vitest';
import { indicatorKinds, type IndicatorKind } from '../../frameworks/schema.js';
import { readCell } from './index.js';

describe('readCell', () => {
  it.each([
    ['94.2%', 'percentage', { kind: 'number', value: 94.2 }],
    ['1,234', 'count', { kind: 'number', value: 1234 }],
    ['−0.35', 'rate', { kind: 'number', value: -0.35 }],
    ['Y', 'flag', { kind: 'flag', value: true }],
    ['Requires improvement', 'judgement', { kind: 'judgement', value: 'mixed' }],
    ['A', 'judgement', { kind: 'judgement', value: 'mixed' }],
    ['Requires improvement', 'ofsted', { kind: 'ofsted-legacy', grade: 3 }],
    ['↑', 'trend', { kind: 'trend', value: 'improving' }],
    [45566, 'date', { kind: 'date', value: '2024-10-01' }],
  ] as const)('reads %j as a %s', (raw, kind, value) => {
    expect(readCell(raw, kind)).toEqual({ status: 'value', value });
  });

  it('keeps kinds strict: a judgement word is not an Ofsted grade, and the reason says what is', () => {
    expect(readCell('excellent', 'ofsted')).toEqual({
      status: 'invalid',
      reason:
        '"excellent" is not an Ofsted grade (expected 1–4, Outstanding/Good/RI/Inadequate, or a report-card grade like "expected standard")',
    });
    expect(readCell('effective', 'ofsted').status).toBe('invalid');
    expect(readCell(3, 'judgement').status).toBe('invalid');
  });

  it.each(indicatorKinds)('reads blank, n/a and #N/A as no data for %s', (kind: IndicatorKind) => {
    expect(readCell(null, kind)).toEqual({ status: 'no-data', why: 'blank' });
    expect(readCell(' n/a ', kind)).toEqual({ status: 'no-data', why: 'not-applicable' });
    expect(readCell('#N/A', kind)).toEqual({ status: 'no-data', why: 'excel-error' });
  });

  it('answers, rather than throws, for a kind that slipped past the schema', () => {
    expect(readCell('1', 'colour' as IndicatorKind)).toEqual({
      status: 'invalid',
      reason: 'unknown indicator kind "colour"',
    });
  });
});
