import { describe, expect, it } from 'vitest';
import { parseJudgement } from './index.js';

const judgement = (value: string) => ({ status: 'value', value: { kind: 'judgement', value } });

describe('parseJudgement', () => {
  it.each([
    'effective',
    'Effective',
    'Effective.',
    'effective ',
    'EFFECTIVE!',
    'Highly effective',
    'strong',
    'Good',
    'outstanding',
    'secure',
    'Met',
    'green',
    'G',
    'g',
    'No concerns',
    'no-concerns',
    'exceptional',
    'Strong standard',
    'Expected standard',
    'Good (green)',
  ])('reads %j as positive', (raw) => {
    expect(parseJudgement(raw)).toEqual(judgement('positive'));
  });

  it.each([
    'requires improvement',
    'Requires Improvement',
    'RI',
    'Requires Improvement (RI)',
    'developing',
    'Partially effective',
    'adequate',
    'some concerns',
    'Minor concerns',
    'amber',
    'A',
    'Satisfactory',
    'Needs attention',
    'inconsistent',
  ])('reads %j as mixed', (raw) => {
    expect(parseJudgement(raw)).toEqual(judgement('mixed'));
  });

  it.each([
    'ineffective',
    'Ineffective',
    'Ineffective.',
    'weak',
    'inadequate',
    'Not met',
    'serious concerns',
    'poor',
    'red',
    'R',
    'Urgent improvement',
    'Not effective',
    'not  effective',
  ])('reads %j as negative', (raw) => {
    expect(parseJudgement(raw)).toEqual(judgement('negative'));
  });

  it('never reads "Ineffective" or "Not effective" as "effective" by substring', () => {
    expect(parseJudgement('Ineffective')).not.toEqual(judgement('positive'));
    expect(parseJudgement('Not effective')).not.toEqual(judgement('positive'));
    expect(parseJudgement('Not met')).not.toEqual(judgement('positive'));
  });

  it('rejects phrases that only contain a judgement word', () => {
    expect(parseJudgement('effective but fragile').status).toBe('invalid');
    expect(parseJudgement('Good (red)').status).toBe('invalid');
  });

  it('explains what a judgement looks like', () => {
    expect(parseJudgement('excellent')).toEqual({
      status: 'invalid',
      reason:
        '"excellent" is not a judgement (expected a word such as effective, requires improvement or ineffective, or R/A/G)',
    });
  });

  it.each([1, 2, true, Number.NaN, 'B', 'greenish'])('rejects %j', (raw) => {
    expect(parseJudgement(raw).status).toBe('invalid');
  });
});

describe('parseJudgement risk levels', () => {
  it('reads low / medium / high as a risk rating: low is positive, high negative', () => {
    expect(parseJudgement('Low')).toEqual({ status: 'value', value: { kind: 'judgement', value: 'positive' } });
    expect(parseJudgement('medium risk')).toEqual({ status: 'value', value: { kind: 'judgement', value: 'mixed' } });
    expect(parseJudgement('HIGH')).toEqual({ status: 'value', value: { kind: 'judgement', value: 'negative' } });
  });
});
