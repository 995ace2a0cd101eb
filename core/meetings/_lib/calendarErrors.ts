import { fail, type Result } from '../../result.js';

/**
 * Runs a planning function and turns the calendar's RangeError (a day outside the years it
 * covers, a malformed day) into an error value, as every meeting function promises.
 */
export function calendarErrorsAsValues<T>(plan: () => Result<T, string>): Result<T, string> {
  try {
    return plan();
  } catch (e) {
    if (e instanceof RangeError) return fail(e.message);
    throw e;
  }
}
