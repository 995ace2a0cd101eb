export * from './directory.js';
export * from './load-workbook.js';
