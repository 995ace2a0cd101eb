import { parseArgs } from 'node:util';
import {
  calendarOptionsFromFile,
  isDay,
  londonDay,
  londonTime,
  makeCalendar,
  parseCalendarFile,
  type WorkingCalendar,
} from '../../core/calendar/index.js';
import {
  describeStep,
  findMeetingType,
  planMeeting,
  recipientWords,
  validMeetingTypeNames,
  type Meeting,
  type PlanStep,
} from '../../core/meetings/index.js';
import { fail, ok, type Result } from '../../core/result.js';

export const USAGE = `Usage: npm run plan -- --type <rap|laig|project-board|progress-review|steering-group> --meeting YYYY-MM-DD
                      [--time HH:mm] [--today YYYY-MM-DD] [--json] [--terms file.json] [--variant initial|subsequent]
                      [--school "Oakfield Primary School"] [--urn 100001]

  --type     the meeting: rap (Reading), laig (Cambridgeshire), project-board (Camden),
             progress-review (Southwark), steering-group (Tri-borough), or framework/id
  --meeting  the meeting's day; --time its start (London), e.g. 10:00
  --today    plan as of this day (default: now, in London)
  --terms    an LA calendar file (JSON): term holidays and/or bank holidays
  --variant  project-board only: initial (the school's first board) or subsequent (default)
  --json     print the plan as JSON, for checks`;

/** What the command needs from the outside world, so tests can run it in-process. */
export interface PlanIo {
  readonly readFile: (path: string) => Promise<string>;
  readonly now: () => Date;
}

export interface PlanOutcome {
  readonly code: 0 | 2;
  readonly stdout: string;
  readonly stderr: string;
}

const usageError = (message: string): PlanOutcome => ({ code: 2, stdout: '', stderr: `plan: ${message}\n` });

async function loadCalendar(path: string | undefined, io: PlanIo): Promise<Result<WorkingCalendar, string>> {
  if (path === undefined) return ok(makeCalendar());
  let json: unknown;
  try {
    json = JSON.parse(await io.readFile(path));
  } catch (e) {
    return fail(`--terms ${path}: ${e instanceof SyntaxError ? `not valid JSON (${e.message})` : (e as Error).message}`);
  }
  const file = parseCalendarFile(json);
  if (!file.ok) return fail(`--terms ${path}: ${file.error.join('; ')}`);
  try {
    return ok(makeCalendar(calendarOptionsFromFile(file.value)));
  } catch (e) {
    return fail(`--terms ${path}: ${(e as Error).message}`);
  }
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const weekday = (day: string): string => WEEKDAYS[new Date(`${day}T12:00:00Z`).getUTCDay()] ?? '';

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows
    .map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd())
    .join('\n');
}

function render(meeting: Meeting, qualified: string, steps: readonly PlanStep[], today: string, json: boolean): string {
  const [day, time] = meeting.startsAt.split('T') as [string, string | undefined];
  const rows = steps.map((s) => ({
    day: s.day,
    weekday: weekday(s.day),
    time: londonTime(new Date(s.sendAt)),
    step: s.step,
    to: recipientWords[s.recipient],
    what: describeStep(s, meeting),
    step_: s,
  }));
  if (json) {
    return JSON.stringify(
      {
        meeting: { type: qualified, name: meeting.type.name, day, time: time ?? null, confidential: meeting.type.confidential },
        today,
        steps: rows.map((r) => ({ ...r.step_, weekday: r.weekday, what: r.what })),
      },
      null,
      2,
    );
  }
  const head = `${meeting.type.name} (${qualified}) on ${weekday(day)} ${day}${time ? ` at ${time}` : ''}; planned as of ${today}`;
  return [
    head,
    '',
    table([
      ['date', 'day', 'time', 'step', 'to', 'what'],
      ...rows.map((r) => [r.day, r.weekday, r.time, r.step, r.to, r.what]),
    ]),
    '',
    'Times are London time. Steps marked "if no evidence yet" are skipped once the evidence arrives.',
  ].join('\n');
}

/**
 * `npm run plan`: parses the arguments, plans the meeting and prints it. Bad input is one
 * line on stderr and exit code 2.
 */
export async function runPlan(argv: readonly string[], io: PlanIo): Promise<PlanOutcome> {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      allowPositionals: false,
      options: {
        type: { type: 'string' },
        meeting: { type: 'string' },
        time: { type: 'string' },
        today: { type: 'string' },
        terms: { type: 'string' },
        variant: { type: 'string' },
        school: { type: 'string' },
        urn: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    return usageError(`${(e as Error).message} (see npm run plan -- --help)`);
  }
  const v = args.values;
  if (v.help) return { code: 0, stdout: `${USAGE}\n`, stderr: '' };
  if (v.type === undefined) return usageError(`say which meeting with --type (valid: ${validMeetingTypeNames().join(', ')})`);
  if (v.variant !== undefined && v.variant !== 'initial' && v.variant !== 'subsequent') {
    return usageError(`--variant takes initial or subsequent, not "${v.variant}"`);
  }
  if (v.variant !== undefined && v.type.trim().toLowerCase() !== 'project-board') {
    return usageError('--variant applies to --type project-board only');
  }
  const found = findMeetingType(v.type, { variant: v.variant });
  if (!found.ok) return usageError(found.error);
  if (v.meeting === undefined) return usageError('say when the meeting is with --meeting YYYY-MM-DD');
  if (!isDay(v.meeting)) return usageError(`--meeting takes a real date written YYYY-MM-DD, such as 2027-01-12, not "${v.meeting}"`);
  if (v.time !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(v.time)) {
    return usageError(`--time takes a 24-hour time written HH:mm, such as 10:00, not "${v.time}"`);
  }
  if (v.today !== undefined && !isDay(v.today)) {
    return usageError(`--today takes a real date written YYYY-MM-DD, such as 2026-12-01, not "${v.today}"`);
  }
  const calendar = await loadCalendar(v.terms, io);
  if (!calendar.ok) return usageError(calendar.error);

  // With --today the plan is as of the start of that day; without, as of this moment.
  const now = v.today === undefined ? io.now() : undefined;
  const today = v.today ?? londonDay(now ?? io.now());
  const qualified = `${found.value.framework.id}/${found.value.meetingType.id}`;
  const meeting: Meeting = {
    id: `${found.value.meetingType.id}-${v.meeting}`,
    schoolUrn: v.urn ?? '000000',
    schoolName: v.school ?? 'the school',
    type: found.value.meetingType,
    startsAt: v.time === undefined ? v.meeting : `${v.meeting}T${v.time}`,
  };
  const plan = planMeeting({ meeting, today, now, calendar: calendar.value });
  if (!plan.ok) return usageError(plan.error);
  return { code: 0, stdout: `${render(meeting, qualified, plan.value, today, v.json ?? false)}\n`, stderr: '' };
}
