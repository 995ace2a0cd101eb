export * from './editDistance.js';
export * from './findSchools.js';
export * from './parseQuestion.js';
export * from './schoolKey.js';
export * from './schoolRecords.js';
export type * from './types.js';
