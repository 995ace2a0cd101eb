/** The Office.js adapter: no UI. Read once, plan with core, write once. */
export * from './areas.js';
export * from './clear.js';
export * from './moved.js';
export type * from './office.js';
export * from './rate.js';
export * from './read.js';
export * from './settings.js';
export * from './state.js';
export * from './selection.js';
