import { describe, expect, it } from 'vitest';
import { parseDate } from './index.js';

const date = (value: string) => ({ status: 'value', value: { kind: 'date', value } });

describe('parseDate', () => {
  describe('Excel serial numbers (1900 date system)', () => {
    it.each([
      // 25569 is 1970-01-01 in Excel; 2024-10-01 is 1,727,740,800 s = 19,997 days after that.
      [45566, '2024-10-01'],
      [25569, '1970-01-01'],
      [45292, '2024-01-01'],
      [1, '1900-01-01'],
      [59, '1900-02-28'],
      // Excel's serial 60 is a fake 29 Feb 1900, so every later serial is one day further on.
      [61, '1900-03-01'],
      [2_958_465, '9999-12-31'],
      // British Summer Time starts 2024-03-31; day arithmetic must not slip across it.
      [45382, '2024-03-31'],
      [45383, '2024-04-01'],
    ])('reads %d as %s', (serial, expected) => {
      expect(parseDate(serial)).toEqual(date(expected));
    });

    it('drops the time of day: 45566.75 is 18:00 on 2024-10-01', () => {
      expect(parseDate(45566.75)).toEqual(date('2024-10-01'));
    });

    it("rejects serial 60, Excel's 29 February 1900, which never existed", () => {
      expect(parseDate(60)).toEqual({
        status: 'invalid',
        reason: "60 is Excel's 29 February 1900, a day that never existed",
      });
    });

    it('rejects a year typed on its own rather than reading it as a 1905 serial', () => {
      expect(parseDate(2024)).toEqual({
        status: 'invalid',
        reason: '2024 looks like a year, not a date; type a full date such as 01/09/2024',
      });
      expect(parseDate('2024').status).toBe('invalid');
    });

    it.each([0, -1, 0.5, 2_958_466, Number.NaN, Number.POSITIVE_INFINITY])('rejects %d', (serial) => {
      expect(parseDate(serial).status).toBe('invalid');
    });
  });

  describe('text', () => {
    it.each([
      ['2024-09-01', '2024-09-01'],
      ['2024-9-1', '2024-09-01'],
      ['2024/09/01', '2024-09-01'],
      ['01/09/2024', '2024-09-01'],
      ['1/9/2024', '2024-09-01'],
      ['1/9/24', '2024-09-01'],
      ['01.09.2024', '2024-09-01'],
      ['01-09-2024', '2024-09-01'],
      ['1 Sept 2024', '2024-09-01'],
      ['1 Sep 2024', '2024-09-01'],
      ['1 September 2024', '2024-09-01'],
      ['1st September 2024', '2024-09-01'],
      ['1st of September, 2024', '2024-09-01'],
      ['01-Sep-2024', '2024-09-01'],
      ['1-Sep-24', '2024-09-01'],
      ['Sunday 1 September 2024', '2024-09-01'],
      ['Sun, 1 Sept 2024', '2024-09-01'],
      ['September 1, 2024', '2024-09-01'],
      ['SEPTEMBER 2024', '2024-09-01'],
      ['Sep 2024', '2024-09-01'],
      ['Sept. 2024', '2024-09-01'],
      ['Sep-24', '2024-09-01'],
      ['09/2024', '2024-09-01'],
      ['\u00A029 Feb 2024\u00A0', '2024-02-29'],
    ])('reads %j as %s', (raw, expected) => {
      expect(parseDate(raw)).toEqual(date(expected));
    });

    it('always reads day first: 09/01/2024 is 9 January, not 1 September', () => {
      expect(parseDate('09/01/2024')).toEqual(date('2024-01-09'));
    });

    it('rejects a US date whose "day" is not a month, and says why', () => {
      expect(parseDate('12/31/2024')).toEqual({
        status: 'invalid',
        reason: '"12/31/2024": 31 is not a month (dates are read day/month/year)',
      });
    });

    it('uses Excel\'s two-digit-year window: 00–29 are 20xx, 30–99 are 19xx', () => {
      expect(parseDate('1/9/29')).toEqual(date('2029-09-01'));
      expect(parseDate('1/9/30')).toEqual(date('1930-09-01'));
      expect(parseDate('1/9/98')).toEqual(date('1998-09-01'));
    });

    it.each([
      ['31/02/2024', '"31/02/2024" is not a real date (February 2024 has 29 days)'],
      ['29/02/2023', '"29/02/2023" is not a real date (February 2023 has 28 days)'],
      ['31 April 2024', '"31 April 2024" is not a real date (April 2024 has 30 days)'],
    ])('rejects %j, a day the month does not have', (raw, reason) => {
      expect(parseDate(raw)).toEqual({ status: 'invalid', reason });
    });

    it('rejects a weekday that does not match the date', () => {
      expect(parseDate('Mon 1 Sept 2024')).toEqual({
        status: 'invalid',
        reason: '"Mon 1 Sept 2024": 1 September 2024 was a Sunday',
      });
    });

    it.each(['01/01/1850', '0/9/2024', '1/13/2024', '1 Septober 2024', 'next week', '1/9', '2024-09-01T10:00', '01/09-2024'])(
      'rejects %j',
      (raw) => {
        expect(parseDate(raw).status).toBe('invalid');
      },
    );
  });

  it('gives the same day whatever the machine\'s time zone', () => {
    const before = process.env.TZ;
    process.env.TZ = 'Pacific/Apia';
    try {
      // Samoa skipped 30 December 2011: a local-time Date for that day lands on the 31st.
      expect(new Date(2011, 11, 30).getDate()).toBe(31);
      expect(parseDate(40907)).toEqual(date('2011-12-30'));
      expect(parseDate('30/12/2011')).toEqual(date('2011-12-30'));
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it('rejects booleans', () => {
    expect(parseDate(true).status).toBe('invalid');
  });

  it('reads "TBC" as to be confirmed', () => {
    expect(parseDate('TBC')).toEqual({ status: 'no-data', why: 'to-be-confirmed' });
  });
});
