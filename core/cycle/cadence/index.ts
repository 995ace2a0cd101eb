export { REVIEW_POINTS, VISIT_CADENCE, type CadenceRule, type Every } from './data.js';
export { schoolTerms, type Period, type SchoolYear } from './schoolTerms.js';
export { reviewsDue, visitsDue, type CadenceInput, type DueItem, type DueList } from './visitsDue.js';
export { lastWorkingDayOf, periodAround, schoolYearOf } from './periods.js';
export { remindersDueToday, type CadenceReminder, type ReminderOptions, type ReminderSchool } from './remindersDue.js';
