import { type Result, fail, ok } from '../../result.js';
import { type CalendarFile, calendarFileSchema } from '../calendarFileSchema/index.js';

/**
 * Validates a parsed calendar file (the value from `JSON.parse`, not the text). Bad files are
 * an expected failure, so they come back as messages, one per problem, each starting with
 * the path to the offending value.
 *
 * @example
 * parseCalendarFile({ termHolidays: [{ name: 'Christmas', start: '2027-01-01', end: '2026-12-21' }] })
 * //=> { ok: false, error: ['termHolidays.0.end: end before start'] }
 */
export function parseCalendarFile(input: unknown): Result<CalendarFile, string[]> {
  const parsed = calendarFileSchema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  return fail(
    parsed.error.issues.map((issue) => {
      const path = issue.path.map(String).join('.');
      return `${path === '' ? '(file)' : path}: ${issue.message}`;
    }),
  );
}
