import { findMeetingDates, spokenDay, type FoundDate } from './dates.js';
import { findMeetingTypeWords, type MeetingTypeWords } from './meetingTypeWords.js';
import { findMeetingTimes, type FoundTime } from './times.js';

export { findMeetingDates, parseMeetingDate, spokenDay, type FoundDate, type ParseMeetingDateOptions } from './dates.js';
export { findMeetingTimes, parseMeetingTime, type FoundTime } from './times.js';
export { findMeetingTypeWords, parseMeetingTypeWords, type FoundMeetingType, type MeetingTypeWords } from './meetingTypeWords.js';

/** A span of days, both ends inclusive, 'yyyy-MM-dd'. */
export interface DayRange {
  readonly from: string;
  readonly to: string;
  /** How the person put it: 'this week', 'next week', 'today', 'upcoming'. */
  readonly label: string;
}

/** What an officer (or a head, for evidence) asked for, read from plain words. */
export type MeetingCommand =
  | {
      readonly kind: 'schedule';
      /** Absent parts are asked for (the form). */
      readonly school?: string;
      readonly type?: MeetingTypeWords;
      readonly day?: string;
      readonly time?: string;
    }
  | {
      readonly kind: 'move';
      readonly school: string;
      readonly type?: MeetingTypeWords;
      /** "from 9 Dec": which meeting, when the school has several. */
      readonly fromDay?: string;
      /** At least one of `day` and `time`. */
      readonly day?: string;
      readonly time?: string;
    }
  | { readonly kind: 'cancel'; readonly school: string; readonly type?: MeetingTypeWords; readonly day?: string }
  | { readonly kind: 'list'; readonly range: DayRange; readonly school?: string }
  | { readonly kind: 'next'; readonly school?: string; readonly type?: MeetingTypeWords }
  | {
      readonly kind: 'evidence';
      /** Absent when a head says "evidence sent": their own school. */
      readonly school?: string;
      readonly type?: MeetingTypeWords;
    }
  | { readonly kind: 'status'; readonly school: string };

export type MeetingCommandKind = MeetingCommand['kind'];

/** A command read, or one recognised but not understood: `error` says what to fix. */
export type ParsedMeetingCommand =
  | { readonly ok: true; readonly command: MeetingCommand }
  | { readonly ok: false; readonly kind: MeetingCommandKind; readonly error: string };

export interface ParseMeetingCommandOptions {
  /** Today in London, 'yyyy-MM-dd': for "tomorrow", dates without a year and past dates. */
  readonly today: string;
}

const LEAD = String.raw`^(?:(?:please|ok|okay|hi|hey),?\s+)*(?:(?:can|could|would)\s+you\s+(?:please\s+)?)?`;
const SCHEDULE = new RegExp(`${LEAD}(schedule|book|arrange|set\\s*up|add|create|plan|organi[sz]e|put\\s+in|new)\\b\\s*`, 'i');
const MOVE = new RegExp(
  `${LEAD}(move|reschedule|re-schedule|rearrange|re-arrange|change|postpone|put\\s+back|bring\\s+forward|push\\s+back)\\b\\s*`,
  'i',
);
const CANCEL = new RegExp(`${LEAD}(cancel|call\\s+off|delete|remove|scrap)\\b\\s*`, 'i');

