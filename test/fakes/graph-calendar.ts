/**
 * A loopback fake of Microsoft Graph's calendarView, as the calendar import uses it:
 * `GET /v1.0/users/{mailbox}/calendarView?startDateTime&endDateTime` returns the events that
 * overlap the window, sorted by start, `pageSize` at a time with `@odata.nextLink` (an absolute
 * URL, as Graph sends it). Times come back in London when the request says
 * `Prefer: outlook.timezone="Europe/London"`, else in UTC, as Graph does. A mailbox can be
 * forbidden (403, as an application access policy refuses it), and any request can be
 * answered with a status and Retry-After. Only the fields `$select` names come back (with the
 * id), as Graph does: an event's organiser and privacy reach the import only if asked for.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { londonDateTime } from '../../core/calendar/londonDateTime/index.js';

export interface FakeEvent {
  id: string;
  subject: string;
  /** London wall-clock 'yyyy-MM-ddTHH:mm', or 'yyyy-MM-dd' with allDay. */
  start: string;
  allDay?: boolean;
  isCancelled?: boolean;
  /** Default true: the mailbox organised it. False: an invitation it received from `organizer`. */
  isOrganizer?: boolean;
  /** The organiser's address (default: the mailbox itself). */
  organizer?: string;
  sensitivity?: 'normal' | 'personal' | 'private' | 'confidential';
  showAs?: 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere' | 'unknown';
  response?: 'none' | 'organizer' | 'tentativelyAccepted' | 'accepted' | 'declined' | 'notResponded';
}

export interface CalendarRequest {
  readonly mailbox: string;
  readonly query: Record<string, string>;
  readonly prefer: string | undefined;
  readonly authorization: string | undefined;
  readonly status: number;
}

export interface FakeCalendar {
  readonly url: string;
  readonly requests: CalendarRequest[];
  /** Adds or replaces an event of `mailbox`. */
  put(mailbox: string, event: FakeEvent): void;
  remove(mailbox: string, id: string): void;
  forbid(mailbox: string, forbidden?: boolean): void;
  /** The next `times` requests get `status` with Retry-After `retryAfter`. */
  fail(status: number, times?: number, retryAfter?: string): void;
  pageSize: number;
  /** False: answer in UTC whatever the Prefer header says (the client must convert). */
  honourPrefer: boolean;
  close(): Promise<void>;
}

const instant = (e: FakeEvent): Date => (e.allDay ? londonDateTime(e.start, '00:00') : londonDateTime(e.start.slice(0, 10), e.start.slice(11, 16)));

/** An event as Graph sends it, its start in London time or in UTC, only the `$select`ed fields. */
function wire(e: FakeEvent, london: boolean, mailbox: string, select: string | undefined) {
  const start = e.allDay
    ? { dateTime: `${e.start}T00:00:00.0000000`, timeZone: london ? 'Europe/London' : 'UTC' }
    : london
      ? { dateTime: `${e.start}:00.0000000`, timeZone: 'Europe/London' }
      : { dateTime: instant(e).toISOString().replace('Z', '').replace(/\.\d+$/, '.0000000'), timeZone: 'UTC' };
  const isOrganizer = e.isOrganizer ?? true;
  const all: Record<string, unknown> = {
    id: e.id,
    subject: e.subject,
    start,
    isAllDay: e.allDay ?? false,
    isCancelled: e.isCancelled ?? false,
    isOrganizer,
    organizer: { emailAddress: { name: 'Organiser', address: e.organizer ?? mailbox } },
    sensitivity: e.sensitivity ?? 'normal',
    showAs: e.showAs ?? (isOrganizer ? 'busy' : 'tentative'),
    responseStatus: { response: e.response ?? (isOrganizer ? 'organizer' : 'notResponded'), time: '0001-01-01T00:00:00Z' },
  };
  if (select === undefined) return all;
  const wanted = new Set(['id', ...select.split(',').map((f) => f.trim())]);
  return Object.fromEntries(Object.entries(all).filter(([k]) => wanted.has(k)));
}

