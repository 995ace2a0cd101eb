import { parseArgs } from 'node:util';
import { format } from 'date-fns';
import { rateWorkbook } from './rate/run.js';
import { describeOutcome } from './rate/describe.js';

const USAGE = `Usage: npm run rate -- <in.xlsx> [--framework <id|file.json>] [--sheet <name>] [--out <file.xlsx>]
                      [--report <file.json>] [--config <sheet-config.json>] [--clear] [--allow-loss]

  --framework  reading (default), southwark, cambridgeshire, camden, triborough, or a JSON file
  --sheet      the sheet to rate (default: the first sheet with a header row)
  --out        where to write the rated workbook (default: <in>.rated.xlsx beside the input)
  --report     also write a JSON report per school
  --config     column mappings, header row and thresholds for this workbook (JSON)
  --clear      remove Waymark's marks instead, restoring earlier fills
  --allow-loss write the copy even if it lacks parts of the original exceljs cannot carry
               (without it, such a workbook is refused and the parts are named)
  --today      rate as of this date (yyyy-MM-dd), default today`;

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
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
  } catch (e) {
    process.stderr.write(`rate: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [input, ...extra] = args.positionals;
  if (!input || extra.length > 0) {
    process.stderr.write(`rate: ${input ? `one workbook at a time (got ${args.positionals.length})` : 'name the workbook to rate'}\n${USAGE}\n`);
    return 2;
  }
  const today = args.values.today ?? format(new Date(), 'yyyy-MM-dd');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) {
    process.stderr.write(`rate: --today takes a date such as 2026-11-24, not "${today}"\n`);
    return 2;
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
