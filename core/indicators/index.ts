/**
 * Reading what officers type into categorisation spreadsheet cells. Every function is pure,
 * takes a {@link CellValue} and returns a {@link CellReading}; none throws.
 */
export type {
  CellReading,
  CellValue,
  Judgement,
  ParsedValue,
  ReportCardGrade,
  Trend,
  VersusNational,
} from './types.js';
export { versusNational } from './_lib/versusNational/index.js';
export { noData, type NoDataReading, type NoDataWhy } from './noData/index.js';
export { parseCount } from './parseCount/index.js';
export { parseDate } from './parseDate/index.js';
export { parseFlag } from './parseFlag/index.js';
export { parseJudgement } from './parseJudgement/index.js';
export { parseOfsted } from './parseOfsted/index.js';
export { parsePercentage } from './parsePercentage/index.js';
export { parseRate } from './parseRate/index.js';
export { parseTrend } from './parseTrend/index.js';
export { readCell } from './readCell/index.js';
