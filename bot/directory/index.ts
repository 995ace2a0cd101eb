export * from './directory.js';
export * from '../../workbook/source/file.js';
export * from '../../workbook/source/drive-directory.js';
