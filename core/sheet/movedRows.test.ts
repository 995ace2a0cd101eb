import { describe, expect, it } from 'vitest';
import { movedRows } from './movedRows.js';

/** A sheet's output texts by 0-based row: [suggestion, why] in columns F and G. */
const sheet = (rows: Record<number, [string, string]>) => (row: number, col: number) => rows[row]?.[col - 5] ?? '';
const record = { F1: 'Suggested', G1: 'Why', F2: 'G', G2: 'w-oak', F3: 'R', G3: 'w-brook' };

describe('movedRows', () => {
  it('finds nothing when every row is where Waymark wrote it', () => {
    expect(movedRows(record, sheet({ 0: ['Suggested', 'Why'], 1: ['G', 'w-oak'], 2: ['R', 'w-brook'] }), 5)).toBeUndefined();
  });

  it('finds a row inserted above rated schools', () => {
    expect(movedRows(record, sheet({ 0: ['Suggested', 'Why'], 2: ['G', 'w-oak'], 3: ['R', 'w-brook'] }), 5)).toEqual({ was: 2, now: 3 });
  });

  it('finds a row deleted above rated schools', () => {
    expect(movedRows(record, sheet({ 0: ['Suggested', 'Why'], 1: ['R', 'w-brook'] }), 5)).toEqual({ was: 3, now: 2 });
  });

  it('does not take a team typing over a row as a move, even when another row has the same texts', () => {
    const twins = { ...record, F4: 'R', G4: 'w-brook' };
    expect(movedRows(twins, sheet({ 0: ['Suggested', 'Why'], 1: ['G', 'w-oak'], 2: ['Kept C', 'agreed'], 3: ['R', 'w-brook'] }), 5)).toBeUndefined();
  });
});
