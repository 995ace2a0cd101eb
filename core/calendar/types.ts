/**
 * A period when schools are shut (an LA term holiday), both ends inclusive, 'yyyy-MM-dd'.
 * Every day in it is non-working.
 */
export interface Closure {
  readonly start: string;
  readonly end: string;
  readonly name?: string;
}

/** What {@link makeCalendar} builds a calendar from. */
export interface WorkingCalendarOptions {
  /**
   * Bank holidays, 'yyyy-MM-dd'. Replaces (does not add to) the England and Wales list when
   * given; omit it to use `englandAndWalesBankHolidays`. `[]` means "no bank holidays".
   */
  readonly bankHolidays?: readonly string[];
  /** School closures (term holidays) that make days non-working on top of bank holidays. */
  readonly closures?: readonly Closure[];
  /**
   * The days this calendar is known to be right for. Defaults to 1 January of the first year
   * to 31 December of the last year that has a bank holiday in `bankHolidays` (so 2024–2030
   * for the built-in list), or to no limit when `bankHolidays` is `[]`.
   * Pass `null` for no limit.
   */
  readonly coverage?: { readonly start: string; readonly end: string } | null;
}

/**
 * A working-day calendar for England: Monday to Friday, less bank holidays and closures.
 * Built by `makeCalendar`; frozen. Pass the object itself to the calendar functions: a copy
 * (spread, structuredClone, JSON) is rejected because its lookup table does not travel.
 */
export interface WorkingCalendar {
  /** Sorted, without duplicates. */
  readonly bankHolidays: readonly string[];
  /** Sorted by start. */
  readonly closures: readonly Closure[];
  /**
   * Days outside this range throw a RangeError rather than being treated as ordinary
   * weekdays, because the bank holidays for them are unknown. `null`: no limit.
   */
  readonly coverage: { readonly start: string; readonly end: string } | null;
}
