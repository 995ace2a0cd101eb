export * from './categoryReply.js';
export * from './workbookNotice.js';
