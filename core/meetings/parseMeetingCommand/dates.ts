import { fail, ok, type Result } from '../../result.js';

const MONTHS: readonly (readonly string[])[] = [
  ['january', 'jan'], ['february', 'feb'], ['march', 'mar'], ['april', 'apr'], ['may'], ['june', 'jun'],
  ['july', 'jul'], ['august', 'aug'], ['september', 'sept', 'sep'], ['october', 'oct'], ['november', 'nov'], ['december', 'dec'],
];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS: readonly (readonly string[])[] = [
  ['sunday', 'sun'], ['monday', 'mon'], ['tuesday', 'tues', 'tue'], ['wednesday', 'weds', 'wed'],
  ['thursday', 'thurs', 'thur', 'thu'], ['friday', 'fri'], ['saturday', 'sat'],
];
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const MON = `(${MONTHS.flat().join('|')})\\.?`;
const WD = `(${WEEKDAYS.flat().join('|')})`;
const ORD = '(?:st|nd|rd|th)?';

/** The date expressions we read, each with how to turn its groups into a date. */
const FORMS: readonly { re: RegExp; read: (m: RegExpExecArray) => DateParts }[] = [
  // ISO: 2026-12-09
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/gi, read: (m) => ({ year: m[1], month: Number(m[2]), date: Number(m[3]) }) },
  // Tuesday 9th (of) December 2026
  {
    re: new RegExp(`\\b(?:${WD},?\\s+)?(?:the\\s+)?(\\d{1,2})${ORD}(?:\\s+of)?\\s+${MON}(?:,?\\s+(\\d{4}))?\\b`, 'gi'),
    read: (m) => ({ weekday: m[1], date: Number(m[2]), month: monthOf(m[3]), year: m[4] }),
  },
  // Tuesday, December 9th 2026
  {
    re: new RegExp(`\\b(?:${WD},?\\s+)?${MON}\\s+(\\d{1,2})${ORD}(?:,?\\s+(\\d{4}))?\\b(?![:.]\\d)(?!\\s*(?:am|pm)\\b)`, 'gi'),
    read: (m) => ({ weekday: m[1], month: monthOf(m[2]), date: Number(m[3]), year: m[4] }),
  },
  // Tuesday 9/12/2026, 9/12/26, 9/12
  {
    re: new RegExp(`\\b(?:${WD},?\\s+)?(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?\\b`, 'gi'),
    read: (m) => ({ weekday: m[1], date: Number(m[2]), month: Number(m[3]), year: m[4], numeric: true }),
  },
];

/** 'today', 'tomorrow', '(on|this|next) Tuesday'. */
const RELATIVE = new RegExp(`\\b(today|tomorrow|(?:(?:on|this|next|to|until|till|from|by)\\s+)${WD})\\b(?!\\s*(?:\\d|the\\s+\\d|${MON}))`, 'gi');

interface DateParts {
  readonly weekday?: string | undefined;
  readonly date: number;
  readonly month: number;
  readonly year?: string | undefined;
  readonly numeric?: boolean;
}

/** A date expression found in a message: where it is, and what it says. */
export interface FoundDate {
  readonly index: number;
  readonly length: number;
  /** The day, 'yyyy-MM-dd', or the reason the expression cannot be a meeting day. */
  readonly result: Result<string, string>;
}

export interface ParseMeetingDateOptions {
  /** Today in London, 'yyyy-MM-dd': a date without a year is its next occurrence from today. */
  readonly today: string;
  /**
   * Accept days before today (default false: "9 December 2025 is in the past"). Without a
   * year, a day that has just passed is still refused rather than moved to next year.
   */
  readonly allowPast?: boolean;
}

function monthOf(word: string | undefined): number {
  const w = (word ?? '').toLowerCase().replace(/\.$/, '');
  return MONTHS.findIndex((names) => names.includes(w)) + 1;
}

function weekdayOf(word: string): number {
  const w = word.toLowerCase();
  return WEEKDAYS.findIndex((names) => names.includes(w));
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const utc = (day: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, 12));
};
const addDays = (day: string, n: number) => {
  const t = utc(day);
  t.setUTCDate(t.getUTCDate() + n);
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
};
const weekdayNumber = (day: string) => utc(day).getUTCDay();
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** 'Tuesday 9 December 2026', as people say it. */
export function spokenDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return `${WEEKDAY_NAMES[weekdayNumber(day)]} ${d} ${MONTH_NAMES[m - 1]} ${y}`;
}

