import { format } from 'date-fns';
import { parseDate } from '../core/indicators/parseDate/index.js';
import { rateWorkbook } from './rate/run.js';
import { describeOutcome } from './rate/describe.js';
import { readCommandLine } from './command-line.js';

const USAGE = `Usage: npm run rate -- <in.xlsx> [options]

Rates the categorisation sheet of <in.xlsx> and writes a rated copy; the input is never changed.

  --framework <id|file.json>  reading, southwark, cambridgeshire, camden, triborough, or a custom
                              framework JSON file. Default: the framework the sheet's own category
                              column is written in (the output says which and why).
  --sheet <name>              the sheet to rate (default: the first visible sheet with a header row)
  --out <file.xlsx>           where to write the rated copy (default: <in>.rated.xlsx beside the input;
                              git ignores *.rated.xlsx)
  --report <file.json>        also write a JSON report: every column with what it was read as and why,
                              and every school with its values, RAG and suggested category
  --config <file.json>        the sheet config: framework, header row, column mappings (heading or
                              letter -> indicator id, role or "ignore") and thresholds
  --clear                     remove Waymark's marks instead, restoring the fills cells had before
  --allow-loss                write the copy even when it would lack parts of the original that
                              cannot be carried over (threaded comments, charts, pivot tables, macros…);
                              without it such a workbook is refused and each loss is named
  --today <date>              rate as of this date: 31/12/2026 or 2026-12-31 (default: today)
  -h, --help                  this text`;

async function main(argv: string[]): Promise<number> {
  const args = readCommandLine('rate', USAGE, {
    args: argv,
    allowPositionals: true,
    options: {
      framework: { type: 'string' },
      sheet: { type: 'string' },
      out: { type: 'string' },
      report: { type: 'string' },
      config: { type: 'string' },
      today: { type: 'string' },
      clear: { type: 'boolean' },
      'allow-loss': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (typeof args === 'number') return args;
  const [input, ...extra] = args.positionals;
  if (!input || extra.length > 0) {
    process.stderr.write(`rate: ${input ? `one workbook at a time (got ${args.positionals.length})` : 'name the workbook to rate'}\n${USAGE}\n`);
    return 2;
  }
  let today = format(new Date(), 'yyyy-MM-dd');
  if (args.values.today !== undefined) {
    // The same en-GB reading of a date as everywhere else: 31/12/2026, 31 Dec 2026, 2026-12-31.
    const read = parseDate(args.values.today);
    if (read.status !== 'value' || read.value.kind !== 'date') {
      process.stderr.write(`rate: --today takes a date such as 31/12/2026 or 2026-12-31, not "${args.values.today}"\n`);
      return 2;
    }
    today = read.value.value;
  }
  const outcome = await rateWorkbook({
    input,
    framework: args.values.framework,
    sheet: args.values.sheet,
    out: args.values.out,
    report: args.values.report,
    config: args.values.config,
    clear: args.values.clear,
    allowLoss: args.values['allow-loss'],
    today,
  });
  if (!outcome.ok) {
    process.stderr.write(`rate: ${outcome.error}\n`);
    return 2;
  }
  process.stdout.write(`${describeOutcome(outcome.value)}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`rate: unexpected error: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
