export * from './address.js';
export * from './config.js';
export * from './matchCategory.js';
export * from './normaliseHeader.js';
export * from './parsePhase.js';
export * from './planSheet.js';
export * from './roles.js';
export type * from './types.js';
