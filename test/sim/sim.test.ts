/**
 * The short simulated term (CI's version of `npm run sim`): 8 schools, 3 RAP meetings each in
 * the autumn term, two scheduler replicas on PostgreSQL (one in a child process, killed with
 * SIGKILL twice), Teams and Graph throttling, failing and timing out. Every reminder reaches its
 * recipient exactly once, or is shown to officers for what it is; none is sent twice, none lost.
 */
import { describe, expect, it } from 'vitest';
import { PG_URL, postgresForTests } from '../support/postgres.js';
import { runSimulation } from './run.js';

const pgUp = await postgresForTests('the simulated term (npm run sim, short version)');

describe.skipIf(!pgUp)('a simulated autumn term on the real scheduler and outbox', () => {
  it('sends no reminder twice, loses none, and asks every head set up in time 10 working days ahead', { timeout: 300_000 }, async () => {
    const r = await runSimulation({ databaseUrl: PG_URL, seed: 7, schools: 8, meetingsPerSchool: 3, to: '2026-12-18', kills: 2 });
    expect(r.meetings).toBe(24);
    expect(r.kills).toBe(2);
    expect(r.duplicates).toEqual([]);
    expect(r.lost).toEqual([]);
    // Every row ended somewhere an officer can see: nothing pending or claimed is left.
    expect(r.byStatus.pending ?? 0).toBe(0);
    expect(r.byStatus.claimed ?? 0).toBe(0);
    expect(r.byStatus.sent).toBe(r.delivered - r.inDoubtDelivered);
    // The head who blocked the bot is reported as blocked, never retried.
    expect(r.byStatus.blocked).toBeGreaterThan(0);
    // A head's request can still end "failed" (two gateway timeouts in a row: a 504 is retried
    // once, by design, since the first may have been acted on); that is shown to officers. None
    // may be silently missing: no request, or one still pending.
    expect(r.headsInTime.notAsked.filter((n) => !/: failed\b/.test(n))).toEqual([]);
    expect(r.headsInTime.asked).toBeGreaterThan(10);
    expect(r.outsideHours).toBe(0);
    // The fakes did misbehave.
    expect((r.answers['429'] ?? 0) + (r.answers['503'] ?? 0) + (r.answers['504'] ?? 0)).toBeGreaterThan(0);
  });
});
