import { describe, expect, it } from 'vitest';
import { identityText, movedRows, schoolMoved } from './movedRows.js';

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

describe("schools' identities", () => {
  const ids = { B2: 'oak', B3: 'brook', B4: 'ash' };
  const at = (names: Record<number, string>) => (row: number, col: number) => (col === 1 ? (names[row] ?? '') : '');

  it('finds the first row whose school changed, even when Waymark\'s texts did not move', () => {
    expect(schoolMoved(ids, at({ 1: 'oak', 2: 'ash', 3: 'brook' }))).toBe(3);
  });

  it('finds schools moved down by a row inserted above them', () => {
    expect(schoolMoved(ids, at({ 1: 'new', 2: 'oak', 3: 'brook', 4: 'ash' }))).toBe(3);
  });

  it('does not take a school renamed (or its URN corrected) for a move', () => {
    expect(schoolMoved(ids, at({ 1: 'oak', 2: 'Brookside', 3: 'ash' }))).toBeUndefined();
  });

  it('says nothing when every school is where it was, or the record has no identities', () => {
    expect(schoolMoved(ids, at({ 1: 'oak', 2: 'brook', 3: 'ash' }))).toBeUndefined();
    expect(schoolMoved(undefined, at({}))).toBeUndefined();
  });

  it('reads an identity the same whatever form the workbook keeps it in', () => {
    expect([identityText(101234), identityText(' Oak '), identityText({ formula: 'A1', result: 'Oak' }), identityText({ richText: [{ text: 'O' }, { text: 'ak' }] }), identityText(null)]).toEqual([
      '101234',
      'Oak',
      'Oak',
      'Oak',
      '',
    ]);
  });

  it('reads a hyperlinked cell by the text it shows', () => {
    expect(identityText({ text: '101234', hyperlink: 'https://get-information-schools.service.gov.uk/' })).toBe('101234');
    expect(identityText({ text: { richText: [{ text: 'Oak' }] }, hyperlink: 'x' })).toBe('Oak');
    expect([identityText('#N/A'), identityText({ formula: 'VLOOKUP(A2,B:C,2,0)', result: { error: '#N/A' } })]).toEqual(['', '']);
  });

  it('never takes an empty cell for another rated school, recorded or now', () => {
    // Row 3 was rated with no URN shown (blank), and row 4 is empty now (the last school deleted).
    const withBlank = { B2: 'oak', B3: '', B4: 'ash' };
    expect(schoolMoved(withBlank, at({ 1: 'oak', 2: '', 3: '' }), '')).toBeUndefined();
    expect(schoolMoved(withBlank, at({ 1: 'ash', 2: '', 3: 'oak' }), '')).toBe(2);
    // The school rated with no URN swapped with Oak: Oak now stands on the row rated blank.
    expect(schoolMoved(withBlank, at({ 1: '', 2: 'oak', 3: 'ash' }), '')).toBe(3);
  });
});

