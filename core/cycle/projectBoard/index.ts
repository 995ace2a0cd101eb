export { KEY_NOTE, PROJECT_BOARD_TEMPLATE, type KeyEntry, type ReportTemplate } from './template.js';
export { projectBoardFacts } from './facts.js';
export { academicYear, actualColumnFor, projectBoardReport, type Field, type ProjectBoardFacts, type ProjectBoardReport } from './report.js';
