import { TZDate } from '@date-fns/tz';

/** The zone every Waymark calendar day and meeting time is in. */
export const LONDON = 'Europe/London';

/**
 * The instant as a date in London. TZDate does the zone arithmetic itself (via Intl), so its
 * getters give London wall-clock fields whatever the machine's zone is.
 *
 * @throws RangeError for an Invalid Date or a non-Date
 */
export function inLondon(instant: Date, argumentName = 'instant'): TZDate {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError(`${argumentName} must be a valid Date, got ${String(instant)}`);
  }
  // From the timestamp, so the caller's Date is only read, never changed.
  return new TZDate(instant.getTime(), LONDON);
}
