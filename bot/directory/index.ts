export * from './directory.js';
export * from './load-workbook.js';
export * from './remote-directory.js';
