/**
 * The simulated school year 2026/27: an LA's term calendar (with a Christmas fortnight, both
 * half terms, Easter and the summer), 60 schools with their heads and officers, and about six
 * RAP meetings per school, each set up by an officer some weeks ahead (a few too late for the
 * 10-working-day chase), with evidence arriving for about half and a few cancellations.
 *
 * British Summer Time ends on Sun 25 Oct 2026 and starts on Sun 28 Mar 2027, inside the year.
 */
import { addWorkingDays, isWorkingDay, londonDateTime, makeCalendar, subWorkingDays, type Closure, type WorkingCalendar } from '../../core/calendar/index.js';
import { seededRandom } from './random.js';

export const TERM_CLOSURES: readonly Closure[] = [
  { name: 'Autumn half term', start: '2026-10-26', end: '2026-10-30' },
  { name: 'Christmas (LA fortnight)', start: '2026-12-21', end: '2027-01-01' },
  { name: 'Spring half term', start: '2027-02-15', end: '2027-02-19' },
  { name: 'Easter', start: '2027-03-29', end: '2027-04-09' },
  { name: 'Summer half term', start: '2027-05-31', end: '2027-06-04' },
  { name: 'Summer', start: '2027-07-22', end: '2027-08-31' },
];

export const termCalendar = (): WorkingCalendar => makeCalendar({ closures: TERM_CLOSURES });

export const YEAR_START = '2026-09-01';
export const FIRST_MEETING_DAY = '2026-09-14';
export const LAST_MEETING_DAY = '2027-07-20';

export interface SimSchool {
  readonly index: number;
  readonly urn: string;
  readonly name: string;
  readonly head: string;
  readonly headEmail: string;
  readonly officer: string;
  /** How the bot reaches the head: a Teams 1:1 chat, e-mail through Graph, or a chat the head blocked. */
  readonly headRoute: 'teams' | 'email' | 'blocked';
}

export interface SimMeeting {
  readonly school: SimSchool;
  /** London wall-clock 'yyyy-MM-ddTHH:mm'. */
  readonly startsAt: string;
  /** When the officer schedules it. */
  readonly setUpAt: Date;
  /** When the head's evidence arrives, if it does. */
  readonly evidenceAt?: Date;
  /** When the officer cancels it, if they do. */
  readonly cancelAt?: Date;
}

export interface Year {
  readonly schools: readonly SimSchool[];
  readonly meetings: readonly SimMeeting[];
}

const OFFICERS = ['Officer Adams', 'Officer Begum', 'Officer Clarke', 'Officer Davies', 'Officer Evans', 'Officer Fox'];
const TIMES = ['09:00', '09:30', '10:00', '11:00', '13:30', '14:00', '15:30'];

/** A random instant in the working hours (09:00–16:45 London) of a working day. */
function workingInstant(day: string, random: ReturnType<typeof seededRandom>): Date {
  const minutes = 9 * 60 + random.int(0, 31) * 15;
  return londonDateTime(day, `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`);
}

export function buildYear(options: { seed: number; schools: number; meetingsPerSchool: number; from?: string; to?: string }): Year {
  const random = seededRandom(options.seed);
  const calendar = termCalendar();
  const from = options.from ?? FIRST_MEETING_DAY;
  const to = options.to ?? LAST_MEETING_DAY;
  const schools: SimSchool[] = Array.from({ length: options.schools }, (_, i) => ({
    index: i,
    urn: String(110001 + i),
    name: `Simulated School ${i + 1}`,
    head: `Head ${i + 1}`,
    headEmail: `head${i + 1}@school.example`,
    officer: OFFICERS[i % OFFICERS.length]!,
    // One head has blocked the bot; every tenth is reached by e-mail only.
    headRoute: i === 0 ? 'blocked' : i % 10 === 9 ? 'email' : 'teams',
  }));
  const span = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  const meetings: SimMeeting[] = [];
  for (const school of schools) {
    const gap = span / options.meetingsPerSchool;
    const taken = new Set<string>();
    for (let m = 0; m < options.meetingsPerSchool; m++) {
      // Spread across the year, each in its own slice, moved to a working day of term.
      let day = new Date(Date.parse(from) + (m * gap + random.next() * gap * 0.8) * 86_400_000).toISOString().slice(0, 10);
      while (!isWorkingDay(day, calendar) || taken.has(day)) day = addWorkingDays(day, 1, calendar);
      if (day > to) continue;
      taken.add(day);
      const startsAt = `${day}T${random.pick(TIMES)}`;
      // Usually 12–30 working days ahead; one in ten only 2–8 (too late to chase 10 ahead).
      const ahead = random.chance(0.1) ? random.int(2, 8) : random.int(12, 30);
      let setUpDay = subWorkingDays(day, ahead, calendar);
      if (setUpDay < YEAR_START) setUpDay = YEAR_START;
      const setUpAt = workingInstant(setUpDay, random);
      const meetingAt = londonDateTime(day, startsAt.slice(11));
      const window = meetingAt.getTime() - setUpAt.getTime();
      const evidenceAt = random.chance(0.5) ? new Date(setUpAt.getTime() + window * (0.2 + random.next() * 0.7)) : undefined;
      const cancelAt = random.chance(0.03) ? new Date(setUpAt.getTime() + window * random.next() * 0.9) : undefined;
      meetings.push({ school, startsAt, setUpAt, ...(evidenceAt ? { evidenceAt } : {}), ...(cancelAt ? { cancelAt } : {}) });
    }
  }
  return { schools, meetings };
}
