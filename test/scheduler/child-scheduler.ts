/**
 * A scheduler in a child process, for the kill test: `node --import tsx child-scheduler.ts
 * <postgres url> <schema>`. It ticks once (fake clock at WEDNESDAY, so the day is a working
 * day whatever the date), sending with little concurrency; the parent SIGKILLs it mid-run.
 */
import { makeCalendar } from '../../core/calendar/index.js';
import { fakeClock } from '../../bot/delivery/clock.js';
import { createScheduler } from '../../bot/scheduler/scheduler.js';
import { openStore } from '../../bot/store/store.js';
import { localTeamsSender, quietLog, WEDNESDAY } from './helpers.js';

const [url, schema] = process.argv.slice(2);
const store = await openStore({ dataDir: '/nonexistent', databaseUrl: url!, schema: schema! });
const scheduler = createScheduler({
  store,
  calendar: makeCalendar(),
  clock: fakeClock(WEDNESDAY),
  log: quietLog,
  teams: localTeamsSender(),
  id: 'child',
  concurrency: 5,
});
process.stdout.write('ready\n');
await scheduler.tick();
process.stdout.write('done\n');
await store.close();
