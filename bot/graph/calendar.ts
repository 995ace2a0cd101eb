/**
 * The team's Outlook calendar through Microsoft Graph (WAYMARK_CALENDAR): every event between
 * two instants with `GET /users/{mailbox}/calendarView` (recurring meetings come back as their
 * occurrences), in London time (`Prefer: outlook.timezone="Europe/London"`), page by page
 * through `@odata.nextLink`; one event by id when an imported one has left the window. Each page goes through the retry rules the reminders use
 * (./retry.ts). Only the fields the import needs are asked for: besides the subject and start,
 * who organised the event and how private it is, so the import can leave out invitations from
 * outside the team and private events (bot/calendar/eligible.ts).
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { londonDay } from '../../core/calendar/londonDay/index.js';
import { londonTime } from '../../core/calendar/londonTime/index.js';
import type { GraphFailure } from './client.js';
import { GraphCallFailed, withGraphRetry, type RetryOptions } from './retry.js';

/** An event as the import reads it; `start` is London wall-clock time. */
export interface CalendarEvent {
  readonly id: string;
  readonly subject: string;
  /** 'yyyy-MM-ddTHH:mm' in London, or 'yyyy-MM-dd' for an all-day event. */
  readonly start: string;
  readonly isCancelled: boolean;
  /** True when the mailbox itself organised the event (not an invitation it received). */
  readonly isOrganizer: boolean;
  /** The organiser's e-mail address, lower case; undefined when Graph gave none. */
  readonly organizer: string | undefined;
  /** 'normal', 'personal', 'private' or 'confidential' (undefined: not said, read as normal). */
  readonly sensitivity: string | undefined;
  /** 'free', 'tentative', 'busy', 'oof', 'workingElsewhere' or 'unknown'. */
  readonly showAs: string | undefined;
  /** The mailbox's answer to the invitation: 'organizer', 'accepted', 'tentativelyAccepted', 'declined', 'notResponded', 'none'. */
  readonly response: string | undefined;
}

const DateTimeTimeZone = z.object({ dateTime: z.string(), timeZone: z.string().optional() });
const RawEvent = z.object({
  id: z.string().min(1),
  subject: z.string().nullish(),
  start: DateTimeTimeZone,
  isAllDay: z.boolean().nullish(),
  isCancelled: z.boolean().nullish(),
  isOrganizer: z.boolean().nullish(),
  organizer: z.object({ emailAddress: z.object({ address: z.string().nullish() }).nullish() }).nullish(),
  sensitivity: z.string().nullish(),
  showAs: z.string().nullish(),
  responseStatus: z.object({ response: z.string().nullish() }).nullish(),
});
const Page = z.object({ value: z.array(z.unknown()), '@odata.nextLink': z.string().optional() });

const LONDON_ZONES = /^(europe\/london|gmt standard time)$/i;
const SELECT = 'id,subject,start,isAllDay,isCancelled,isOrganizer,organizer,sensitivity,showAs,responseStatus';
/** Pages after which we stop: a year of a team's calendar is far fewer events than this. */
const MAX_PAGES = 200;

/** A Graph date-time as London wall-clock time ('yyyy-MM-ddTHH:mm'). */
function londonStart(start: z.infer<typeof DateTimeTimeZone>, allDay: boolean): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(start.dateTime);
  if (!m) return undefined;
  // All-day events are dates, whatever zone Graph names.
  if (allDay) return m[1];
  const zone = start.timeZone ?? 'UTC';
  if (LONDON_ZONES.test(zone)) return `${m[1]}T${m[2]}`;
  // Graph ignored the Prefer header (or the mailbox answers in UTC): convert.
  if (/^(utc|etc\/utc|coordinated universal time)$/i.test(zone)) {
    const instant = new Date(`${m[1]}T${m[2]}:00Z`);
    return `${londonDay(instant)}T${londonTime(instant)}`;
  }
  return undefined;
}

export interface CalendarReader {
  /** Every event of `mailbox` that overlaps [from, to), all pages. Throws GraphCallFailed. */
  events(mailbox: string, from: Date, to: Date): Promise<CalendarReadResult>;
  /** One event by id (`GET /users/{mailbox}/events/{id}`): 'gone' on 404, undefined when its start cannot be read. Throws GraphCallFailed. */
  event(mailbox: string, id: string): Promise<CalendarEvent | 'gone' | undefined>;
}

