import { describe, expect, it } from 'vitest';
import { defaultThresholds, nationalFigures, type NationalFigure } from './national-figures.js';
import { thresholdRuleSchema } from './schema.js';

const figures = (): [string, NationalFigure][] =>
  Object.entries(nationalFigures).flatMap(([measure, m]) => [
    [measure, m.all] as [string, NationalFigure],
    ...Object.entries('byPhase' in m ? m.byPhase : {}).map(
      ([phase, f]) => [`${measure}.${phase}`, f] as [string, NationalFigure],
    ),
  ]);

describe('nationalFigures', () => {
  it.each(figures())('%s names a publication and academic year', (_name, figure) => {
    expect(figure.source).toMatch(/\(DfE\)/);
    expect(figure.source).toMatch(/20\d\d\/\d\d/);
    expect(Number.isFinite(figure.value)).toBe(true);
  });

  it('uses 2023/24 figures that were checked against the publications', () => {
    expect(nationalFigures.attendance.all.value).toBe(92.9);
    expect(nationalFigures.attendance.byPhase.primary.value).toBe(94.5);
    expect(nationalFigures.attendance.byPhase.secondary.value).toBe(91.1);
    expect(nationalFigures.suspensionRate.all.value).toBe(11.31);
    expect(nationalFigures.ks2Rwm.all.value).toBe(62);
    expect(nationalFigures.progress8.all.value).toBe(0);
    expect(nationalFigures.phonicsY1.all.value).toBe(80);
    expect(nationalFigures.gld.all.value).toBe(67.7);
  });

  it('says where a figure could not be checked, and leaves nothing marked "verify"', () => {
    expect(nationalFigures.persistentAbsence.all.source).toContain('not shown in the DfE release pages checked');
    expect(nationalFigures.attainment8.all.source).toContain('not shown in the DfE release pages checked');
    expect(JSON.stringify(nationalFigures)).not.toMatch(/verify/i);
    expect(nationalFigures.ks2Rwm.all).toMatchObject({ value: 62 });
    expect(nationalFigures.ks2Rwm.all.source).toMatch(/2024\/25/);
  });
});

describe('defaultThresholds', () => {
  it.each(Object.entries(defaultThresholds))('%s is a valid threshold rule with its source', (_id, rule) => {
    expect(thresholdRuleSchema.safeParse(rule).success).toBe(true);
    expect(rule.source).toMatch(/Source: .*\(DfE\)/);
  });

  it('makes attendance green at national, amber down to 2 points below, by phase', () => {
    expect(defaultThresholds.attendance).toMatchObject({
      direction: 'higher-is-better',
      green: 92.9,
      amber: 90.9,
      byPhase: {
        primary: { green: 94.5, amber: 92.5 },
        secondary: { green: 91.1, amber: 89.1 },
        special: { green: 87, amber: 85 },
      },
    });
  });

  it('makes persistent absence and suspensions lower-is-better from the national rate', () => {
    expect(defaultThresholds['persistent-absence']).toMatchObject({
      direction: 'lower-is-better',
      green: 20,
      amber: 25,
      byPhase: { primary: { green: 14.7, amber: 19.7 }, secondary: { green: 25.6, amber: 30.6 } },
    });
    expect(defaultThresholds.suspensions).toMatchObject({ direction: 'lower-is-better', green: 11.31, amber: 16.97 });
  });

  it('puts Progress 8 green at 0 and amber down to -0.5', () => {
    expect(defaultThresholds['progress-8']).toMatchObject({ green: 0, amber: -0.5 });
  });

  it('puts attainment measures green at national and amber 5 points below', () => {
    expect(defaultThresholds['ks2-rwm']).toMatchObject({ green: 62, amber: 57 });
    expect(defaultThresholds['attainment-8']).toMatchObject({ green: 45.9, amber: 40.9 });
    expect(defaultThresholds.phonics).toMatchObject({ green: 80, amber: 75 });
    expect(defaultThresholds.gld).toMatchObject({ green: 67.7, amber: 62.7 });
  });
});
