import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  builtInFrameworks,
  frameworkIds,
  getFramework,
  parseFramework,
  withThresholds,
  type Framework,
} from './index.js';
import { frameworkSchema } from './schema.js';

const exampleText = readFileSync(new URL('../../examples/custom-framework.json', import.meta.url), 'utf8');
/** A fresh copy of the example file for each test. */
const example = (): unknown => JSON.parse(exampleText) as unknown;

type Path = readonly (string | number)[];

/** The example file with each value set at its path (an array grows at a new index). */
function exampleWith(...changes: (readonly [Path, unknown])[]): unknown {
  const json = example();
  for (const [path, value] of changes) {
    let node = json as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
    const last = path.at(-1);
    if (last !== undefined) node[last] = value;
  }
  return json;
}

const errorsOf = (json: unknown): string[] => {
  const r = parseFramework(json);
  if (r.ok) throw new Error('expected the framework to be refused');
  return r.error;
};

const reading = (): Framework => {
  const r = getFramework('reading');
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('parseFramework', () => {
  it('accepts the example custom framework, as parsed JSON or as text', () => {
    const parsed = parseFramework(example());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.categories).toHaveLength(3);
    expect(parsed.value.categoryRule.rules.map((r) => r.kind)).toEqual(['floor', 'best-fit', 'requirement']);
    expect(parsed.value.meetings).toHaveLength(1);
    // Defaults are filled in.
    expect(parsed.value.meetings[0]?.deadlines).toEqual({
      agenda: 10,
      'evidence-request': 10,
      'evidence-reminder': 7,
      'evidence-due': 5,
      escalation: 4,
      minutes: 10,
    });
    expect(parseFramework(exampleText).ok).toBe(true);
  });

  it('names the path of a value of the wrong type', () => {
    const json = exampleWith([['indicators', 3, 'rule', 'green'], '95']);
    expect(errorsOf(json)).toEqual(['indicators.3.rule.green: Invalid input: expected number, received string']);
  });

  it('names an unknown category in a rule and lists the categories', () => {
    const json = exampleWith([['categoryRule', 'rules', 0, 'category'], 'Z']);
    expect(errorsOf(json)).toEqual([
      'categoryRule.rules.0.category: unknown category "Z" (categories: Universal, Enhanced, Intensive)',
    ]);
  });

  it('names an unknown indicator in a rule, a best-fit bullet or a requirement', () => {
    expect(errorsOf(exampleWith([['categoryRule', 'rules', 0, 'anyOf', 1, 'indicator'], 'ofsted']))).toEqual([
      'categoryRule.rules.0.anyOf.1.indicator: unknown indicator "ofsted"',
    ]);
    expect(errorsOf(exampleWith([['categoryRule', 'rules', 1, 'bullets', 2, 'anyOf', 0, 'indicator'], 'ofsted']))).toEqual([
      'categoryRule.rules.1.bullets.2.anyOf.0.indicator: unknown indicator "ofsted"',
    ]);
    expect(errorsOf(exampleWith([['categoryRule', 'rules', 2, 'allOf', 0, 'indicator'], 'sg']))).toEqual([
      'categoryRule.rules.2.allOf.0.indicator: unknown indicator "sg"',
    ]);
  });

  it('refuses a best fit asking more bullets than it has, and evidence a value cannot show', () => {
    expect(errorsOf(exampleWith([['categoryRule', 'rules', 1, 'atLeast'], 4]))).toEqual([
      'categoryRule.rules.1.atLeast: asks for 4 bullets of 3',
    ]);
    expect(errorsOf(exampleWith([['categoryRule', 'rules', 2, 'allOf', 0], { indicator: 'safeguarding', evidence: 'outstanding' }]))).toEqual([
      'categoryRule.rules.2.allOf.0.evidence: "outstanding" is read from an Ofsted grade; "safeguarding" is a judgement',
    ]);
    expect(errorsOf(exampleWith([['categoryRule', 'rules', 2, 'allOf', 0], { indicator: 'safeguarding', rag: 'G', evidence: 'top-quartile' }]))[0]).toMatch(
      /^categoryRule\.rules\.2\.allOf\.0: give either "rag"/,
    );
  });

  it('refuses a requirement on the last category, which has none below it', () => {
    expect(errorsOf(exampleWith([['categoryRule', 'rules', 2, 'category'], 'Intensive']))).toEqual([
      'categoryRule.rules.2.category: the last category has none below it to fall to',
    ]);
  });

  it('refuses green and amber the wrong way round, for all schools or one phase', () => {
    const json = exampleWith(
      [['indicators', 3, 'rule', 'green'], 90],
      [['indicators', 3, 'rule', 'byPhase', 'secondary'], { green: 85, amber: 89 }],
    );
    expect(errorsOf(json)).toEqual([
      'indicators.3.rule.green: with higher-is-better, green (90) must be at least amber (92)',
      'indicators.3.rule.byPhase.secondary.green: with higher-is-better, green (85) must be at least amber (89)',
    ]);
  });

  it('refuses a rule type that does not fit the kind of value', () => {
    const json = exampleWith([['indicators', 5, 'kind'], 'percentage']);
    expect(errorsOf(json)).toEqual(['indicators.5.rule.type: a percentage indicator takes a threshold rule, not "flag"']);
  });

  it('names an unknown rule type', () => {
    const json = exampleWith([['indicators', 0, 'rule', 'type'], 'grade']);
    expect(errorsOf(json)[0]).toMatch(/^indicators\.0\.rule\.type: Invalid discriminator value/);
  });

  it('names an unknown field', () => {
    const json = exampleWith([['indicators', 0, 'colour'], '#FFFFFF']);
    expect(errorsOf(json)).toEqual(['indicators.0: Unrecognized key: "colour"']);
  });

  it('refuses a heading that would name two indicators', () => {
    const json = exampleWith([['indicators', 2, 'aliases', 2], 'OFSTED']);
    expect(errorsOf(json)).toEqual(['indicators.2.aliases.2: "OFSTED" also names indicator "ofsted-grade"']);
  });

  it('refuses a category name that would name two categories', () => {
    const json = exampleWith([['categories', 2, 'aliases', 2], 'level-1']);
    expect(errorsOf(json)).toEqual(['categories.2.aliases.2: "level-1" also names category "Universal"']);
  });

  it('reports every mistake in one pass, not only the first', () => {
    const json = exampleWith(
      [['indicators', 3, 'rule', 'green'], 'ninety'],
      [['indicators', 5, 'area'], 'leadership'],
      [['indicators', 5, 'kind'], 'percentage'],
      [['categoryRule', 'rules', 0, 'category'], 'Z'],
      [['meetings', 0, 'forCategories', 0], 'High'],
    );
    expect(errorsOf(json)).toEqual([
      'indicators.3.rule.green: Invalid input: expected number, received string',
      expect.stringMatching(/^indicators\.5\.area: Invalid option/),
      'indicators.5.rule.type: a percentage indicator takes a threshold rule, not "flag"',
      'categoryRule.rules.0.category: unknown category "Z" (categories: Universal, Enhanced, Intensive)',
      'meetings.0.forCategories.0: unknown category "High"',
    ]);
  });

  it('skips cross-checks only where the parts they read are broken', () => {
    const json = exampleWith([['categories', 1, 'code'], 7], [['categoryRule', 'rules', 0, 'category'], 'Z']);
    expect(errorsOf(json)).toEqual(['categories.1.code: Invalid input: expected string, received number']);
  });

  it('reports bad JSON text and a file that is not an object', () => {
    expect(errorsOf('{ "id": ')[0]).toMatch(/^\(root\): not valid JSON/);
    expect(errorsOf([])).toEqual(['(root): Invalid input: expected object, received array']);
  });

  it('never changes what it is given', () => {
    const json = example();
    const before = structuredClone(json);
    parseFramework(json);
    expect(json).toEqual(before);
  });
});

