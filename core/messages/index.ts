export * from './categoryReply.js';
export * from './workbookNotice.js';
export * from './card.js';
export * from './helpCard.js';
