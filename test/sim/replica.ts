/**
 * One replica of the bot's reminder sending, as production wires it (bot/scheduler/start.ts):
 * the real scheduler, Teams sender (local mode) and Graph mailer, on PostgreSQL, with the
 * LA's term calendar, on a fake clock. The parent process runs one; a child process
 * (replica-child.ts) runs the other, and is killed with SIGKILL at random moments.
 */
import type { FakeClock } from '../../bot/delivery/clock.js';
import { createGraphMailer } from '../../bot/graph/mail.js';
import { createLogger } from '../../bot/log.js';
import { createScheduler, type Scheduler } from '../../bot/scheduler/scheduler.js';
import type { Store } from '../../bot/store/store.js';
import { localTeamsSender } from '../scheduler/helpers.js';
import { termCalendar } from './year.js';

export const TEAM_ID = '19:improvement-team@thread.tacv2';
export const MAILBOX = 'school-improvement@la.example';

export function simReplica(store: Store, clock: FakeClock, id: string, graphUrl: string): Scheduler {
  const credential = { getToken: async () => ({ token: 'simulated', expiresOnTimestamp: Date.now() + 3_600_000 }) };
  return createScheduler({
    store,
    calendar: termCalendar(),
    clock,
    // The simulation's time jumps ahead of the database's: leases follow the simulated clock.
    leaseClock: clock,
    id,
    log: createLogger({ write: () => {} }),
    teams: localTeamsSender(),
    mail: createGraphMailer({ from: MAILBOX, baseUrl: graphUrl, credential }),
    aadIdForEmail: (email) => store.users.aadIdFor(email),
    teamId: TEAM_ID,
    concurrency: 8,
    batchSize: 50,
  });
}
