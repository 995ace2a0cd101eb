import { dayNumberFromParts, daysInMonth, fromDayNumber, weekdayOf } from './day.js';

/**
 * The standing rules for bank holidays in England and Wales, used to generate the literal list
 * in `englandAndWalesBankHolidays` and, in its test, to check that list.
 *
 * Sources of the rules: the Banking and Financial Dealings Act 1971, Schedule 1 (Easter Monday,
 * last Monday in May, last Monday in August, 26 December, and the substitute-day rule), the
 * annual royal proclamations that have added New Year's Day and the first Monday in May since
 * 1974 and 1978, and the common-law holidays Good Friday and Christmas Day.
 *
 * One-off changes by proclamation (e.g. the 2022 Platinum Jubilee moving the spring bank
 * holiday) are NOT rules: they must be added to the literal list by hand.
 */

export interface BankHoliday {
  /** The day, 'yyyy-MM-dd'. */
  readonly date: string;
  /** As GOV.UK titles it, with "(substitute day)" where the holiday has moved off a weekend. */
  readonly title: string;
}

const SATURDAY = 6;
const SUNDAY = 0;
const MONDAY = 1;

/**
 * Easter Sunday of a Gregorian year, by the anonymous Gregorian algorithm
 * (Meeus/Jones/Butcher). Returns the month (3 or 4) and day.
 */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

/** Day number of the first Monday of a month. */
function firstMonday(year: number, month: number): number {
  const first = dayNumberFromParts(year, month, 1);
  return first + ((MONDAY - weekdayOf(first) + 7) % 7);
}

/** Day number of the last Monday of a month. */
function lastMonday(year: number, month: number): number {
  const last = dayNumberFromParts(year, month, daysInMonth(year, month));
  return last - ((weekdayOf(last) - MONDAY + 7) % 7);
}

/** A fixed-date holiday, moved to the following Monday when it falls at a weekend. */
function fixedWithSubstitute(dayNumber: number): { dayNumber: number; substitute: boolean } {
  const weekday = weekdayOf(dayNumber);
  if (weekday === SATURDAY) return { dayNumber: dayNumber + 2, substitute: true };
  if (weekday === SUNDAY) return { dayNumber: dayNumber + 1, substitute: true };
  return { dayNumber, substitute: false };
}

/**
 * The bank holidays of England and Wales in `year` under the standing rules, in date order.
 *
 * @example
 * computeEnglandAndWalesBankHolidays(2026).at(-1)
 * //=> { date: '2026-12-28', title: 'Boxing Day (substitute day)' }
 */
export function computeEnglandAndWalesBankHolidays(year: number): BankHoliday[] {
  const holidays: { dayNumber: number; title: string }[] = [];
  const add = (dayNumber: number, title: string, substitute = false): void => {
    holidays.push({ dayNumber, title: substitute ? `${title} (substitute day)` : title });
  };

  const newYear = fixedWithSubstitute(dayNumberFromParts(year, 1, 1));
  add(newYear.dayNumber, 'New Year’s Day', newYear.substitute);

  const easter = easterSunday(year);
  const easterDay = dayNumberFromParts(year, easter.month, easter.day);
  add(easterDay - 2, 'Good Friday');
  add(easterDay + 1, 'Easter Monday');

  add(firstMonday(year, 5), 'Early May bank holiday');
  add(lastMonday(year, 5), 'Spring bank holiday');
  add(lastMonday(year, 8), 'Summer bank holiday');

  // Christmas and Boxing Day cannot both take the Monday, so when either falls at a weekend
  // the pair occupies the next two free weekdays: 25 Dec on a Saturday gives Mon 27 and Tue 28;
  // on a Sunday, Boxing Day keeps Mon 26 and Christmas moves to Tue 27; on a Friday, Boxing Day
  // (Saturday) moves to Mon 28.
  const christmas = dayNumberFromParts(year, 12, 25);
  const boxingDay = christmas + 1;
  switch (weekdayOf(christmas)) {
    case SATURDAY:
      add(christmas + 2, 'Christmas Day', true);
      add(christmas + 3, 'Boxing Day', true);
      break;
    case SUNDAY:
      add(boxingDay, 'Boxing Day');
      add(christmas + 2, 'Christmas Day', true);
      break;
    default: {
      add(christmas, 'Christmas Day');
      const boxing = fixedWithSubstitute(boxingDay);
      add(boxing.dayNumber, 'Boxing Day', boxing.substitute);
    }
  }

  return holidays
    .sort((x, y) => x.dayNumber - y.dayNumber)
    .map(({ dayNumber, title }) => ({ date: fromDayNumber(dayNumber), title }));
}
