import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indicatorKinds } from '../frameworks/schema.js';
import * as indicators from './index.js';
import type { CellReading, CellValue } from './index.js';

const parsers: Record<string, (raw: CellValue) => CellReading> = {
  noData: (raw) => indicators.noData(raw) ?? { status: 'invalid', reason: 'not no-data' },
  parsePercentage: indicators.parsePercentage,
  parseCount: indicators.parseCount,
  parseRate: indicators.parseRate,
  parseFlag: indicators.parseFlag,
  parseJudgement: indicators.parseJudgement,
  parseOfsted: indicators.parseOfsted,
  parseTrend: indicators.parseTrend,
  parseDate: indicators.parseDate,
  ...Object.fromEntries(indicatorKinds.map((kind) => [`readCell(${kind})`, (raw: CellValue) => indicators.readCell(raw, kind)])),
};

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom(...'0123456789.,%-−/ \u00A0#NA!yYnN↑→='.split('')) }),
  fc.double(),
  fc.integer({ min: -100_000, max: 3_000_000 }),
  fc.boolean(),
  fc.constant(null),
);

describe('every parser', () => {
  it.each(Object.keys(parsers))('%s never throws, and answers with a well-formed reading', (name) => {
    const parse = parsers[name];
    if (!parse) throw new Error(`no parser ${name}`);
    fc.assert(
      fc.property(cellValue, (raw) => {
        const reading = parse(raw);
        expect(['value', 'no-data', 'invalid']).toContain(reading.status);
        if (reading.status === 'invalid') {
          expect(reading.reason.length).toBeGreaterThan(0);
          expect(reading.reason.length).toBeLessThanOrEqual(140);
        }
        if (reading.status === 'value' && reading.value.kind === 'number') {
          expect(Number.isFinite(reading.value.value)).toBe(true);
        }
        if (reading.status === 'value' && reading.value.kind === 'date') {
          expect(reading.value.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('does not change its input, and gives the same answer twice', () => {
    const raw = '  94.2 %  ';
    const first = indicators.readCell(raw, 'percentage');
    expect(raw).toBe('  94.2 %  ');
    expect(indicators.readCell(raw, 'percentage')).toEqual(first);
  });
});