describe('getFramework', () => {
  it('finds a built-in by id, ignoring case and spaces', () => {
    const r = getFramework(' Camden ');
    expect(r.ok && r.value.id).toBe('camden');
  });

  it('lists the known ids for an unknown one', () => {
    expect(getFramework('leeds')).toEqual({
      ok: false,
      error: 'unknown framework "leeds" (built-in frameworks: reading, southwark, cambridgeshire, camden, triborough)',
    });
  });

  it('returns frozen built-ins', () => {
    expect(frameworkIds).toEqual(['reading', 'southwark', 'cambridgeshire', 'camden', 'triborough']);
    for (const f of builtInFrameworks) {
      expect(Object.isFrozen(f)).toBe(true);
      expect(Object.isFrozen(f.indicators[0]?.rule)).toBe(true);
    }
  });
});

describe('withThresholds', () => {
  const overrides = {
    attendance: { green: 95, amber: 92 },
    'persistent-absence': { byPhase: { secondary: { green: 20, amber: 25 } } },
  };

  it('applies per-workbook thresholds to a copy', () => {
    const original = reading();
    const before = structuredClone(original);
    const r = withThresholds(original, overrides);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const rule = (id: string) => r.value.indicators.find((i) => i.id === id)?.rule;
    // Green and amber for all phases replace the national default phase bands.
    expect(rule('attendance')).toEqual({
      type: 'threshold',
      direction: 'higher-is-better',
      green: 95,
      amber: 92,
      // The national figures stay: "above national" evidence still compares with them.
      national: 92.9,
      nationalByPhase: { primary: 94.5, secondary: 91.1, special: 87 },
      source: 'Set in this workbook (all phases)',
    });
    // A phase band changes that phase only.
    expect(rule('persistent-absence')).toMatchObject({
      green: 20,
      amber: 25,
      byPhase: { primary: { green: 14.7, amber: 19.7 }, secondary: { green: 20, amber: 25 } },
    });
    expect(rule('persistent-absence')?.type === 'threshold' && rule('persistent-absence')).toHaveProperty(
      'source',
      expect.stringMatching(/^Set in this workbook \(secondary\); otherwise: /),
    );
    expect(frameworkSchema.safeParse(r.value).success).toBe(true);
    // The framework passed in is untouched.
    expect(original).toEqual(before);
    expect(r.value).not.toBe(original);
    expect(original.indicators.find((i) => i.id === 'attendance')?.rule).toMatchObject({ green: 92.9 });
  });

  it('keeps the other value when only green or amber is given', () => {
    const r = withThresholds(reading(), { attendance: { green: 96, source: 'LA attendance strategy' } });
    expect(r.ok && r.value.indicators.find((i) => i.id === 'attendance')?.rule).toEqual({
      type: 'threshold',
      direction: 'higher-is-better',
      green: 96,
      amber: 90.9,
      national: 92.9,
      nationalByPhase: { primary: 94.5, secondary: 91.1, special: 87 },
      source: 'LA attendance strategy',
    });
  });

  it('changes nothing for an empty set of overrides', () => {
    const r = withThresholds(reading(), {});
    expect(r.ok && r.value).toEqual(reading());
  });

  it('names unknown and non-threshold indicators', () => {
    const r = withThresholds(reading(), { attendence: { green: 95 }, safeguarding: { green: 1, amber: 0 } });
    expect(r).toEqual({
      ok: false,
      error: [
        'attendence: unknown indicator (threshold indicators here: ks2-rwm, progress-8, attendance, persistent-absence, suspensions, permanent-exclusions, complaints)',
        'safeguarding: not a threshold indicator (its rule is "judgement"), so it takes no green or amber',
      ],
    });
  });

  it('names bands the wrong way round for the direction', () => {
    const r = withThresholds(reading(), {
      attendance: { green: 90, amber: 92 },
      'persistent-absence': { byPhase: { secondary: { green: 30, amber: 25 } } },
    });
    expect(r).toEqual({
      ok: false,
      error: [
        'attendance.green: with higher-is-better, green (90) must be at least amber (92)',
        'persistent-absence.byPhase.secondary.green: with lower-is-better, green (30) must be at most amber (25)',
      ],
    });
  });

  it('names values of the wrong type, unknown phases and unknown fields', () => {
    const r = withThresholds(reading(), {
      attendance: { green: '95%' },
      suspensions: { byPhase: { sixth: { green: 1 } } },
      'ks2-rwm': { red: 50 },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toContain('attendance.green: Invalid input: expected number, received string');
    expect(r.error.some((e) => e.startsWith('suspensions.byPhase'))).toBe(true);
    expect(r.error).toContain('ks2-rwm: Unrecognized key: "red"');
  });

  it('refuses overrides that are not an object', () => {
    expect(withThresholds(reading(), [1])).toEqual({
      ok: false,
      error: ['(root): Invalid input: expected record, received array'],
    });
  });
});
