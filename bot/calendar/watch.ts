/**
 * The calendar import on a timer (WAYMARK_CALENDAR, every WAYMARK_CALENDAR_POLL_SECONDS), as
 * the workbook poll runs: one check at a time, a failure logged with its cause and fix and
 * kept for officers who ask, the next check as usual. With two replicas, a lease in the
 * database lets one import at a time; the other skips that check.
 *
 * The window is today (London) to 12 months ahead. The events are read in full before
 * anything changes: a read that fails part-way changes nothing.
 */
import { randomBytes } from 'node:crypto';
import { addMonths } from 'date-fns';
import { z } from 'zod';
import { londonDateTime } from '../../core/calendar/londonDateTime/index.js';
import { londonDay } from '../../core/calendar/londonDay/index.js';
import type { SchoolDirectory } from '../directory/directory.js';
import { calendarFailureReason, type CalendarReader } from '../graph/calendar.js';
import { GraphCallFailed } from '../graph/retry.js';
import { errorFields, type Logger } from '../log.js';
import type { MeetingServices } from '../meetings/services.js';
import { getSetting, putSetting } from '../meetings/repo.js';
import type { Db } from '../store/db.js';
import { calendarSummaryText, importCalendar, type CalendarImportSummary } from './import.js';
import { releaseLease, takeLease } from './repo.js';

export const CALENDAR_STATUS = 'calendar-import';
const LEASE = 'calendar-import';

/** The last import's outcome, kept in the settings table so any replica can tell an officer. */
export interface CalendarStatus {
  readonly at: string;
  readonly ok: boolean;
  readonly summary?: CalendarImportSummary;
  readonly reason?: string;
}

const Count = z.number().int().nonnegative();
const StatusSchema = z.object({
  at: z.string(),
  ok: z.boolean(),
  summary: z.object({ imported: Count, moved: Count, cancelled: Count, listed: Count, unchanged: Count }).optional(),
  reason: z.string().optional(),
});

/** The last import's outcome as stored; undefined when none (or not readable). */
export async function calendarStatus(db: Db): Promise<CalendarStatus | undefined> {
  const parsed = StatusSchema.safeParse(await getSetting(db, CALENDAR_STATUS));
  return parsed.success ? parsed.data : undefined;
}

export interface CalendarWatchOptions {
  readonly mailbox: string;
  /** WAYMARK_OFFICERS (lower case): invitations they organise are imported; anyone else's are not. */
  readonly officers?: readonly string[];
  readonly reader: CalendarReader;
  readonly directory: SchoolDirectory;
  readonly services: MeetingServices;
  readonly db: Db;
  readonly log: Logger;
  readonly now?: () => Date;
  /** Check this often (default 5 minutes). 0: only when `check()` is called. */
  readonly pollMs?: number;
  /** Months ahead the window reaches (default 12). */
  readonly months?: number;
}

export interface CalendarWatch {
  /** Imports now (waits for a check already running first). Resolves with the summary, or undefined when it did not run. */
  check(): Promise<CalendarImportSummary | undefined>;
  stop(): Promise<void>;
}

export function watchCalendar(options: CalendarWatchOptions): CalendarWatch {
  const { reader, directory, services, db, log, mailbox } = options;
  const now = options.now ?? (() => new Date());
  const pollMs = options.pollMs ?? 300_000;
  const holder = `replica-${randomBytes(6).toString('hex')}`;
  // Longer than a check can take (retries included), so a replica that died frees it soon.
  const leaseMs = Math.max(2 * pollMs, 10 * 60_000);
  let running: Promise<CalendarImportSummary | undefined> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const record = (status: CalendarStatus) => putSetting(db, CALENDAR_STATUS, status, 'calendar');

  async function once(): Promise<CalendarImportSummary | undefined> {
    const snapshot = directory.current();
    // Without the schools every event would be "not matched": wait for the workbook.
    if (!snapshot.loadedAt) return undefined;
    if (!(await takeLease(db, LEASE, holder, leaseMs))) return undefined;
    try {
      const at = now();
      const today = londonDay(at);
      const from = londonDateTime(today, '00:00');
      const to = addMonths(from, options.months ?? 12);
      let read;
      try {
        read = await reader.events(mailbox, from, to);
      } catch (error) {
        if (!(error instanceof GraphCallFailed)) throw error;
        const reason = calendarFailureReason(error.failure);
        log.warn('calendar could not be read', { reason });
        await record({ at: at.toISOString(), ok: false, reason });
        return undefined;
      }
      const summary = await importCalendar(
        { db, services, now: at },
        {
          events: read.events,
          lastDay: londonDay(to),
          complete: read.unreadable === 0,
          directory: snapshot,
          officers: options.officers ?? [],
          lookup: async (id) => {
            try {
              return await reader.event(mailbox, id);
            } catch (error) {
              if (!(error instanceof GraphCallFailed)) throw error;
              // Cannot tell now: nothing changes for that event until the next import.
              return undefined;
            }
          },
        },
      );
      if (read.unreadable > 0) log.warn('calendar events with a start that could not be read were skipped', { count: read.unreadable });
      if (summary.imported + summary.moved + summary.cancelled + summary.listed > 0) log.info('calendar imported', { ...summary });
      await record({ at: at.toISOString(), ok: true, summary });
      return summary;
    } finally {
      await releaseLease(db, LEASE, holder);
    }
  }

  function run(): Promise<CalendarImportSummary | undefined> {
    running ??= once()
      .catch((error: unknown) => {
        log.error('calendar import failed', { error: errorFields(error) });
        return undefined;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  function schedule(): void {
    if (stopped || pollMs <= 0) return;
    timer = setTimeout(() => void run().finally(schedule), pollMs);
    timer.unref();
  }
  // The first import at once (the workbook is loaded by now), then every pollMs.
  if (pollMs > 0) void run().finally(schedule);

  return {
    async check() {
      await running;
      return run();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

export { calendarSummaryText };
