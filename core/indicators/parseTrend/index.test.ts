import { describe, expect, it } from 'vitest';
import { parseTrend } from './index.js';

const trend = (value: string) => ({ status: 'value', value: { kind: 'trend', value } });

describe('parseTrend', () => {
  it.each(['improving', 'Improving', ' IMPROVING. ', 'up', 'Up', 'rising', '↑', '⬆', '⬆️', '+', '↑ improving', 'Improving (↑)'])(
    'reads %j as improving',
    (raw) => {
      expect(parseTrend(raw)).toEqual(trend('improving'));
    },
  );

  it.each(['declining', 'Declining', 'down', 'DOWN', 'falling', '↓', '⬇', '⬇️'])('reads %j as declining', (raw) => {
    expect(parseTrend(raw)).toEqual(trend('declining'));
  });

  it.each(['stable', 'Stable', 'consistent', 'static', 'no change', 'No Change', '→', '=', '\u00A0=\u00A0'])(
    'reads %j as stable',
    (raw) => {
      expect(parseTrend(raw)).toEqual(trend('stable'));
    },
  );

  it('reads a lone "-" as not applicable, as every column does, not as "down"', () => {
    expect(parseTrend('-')).toEqual({ status: 'no-data', why: 'not-applicable' });
  });

  it('rejects halves that disagree', () => {
    expect(parseTrend('↑ declining').status).toBe('invalid');
  });

  it.each(['sideways', 'upward-ish', '++', 1, -1, true, Number.NaN])('rejects %j', (raw) => {
    expect(parseTrend(raw)).toMatchObject({ status: 'invalid', reason: expect.stringContaining('is not a trend') });
  });
});