const EVIDENCE_IN = /^(?:please\s+)?(?:record|log|mark)?\s*(?:the\s+)?evidence\s+(?:(?:has\s+been\s+|was\s+)?(?:received|in|arrived|recorded|sent|submitted)|came\s+in|has\s+arrived|is\s+in)\s+(?:for|from)\s+(.+)$/i;
const EVIDENCE_GOT = /^(?:we(?:'ve|\s+have)\s+)?(?:got|received|had)\s+(?:the\s+)?evidence\s+(?:for|from)\s+(.+)$/i;
const EVIDENCE_SCHOOL_FIRST = /^(.+?)\s+evidence\s+(?:is\s+in|has\s+arrived|has\s+been\s+received|received|arrived|came\s+in)$/i;
const EVIDENCE_SCHOOL_SENT = /^(.+?)\s+(?:has|have)\s+sent\s+(?:in\s+)?(?:their|its|the)\s+evidence(?:\s+in)?$/i;
const EVIDENCE_HEAD = /^(?:(?:i|we)(?:'ve|\s+have)?\s+(?:just\s+)?(?:sent|attached|uploaded|shared)\s+(?:the\s+|our\s+|my\s+)?evidence|evidence\s+(?:sent|attached|uploaded|shared)|here(?:'s|\s+is|\s+are)\s+(?:the\s+|our\s+|my\s+)?evidence)\b/i;

const STATUS = [
  /^(?:what(?:'s|\s+is)\s+the\s+|show\s+(?:me\s+)?(?:the\s+)?)?status\s+(?:of|for)\s+(.+?)\s+reminders?$/i,
  /^(?:show\s+(?:me\s+)?|what(?:'s|\s+is)\s+the\s+)?(?:the\s+)?reminders?\s+status\s+(?:of|for)\s+(.+)$/i,
  /^(?:show\s+(?:me\s+)?)?(?:the\s+)?reminders?\s+(?:of|for)\s+(.+)$/i,
  /^(?:show\s+(?:me\s+)?)?(?:the\s+)?status\s+(?:of|for)\s+(.+?)(?:'s)?\s+(?:reminders?|chasing|chasers?)$/i,
  /^(?:how\s+are\s+)?(.+?)\s+reminders?\s+(?:status|going|doing)$/i,
  // "status of Oakfield": the same answer (its reminders, and any warning notice's dates).
  /^(?:what(?:'s|\s+is)\s+the\s+|show\s+(?:me\s+)?(?:the\s+)?)?status\s+(?:of|for)\s+(.+)$/i,
];

const NEXT = [
  /^(?:(?:when|what)(?:'s|\s+is)\s+)?(?:the\s+)?next\s+(.*?)\s*meeting(?:\s+(?:for|with|at|of)\s+(.+))?$/i,
  /^(?:(?:when|what)(?:'s|\s+is)\s+)?(.+?)\s+next\s+(.*?)\s*meeting$/i,
];

const WEEKDAY_OFFSET = (day: string) => (new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
const addDays = (day: string, n: number) => {
  const t = new Date(`${day}T12:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
};
const endOfMonth = (day: string) => {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0, 12)).toISOString().slice(0, 10);
};

function clean(text: string): string {
  return text
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[?!]+$/, '')
    .replace(/\.$/, '')
    .trim();
}

/** The school as typed, from what is left once dates, times, the type and filler words are out. */
function schoolFrom(rest: string): string | undefined {
  let s = ` ${rest} `;
  s = s.replace(/\s(?:the\s+)?(?:time|date|day)\s+(?:of|for)\s/gi, ' ');
  s = s.replace(/\s(?:please|meeting|meetings)(?=\s)/gi, ' ');
  s = s.replace(/\s+/g, ' ').trim();
  s = s.replace(/^(?:(?:a|an|the|my|our)(?:\s+|$))+/i, '');
  s = s.replace(/^(?:for|with|at|of|in)(?:\s+|$)/i, '');
  s = s.replace(/^(?:the(?:\s+|$))/i, '');
  s = s.replace(/\s+(?:for|with|at|on|to|from|in|of)$/i, '');
  s = s.replace(/^[,\s]+|[,\s]+$/g, '');
  return s === '' ? undefined : s;
}

/** Replaces spans by a marker, and the linking word ("on", "at", "to"…) right before each. */
function cut(text: string, spans: readonly { index: number; length: number }[]): string {
  let out = text;
  for (const s of [...spans].sort((a, b) => b.index - a.index)) {
    out = `${out.slice(0, s.index)}\u0000${out.slice(s.index + s.length)}`;
  }
  return out
    .replace(/(?:\s*,)?\s*(?:\b(?:on|at|for|from|to|until|till|by|onto|into)\s*)?\u0000/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const before = (text: string, index: number, word: RegExp) => word.test(text.slice(0, index).trimEnd().split(/\s+/).at(-1) ?? '');

function dateError(found: readonly FoundDate[]): string | undefined {
  for (const f of found) if (!f.result.ok) return f.result.error;
  return undefined;
}

function timeError(found: readonly FoundTime[]): string | undefined {
  for (const f of found) if (!f.result.ok) return f.result.error;
  return undefined;
}

const dayOf = (f: FoundDate | undefined) => (f?.result.ok ? f.result.value : undefined);
const timeOf = (f: FoundTime | undefined) => (f?.result.ok ? f.result.value : undefined);

function parseSchedule(body: string, options: ParseMeetingCommandOptions): ParsedMeetingCommand {
  const dates = findMeetingDates(body, options);
  const times = findMeetingTimes(blank(body, dates));
  const problem = dateError(dates) ?? timeError(times);
  if (problem) return { ok: false, kind: 'schedule', error: problem };
  if (dates.length > 1) {
    return { ok: false, kind: 'schedule', error: `I found ${dates.length} dates (${dates.map((d) => spokenDay(dayOf(d) ?? '')).join(', ')}): which day is the meeting?` };
  }
  if (times.length > 1) return { ok: false, kind: 'schedule', error: `I found ${times.length} times (${times.map(timeOf).join(', ')}): when does it start?` };
  const rest = cut(body, [...dates, ...times]);
  const found = findMeetingTypeWords(rest);
  const school = schoolFrom(found ? cut(rest, [found]) : rest);
  const day = dayOf(dates[0]);
  const time = timeOf(times[0]);
  return {
    ok: true,
    command: {
      kind: 'schedule',
      ...(school ? { school } : {}),
      ...(found ? { type: found.type } : {}),
      ...(day ? { day } : {}),
      ...(time ? { time } : {}),
    },
  };
}

/** `text` with the spans overwritten by spaces, so later searches keep their indexes. */
function blank(text: string, spans: readonly { index: number; length: number }[]): string {
  let out = text;
  for (const s of spans) out = `${out.slice(0, s.index)}${' '.repeat(s.length)}${out.slice(s.index + s.length)}`;
  return out;
}

function parseMove(body: string, options: ParseMeetingCommandOptions): ParsedMeetingCommand {
  const dates = findMeetingDates(body, options);
  const times = findMeetingTimes(blank(body, dates));
  const fromDates = dates.filter((d) => before(body, d.index, /^from$/i));
  const toDates = dates.filter((d) => !fromDates.includes(d));
  const toTimes = times.filter((t) => !before(body, t.index, /^from$/i));
  // The day it moves from may be past only in the sense of "earlier than planned"; the new
  // one must not be.
  const target = toDates.at(-1);
  if (target?.result.ok && target.result.value < options.today) {
    return { ok: false, kind: 'move', error: `${spokenDay(target.result.value)} is in the past (today is ${spokenDay(options.today)})` };
  }
  const problem = dateError(toDates) ?? dateError(fromDates) ?? timeError(toTimes);
  if (problem) return { ok: false, kind: 'move', error: problem };
  if (toDates.length > 1) return { ok: false, kind: 'move', error: 'I found more than one new date: which day should it move to?' };
  if (toTimes.length > 1) return { ok: false, kind: 'move', error: 'I found more than one new time: when should it start?' };
  const rest = cut(body, [...dates, ...times]);
  const found = findMeetingTypeWords(rest);
  const school = schoolFrom(found ? cut(rest, [found]) : rest);
  const day = dayOf(target);
  const time = timeOf(toTimes[0]);
  const fromDay = dayOf(fromDates[0]);
  if (!school) return { ok: false, kind: 'move', error: "Which school's meeting? For example: move Oakfield's RAP to 16 Dec" };
  if (!day && !time) return { ok: false, kind: 'move', error: `Move it to when? For example: move ${school} ${found ? 'meeting' : 'RAP'} to 16 Dec at 10:00` };
  return {
    ok: true,
    command: {
      kind: 'move',
      school,
      ...(found ? { type: found.type } : {}),
      ...(fromDay ? { fromDay } : {}),
      ...(day ? { day } : {}),
      ...(time ? { time } : {}),
    },
  };
}

function parseCancel(body: string, options: ParseMeetingCommandOptions): ParsedMeetingCommand {
  const dates = findMeetingDates(body, options);
  const problem = dateError(dates);
  if (problem) return { ok: false, kind: 'cancel', error: problem };
  if (dates.length > 1) return { ok: false, kind: 'cancel', error: 'I found more than one date: which meeting should I cancel?' };
  const times = findMeetingTimes(blank(body, dates));
  const rest = cut(body, [...dates, ...times]);
  const found = findMeetingTypeWords(rest);
  const school = schoolFrom(found ? cut(rest, [found]) : rest);
  if (!school) return { ok: false, kind: 'cancel', error: "Which school's meeting? For example: cancel Oakfield's RAP" };
  const day = dayOf(dates[0]);
  return { ok: true, command: { kind: 'cancel', school, ...(found ? { type: found.type } : {}), ...(day ? { day } : {}) } };
}

const RANGES: readonly [RegExp, (today: string, n?: number) => Omit<DayRange, 'label'>][] = [
  [/\bthis\s+week\b/i, (t) => ({ from: addDays(t, -WEEKDAY_OFFSET(t)), to: addDays(t, 6 - WEEKDAY_OFFSET(t)) })],
  [/\bnext\s+week\b/i, (t) => ({ from: addDays(t, 7 - WEEKDAY_OFFSET(t)), to: addDays(t, 13 - WEEKDAY_OFFSET(t)) })],
  [/\btoday\b/i, (t) => ({ from: t, to: t })],
  [/\btomorrow\b/i, (t) => ({ from: addDays(t, 1), to: addDays(t, 1) })],
  [/\bthis\s+month\b/i, (t) => ({ from: t, to: endOfMonth(t) })],
  [/\bnext\s+month\b/i, (t) => {
    const first = addDays(endOfMonth(t), 1);
    return { from: first, to: endOfMonth(first) };
  }],
  [/\b(?:next|coming)\s+(\d{1,2})\s+weeks?\b/i, (t, n = 1) => ({ from: t, to: addDays(t, 7 * n - 1) })],
];

const LIST_FILLER = /\b(?:list|show|me|see|what|what's|whats|which|are|is|there|any|the|all|our|my|upcoming|scheduled|booked|planned|coming|up|do|we|have|got|meetings|meeting|for|in|on|at|of|with|please|during|over)\b/gi;

function parseList(body: string, today: string): ParsedMeetingCommand {
  let range: DayRange = { from: today, to: addDays(today, 27), label: 'the next four weeks' };
  let rest = body;
  for (const [re, make] of RANGES) {
    const m = re.exec(body);
    if (m) {
      range = { ...make(today, m[1] ? Number(m[1]) : undefined), label: m[0].toLowerCase().replace(/\s+/g, ' ') };
      rest = body.replace(re, ' ');
      break;
    }
  }
  const words = rest.replace(LIST_FILLER, ' ').replace(/[,\s]+/g, ' ').trim();
  if (words === '') return { ok: true, command: { kind: 'list', range } };
  const school = schoolFrom(rest.replace(/^(?:\s*\b(?:list|show|me|see|what|what's|whats|which|are|is|there|any|the|all|our|my|upcoming|scheduled|booked|meetings|meeting)\b)+/gi, ' ').replace(/\b(?:are\s+there|do\s+we\s+have|coming\s+up)\b/gi, ' '));
  return { ok: true, command: { kind: 'list', range, ...(school ? { school } : {}) } };
}

/**
 * Which meeting command `text` is, without reading its details (so without knowing today):
 * for the router. Undefined when it is not one.
 *
 * @example
 * meetingCommandKind('schedule a RAP for Oakfield on 9 Dec at 10:00') //=> 'schedule'
 * meetingCommandKind("what is St Mary's category?")                   //=> undefined
 */
export function meetingCommandKind(text: string): MeetingCommandKind | undefined {
  const t = clean(text);
  if (t === '') return undefined;
  if (STATUS.some((re) => re.test(t))) return 'status';
  if (EVIDENCE_IN.test(t) || EVIDENCE_GOT.test(t) || EVIDENCE_SCHOOL_FIRST.test(t) || EVIDENCE_SCHOOL_SENT.test(t) || EVIDENCE_HEAD.test(t)) {
    return 'evidence';
  }
  const typeOrMeeting = (s: string) => findMeetingTypeWords(s) !== undefined || /\bmeetings?\b/i.test(s);
  const schedule = SCHEDULE.exec(t);
  if (schedule && typeOrMeeting(t.slice(schedule[0].length))) return 'schedule';
  // "RAP for Oakfield on 9 Dec at 10:00", "project board for Oakfield on 12 Jan".
  const typeFirst = findMeetingTypeWords(t);
  if (typeFirst && typeFirst.index === 0 && /^\s*(?:for|with|at)\s/i.test(t.slice(typeFirst.length)) && findMeetingDates(t, { today: '2000-01-01', allowPast: true }).length > 0) {
    return 'schedule';
  }
  const move = MOVE.exec(t);
  if (move && typeOrMeeting(t.slice(move[0].length))) return 'move';
  const cancel = CANCEL.exec(t);
  if (cancel && typeOrMeeting(t.slice(cancel[0].length))) return 'cancel';
  if (NEXT.some((re) => re.test(t)) && nextParts(t) !== undefined) return 'next';
  if (/\bmeetings\b/i.test(t) || /^(?:list|show|see)\s+(?:(?:all|the|my|our|upcoming)\s+)*meetings?$/i.test(t) || /^what(?:'s|\s+is)\s+on\s+(?:this|next)\s+week$/i.test(t)) {
    return 'list';
  }
  return undefined;
}

/** "next meeting for X", "X's next RAP meeting": the school and type, or undefined when the words between are not a type. */
function nextParts(t: string): { school?: string; type?: MeetingTypeWords } | undefined {
  for (const re of NEXT) {
    const m = re.exec(t);
    if (!m) continue;
    const [schoolText, typeText] = re === NEXT[0] ? [m[2], m[1]] : [m[1], m[2]];
    const found = typeText ? findMeetingTypeWords(typeText) : undefined;
    if (typeText && typeText.trim() !== '' && !found) continue;
    const school = schoolText ? schoolFrom(schoolText) : undefined;
    return { ...(school ? { school } : {}), ...(found ? { type: found.type } : {}) };
  }
  return undefined;
}

/**
 * Reads a meeting command in plain words (en-GB dates and times), or undefined when `text` is
 * not one. Recognised but unclear commands come back with `ok: false` and a question or a
 * reason: a day that does not exist, a weekday that does not match its date, a day in the
 * past, "next Tuesday" (this coming one, or the one after?), "at 2" (am or pm?), two dates.
 *
 * - schedule: "schedule a RAP for Oakfield on 9 Dec at 10:00", "book an initial project
 *   board for St Mary's on Tuesday 12 January 2027 at 2.30pm", "RAP for Oakfield on 9/12 at
 *   10am"; missing parts are left out (the bot asks with a form).
 * - move: "move Oakfield's RAP to 16 Dec", "move the RAP for Oakfield from 9 Dec to 16 Dec at 2pm".
 * - cancel: "cancel Oakfield's RAP", "cancel the LAIG for Oakfield on 9 Dec".
 * - list: "meetings this week", "meetings next week", "what meetings are there tomorrow".
 * - next: "next meeting for Oakfield", "Oakfield's next meeting", "next RAP".
 * - evidence: "evidence received for Oakfield", "Oakfield's evidence is in", "evidence sent".
 * - status: "status of Oakfield's reminders", "reminders for Oakfield", "status of Oakfield".
 *
 * The school is returned as typed (possessive included): find it with `findSchools`.
 *
 * @example
 * parseMeetingCommand('schedule a RAP for Oakfield on 9 Dec at 10:00', { today: '2026-11-24' })
 * //=> { ok: true, command: { kind: 'schedule', school: 'Oakfield', type: { alias: 'rap' }, day: '2026-12-09', time: '10:00' } }
 * parseMeetingCommand('move Oakfield's RAP to next Tuesday', { today: '2026-11-24' }).error
 * //=> '"next Tuesday" could mean Tuesday 1 December 2026 or Tuesday 8 December 2026: say the date, e.g. 1 December'
 */
export function parseMeetingCommand(text: string, options: ParseMeetingCommandOptions): ParsedMeetingCommand | undefined {
  const kind = meetingCommandKind(text);
  if (kind === undefined) return undefined;
  const t = clean(text);
  switch (kind) {
    case 'schedule': {
      const verb = SCHEDULE.exec(t);
      return parseSchedule(verb ? t.slice(verb[0].length) : t, options);
    }
    case 'move':
      return parseMove(t.slice((MOVE.exec(t)?.[0] ?? '').length), options);
    case 'cancel':
      return parseCancel(t.slice((CANCEL.exec(t)?.[0] ?? '').length), options);
    case 'list':
      return parseList(t, options.today);
    case 'next':
      return { ok: true, command: { kind: 'next', ...nextParts(t) } };
    case 'evidence':
      return parseEvidence(t);
    case 'status': {
      const m = STATUS.map((re) => re.exec(t)).find((x) => x !== null);
      const school = schoolFrom(m?.[1] ?? '');
      if (!school) return { ok: false, kind: 'status', error: "Which school? For example: status of Oakfield's reminders" };
      return { ok: true, command: { kind: 'status', school } };
    }
  }
}

function parseEvidence(t: string): ParsedMeetingCommand {
  const m = EVIDENCE_IN.exec(t) ?? EVIDENCE_GOT.exec(t) ?? EVIDENCE_SCHOOL_FIRST.exec(t) ?? EVIDENCE_SCHOOL_SENT.exec(t);
  if (!m?.[1]) return { ok: true, command: { kind: 'evidence' } };
  const found = findMeetingTypeWords(m[1]);
  const school = schoolFrom(found ? cut(m[1], [found]) : m[1]);
  if (!school) return { ok: true, command: { kind: 'evidence', ...(found ? { type: found.type } : {}) } };
  return { ok: true, command: { kind: 'evidence', school, ...(found ? { type: found.type } : {}) } };
}
