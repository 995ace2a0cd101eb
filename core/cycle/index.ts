/**
 * The improvement cycle beyond meetings (issue 14): statutory clocks (warning notices,
 * statements of action), visit cadence and review points per framework, Reading's exit criteria
 * and Camden's project board report. Pure: no I/O, no
 * Date.now; days are 'yyyy-MM-dd' London days on the working-day calendar of core/calendar.
 */
export * from './clocks/index.js';
export * from './cadence/index.js';
export * from './exitCriteria/index.js';
export * from './projectBoard/index.js';
