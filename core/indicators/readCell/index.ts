import type { IndicatorKind } from '../../frameworks/schema.js';
import type { CellReading, CellValue } from '../types.js';
import { invalidReading } from '../_lib/reading/index.js';
import { parseCount } from '../parseCount/index.js';
import { parseDate } from '../parseDate/index.js';
import { parseFlag } from '../parseFlag/index.js';
import { parseJudgement } from '../parseJudgement/index.js';
import { parseOfsted } from '../parseOfsted/index.js';
import { parsePercentage } from '../parsePercentage/index.js';
import { parseRate } from '../parseRate/index.js';
import { parseTrend } from '../parseTrend/index.js';

/**
 * Reads one cell as the kind of value its indicator expects. Kinds are strict: a judgement
 * word in an Ofsted column is invalid, not converted, and the reason says what was expected.
 *
 * @example
 * readCell('94.2%', 'percentage') // { status: 'value', value: { kind: 'number', value: 94.2 } }
 * readCell('#N/A', 'count')       // { status: 'no-data', why: 'excel-error' }
 * readCell('excellent', 'ofsted') // { status: 'invalid', reason: '"excellent" is not an Ofsted grade (expected …)' }
 */
export function readCell(raw: CellValue, kind: IndicatorKind): CellReading {
  if (raw === null || typeof raw === 'boolean') return parse(raw, kind);
  // A sheet repeats the same few values thousands of times ("Effective", "G", "n/a", 0);
  // text parsing normalises Unicode, so reading each distinct value once is most of the work
  // saved. Readings are immutable, so sharing one between cells is safe.
  let known: Map<string | number, CellReading> | undefined = memo[kind];
  // A kind outside the schema (from an unchecked caller) is answered by parse, not cached.
  if (known === undefined) return parse(raw, kind);
  if (known.size >= MEMO_LIMIT) {
    known = new Map();
    memo[kind] = known;
  }
  const hit = known.get(raw);
  if (hit) return hit;
  const reading = parse(raw, kind);
  known.set(raw, reading);
  return reading;
}

const MEMO_LIMIT = 20_000;
const memo: Record<IndicatorKind, Map<string | number, CellReading>> = {
  percentage: new Map(),
  count: new Map(),
  rate: new Map(),
  flag: new Map(),
  judgement: new Map(),
  ofsted: new Map(),
  trend: new Map(),
  date: new Map(),
};

function parse(raw: CellValue, kind: IndicatorKind): CellReading {
  switch (kind) {
    case 'percentage':
      return parsePercentage(raw);
    case 'count':
      return parseCount(raw);
    case 'rate':
      return parseRate(raw);
    case 'flag':
      return parseFlag(raw);
    case 'judgement':
      return parseJudgement(raw);
    case 'ofsted':
      return parseOfsted(raw);
    case 'trend':
      return parseTrend(raw);
    case 'date':
      return parseDate(raw);
    default: {
      // Unreachable from TypeScript; a framework read as untyped JSON could still get here.
      const unknown: never = kind;
      return invalidReading(`unknown indicator kind "${String(unknown)}"`);
    }
  }
}
