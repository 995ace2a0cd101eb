import { expect, it } from 'vitest';
import { getFramework } from '../../frameworks/index.js';
import type { Framework, Phase } from '../../frameworks/schema.js';
import type { CellValue } from '../../indicators/types.js';
import { explainCategory } from '../explainCategory/index.js';
import { suggestCategory } from '../suggestCategory/index.js';
import { profile } from './profile.js';

/** One seed sentence, a school profile that shows it, and the category the seed gives. */
export interface SeedRow {
  /** The seed's sentence (quoted in the test name; the rationale must cite it when `cites`). */
  readonly quote: string;
  /** Changes to the base profile: a value as an officer types it, or undefined to drop the column. */
  readonly cells: Readonly<Record<string, CellValue | undefined>>;
  readonly expected: string;
  /** Whether the rationale cites the quote (false for a school no rule holds back). */
  readonly cites?: boolean;
  readonly phase?: Phase;
}

export const framework = (id: string): Framework => {
  const r = getFramework(id);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

/** Registers one test per row: the profile, read as a sheet would read it, gets the expected category. */
export function seedTable(id: string, base: Readonly<Record<string, CellValue>>, rows: readonly SeedRow[]): void {
  const f = framework(id);
  for (const row of rows) {
    it(`${row.expected} ← "${row.quote}" ${JSON.stringify(row.cells)}`, () => {
      const cells: Record<string, CellValue> = { ...base };
      for (const [k, v] of Object.entries(row.cells)) {
        if (v === undefined) delete cells[k];
        else cells[k] = v;
      }
      const ratings = profile(f, cells, row.phase ?? 'primary');
      const s = suggestCategory(ratings, f);
      expect(s.status === 'category' ? s.category.code : s.status, s.rationale).toBe(row.expected);
      // The explanation cites the sentence whole; the Why column cites it too, cut if long.
      if (row.cites !== false) {
        expect(explainCategory(ratings, f).text).toContain(row.quote);
        expect(s.rationale).toContain(row.quote.slice(0, 40));
      }
    });
  }
}
