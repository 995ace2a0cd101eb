/**
 * Which Outlook events the calendar import may read at all. Anyone can put an invitation in a
 * shared mailbox's calendar (it lands there, tentative, unanswered), and a meeting scheduled
 * from it would send reminders to a head: so only events the mailbox organised itself, or an
 * officer organised (WAYMARK_OFFICERS, by UPN / e-mail address) and the mailbox did not
 * decline, are imported. Private and confidential events are never read: their subjects are
 * neither stored nor shown.
 */
import type { CalendarEvent } from '../graph/calendar.js';

export type Eligibility = 'ok' | 'private' | 'not-ours';

/**
 * @param officers WAYMARK_OFFICERS as configured (lower case); entries without "@" (object
 * ids) cannot be compared with an organiser's address and are ignored here.
 * @example
 * eligibility({ ...event, isOrganizer: false, organizer: 'someone@elsewhere.org' }, ['anna@la.gov.uk']) //=> 'not-ours'
 */
export function eligibility(event: CalendarEvent, officers: readonly string[]): Eligibility {
  const sensitivity = event.sensitivity?.toLowerCase();
  if (sensitivity === 'private' || sensitivity === 'confidential') return 'private';
  if (event.isOrganizer) return 'ok';
  if (event.response?.toLowerCase() === 'declined') return 'not-ours';
  const organizer = event.organizer?.toLowerCase();
  if (organizer && officers.some((o) => o.includes('@') && o === organizer)) return 'ok';
  return 'not-ours';
}
