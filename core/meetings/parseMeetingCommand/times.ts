import { fail, ok, type Result } from '../../result.js';

/** A time found in a message: where it is, and 'HH:mm' or why it is not a clear time. */
export interface FoundTime {
  readonly index: number;
  readonly length: number;
  readonly result: Result<string, string>;
}

const pad = (n: number) => String(n).padStart(2, '0');

// 10:00, 10.30, 2.30pm, 10am, 2 pm, noon, midday; "at 10" (the hour alone, after "at").
const CLOCK = /\b(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)(?![a-z])|\b(\d{1,2})[:.](\d{2})\b(?![:./]\d)|\b(noon|midday)\b|\bat\s+(\d{1,2})\b(?![:./]\d|\s*(?:st|nd|rd|th)\b)/gi;

function read(hour: number, minute: number, meridiem: string | undefined, said: string): Result<string, string> {
  if (minute > 59) return fail(`"${said}" is not a time: minutes go up to 59`);
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return fail(`"${said}" is not a time: with am or pm the hour is 1 to 12`);
    const pm = meridiem.startsWith('p');
    const h = hour === 12 ? (pm ? 12 : 0) : pm ? hour + 12 : hour;
    return ok(`${pad(h)}:${pad(minute)}`);
  }
  if (hour > 23) return fail(`"${said}" is not a time: hours go up to 23`);
  // Meetings happen in the school day: 2:30 is far more likely 14:30 than the small hours.
  if (hour < 7) {
    return fail(`"${said}": is that ${hour === 0 ? 12 : hour}${minute ? `.${pad(minute)}` : ''}am or pm? Say ${hour === 0 ? 12 : hour}${minute ? `.${pad(minute)}` : ''}pm or ${pad(hour + 12)}:${pad(minute)}`);
  }
  return ok(`${pad(hour)}:${pad(minute)}`);
}

/**
 * Every time of day in `text` (lower-cased): "10:00", "10.30", "10am", "2.30pm", "noon", and
 * "at 10" (the hour alone only after "at"). A bare hour before 7 without am/pm is ambiguous
 * (2:30 in the morning?) and comes back as a question.
 */
export function findMeetingTimes(text: string): FoundTime[] {
  const found: FoundTime[] = [];
  for (const m of text.matchAll(CLOCK)) {
    const index = m.index ?? 0;
    const said = m[0].trim();
    let result: Result<string, string>;
    if (m[1] !== undefined) result = read(Number(m[1]), Number(m[2] ?? 0), m[3]?.replace(/\./g, ''), said);
    else if (m[4] !== undefined) result = read(Number(m[4]), Number(m[5]), undefined, said);
    else if (m[6] !== undefined) result = ok('12:00');
    else result = read(Number(m[7]), 0, undefined, said);
    // Leave "at" outside the match: callers strip it with the other linking words.
    const skip = m[7] !== undefined ? m[0].indexOf(m[7]) : 0;
    found.push({ index: index + skip, length: m[0].length - skip, result });
  }
  return found;
}

/**
 * Reads a meeting time, the whole of `text`: 'HH:mm' (24-hour).
 *
 * @example
 * parseMeetingTime('2.30pm') //=> { ok: true, value: '14:30' }
 * parseMeetingTime('10am')   //=> { ok: true, value: '10:00' }
 * parseMeetingTime('2:30').error //=> '"2:30": is that 2.30am or pm? Say 2.30pm or 14:30'
 */
export function parseMeetingTime(text: string): Result<string, string> {
  const clean = text.trim().toLowerCase();
  if (/^\d{1,2}$/.test(clean)) return parseMeetingTime(`at ${clean}`);
  const found = findMeetingTimes(clean);
  const [only] = found;
  if (found.length === 1 && only && only.index <= 3 && only.index + only.length >= clean.length) return only.result;
  return fail(`I couldn't read "${text.trim()}" as a time: write it like 10:00, 10am or 2.30pm`);
}
