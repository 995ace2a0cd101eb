import { format } from 'date-fns';
import { isDay } from '../core/calendar/index.js';
import type { LetterKind } from '../core/letters/index.js';
import { runLetter } from './letter/run.js';
import { readCommandLine, refuse } from './command-line.js';

const KINDS: readonly LetterKind[] = ['congratulations', 'significant-concerns', 'warning-notice', 'category-change'];

const USAGE = `Usage: npm run letter -- <workbook.xlsx> --school <name|URN> [--kind <kind>] [--framework <id|file.json>]
                        [--sheet <name>] [--config <file.json>] [--out <file.docx>] [--date yyyy-MM-dd]
                        [--previous-ofsted 1-4] [--previous-category <code>] [--authority <name>] [--force]

  --kind               ${KINDS.join(', ')}; without it, lists the letters the seed's triggers suggest
  --previous-ofsted    the Ofsted grade before the workbook's (an improvement or a drop)
  --previous-category  the LA category before this one (Reading's category change letter)
  --date               the letter's date, default today (a warning notice is given on it)
  --force              draft it even if no trigger holds

Writes a Word draft for the officer beside the workbook; nothing is sent to the school.`;

async function main(argv: string[]): Promise<number> {
  const args = readCommandLine('letter', USAGE, {
    args: argv,
    allowPositionals: true,
    options: {
      school: { type: 'string' },
      kind: { type: 'string' },
      framework: { type: 'string' },
      sheet: { type: 'string' },
      config: { type: 'string' },
      out: { type: 'string' },
      date: { type: 'string' },
      authority: { type: 'string' },
      'previous-ofsted': { type: 'string' },
      'previous-category': { type: 'string' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (typeof args === 'number') return args;
  const v = args.values;
  const bad = refuse('letter');
  const input = args.positionals[0];
  if (!input) return bad(`give the workbook\n${USAGE}`);
  if (!v.school) return bad('give the school: --school <name|URN>');
  if (v.kind !== undefined && !KINDS.includes(v.kind as LetterKind)) return bad(`--kind must be one of ${KINDS.join(', ')}, got "${v.kind}"`);
  if (v.date !== undefined && !isDay(v.date)) return bad(`--date must be yyyy-MM-dd, got "${v.date}"`);
  const previousOfsted = v['previous-ofsted'] === undefined ? undefined : Number(v['previous-ofsted']);
  if (previousOfsted !== undefined && ![1, 2, 3, 4].includes(previousOfsted)) return bad(`--previous-ofsted must be 1, 2, 3 or 4, got "${v['previous-ofsted']}"`);
  const result = await runLetter({
    input,
    school: v.school,
    today: v.date ?? format(new Date(), 'yyyy-MM-dd'),
    ...(v.kind ? { kind: v.kind as LetterKind } : {}),
    ...(v.framework ? { framework: v.framework } : {}),
    ...(v.sheet ? { sheet: v.sheet } : {}),
    ...(v.config ? { config: v.config } : {}),
    ...(v.out ? { out: v.out } : {}),
    ...(v.authority ? { authority: v.authority } : {}),
    ...(previousOfsted !== undefined ? { previousOfsted } : {}),
    ...(v['previous-category'] ? { previousCategory: v['previous-category'] } : {}),
    ...(v.force ? { force: true } : {}),
  });
  if (!result.ok) return bad(result.error);
  const r = result.value;
  if (r.kind === 'written') {
    process.stdout.write(`Draft written: ${r.out}\n  ${r.school}\n${r.reasons.map((x) => `  - ${x}\n`).join('')}  (a draft for the officer: nothing has been sent to the school)\n`);
  } else if (r.suggestions.length === 0) {
    process.stdout.write(`${r.school}: none of the seed's letter triggers holds (letters for this framework: ${r.available.join(', ') || 'none'}).\n`);
  } else {
    process.stdout.write(`${r.school}: letters suggested\n`);
    for (const s of r.suggestions) process.stdout.write(`  ${s.kind} (${s.title})\n${s.reasons.map((x) => `    - ${x.trigger}: ${x.evidence}\n`).join('')}`);
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
