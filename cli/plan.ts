import { readFile } from 'node:fs/promises';
import { runPlan } from './plan/run.js';

runPlan(process.argv.slice(2), { readFile: (path) => readFile(path, 'utf8'), now: () => new Date() }).then(
  (outcome) => {
    process.stdout.write(outcome.stdout);
    process.stderr.write(outcome.stderr);
    process.exitCode = outcome.code;
  },
  (e: unknown) => {
    process.stderr.write(`plan: unexpected error: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
