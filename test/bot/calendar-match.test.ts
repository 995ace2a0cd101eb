// Reading an Outlook event's subject as a school and a meeting type: both orders, the chat's
// words, URNs; anything unclear is a reason, never a guess.
import { beforeAll, describe, expect, it } from 'vitest';
import { matchEventSubject } from '../../bot/calendar/match.js';
import { makeSchoolIndex, type SchoolIndex } from '../../core/schools/findSchools.js';
import { framework } from '../meetings-bot/fakes.js';
import { exampleSchools } from './schools-fixture.js';

let index: SchoolIndex;
beforeAll(async () => {
  index = makeSchoolIndex(await exampleSchools());
});

const read = (subject: string, fw = 'reading') => {
  const r = matchEventSubject(subject, index, framework(fw));
  return r.ok ? `${r.value.type.id} ${r.value.school.urn}` : r.error;
};

describe('matchEventSubject', () => {
  it('reads the type and the school in either order, by name, typo or URN, with Outlook prefixes', () => {
    expect(read('RAP – Oakfield Primary School')).toBe('rap 101234');
    expect(read('Thornbury Primary School: RAP review meeting')).toBe('rap 110057');
    expect(read('RAP - 110034')).toBe('rap 110034');
    expect(read('Updated: RAP | Thornbury Primary School')).toBe('rap 110057');
    expect(read('RAP — Thornbury Primery School')).toBe('rap 110057');
    expect(read('Project board (initial) – Oakfield Primary School', 'camden')).toBe('project-board-initial 101234');
  });

  it('never guesses: several schools, an unknown school, another framework\'s type, no separator, no type', () => {
    expect(read("RAP – St Mary's CE Primary School")).toMatch(/matches several schools/);
    expect(read('RAP – Nowhere Academy')).toBe('no school called "Nowhere Academy" in the workbook');
    expect(read('LAIG – Oakfield Primary School')).toMatch(/^A LAIG is not one of this team's meetings/);
    expect(read('RAP Oakfield Primary School')).toMatch(/^the subject does not name a meeting type and a school/);
    expect(read('Team lunch – Oakfield Primary School')).toMatch(/^no meeting type in the subject/);
    expect(read('RAP – Oakfield Primary School – follow-up')).toMatch(/^the subject does not name/);
  });
});
