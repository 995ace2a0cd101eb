import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findAliasClashes, normaliseHeading } from './aliases.js';
import { builtInFrameworks } from './index.js';
import { indicatorLibrary } from './library.js';

describe('normaliseHeading', () => {
  it.each([
    ['Attendance % (2024/25)', 'attendance'],
    ['Attendance 2023-2024', 'attendance'],
    ['Attendance 23/24', 'attendance'],
    ['ATTENDANCE (per cent)', 'attendance'],
    ['L&M', 'l and m'],
    ['Leadership & Management', 'leadership and management'],
    ['3-year trend', '3 year trend'],
    ['New/interim head', 'new interim head'],
    ['  KS2   RWM  ', 'ks2 rwm'],
    ['Progress 8 (2024)', 'progress 8'],
    ['%', ''],
  ])('%j → %j', (heading, expected) => {
    expect(normaliseHeading(heading)).toBe(expected);
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string(), (s) => normaliseHeading(normaliseHeading(s)) === normaliseHeading(s)));
  });

  const allAliases = Object.values(indicatorLibrary).flatMap((i) => [i.label, ...i.aliases]);

  it('ignores case, a year and a unit added to any library heading', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...allAliases),
        fc.integer({ min: 2010, max: 2030 }),
        fc.constantFrom('', ' %', ' (%)', ' per cent'),
        (alias, year, unit) => {
          const written = `${alias.toUpperCase()}${unit} ${year}/${String((year + 1) % 100).padStart(2, '0')}`;
          return normaliseHeading(written) === normaliseHeading(alias);
        },
      ),
    );
  });
});

describe('findAliasClashes', () => {
  it('finds a heading that names two indicators, with its path', () => {
    expect(
      findAliasClashes([
        { id: 'attendance', label: 'Attendance', aliases: ['Att %'] },
        { id: 'attainment-8', label: 'Attainment 8', aliases: ['ATT'] },
      ]),
    ).toEqual([{ heading: 'att', indicators: ['attendance', 'attainment-8'], path: 'indicators.1.aliases.0', written: 'ATT' }]);
  });

  it('allows one indicator to repeat its own wording', () => {
    expect(findAliasClashes([{ id: 'attendance', label: 'Attendance', aliases: ['attendance %'] }])).toEqual([]);
  });
});

describe('alias ambiguity', () => {
  it.each(builtInFrameworks.map((f) => [f.id, f] as const))(
    'no heading normalises the same for two indicators of %s',
    (_id, framework) => {
      expect(findAliasClashes(framework.indicators)).toEqual([]);
    },
  );

  it('no heading normalises the same for two indicators anywhere in the library', () => {
    expect(findAliasClashes(Object.values(indicatorLibrary))).toEqual([]);
  });

  it('each library indicator lists distinct wordings, not case or punctuation variants', () => {
    for (const indicator of Object.values(indicatorLibrary)) {
      const names = [indicator.label, ...indicator.aliases].map(normaliseHeading);
      expect(new Set(names).size, indicator.id).toBe(names.length);
    }
  });
});
