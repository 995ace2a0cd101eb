/**
 * Prints the England and Wales bank holidays for a range of years as a TypeScript array
 * literal, for pasting into `englandAndWalesBankHolidays/index.ts`. The list is committed as
 * data (not computed at run time) so that one-off proclamations can be edited in by hand and
 * a reviewer can check it against GOV.UK line by line.
 *
 * Run: npx tsx core/calendar/_scripts/printBankHolidays.ts 2024 2030
 */
import { computeEnglandAndWalesBankHolidays } from '../_lib/bankHolidayRules.js';

const [from = '2024', to = '2030'] = process.argv.slice(2);
const lines: string[] = [];
for (let year = Number(from); year <= Number(to); year++) {
  lines.push(`  // ${year}`);
  for (const { date, title } of computeEnglandAndWalesBankHolidays(year)) {
    lines.push(`  { date: '${date}', title: '${title}' },`);
  }
}
console.log(`[\n${lines.join('\n')}\n]`);
