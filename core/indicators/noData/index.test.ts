import { describe, expect, it } from 'vitest';
import { noData } from './index.js';

describe('noData', () => {
  it.each([
    [null, 'blank'],
    ['', 'blank'],
    ['   ', 'blank'],
    ['\u00A0\t\n', 'blank'],
    ['\u200B', 'blank'],
  ] as const)('%j is blank', (raw, why) => {
    expect(noData(raw)).toEqual({ status: 'no-data', why });
  });

  it.each(['n/a', 'N/A', 'na', 'NA', ' N.A. ', 'Not applicable', 'not applicable', '-', '–', '—', ' - '])(
    '%j is not applicable',
    (raw) => {
      expect(noData(raw)).toEqual({ status: 'no-data', why: 'not-applicable' });
    },
  );

  it.each(['tbc', 'TBC', 'T.B.C.', 'to be confirmed', 'To Be Confirmed', 'awaiting', 'Awaiting', 'awaiting Ofsted report'])(
    '%j is to be confirmed',
    (raw) => {
      expect(noData(raw)).toEqual({ status: 'no-data', why: 'to-be-confirmed' });
    },
  );

  it.each([
    '#N/A',
    '#DIV/0!',
    '#REF!',
    '#VALUE!',
    '#NAME?',
    '#NUM!',
    '#NULL!',
    '#SPILL!',
    '#CALC!',
    '#GETTING_DATA',
    ' #n/a ',
  ])('%j is an Excel error', (raw) => {
    expect(noData(raw)).toEqual({ status: 'no-data', why: 'excel-error' });
  });

  it('tells "#N/A" (Excel failed) from "N/A" (an officer\'s answer)', () => {
    expect(noData('#N/A')?.why).toBe('excel-error');
    expect(noData('N/A')?.why).toBe('not-applicable');
  });

  it.each([0, 94.2, Number.NaN, true, false, '0', 'none', 'no', 'x', 'Good', 'awaitingly', '#HASHTAG', 'nan'])(
    '%j holds something to parse',
    (raw) => {
      expect(noData(raw)).toBeUndefined();
    },
  );
});
