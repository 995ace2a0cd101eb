import { describe, expect, it } from 'vitest';
import { lookupPhrase } from './index.js';

const grades = new Map([
  ['good', 2],
  ['2', 2],
  ['inadequate', 4],
  ['4', 4],
]);
const lookup = (part: string) => grades.get(part.trim().toLowerCase());

describe('lookupPhrase', () => {
  it('looks up the whole text first', () => {
    expect(lookupPhrase('Good', lookup)).toBe(2);
  });

  it.each(['Good (2)', '2 - Good', 'Good / 2', 'Good: 2', '2 | good'])('accepts %j, whose parts agree', (text) => {
    expect(lookupPhrase(text, lookup)).toBe(2);
  });

  it.each(['Good (4)', 'Good (excellent)', 'Good-2', 'Good 2', '()'])('rejects %j', (text) => {
    expect(lookupPhrase(text, lookup)).toBeUndefined();
  });
});