export interface CalendarReadResult {
  readonly events: readonly CalendarEvent[];
  /** Events whose start could not be read (an unknown time zone, a malformed body): counted, never guessed. */
  readonly unreadable: number;
}

/** The path and query of a nextLink, as the Graph client takes it (it only strips https hosts itself). */
function relative(link: string): string {
  const url = new URL(link);
  // '/v1.0/users/…' → '/users/…': the client adds its own version.
  return `${url.pathname.replace(/^\/(v1\.0|beta)(?=\/)/, '')}${url.search}`;
}

/** An event of a Graph answer, or undefined when its start cannot be read (never guessed). */
function readEvent(item: unknown): CalendarEvent | undefined {
  const parsed = RawEvent.safeParse(item);
  const start = parsed.success ? londonStart(parsed.data.start, parsed.data.isAllDay === true) : undefined;
  if (!parsed.success || start === undefined) return undefined;
  const e = parsed.data;
  return {
    id: e.id,
    subject: (e.subject ?? '').trim(),
    start,
    isCancelled: e.isCancelled === true,
    isOrganizer: e.isOrganizer === true,
    organizer: e.organizer?.emailAddress?.address?.trim().toLowerCase() || undefined,
    sensitivity: e.sensitivity ?? undefined,
    showAs: e.showAs ?? undefined,
    response: e.responseStatus?.response ?? undefined,
  };
}

const LONDON = 'outlook.timezone="Europe/London"';

export function createCalendarReader(client: Client, retry: RetryOptions = {}): CalendarReader {
  return {
    async event(mailbox, id) {
      try {
        const raw: unknown = await withGraphRetry(
          () => client.api(`/users/${encodeURIComponent(mailbox)}/events/${encodeURIComponent(id)}?$select=${SELECT}`).header('Prefer', LONDON).get(),
          retry,
        );
        return readEvent(raw);
      } catch (error) {
        if (error instanceof GraphCallFailed && error.failure.status === 404) return 'gone';
        throw error;
      }
    },
    async events(mailbox, from, to) {
      const events: CalendarEvent[] = [];
      let unreadable = 0;
      const query = `startDateTime=${encodeURIComponent(from.toISOString())}&endDateTime=${encodeURIComponent(to.toISOString())}&$select=${SELECT}&$top=100`;
      let path: string | undefined = `/users/${encodeURIComponent(mailbox)}/calendarView?${query}`;
      for (let pages = 0; path !== undefined; pages++) {
        if (pages >= MAX_PAGES) throw new Error(`the calendar has more than ${MAX_PAGES} pages of events in the window`);
        const at: string = path;
        const raw: unknown = await withGraphRetry(() => client.api(at).header('Prefer', LONDON).get(), retry);
        const page = Page.parse(raw);
        for (const item of page.value) {
          const event = readEvent(item);
          if (event) events.push(event);
          else unreadable++;
        }
        path = page['@odata.nextLink'] ? relative(page['@odata.nextLink']) : undefined;
      }
      return { events, unreadable };
    },
  };
}

/** What to tell an officer (and the log) about a failed calendar read: the cause and the fix. Names no one. */
export function calendarFailureReason(failure: GraphFailure): string {
  const code = failure.code ? `, ${failure.code}` : '';
  switch (failure.status) {
    case 401:
      return `Microsoft Graph refused Waymark's token (401${code}); check MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId, or the managed identity`;
    case 403:
      return `Waymark may not read the calendar in WAYMARK_CALENDAR (403${code}); grant its app the Calendars.ReadBasic application permission and add that mailbox to its application access policy (README, "Calendar import")`;
    case 404:
      return `there is no mailbox WAYMARK_CALENDAR names (404${code}); set it to the e-mail address of the team's shared mailbox or group`;
    case 429:
    case 503:
      return `Microsoft Graph is busy (${failure.status}${code}, asked to wait); the calendar is read again at the next check`;
    case undefined:
      return `Microsoft Graph could not be reached (${failure.network ?? 'network error'}); the calendar is read again at the next check`;
    default:
      return `Microsoft Graph answered ${failure.status}${code}; the calendar is read again at the next check`;
  }
}
