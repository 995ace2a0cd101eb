import { format } from 'date-fns';
import { isDay } from '../core/calendar/index.js';
import { runReport } from './report/run.js';
import { readCommandLine, refuse } from './command-line.js';

const USAGE = `Usage: npm run report -- <workbook.xlsx> --school <name|URN> [--date yyyy-MM-dd] [--framework <id|file.json>]
                        [--sheet <name>] [--config <file.json>] [--out <file.docx>]

  --date   the project board's day, default today (it picks the "Actual" column: December, March or July)

Writes the school's project board report (Camden's Appendix F template, filled with what the
workbook holds; the rest for the CPP and the Chair) as a Word draft beside the workbook.
Nothing is sent to the school.`;

async function main(argv: string[]): Promise<number> {
  const args = readCommandLine('report', USAGE, {
    args: argv,
    allowPositionals: true,
    options: {
      school: { type: 'string' },
      date: { type: 'string' },
      framework: { type: 'string' },
      sheet: { type: 'string' },
      config: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (typeof args === 'number') return args;
  const v = args.values;
  const bad = refuse('report');
  const input = args.positionals[0];
  if (!input) return bad(`give the workbook\n${USAGE}`);
  if (!v.school) return bad('give the school: --school <name|URN>');
  if (v.date !== undefined && !isDay(v.date)) return bad(`--date must be yyyy-MM-dd, got "${v.date}"`);
  const result = await runReport({
    input,
    school: v.school,
    today: v.date ?? format(new Date(), 'yyyy-MM-dd'),
    ...(v.framework ? { framework: v.framework } : {}),
    ...(v.sheet ? { sheet: v.sheet } : {}),
    ...(v.config ? { config: v.config } : {}),
    ...(v.out ? { out: v.out } : {}),
  });
  if (!result.ok) return bad(result.error);
  process.stdout.write(`Report written: ${result.value.out}\n  ${result.value.description}\n  (a draft: nothing has been sent to the school)\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
