import { describe, expect, it } from 'vitest';
import { tiny } from '../../test/fixtures/tiny-framework.js';
import { cellAddress, columnIndex, columnLetters, parseAddress } from './address.js';
import { matchCategory } from './matchCategory.js';
import { headerKey, normaliseHeader } from './normaliseHeader.js';
import { parsePhase } from './parsePhase.js';
import { roleOfHeader } from './roles.js';

describe('addresses', () => {
  it('converts columns both ways, past Z and ZZ', () => {
    expect([0, 25, 26, 51, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'ZZ', 'AAA']);
    expect(['A', 'Z', 'AA', 'ZZ', 'AAA'].map(columnIndex)).toEqual([0, 25, 26, 701, 702]);
    expect(columnIndex('A1')).toBe(-1);
  });
  it('makes and reads A1 addresses', () => {
    expect(cellAddress(0, 0)).toBe('A1');
    expect(cellAddress(2, 1, { row: 3, col: 0 })).toBe('B6');
    expect(parseAddress('$AB$12')).toEqual({ row: 11, col: 27 });
    expect(parseAddress('12AB')).toBeUndefined();
  });
});

describe('normaliseHeader', () => {
  it('drops years, units, punctuation and case', () => {
    expect(normaliseHeader('Attendance % 2024/25')).toBe('attendance');
    expect(normaliseHeader('ATTENDANCE (%) 23-24')).toBe('attendance');
    expect(normaliseHeader('Persistent Absence, 2024-2025')).toBe('persistent absence');
    expect(normaliseHeader('L&M')).toBe('l and m');
    expect(normaliseHeader("Head's e-mail")).toBe('heads e mail');
  });
  it('keeps numbers that are not years', () => {
    expect(normaliseHeader('Progress 8')).toBe('progress 8');
    expect(normaliseHeader('Y1 phonics')).toBe('y1 phonics');
  });
  it('keys words in any order', () => {
    expect(headerKey('Attendance overall')).toBe(headerKey('Overall attendance'));
  });
});

describe('roleOfHeader', () => {
  it('recognises identity columns and Waymark output columns', () => {
    expect(roleOfHeader('School Name')).toBe('school');
    expect(roleOfHeader('URN')).toBe('urn');
    expect(roleOfHeader('LA category 2025/26')).toBe('officer-category');
    expect(roleOfHeader('Suggested category')).toBe('suggested-category');
    expect(roleOfHeader('SPA')).toBe('officer');
    expect(roleOfHeader('Attendance')).toBeUndefined();
  });
});

describe('matchCategory', () => {
  it('matches code, label and alias in any case, with or without "category"', () => {
    expect(matchCategory('b', tiny)?.code).toBe('B');
    expect(matchCategory('Category B', tiny)?.code).toBe('B');
    expect(matchCategory('concern', tiny)?.code).toBe('C');
    expect(matchCategory('cat b', tiny)?.code).toBe('B');
    expect(matchCategory('Z', tiny)).toBeUndefined();
    expect(matchCategory('  ', tiny)).toBeUndefined();
  });
});

describe('parsePhase', () => {
  it('reads common phase names', () => {
    expect(['Primary', 'Infant', 'Secondary (11-16)', 'Special', 'All-through', 'PRU', 42].map((v) => parsePhase(v))).toEqual([
      'primary',
      'primary',
      'secondary',
      'special',
      'all-through',
      'pru',
      undefined,
    ]);
  });
});
