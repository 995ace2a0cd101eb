import { z } from 'zod';
import { isDay } from '../_lib/day.js';

/**
 * A calendar day as written in a calendar file: a real day, 'yyyy-MM-dd'.
 *
 * @example
 * daySchema.safeParse('2026-02-30').success //=> false
 */
export const daySchema = z.string().refine(isDay, { message: 'must be a real day written yyyy-MM-dd' });

const bankHolidaySchema = z
  .object({ date: daySchema, title: z.string().trim().min(1) })
  .strict();

const termHolidaySchema = z
  .object({ name: z.string().trim().min(1).optional(), start: daySchema, end: daySchema })
  .strict()
  // Runs only once both days are valid (zod skips refinements after earlier issues), so the
  // string comparison is a date comparison: zero-padded ISO days sort as dates.
  .refine((holiday) => holiday.start <= holiday.end, { path: ['end'], message: 'end before start' });

/**
 * An LA's calendar file (JSON): bank holidays replacing the England and Wales list and/or
 * term holidays closing schools. Both keys are optional; unknown keys are errors so a typo
 * ("termHoliday") is not silently ignored. Issues carry their path, e.g.
 * `termHolidays.0.end: end before start`; `parseCalendarFile` formats them so.
 *
 * A `bankHolidays` list replaces the built-in one entirely, and the calendar built from it
 * covers only the years it spans: list every year the LA needs.
 *
 * @example
 * calendarFileSchema.parse({
 *   termHolidays: [{ name: 'Christmas', start: '2026-12-21', end: '2027-01-01' }],
 * });
 */
export const calendarFileSchema = z
  .object({
    bankHolidays: z
      .array(bankHolidaySchema)
      .superRefine((holidays, ctx) => {
        const firstIndex = new Map<string, number>();
        holidays.forEach((holiday, i) => {
          const earlier = firstIndex.get(holiday.date);
          if (earlier === undefined) {
            firstIndex.set(holiday.date, i);
          } else {
            ctx.addIssue({ code: 'custom', path: [i, 'date'], message: `duplicate of bankHolidays.${earlier}` });
          }
        });
      })
      .optional(),
    termHolidays: z.array(termHolidaySchema).optional(),
  })
  .strict();

export type CalendarFile = z.infer<typeof calendarFileSchema>;
