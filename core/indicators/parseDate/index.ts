import type { CellReading, CellValue } from '../types.js';
import {
  calendarDay,
  dayFromEpochDays,
  daysInMonth,
  isoDate,
  monthName,
  weekdayName,
} from '../_lib/calendarDay/index.js';
import { cleanText } from '../_lib/cleanText/index.js';
import { describeRaw } from '../_lib/describeRaw/index.js';
import { invalidReading, valueReading } from '../_lib/reading/index.js';
import { noData } from '../noData/index.js';

/** Excel's serial for 1 January 1970, day 0 of the Unix calendar. */
const EXCEL_1970 = 25_569;
/**
 * Excel (copying Lotus 1-2-3) has a 29 February 1900 at serial 60, so serials 1–59 are one
 * day earlier than counting back from 1970 would make them.
 */
const FAKE_LEAP_DAY = 60;
/** 31 December 9999, Excel's last date. */
const LAST_SERIAL = 2_958_465;
const FIRST_YEAR = 1900;

const MONTHS: ReadonlyMap<string, number> = new Map([
  ['jan', 1], ['january', 1], ['feb', 2], ['february', 2], ['mar', 3], ['march', 3],
  ['apr', 4], ['april', 4], ['may', 5], ['jun', 6], ['june', 6], ['jul', 7], ['july', 7],
  ['aug', 8], ['august', 8], ['sep', 9], ['sept', 9], ['september', 9], ['oct', 10],
  ['october', 10], ['nov', 11], ['november', 11], ['dec', 12], ['december', 12],
]);

const WEEKDAY = '(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\\.?,?\\s+';
const ISO = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
/** Day first, always: English schools, English dates. The separator must repeat. */
const NUMERIC_GB = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})$/;
const MONTH_YEAR_NUMERIC = /^(\d{1,2})\/(\d{4})$/;
const DAY_MONTH_YEAR = new RegExp(
  `^(?:${WEEKDAY})?(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?[\\s/-]+([a-z]+)\\.?,?[\\s/-]+(\\d{2}|\\d{4})$`,
);
const MONTH_DAY_YEAR = new RegExp(`^(?:${WEEKDAY})?([a-z]+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})$`);
const MONTH_YEAR = /^([a-z]+)\.?,?[\s/-]+(\d{2}|\d{4})$/;

const EXPECTED = '(expected a date such as 01/09/2024, 1 Sept 2024 or 2024-09-01)';

type Parts = { year: number; month: number; day: number; weekday?: string };

/**
 * Reads a date as an ISO calendar date, 'yyyy-MM-dd', the same on every machine whatever
 * its time zone (the arithmetic is on UTC days; no local-time Date is built).
 *
 * Numbers are Excel serial dates in the 1900 date system (45566 is 2024-10-01); any time of
 * day is dropped. Serial 60 is Excel's non-existent 29 February 1900 and is invalid. A whole
 * number from 1900 to 2100 is taken to be a year typed on its own, not a 1905 serial, and
 * is invalid. Text may be ISO ("2024-09-01"), day/month/year ("01/09/2024", "1/9/24",
 * "1.9.2024"; never month first), or use a month name ("1 Sept 2024", "1st September 2024",
 * "01-Sep-24", "Monday 2 September 2024"); month and year alone ("Sep 2024", "09/2024") give
 * the 1st. Two-digit years follow Excel: 00–29 are 2000–2029, 30–99 are 1930–1999.
 *
 * @example
 * parseDate(45566)        // { status: 'value', value: { kind: 'date', value: '2024-10-01' } }
 * parseDate('1/9/24')     // { status: 'value', value: { kind: 'date', value: '2024-09-01' } }
 * parseDate('31/02/2024') // { status: 'invalid', reason: '"31/02/2024" is not a real date (February 2024 has 29 days)' }
 */
