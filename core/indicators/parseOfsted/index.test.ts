import { describe, expect, it } from 'vitest';
import { parseOfsted } from './index.js';

const legacy = (grade: number) => ({ status: 'value', value: { kind: 'ofsted-legacy', grade } });
const card = (grade: string) => ({ status: 'value', value: { kind: 'ofsted-report-card', grade } });
const safeguarding = (met: boolean) => ({ status: 'value', value: { kind: 'ofsted-safeguarding', met } });

describe('parseOfsted', () => {
  describe('legacy grades', () => {
    it.each([
      [1, 1],
      [4, 4],
      ['3', 3],
      [' 2 ', 2],
      ['Grade 3', 3],
      ['grade 1', 1],
      ['Grade: 4', 4],
      ['Outstanding', 1],
      ['good', 2],
      ['GOOD', 2],
      ['RI', 3],
      ['Requires improvement', 3],
      ['Requires Improvement (RI)', 3],
      ['Requires improvement.', 3],
      ['Inadequate', 4],
      ['Serious weaknesses', 4],
      ['Special measures', 4],
      ['Satisfactory', 3],
      ['2 - Good', 2],
      ['Grade 3 (Requires improvement)', 3],
    ] as const)('reads %j as grade %d', (raw, grade) => {
      expect(parseOfsted(raw)).toEqual(legacy(grade));
    });

    it('rejects two spellings that disagree', () => {
      expect(parseOfsted('Good (4)').status).toBe('invalid');
    });

    it.each([0, 5, 2.5, -1, Number.NaN, Number.POSITIVE_INFINITY, '5', 'Grade 5'])('rejects %j', (raw) => {
      expect(parseOfsted(raw).status).toBe('invalid');
    });
  });

  describe('report-card grades', () => {
    it.each([
      ['Exceptional', 'exceptional'],
      ['strong standard', 'strong-standard'],
      ['Strong', 'strong-standard'],
      ['Expected standard', 'expected-standard'],
      ['Expected', 'expected-standard'],
      ['needs attention', 'needs-attention'],
      ['Needs Attention', 'needs-attention'],
      ['Urgent improvement', 'urgent-improvement'],
    ])('reads %j as %s', (raw, grade) => {
      expect(parseOfsted(raw)).toEqual(card(grade));
    });
  });

  describe('safeguarding', () => {
    it.each([
      ['Met', true],
      ['met', true],
      ['Safeguarding: met', true],
      ['Not met', false],
      ['NOT MET', false],
    ] as const)('reads %j as met: %s', (raw, met) => {
      expect(parseOfsted(raw)).toEqual(safeguarding(met));
    });
  });

  it('rejects judgement words, and says what an Ofsted grade looks like', () => {
    expect(parseOfsted('excellent')).toEqual({
      status: 'invalid',
      reason:
        '"excellent" is not an Ofsted grade (expected 1–4, Outstanding/Good/RI/Inadequate, or a report-card grade like "expected standard")',
    });
    expect(parseOfsted('effective').status).toBe('invalid');
    expect(parseOfsted(true).status).toBe('invalid');
  });

  it('reads "awaiting" (no inspection yet) as to be confirmed', () => {
    expect(parseOfsted('Awaiting inspection')).toEqual({ status: 'no-data', why: 'to-be-confirmed' });
  });
});