function resolve(parts: DateParts, options: ParseMeetingDateOptions): Result<string, string> {
  const { today } = options;
  const { date, month } = parts;
  if (parts.numeric && (month < 1 || month > 12)) {
    return fail(`there is no month ${month}: write dates day first, as in 9/12 for 9 December`);
  }
  const said = `${date} ${MONTH_NAMES[month - 1]}`;
  const thisYear = Number(today.slice(0, 4));
  let year: number;
  if (parts.year !== undefined) {
    year = parts.year.length === 2 ? 2000 + Number(parts.year) : Number(parts.year);
    if (date < 1 || date > daysInMonth(year, month)) return fail(`there is no ${said} in ${year}`);
  } else {
    // Without a year: this year's, unless it has passed by more than a month (then next
    // year's). A day just passed is more likely a slip than a meeting a year away: ask.
    if (date < 1 || date > 31 || date > daysInMonth(2024, month)) return fail(`there is no ${said}`);
    year = thisYear;
    while (date > daysInMonth(year, month)) year += 1; // 29 February: the next leap year
    const candidate = iso(year, month, date);
    if (candidate < today && !options.allowPast) {
      const passedBy = (utc(today).getTime() - utc(candidate).getTime()) / 86_400_000;
      if (passedBy <= 31) {
        return fail(`${spokenDay(candidate)} has passed (today is ${spokenDay(today)}); say the year if you mean ${said} ${year + 1}`);
      }
      year += 1;
      while (date > daysInMonth(year, month)) year += 1;
    }
  }
  const day = iso(year, month, date);
  if (parts.weekday !== undefined) {
    const wanted = weekdayOf(parts.weekday);
    if (wanted !== weekdayNumber(day)) {
      return fail(`${date} ${MONTH_NAMES[month - 1]} ${year} is a ${WEEKDAY_NAMES[weekdayNumber(day)]}, not a ${WEEKDAY_NAMES[wanted]}: which did you mean?`);
    }
  }
  if (day < today && !options.allowPast) return fail(`${spokenDay(day)} is in the past (today is ${spokenDay(today)})`);
  return ok(day);
}

function relative(word: string, options: ParseMeetingDateOptions): Result<string, string> {
  const { today } = options;
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  if (w === 'today') return ok(today);
  if (w === 'tomorrow') return ok(addDays(today, 1));
  const [lead, name] = w.split(' ') as [string, string];
  const wanted = weekdayOf(name);
  const ahead = ((wanted - weekdayNumber(today) + 7) % 7) || 7;
  const coming = addDays(today, ahead);
  if (lead === 'next') {
    // "Next Tuesday" means the coming one to some and the one after to others.
    return fail(
      `"next ${WEEKDAY_NAMES[wanted]}" could mean ${spokenDay(coming)} or ${spokenDay(addDays(coming, 7))}: say the date, e.g. ${Number(coming.slice(8))} ${MONTH_NAMES[Number(coming.slice(5, 7)) - 1]}`,
    );
  }
  return ok(coming);
}

/**
 * Every date expression in `text`, in order: "9 Dec", "9th of December", "Tuesday 9 December
 * 2026", "Dec 9", "9/12", "9/12/26", "2026-12-09", "today", "tomorrow", "on Tuesday". Each
 * comes with its day or with why it cannot be one (no such day, a weekday that does not
 * match, a day in the past, "next Tuesday", which is ambiguous).
 */
export function findMeetingDates(text: string, options: ParseMeetingDateOptions): FoundDate[] {
  const found: FoundDate[] = [];
  const taken = (index: number, length: number) => found.some((f) => index < f.index + f.length && f.index < index + length);
  for (const form of FORMS) {
    for (const m of text.matchAll(form.re)) {
      const index = m.index ?? 0;
      if (taken(index, m[0].length)) continue;
      found.push({ index, length: m[0].length, result: resolve(form.read(m as RegExpExecArray), options) });
    }
  }
  for (const m of text.matchAll(RELATIVE)) {
    const index = m.index ?? 0;
    if (taken(index, m[0].length)) continue;
    const words = (m[1] ?? '').toLowerCase();
    const lead = words.split(/\s+/)[0] ?? '';
    // "on Tuesday" → Tuesday; keep "next"/"this" for their meaning.
    const phrase = ['today', 'tomorrow'].includes(words) ? words : ['next', 'this'].includes(lead) ? words : `this ${words.split(/\s+/)[1]}`;
    // Leave a leading "on"/"to" outside the match so the caller can strip it like any other.
    const skip = ['next', 'this', 'today', 'tomorrow'].includes(lead) ? 0 : lead.length + 1;
    found.push({ index: index + skip, length: m[0].length - skip, result: relative(phrase, options) });
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * Reads a meeting day written the en-GB way, the whole of `text`.
 *
 * @example
 * parseMeetingDate('9 Dec', { today: '2026-11-24' })              //=> { ok: true, value: '2026-12-09' }
 * parseMeetingDate('9/1', { today: '2026-11-24' })                //=> { ok: true, value: '2027-01-09' }
 * parseMeetingDate('Tuesday 9 December 2026', { today: '2026-11-24' }).error
 * //=> '9 December 2026 is a Wednesday, not a Tuesday: which did you mean?'
 */
export function parseMeetingDate(text: string, options: ParseMeetingDateOptions): Result<string, string> {
  const said = text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[.?!]+$/, '');
  // A weekday alone ("Tuesday") reads as "on Tuesday": the coming one.
  const clean = new RegExp(`^${WD}$`, 'i').test(said) ? `on ${said}` : said;
  const found = findMeetingDates(clean, options);
  const [only] = found;
  if (found.length === 1 && only && only.index <= 3 && only.index + only.length >= clean.length - 1) return only.result;
  return fail(`I couldn't read "${text.trim()}" as a date: write it like 9 Dec, 9/12 or Tuesday 9 December 2026`);
}
