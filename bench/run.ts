import { benchAddin } from './addin.js';
import { benchBot } from './bot.js';
import { benchExplain } from './explain.js';
import { benchFootprint } from './footprint.js';
import { benchRate } from './rate.js';
import { benchReminders } from './reminders.js';

/**
 * `npm run bench`: prints figures, never fails on them. Sections run one after another so
 * they do not compete for the two cores.
 */
const sections: [string, () => Promise<void>][] = [
  ['rate', benchRate],
  ['explain', benchExplain],
  ['addin', benchAddin],
  ['bot', benchBot],
  ['reminders', benchReminders],
  ['footprint', benchFootprint],
];

const USAGE = `Usage: npm run bench [-- <section> ...]

Prints figures, never fails on them. Sections (all, in this order, when none is named):
  rate       core plan time for a 2,000-school x 60-column workbook against exceljs's load
  explain    explainCategory and whatWouldMoveIt per school (2,000 schools per framework)
  addin      the add-in's syncs, operations and payload on the same workbook
  bot        bot answer latency, cold start and memory
  reminders  reminder throughput against a fake Bot Connector with the Teams rate limits
  footprint  builds, then the compiled bot's cold start, RSS after 1,000 questions, and the
             compiled CLI beside exceljs load+save`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const known = new Set(sections.map(([name]) => name));
const unknown = args.filter((a) => !known.has(a));
if (unknown.length > 0) {
  console.error(`bench: unknown section ${unknown.map((u) => `"${u}"`).join(', ')} (sections: ${[...known].join(', ')})\n\n${USAGE}`);
  process.exit(2);
}
for (const [name, run] of sections) {
  if (args.length > 0 && !args.includes(name)) continue;
  await run();
}
console.log(`\nNode ${process.version}, ${process.platform}/${process.arch}`);
