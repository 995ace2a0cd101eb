import type { BankHoliday } from '../_lib/bankHolidayRules.js';

export type { BankHoliday };

/**
 * Where {@link englandAndWalesBankHolidays} comes from, for showing to users beside any date
 * the bot derives from it.
 */
export const BANK_HOLIDAYS_SOURCE =
  'GOV.UK "UK bank holidays" list for England and Wales (https://www.gov.uk/bank-holidays, ' +
  'https://www.gov.uk/bank-holidays.json) for the years it publishes; later years computed from ' +
  'the standing rules (Banking and Financial Dealings Act 1971 and the annual royal ' +
  'proclamations), 2024–2030.';

/** First and last day the list below is complete for. */
export const BANK_HOLIDAYS_COVERAGE = Object.freeze({ start: '2024-01-01', end: '2030-12-31' });

/**
 * Bank holidays in England and Wales, 2024–2030 inclusive, in date order.
 *
 * Source: the GOV.UK bank holidays list for England and Wales (https://www.gov.uk/bank-holidays)
 * for the years it has published; for later years, computed from the standing rules of the
 * Banking and Financial Dealings Act 1971 and the annual proclamations: New Year's Day
 * (substitute Monday), Good Friday, Easter Monday (Easter by the anonymous Gregorian
 * algorithm), early May (first Monday in May), spring (last Monday in May), summer (last
 * Monday in August), Christmas Day and Boxing Day with substitute days.
 *
 * No one-off holidays fall in 2024–2030 as far as announced (2024 and 2025 had none; 2026 and
 * 2027 are regular), so every entry here matches the rules; the test recomputes them and
 * fails if the list and the rules ever disagree. When a proclamation adds or moves a day
 * (as for the 2022 Jubilee), edit this list by hand AND record the exception in that test.
 *
 * Generated once by `_scripts/printBankHolidays.ts` and committed as literal data so a
 * reviewer can check it against GOV.UK line by line. Frozen: callers cannot change it.
 *
 * @example
 * englandAndWalesBankHolidays.filter((h) => h.date.startsWith('2026-12'))
 * //=> [{ date: '2026-12-25', title: 'Christmas Day' },
 * //    { date: '2026-12-28', title: 'Boxing Day (substitute day)' }]
 */
export const englandAndWalesBankHolidays: readonly BankHoliday[] = Object.freeze(
  (
    [
      // 2024
      { date: '2024-01-01', title: 'New Year’s Day' },
      { date: '2024-03-29', title: 'Good Friday' },
      { date: '2024-04-01', title: 'Easter Monday' },
      { date: '2024-05-06', title: 'Early May bank holiday' },
      { date: '2024-05-27', title: 'Spring bank holiday' },
      { date: '2024-08-26', title: 'Summer bank holiday' },
      { date: '2024-12-25', title: 'Christmas Day' },
      { date: '2024-12-26', title: 'Boxing Day' },
      // 2025
      { date: '2025-01-01', title: 'New Year’s Day' },
      { date: '2025-04-18', title: 'Good Friday' },
      { date: '2025-04-21', title: 'Easter Monday' },
      { date: '2025-05-05', title: 'Early May bank holiday' },
      { date: '2025-05-26', title: 'Spring bank holiday' },
      { date: '2025-08-25', title: 'Summer bank holiday' },
      { date: '2025-12-25', title: 'Christmas Day' },
      { date: '2025-12-26', title: 'Boxing Day' },
      // 2026
      { date: '2026-01-01', title: 'New Year’s Day' },
      { date: '2026-04-03', title: 'Good Friday' },
      { date: '2026-04-06', title: 'Easter Monday' },
      { date: '2026-05-04', title: 'Early May bank holiday' },
      { date: '2026-05-25', title: 'Spring bank holiday' },
      { date: '2026-08-31', title: 'Summer bank holiday' },
      { date: '2026-12-25', title: 'Christmas Day' },
      { date: '2026-12-28', title: 'Boxing Day (substitute day)' },
      // 2027
      { date: '2027-01-01', title: 'New Year’s Day' },
      { date: '2027-03-26', title: 'Good Friday' },
      { date: '2027-03-29', title: 'Easter Monday' },
      { date: '2027-05-03', title: 'Early May bank holiday' },
      { date: '2027-05-31', title: 'Spring bank holiday' },
      { date: '2027-08-30', title: 'Summer bank holiday' },
      { date: '2027-12-27', title: 'Christmas Day (substitute day)' },
      { date: '2027-12-28', title: 'Boxing Day (substitute day)' },
      // 2028
      { date: '2028-01-03', title: 'New Year’s Day (substitute day)' },
      { date: '2028-04-14', title: 'Good Friday' },
      { date: '2028-04-17', title: 'Easter Monday' },
      { date: '2028-05-01', title: 'Early May bank holiday' },
      { date: '2028-05-29', title: 'Spring bank holiday' },
      { date: '2028-08-28', title: 'Summer bank holiday' },
      { date: '2028-12-25', title: 'Christmas Day' },
      { date: '2028-12-26', title: 'Boxing Day' },
      // 2029
      { date: '2029-01-01', title: 'New Year’s Day' },
      { date: '2029-03-30', title: 'Good Friday' },
      { date: '2029-04-02', title: 'Easter Monday' },
      { date: '2029-05-07', title: 'Early May bank holiday' },
      { date: '2029-05-28', title: 'Spring bank holiday' },
      { date: '2029-08-27', title: 'Summer bank holiday' },
      { date: '2029-12-25', title: 'Christmas Day' },
      { date: '2029-12-26', title: 'Boxing Day' },
      // 2030
      { date: '2030-01-01', title: 'New Year’s Day' },
      { date: '2030-04-19', title: 'Good Friday' },
      { date: '2030-04-22', title: 'Easter Monday' },
      { date: '2030-05-06', title: 'Early May bank holiday' },
      { date: '2030-05-27', title: 'Spring bank holiday' },
      { date: '2030-08-26', title: 'Summer bank holiday' },
      { date: '2030-12-25', title: 'Christmas Day' },
      { date: '2030-12-26', title: 'Boxing Day' },
    ]
  ).map((holiday) => Object.freeze(holiday)),
);
