import { describe, expect, it } from 'vitest';
import { editDistance } from './editDistance.js';
import { findSchools, makeSchoolIndex } from './findSchools.js';
import { parseCategoryQuestion } from './parseQuestion.js';
import { schoolKey } from './schoolKey.js';
import type { SchoolRecord } from './types.js';

const school = (name: string, urn: string): SchoolRecord => ({ name, urn, insufficientData: false, rationale: '', indicators: [], sheetRow: 1 });
const index = makeSchoolIndex([
  school('Oakfield Primary School', '101234'),
  school("St Mary's CE Primary School", '101235'),
  school("St Mary's Church of England Infant School", '101299'),
  school('Brookside Academy', '101236'),
  school('Oakfield Infant School', '101240'),
  school('Hillcrest High School', '101241'),
]);
const names = (m: ReturnType<typeof findSchools>) =>
  m.kind === 'one' ? [m.school.name] : m.kind === 'several' ? m.schools.map((s) => s.name) : [];

describe('schoolKey', () => {
  it('folds apostrophes, case, C of E and school-type words', () => {
    expect(schoolKey("St Mary's C of E Primary School")).toBe('st marys ce');
    expect(schoolKey('ST MARYS CHURCH OF ENGLAND PRIMARY')).toBe('st marys ce');
    expect(schoolKey('Saint Marys CE Academy')).toBe('st marys ce');
    expect(schoolKey('Oakfield Primary')).toBe(schoolKey('Oakfield Primary School'));
  });
});

describe('editDistance', () => {
  it('counts substitutions, insertions, deletions and adjacent swaps', () => {
    expect(editDistance('oakfield', 'oakfield')).toBe(0);
    expect(editDistance('oakfeild', 'oakfield')).toBe(1);
    expect(editDistance('okfield', 'oakfield')).toBe(1);
    expect(editDistance('brokside', 'brookside')).toBe(1);
    expect(editDistance('oakfield', 'brookside', 2)).toBe(3);
  });
});

describe('findSchools', () => {
  it('finds by URN', () => {
    expect(names(findSchools('101236', index))).toEqual(['Brookside Academy']);
    expect(findSchools('999999', index)).toEqual({ kind: 'none', closest: [] });
  });
  it('finds one school however its name is typed', () => {
    expect(names(findSchools('oakfield primary', index))).toEqual(['Oakfield Primary School']);
    expect(names(findSchools('Brookside', index))).toEqual(['Brookside Academy']);
    expect(names(findSchools('st marys c of e primary', index))).toEqual(["St Mary's CE Primary School"]);
    expect(names(findSchools('St Marys Church of England', index))).toEqual(["St Mary's CE Primary School", "St Mary's Church of England Infant School"]);
  });
  it('lists several when a name is shared', () => {
    const m = findSchools('Oakfield', index);
    expect(m.kind).toBe('several');
    expect(names(m)).toEqual(['Oakfield Primary School', 'Oakfield Infant School']);
  });
  it('lets the typed school type decide between typo matches', () => {
    const both = makeSchoolIndex([school('Brookside Primary School', '110133'), school('Brookside Academy', '101236')]);
    expect(names(findSchools('Brokside Academy', both))).toEqual(['Brookside Academy']);
    expect(names(findSchools('Brokside', both))).toEqual(['Brookside Primary School', 'Brookside Academy']);
  });
  it('forgives typos within two edits', () => {
    expect(names(findSchools('Brokside', index))).toEqual(['Brookside Academy']);
    expect(names(findSchools('Hilcrest Hihg', index))).toEqual(['Hillcrest High School']);
  });
  it('offers the closest names when nothing matches', () => {
    const m = findSchools('Brookfield', index);
    expect(m.kind).toBe('none');
    expect(m.kind === 'none' && m.closest.map((s) => s.name)).toEqual(['Oakfield Primary School', 'Oakfield Infant School', 'Brookside Academy']);
    // Nothing near at all: no names, rather than three random ones.
    expect(findSchools('Zebedee Towers', index)).toEqual({ kind: 'none', closest: [] });
  });
  it("tries a possessive both ways: Oakfield's is Oakfield, St Mary's keeps its s", () => {
    expect(findSchools("Brookside's", index).kind).toBe('one');
    expect(names(findSchools("St Mary's CE", index))).toContain("St Mary's CE Primary School");
  });
});

describe('parseCategoryQuestion', () => {
  it.each([
    ["what is St Mary's category?", "St Mary's"],
    ["What's St Mary's category", "St Mary's"],
    ['category of st marys', 'st marys'],
    ['which category is Oakfield in?', 'Oakfield'],
    ['what category is Brookside Academy', 'Brookside Academy'],
    ['show Oakfield Primary', 'Oakfield Primary'],
    ['101234', '101234'],
    ['URN 101234', '101234'],
    ['Oakfield category', 'Oakfield'],
    ['what is the category of Hillcrest High?', 'Hillcrest High'],
  ])('%s → %s', (text, school) => {
    expect(parseCategoryQuestion(text)).toEqual({ school });
  });
  it('leaves other messages alone', () => {
    expect(parseCategoryQuestion('help')).toBeUndefined();
    expect(parseCategoryQuestion('meetings this week')).toBeUndefined();
  });
});
