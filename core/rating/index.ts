export * from './displayValue.js';
export * from './ragWords.js';
export * from './rateValue/index.js';
export * from './suggestCategory/index.js';
export type * from './types.js';
export * from './explainCategory.js';
export * from './thresholdWords.js';
export * from './whatWouldMoveIt.js';
