import { benchAddin } from './addin.js';
import { benchBot } from './bot.js';
import { benchExplain } from './explain.js';
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
];

const only = process.argv.slice(2);
for (const [name, run] of sections) {
  if (only.length > 0 && !only.includes(name)) continue;
  await run();
}
console.log(`\nNode ${process.version}, ${process.platform}/${process.arch}`);