export function parseDate(raw: CellValue): CellReading {
  const empty = noData(raw);
  if (empty) return empty;
  if (typeof raw === 'number') return fromSerial(raw);
  if (typeof raw === 'boolean') return invalidReading(`${describeRaw(raw)} is not a date ${EXPECTED}`);
  const text = cleanText(raw ?? '').toLowerCase();
  if (/^\d{4}$/.test(text)) return invalidReading(yearAlone(describeRaw(raw)));
  const parts = splitDate(text);
  return parts ? fromParts(parts, describeRaw(raw)) : invalidReading(`${describeRaw(raw)} is not a date ${EXPECTED}`);
}

function yearAlone(shown: string): string {
  return `${shown} looks like a year, not a date; type a full date such as 01/09/2024`;
}

function fromSerial(serial: number): CellReading {
  if (!Number.isFinite(serial)) return invalidReading(`${describeRaw(serial)} is not a date ${EXPECTED}`);
  if (Number.isInteger(serial) && serial >= 1900 && serial <= 2100) return invalidReading(yearAlone(String(serial)));
  const day = Math.floor(serial);
  if (day < 1) return invalidReading(`${describeRaw(serial)} is before 1 January 1900, Excel's first date (serial 1)`);
  if (day > LAST_SERIAL) return invalidReading(`${describeRaw(serial)} is after 31 December 9999, Excel's last date`);
  if (day === FAKE_LEAP_DAY) {
    return invalidReading(`${describeRaw(serial)} is Excel's 29 February 1900, a day that never existed`);
  }
  const epochDays = day - EXCEL_1970 + (day < FAKE_LEAP_DAY ? 1 : 0);
  return valueReading({ kind: 'date', value: isoDate(dayFromEpochDays(epochDays)) });
}

function splitDate(text: string): Parts | undefined {
  let m = ISO.exec(text);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  m = NUMERIC_GB.exec(text);
  if (m) return { day: Number(m[1]), month: Number(m[3]), year: fullYear(m[4] ?? '') };
  m = MONTH_YEAR_NUMERIC.exec(text);
  if (m) return { day: 1, month: Number(m[1]), year: Number(m[2]) };
  m = DAY_MONTH_YEAR.exec(text);
  if (m) return named(m[2], m[3], m[4], m[1]);
  m = MONTH_DAY_YEAR.exec(text);
  if (m) return named(m[3], m[2], m[4], m[1]);
  m = MONTH_YEAR.exec(text);
  if (m) return named('1', m[1], m[2]);
  return undefined;
}

function named(
  day: string | undefined,
  monthName: string | undefined,
  year: string | undefined,
  weekday?: string,
): Parts | undefined {
  const month = MONTHS.get(monthName ?? '');
  if (month === undefined || day === undefined || year === undefined) return undefined;
  return { day: Number(day), month, year: fullYear(year), ...(weekday ? { weekday } : {}) };
}

/** Excel's two-digit-year window, so a cell reads here as it reads in Excel. */
function fullYear(digits: string): number {
  const year = Number(digits);
  if (digits.length !== 2) return year;
  return year < 30 ? 2000 + year : 1900 + year;
}

function fromParts({ year, month, day, weekday }: Parts, shown: string): CellReading {
  if (month < 1 || month > 12) {
    return invalidReading(`${shown}: ${month} is not a month (dates are read day/month/year)`);
  }
  if (year < FIRST_YEAR) return invalidReading(`${shown} is before ${FIRST_YEAR}, the earliest date Excel holds`);
  const found = calendarDay(year, month, day);
  if (!found) {
    return invalidReading(
      `${shown} is not a real date (${monthName(month)} ${year} has ${daysInMonth(year, month)} days)`,
    );
  }
  // "Mon 1 Sept 2024" is a typo somewhere: 1 September 2024 was a Sunday.
  const actual = weekdayName(found.weekday);
  if (weekday && !actual.toLowerCase().startsWith(weekday.slice(0, 3))) {
    return invalidReading(`${shown}: ${day} ${monthName(month)} ${year} was a ${actual}`);
  }
  return valueReading({ kind: 'date', value: isoDate(found) });
}
