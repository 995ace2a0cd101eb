import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const exec = promisify(execFile);

/** Runs `node --import tsx cli/plan.ts …` as a user would, and never throws on exit codes. */
async function plan(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, ['--import', 'tsx', 'cli/plan.ts', ...args], {
      cwd: path.resolve(import.meta.dirname, '../..'),
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

interface JsonPlan {
  meeting: { type: string; day: string; time: string | null };
  steps: { step: string; recipient: string; day: string; weekday: string; sendAt: string; dueDay?: string; what: string }[];
}

let terms: string;
let badTerms: string;
beforeAll(async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'waymark-plan-'));
  terms = path.join(dir, 'terms.json');
  badTerms = path.join(dir, 'bad.json');
  await writeFile(terms, JSON.stringify({ termHolidays: [{ name: 'Christmas', start: '2026-12-21', end: '2027-01-01' }] }));
  await writeFile(badTerms, JSON.stringify({ termHolidays: [{ start: '2027-01-01', end: '2026-12-21' }] }));
});

describe('npm run plan', () => {
  it('prints a table for people', async () => {
    const out = await plan('--type', 'rap', '--meeting', '2027-01-12', '--time', '10:00', '--today', '2026-12-01');
    expect(out.code).toBe(0);
    expect(out.stderr).toBe('');
    const lines = out.stdout.split('\n');
    expect(lines[0]).toBe('RAP review meeting (reading/rap) on Tue 2027-01-12 at 10:00; planned as of 2026-12-01');
    expect(lines[2]).toMatch(/^date\s+day\s+time\s+step\s+to\s+what$/);
    expect(lines.slice(3, 10).map((l) => l.split(/\s{2,}/).slice(0, 5).join(' | '))).toEqual([
      '2026-12-24 | Thu | 08:00 | agenda | team channel',
      '2026-12-24 | Thu | 08:00 | agenda | each member',
      '2026-12-24 | Thu | 08:00 | evidence-request | headteacher',
      '2026-12-31 | Thu | 08:00 | evidence-reminder | headteacher',
      '2027-01-05 | Tue | 08:00 | evidence-due | headteacher',
      '2027-01-06 | Wed | 08:00 | escalation | officer',
      '2027-01-13 | Wed | 08:00 | minutes | officer',
    ]);
  });

  it('prints JSON for checks, with a term-holiday file', async () => {
    const out = await plan('--type', 'laig', '--meeting', '2027-01-12', '--today', '2026-12-01', '--terms', terms, '--json');
    expect(out.code).toBe(0);
    const parsed = JSON.parse(out.stdout) as JsonPlan;
    expect(parsed.meeting).toMatchObject({ type: 'cambridgeshire/laig', day: '2027-01-12', time: null });
    expect(parsed.steps.map((s) => `${s.day} ${s.weekday} ${s.step} ${s.recipient}`)).toEqual([
      '2026-12-15 Tue agenda channel',
      '2026-12-15 Tue agenda members',
      '2026-12-15 Tue evidence-request head',
      '2026-12-18 Fri evidence-reminder head',
      '2027-01-05 Tue evidence-due head',
      '2027-01-06 Wed escalation officer',
      '2027-01-13 Wed minutes officer',
    ]);
    expect(parsed.steps.at(-1)?.what).toBe('Circulate the minutes by Tue 26 Jan 2027, and the 5 key points for the governing body');
  });

  it('plans a first Camden board with --variant initial', async () => {
    const out = await plan('--type', 'project-board', '--variant', 'initial', '--meeting', '2027-04-08', '--today', '2027-03-01', '--json');
    const parsed = JSON.parse(out.stdout) as JsonPlan;
    expect(parsed.meeting.type).toBe('camden/project-board-initial');
    // Easter 2027: Good Friday 26 and Easter Monday 29 March skipped.
    expect(parsed.steps.map((s) => s.day).slice(2, 6)).toEqual(['2027-03-23', '2027-03-30', '2027-04-01', '2027-04-02']);
  });

  it.each([
    [['--type', 'visit', '--meeting', '2027-01-12'], 'plan: unknown meeting type "visit" (valid: rap, laig, project-board, progress-review, steering-group'],
    [['--type', 'rap', '--meeting', '2027-01-09', '--today', '2026-12-01'], 'plan: Saturday 9 January 2027 (2027-01-09) is not a working day: it is a weekend'],
    [['--type', 'rap', '--meeting', '2026-12-25', '--today', '2026-12-01'], 'plan: Friday 25 December 2026 (2026-12-25) is not a working day: it is a bank holiday'],
    [['--type', 'rap', '--meeting', '12/01/2027'], 'plan: --meeting takes a real date written YYYY-MM-DD, such as 2027-01-12, not "12/01/2027"'],
    [['--type', 'rap', '--meeting', '2027-02-30'], 'plan: --meeting takes a real date'],
    [['--type', 'rap', '--meeting', '2027-01-12', '--time', '9am'], 'plan: --time takes a 24-hour time'],
    [['--type', 'rap', '--meeting', '2027-01-12', '--today', 'yesterday'], 'plan: --today takes a real date'],
    [['--type', 'rap', '--meeting', '2027-01-12', '--today', '2027-01-13'], 'plan: the meeting on Tuesday 12 January 2027 is in the past'],
    [['--type', 'rap', '--meeting', '2031-01-14', '--today', '2030-12-02'], "plan: 2031-01-14 is outside the calendar's coverage"],
    [['--type', 'rap', '--variant', 'initial', '--meeting', '2027-01-12'], 'plan: --variant applies to --type project-board only'],
    [['--type', 'project-board', '--variant', 'first', '--meeting', '2027-01-12'], 'plan: --variant takes initial or subsequent'],
    [['--meeting', '2027-01-12'], 'plan: say which meeting with --type'],
    [['--type', 'rap'], 'plan: say when the meeting is with --meeting'],
    [['--type', 'rap', '--meeting', '2027-01-12', '--colour', 'red'], "plan: Unknown option '--colour'"],
  ])('exits 2 with one line for %j', async (args, message) => {
    const out = await plan(...args);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr.startsWith(message)).toBe(true);
    expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('exits 2 for a bad terms file, naming the problem', async () => {
    const out = await plan('--type', 'rap', '--meeting', '2027-01-12', '--today', '2026-12-01', '--terms', badTerms);
    expect(out.code).toBe(2);
    expect(out.stderr).toBe(`plan: --terms ${badTerms}: termHolidays.0.end: end before start\n`);
  });
});
