import { describe, expect, it } from 'vitest';
import { parseFlag } from './index.js';

const flag = (value: boolean) => ({ status: 'value', value: { kind: 'flag', value } });

describe('parseFlag', () => {
  it.each(['Y', 'y', 'Yes', 'YES', ' yes ', '✓', '✔', '✔️', '✅', 'TRUE', 'true', '1', 'issued', 'Issued', 'Yes.', 'Y (issued)'])(
    'reads %j as yes',
    (raw) => {
      expect(parseFlag(raw)).toEqual(flag(true));
    },
  );

  it.each(['N', 'n', 'No', 'NO', '\u00A0no\u00A0', '✗', '✘', '❌', 'FALSE', 'False', '0', 'none', 'None', 'not issued'])(
    'reads %j as no',
    (raw) => {
      expect(parseFlag(raw)).toEqual(flag(false));
    },
  );

  it('reads Excel booleans and the numbers 1 and 0', () => {
    expect(parseFlag(true)).toEqual(flag(true));
    expect(parseFlag(false)).toEqual(flag(false));
    expect(parseFlag(1)).toEqual(flag(true));
    expect(parseFlag(0)).toEqual(flag(false));
  });

  it('rejects a plain "x": a mark for yes or a cross for no', () => {
    const reading = parseFlag('X');
    expect(reading.status).toBe('invalid');
    expect(reading).toMatchObject({ reason: expect.stringContaining('Type Y or N') });
  });

  it('rejects "Yes/No", a template left unfilled', () => {
    expect(parseFlag('Yes/No').status).toBe('invalid');
  });

  it.each([2, -1, 0.5, Number.NaN, 'maybe', 'yess', 'nope'])('rejects %j', (raw) => {
    expect(parseFlag(raw)).toMatchObject({ status: 'invalid', reason: expect.stringContaining('is not a yes/no flag') });
  });

  it('reads "n/a" as no data, not as "n"', () => {
    expect(parseFlag('n/a')).toEqual({ status: 'no-data', why: 'not-applicable' });
  });
});
