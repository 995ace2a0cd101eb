export { CLOCK_SOURCES, type ClockId } from './sources.js';
export type { ClockDate, WarningNoticeClocks, WarningNoticeInput } from './types.js';
export { warningNoticeClocks } from './warningNoticeClocks.js';
export { statementOfActionDue } from './statementOfActionDue.js';
export { dayWords } from './words.js';
export { statutoryCalendar } from './statutoryCalendar.js';
