/**
 * The second replica, in its own process so it can be killed with SIGKILL:
 * `node --import tsx replica-child.ts <postgres url> <schema> <graph url> <id>` (child.ts runs
 * it compiled into one file by esbuild, the same code).
 * Reads "tick <ISO instant>" lines on stdin; for each, moves its fake clock there, ticks, and
 * writes "done <report JSON>".
 */
import { createInterface } from 'node:readline';
import { fakeClock } from '../../bot/delivery/clock.js';
import { openStore } from '../../bot/store/store.js';
import { simReplica } from './replica.js';

const [url, schema, graphUrl, id] = process.argv.slice(2);
const store = await openStore({ dataDir: '/nonexistent', databaseUrl: url!, schema: schema! });
const clock = fakeClock('2026-09-01T07:00:00Z');
const scheduler = simReplica(store, clock, id!, graphUrl!);
process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  const [command, at] = line.split(' ');
  if (command === 'tick' && at) {
    if (Date.parse(at) > clock.now().getTime()) clock.set(at);
    const report = await scheduler.tick();
    process.stdout.write(`done ${JSON.stringify(report)}\n`);
  } else if (command === 'exit') break;
}
await store.close();
process.exit(0);