export async function startFakeCalendar(): Promise<FakeCalendar> {
  const calendars = new Map<string, Map<string, FakeEvent>>();
  const forbidden = new Set<string>();
  const requests: CalendarRequest[] = [];
  const faults: { status: number; left: number; retryAfter: string | undefined }[] = [];
  const app = express();
  let origin = '';
  const fake: FakeCalendar = {
    url: '',
    requests,
    pageSize: 2,
    honourPrefer: true,
    put(mailbox, event) {
      const key = mailbox.toLowerCase();
      if (!calendars.has(key)) calendars.set(key, new Map());
      calendars.get(key)!.set(event.id, { ...event });
    },
    remove: (mailbox, id) => void calendars.get(mailbox.toLowerCase())?.delete(id),
    forbid(mailbox, yes = true) {
      if (yes) forbidden.add(mailbox.toLowerCase());
      else forbidden.delete(mailbox.toLowerCase());
    },
    fail(status, times = 1, retryAfter) {
      faults.push({ status, left: times, retryAfter });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };

  app.get('/:version/users/:mailbox/calendarView', (req, res) => {
    const mailbox = String(req.params.mailbox).toLowerCase();
    const query = Object.fromEntries(Object.entries(req.query).map(([k, v]) => [k, String(v)]));
    const prefer = [req.headers.prefer ?? []].flat().join(', ') || undefined;
    const record = (status: number) =>
      requests.push({ mailbox, query, prefer, authorization: req.headers.authorization, status });
    const error = (status: number, code: string) => res.status(status).json({ error: { code, message: code } });
    const fault = faults.find((f) => f.left > 0);
    if (fault) {
      fault.left--;
      record(fault.status);
      if (fault.retryAfter !== undefined) res.set('Retry-After', fault.retryAfter);
      return error(fault.status, fault.status === 429 ? 'ApplicationThrottled' : 'ServiceUnavailable');
    }
    if (!req.headers.authorization?.startsWith('Bearer ')) return (record(401), error(401, 'InvalidAuthenticationToken'));
    if (forbidden.has(mailbox)) return (record(403), error(403, 'ErrorAccessDenied'));
    const events = calendars.get(mailbox);
    if (!events) return (record(404), error(404, 'ErrorInvalidUser'));
    const from = new Date(query.startDateTime ?? '');
    const to = new Date(query.endDateTime ?? '');
    if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return (record(400), error(400, 'ErrorInvalidParameter'));
    record(200);
    const london = fake.honourPrefer && /outlook\.timezone="Europe\/London"/.test(prefer ?? '');
    const inWindow = [...events.values()]
      .filter((e) => instant(e) >= from && instant(e) < to)
      .sort((a, b) => instant(a).getTime() - instant(b).getTime() || a.id.localeCompare(b.id));
    const skip = Number(query.$skiptoken ?? 0);
    const select = query.$select;
    const page = inWindow.slice(skip, skip + fake.pageSize);
    const next = skip + fake.pageSize < inWindow.length;
    res.json({
      value: page.map((e) => wire(e, london, mailbox, select)),
      ...(next
        ? {
            '@odata.nextLink': `${origin}/${req.params.version}/users/${encodeURIComponent(mailbox)}/calendarView?startDateTime=${encodeURIComponent(query.startDateTime ?? '')}&endDateTime=${encodeURIComponent(query.endDateTime ?? '')}${select === undefined ? '' : `&$select=${encodeURIComponent(select)}`}&$skiptoken=${skip + fake.pageSize}`,
          }
        : {}),
    });
  });
  app.get('/:version/users/:mailbox/events/:id', (req, res) => {
    const mailbox = String(req.params.mailbox).toLowerCase();
    const prefer = [req.headers.prefer ?? []].flat().join(', ') || undefined;
    const record = (status: number) =>
      requests.push({ mailbox, query: { event: String(req.params.id) }, prefer, authorization: req.headers.authorization, status });
    const error = (status: number, code: string) => res.status(status).json({ error: { code, message: code } });
    if (!req.headers.authorization?.startsWith('Bearer ')) return (record(401), error(401, 'InvalidAuthenticationToken'));
    if (forbidden.has(mailbox)) return (record(403), error(403, 'ErrorAccessDenied'));
    const event = calendars.get(mailbox)?.get(String(req.params.id));
    if (!event) return (record(404), error(404, 'ErrorItemNotFound'));
    record(200);
    const select = typeof req.query.$select === 'string' ? req.query.$select : undefined;
    res.json(wire(event, fake.honourPrefer && /outlook\.timezone="Europe\/London"/.test(prefer ?? ''), mailbox, select));
  });
  app.use((req, res) => res.status(404).json({ error: { code: 'NotFound', message: `no route ${req.method} ${req.path}` } }));

  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(fake, { url: origin });
}
