import { describe, expect, it } from 'vitest';
import { matchOfficer } from './matchOfficer.js';

const anna = { name: 'Anna Patel', addresses: ['anna.patel@reading.gov.uk'] };

describe('matching the workbook officer to the asker', () => {
  it('matches an address, a full name and an initial with the surname', () => {
    expect(matchOfficer('Anna.Patel@Reading.gov.uk', anna)).toBe('email');
    expect(matchOfficer('anna  patel', anna)).toBe('name');
    expect(matchOfficer('A. Patel', anna)).toBe('initial');
    expect(matchOfficer('A Patel', anna)).toBe('initial');
  });

  it('refuses anything looser', () => {
    expect(matchOfficer('Patel', anna)).toBeUndefined();
    expect(matchOfficer('B. Patel', anna)).toBeUndefined();
    expect(matchOfficer('Anna Patel-Smith', anna)).toBeUndefined();
    expect(matchOfficer('amit.patel@reading.gov.uk', anna)).toBeUndefined();
    expect(matchOfficer('A. Patel', { name: 'Anna', addresses: [] })).toBeUndefined();
    expect(matchOfficer('', anna)).toBeUndefined();
  });
});
