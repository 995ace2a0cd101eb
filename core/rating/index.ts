export * from './displayValue.js';
export * from './ragWords.js';
export * from './rateValue/index.js';
export * from './suggestCategory/index.js';
export type * from './types.js';
export * from './explainCategory/index.js';
export * from './whatWouldMoveIt/index.js';
export * from './thresholdWords.js';
