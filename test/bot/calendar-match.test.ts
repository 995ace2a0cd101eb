// Reading an Outlook event's subject as a school and a meeting type: both orders, exact type
// names and aliases, exact school names or URNs, the type's categories; anything else is a
// reason for an officer (or not a Waymark meeting at all), never a guess.
import { beforeAll, describe, expect, it } from 'vitest';
import { matchEventSubject } from '../../bot/calendar/match.js';
import { makeSchoolIndex, type SchoolIndex } from '../../core/schools/findSchools.js';
import type { SchoolRecord } from '../../core/schools/types.js';
import { framework } from '../meetings-bot/fakes.js';
import { exampleSchools } from './schools-fixture.js';

let schools: readonly SchoolRecord[];
let index: SchoolIndex;
beforeAll(async () => {
  schools = await exampleSchools();
  index = makeSchoolIndex(schools);
});

const read = (subject: string, fw = 'reading', idx = index) => {
  const r = matchEventSubject(subject, idx, framework(fw));
  return r.kind === 'match' ? `${r.type.id} ${r.school.urn}` : r.kind === 'unclear' ? r.reason : 'not a meeting';
};

describe('matchEventSubject', () => {
  it('reads the type and the school in either order, by exact name (case and punctuation aside) or URN, with Outlook prefixes', () => {
    expect(read('RAP – Thornbury Primary School')).toBe('rap 110057');
    expect(read('Thornbury Primary School: RAP review meeting')).toBe('rap 110057');
    expect(read('thornbury primary school - rap')).toBe('rap 110057');
    expect(read('RAP - 110116')).toBe('rap 110116');
    expect(read('Updated: RAP | Thornbury Primary School')).toBe('rap 110057');
    expect(read('Raising achievement plan review – Brookside Academy')).toBe('rap 101236');
    expect(read('RAP — St Marys CE Primary School')).toMatch(/^"St Marys CE Primary School" matches several schools \(St Mary's CE Primary School \(URN 101235\), St Mary's CE Primary School \(URN 101299\)\)/);
  });

  it('a type part with anything else in it is not that meeting: not a Waymark meeting at all', () => {
    for (const subject of [
      'RAP prep – Oakfield Primary School',
      'Not a RAP – Brookside Academy',
      'RAP review meeting cancelled – Redwood Academy',
      'POSTPONED RAP – Thornbury Primary School',
      'Pre-meeting: RAP – Thornbury Primary School',
      'Team lunch – Thornbury Primary School',
      'Team lunch',
      'RAP Thornbury Primary School',
      'RAP – Thornbury Primary School – follow-up',
    ]) {
      expect(read(subject), subject).toBe('not a meeting');
    }
  });

  it('a school part that is not exactly one school is listed with the reason, never guessed (the chat would have guessed)', () => {
    expect(read('RAP – Thornbury Primery School')).toBe(
      '"Thornbury Primery School" is not the full name of a school in the workbook (did you mean Thornbury Primary School (URN 110057)?); put the school\'s full name or URN in the subject',
    );
    expect(read('RAP – Thornbury')).toMatch(/^"Thornbury" is not the full name of a school in the workbook \(did you mean Thornbury Primary School \(URN 110057\)\?\)/);
    expect(read('RAP – Redwood Academy head')).toBe('no school called "Redwood Academy head" in the workbook');
    expect(read('RAP – Nowhere Academy')).toBe('no school called "Nowhere Academy" in the workbook');
    expect(read('RAP – 999999')).toBe('no school called "999999" in the workbook');
    expect(read('LAIG – Thornbury Primary School')).toMatch(/^A LAIG is not one of this team's meetings/);
  });

  it("a type not meant for the school's current category is listed, not scheduled", () => {
    // Queensway and Oakfield Primary School are category G; a Reading RAP is for R and C.
    expect(read('RAP – Queensway Secondary School')).toBe(
      'Queensway Secondary School is category G, and a RAP review meeting is for category R or C schools; it was not scheduled (schedule it in chat if it is right)',
    );
    expect(read('RAP – 101234')).toMatch(/^Oakfield Primary School is category G/);
  });

  it("a custom framework's own meeting names, and a project board by its variant, for a school of its category", () => {
    const fw = framework('camden');
    const board = fw.categories.find((c) => c.code === 'specific-project-board')!;
    const oak = schools.find((s) => s.urn === '101234')!;
    const camden = makeSchoolIndex([{ ...oak, category: { category: board, source: 'officer' } }]);
    expect(read('Project board (initial) – Oakfield Primary School', 'camden', camden)).toBe('project-board-initial 101234');
    expect(read('Oakfield Primary School | project-board-subsequent', 'camden', camden)).toBe('project-board-subsequent 101234');
  });
});
