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
  if (typeof raw !== 'string') return parse(raw, kind);
  // A sheet repeats the same few words thousands of times ("Effective", "G", "n/a"); text
  // parsing normalises Unicode, so reading each distinct text once is most of the work saved.
  // Readings are immutable, so sharing one between cells is safe.
  const key = `${kind}\u0000${raw}`;
  const known = memo.get(key);
  if (known) return known;
  const reading = parse(raw, kind);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, reading);
  return reading;
}

const MEMO_LIMIT = 50_000;
const memo = new Map<string, CellReading>();

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
