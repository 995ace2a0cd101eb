import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXIT_CRITERIA, exitChecklist, exitChecklistLines, exitCriteriaFor, exitCriterion } from './index.js';

const seedsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/seeds');
// As core/frameworks/builtins.test.ts: the conversion's emphasis, curly quotes and the "➤" bullets are not the seed's words.
const squash = (text: string): string =>
  text.replace(/[\u2018\u2019]/g, "'").replace(/[*➤]/g, '').replace(/\s+/g, ' ').toLowerCase();
const reading = EXIT_CRITERIA.reading!;

describe('Reading exit criteria', () => {
  const file = path.join(seedsDir, '001_7b776bc20b01f1bc.txt');
  it.skipIf(!existsSync(file))('quote the seed word for word, in its order', () => {
    const seed = squash(readFileSync(file, 'utf8'));
    const quotes = [reading.intro, reading.forQuote, ...reading.criteria.map((c) => c.quote)];
    for (const q of quotes) expect(seed.includes(squash(q)), q).toBe(true);
    const at = reading.criteria.map((c) => seed.indexOf(squash(c.quote)));
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // They follow the "Exit strategy" heading and the sentence announcing five.
    expect(at[0]).toBeGreaterThan(seed.indexOf(squash(reading.intro)));
    expect(seed.indexOf('exit strategy')).toBeLessThan(seed.indexOf(squash(reading.intro)));
  });

  it('are five, numbered 1 to 5, for RAP schools (R and C)', () => {
    expect(reading.criteria.map((c) => c.number)).toEqual([1, 2, 3, 4, 5]);
    expect(reading.criteria[2]?.quote).toBe('Leadership is stable and suitability skilled at senior and middle leader level');
    expect(reading.forCategories).toEqual(['R', 'C']);
    expect(reading.seed).toBe('001 Reading, "Exit strategy"');
  });

  it('apply to R and C schools of Reading only, and say why not otherwise', () => {
    expect(exitCriteriaFor('reading', 'R').ok).toBe(true);
    expect(exitCriteriaFor('reading', 'C').ok).toBe(true);
    expect(exitCriteriaFor('reading', 'G')).toEqual({ ok: false, error: 'exit criteria are for RAP schools (category R or C), and this school is in category G' });
    expect(exitCriteriaFor('camden', 'improvement-project-board')).toMatchObject({ ok: false, error: expect.stringMatching(/^the camden framework has no exit criteria: its seed names none/) });
    expect(exitCriterion(reading, 6)).toMatchObject({ ok: false, error: expect.stringContaining('numbered 1 to 5') });
  });

  it('tick and untick: the latest wins, with who and when', () => {
    const c = exitChecklist(reading, [
      { number: 1, ticked: true, by: 'A. Patel', on: '2027-01-11' },
      { number: 3, ticked: true, by: 'A. Patel', on: '2027-01-11' },
      { number: 3, ticked: false, by: 'B. Okafor', on: '2027-02-01' },
    ]);
    expect(c.tickedCount).toBe(1);
    const lines = exitChecklistLines(c);
    expect(lines[0]).toBe('Exit criteria (1 of 5 met):');
    expect(lines[1]).toBe(`[x] 1. ${reading.criteria[0]!.quote} (ticked by A. Patel on 11 Jan 2027)`);
    expect(lines[2]).toBe(`[ ] 2. ${reading.criteria[1]!.quote}`);
    expect(lines[3]).toBe(`[ ] 3. ${reading.criteria[2]!.quote} (unticked by B. Okafor on 1 Feb 2027)`);
    expect(lines.at(-1)).toBe('Source: 001 Reading, "Exit strategy".');
  });
});
