/**
 * `npm run sim`: the simulated school year 2026/27 (60 schools, about 6 RAP meetings each),
 * printing what an LA would want to know about the chasing. Options:
 * --seed <n>, --schools <n>, --meetings <n per school>, --kills <n>. Needs PostgreSQL
 * (WAYMARK_TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test).
 */
import { parseArgs } from 'node:util';
import { PG_URL } from '../support/postgres.js';
import { runSimulation, type SimReport } from './run.js';

const { values } = parseArgs({
  options: { seed: { type: 'string' }, schools: { type: 'string' }, meetings: { type: 'string' }, kills: { type: 'string' }, quiet: { type: 'boolean' } },
});
const int = (v: string | undefined, name: string): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) {
    process.stderr.write(`--${name} must be a whole number, got "${v}"\n`);
    process.exit(2);
  }
  return n;
};
const seed = int(values.seed, 'seed');
const schools = int(values.schools, 'schools');
const meetings = int(values.meetings, 'meetings');
const kills = int(values.kills, 'kills');

export function printReport(r: SimReport, write: (s: string) => void): void {
  const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`);
  const mins = (ms: number) => `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
  write(`Simulated school year 2026/27 (seed ${r.seed})\n`);
  write(`  schools                    ${r.schools}\n`);
  write(`  meetings                   ${r.meetings} (${r.meetingsCancelled} cancelled, evidence in for ${r.evidenceReceived})\n`);
  write(`  reminders planned          ${r.remindersPlanned}\n`);
  write(`  reminders sent             ${r.byStatus.sent ?? 0} (delivered to fake Teams/Graph: ${r.delivered})\n`);
  write(`  outcomes                   ${Object.entries(r.byStatus).map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
  write(`  heads asked >=10 working days ahead, when set up in time: ${r.headsInTime.asked}/${r.headsInTime.of} (${pct(r.headsInTime.asked, r.headsInTime.of)}; target 100%)` +
    `${r.headsBlocked ? `; ${r.headsBlocked} more to a head who blocked the bot (reported as blocked)` : ''}\n`);
  for (const n of r.headsInTime.notAsked.slice(0, 10)) write(`      not asked in time: ${n}\n`);
  write(`  duplicates                 ${r.duplicates.length} (target 0)\n`);
  for (const d of r.duplicates.slice(0, 10)) write(`      ${d}\n`);
  write(`  lost                       ${r.lost.length} (target 0)\n`);
  for (const l of r.lost.slice(0, 10)) write(`      ${l}\n`);
  write(`  in doubt (killed mid-send) ${r.inDoubt} (of which reached the recipient: ${r.inDoubtDelivered}; shown to officers as failed, never re-sent)\n`);
  write(`  failed after retries       ${r.failed.length}\n`);
  for (const f of r.failed.slice(0, 5)) write(`      ${f}\n`);
  write(`  worst lateness vs plan     ${mins(r.worstLatenessMs)}${r.worstLate ? ` (${r.worstLate})` : ''}\n`);
  write(`  sent outside 08:00-18:00 London: ${r.outsideHours}\n`);
  write(`  service answers            ${Object.entries(r.answers).map(([k, v]) => `${k}: ${v}`).join(', ')}\n`);
  write(`  scheduler ticks            ${r.ticks}; replica B killed ${r.kills} times\n`);
  write(`  wall time                  ${(r.elapsedMs / 1000).toFixed(1)} s (officers' actions ${(r.split.officersMs / 1000).toFixed(1)} s, ticks ${(r.split.ticksMs / 1000).toFixed(1)} s)\n`);
}

const report = await runSimulation({
  databaseUrl: PG_URL,
  ...(seed !== undefined ? { seed } : {}),
  ...(schools !== undefined ? { schools } : {}),
  ...(meetings !== undefined ? { meetingsPerSchool: meetings } : {}),
  ...(kills !== undefined ? { kills } : {}),
  ...(values.quiet ? {} : { progress: (line: string) => process.stdout.write(`${line}\n`) }),
});
printReport(report, (s) => process.stdout.write(s));
process.exit(report.duplicates.length === 0 && report.lost.length === 0 ? 0 : 1);
