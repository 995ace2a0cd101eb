/**
 * Visit and review reminders to each school's officer, planned each working day (on the first
 * load of the workbook, and again whenever the day or the workbook changes): for every school,
 * the reminders core/cycle says are due by today go into the outbox under their unique keys
 * (so a restart, a second replica or a reload plans nothing twice), and any still-pending one a
 * recorded visit or a changed category has made moot is cancelled. The scheduler sends them,
 * paced, on working days. Nothing goes to heads: the officer, else the team channel.
 */
import { isWorkingDay, londonDateTime, londonDay, type WorkingCalendar } from '../../core/calendar/index.js';
import { remindersDueToday, type CadenceReminder } from '../../core/cycle/index.js';
import type { Framework } from '../../core/frameworks/index.js';
import { reminderText } from '../../core/messages/visitsReply.js';
import type { SchoolRecord } from '../../core/schools/types.js';
import type { DirectorySnapshot } from '../directory/directory.js';
import { errorFields, type Logger } from '../log.js';
import type { NewOutboxItem, Outbox } from '../outbox/types.js';
import type { Queryable } from '../store/db.js';
import { heldBySchool } from './repo.js';

/** The second reminder goes this many working days before the period's last working day. */
export const CLOSING_DAYS = 5;

/** Steps of cadence rows in the outbox. */
export const CADENCE_STEPS = ['cadence-visit', 'cadence-review'] as const;

export interface CadenceDeps {
  readonly db: Queryable;
  readonly outbox: Outbox;
  readonly calendar: WorkingCalendar;
  readonly framework: Framework;
}

export interface CadencePlan {
  /** Reminders due by today (already planned or not). */
  readonly due: number;
  /** New outbox rows. */
  readonly added: number;
  /** Pending rows cancelled because the visit or review was recorded, or the category changed. */
  readonly cancelled: number;
}

const looksLikeEmail = (s: string) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(s);

function outboxItem(school: SchoolRecord & { urn: string }, r: CadenceReminder, today: string): NewOutboxItem {
  const officer = school.officer?.trim();
  const message = reminderText(school.name, school.urn, r);
  return {
    key: r.key,
    meetingId: `cadence:${school.urn}`,
    schoolUrn: school.urn,
    step: `cadence-${r.kind}`,
    recipientRole: officer ? 'officer' : 'channel',
    ...(officer ? { recipient: looksLikeEmail(officer) ? { email: officer.toLowerCase() } : { name: officer } } : {}),
    condition: 'always',
    sendAt: londonDateTime(today, '08:00'),
    message,
  };
}

/**
 * Plans today's reminders for `schools` (all of them, or the one a visit was just recorded
 * for) and cancels the pending ones no longer due. Nothing on a day that is not a working day.
 */
export async function planCadence(deps: CadenceDeps, schools: readonly SchoolRecord[], now: Date, log?: Logger): Promise<CadencePlan> {
  const today = londonDay(now);
  if (!isWorkingDay(today, deps.calendar)) return { due: 0, added: 0, cancelled: 0 };
  const known = schools.filter((s): s is SchoolRecord & { urn: string } => s.urn !== undefined);
  const held = await heldBySchool(deps.db, known.map((s) => s.urn));
  const items: NewOutboxItem[] = [];
  let failed = 0;
  for (const school of known) {
    const h = held.get(school.urn) ?? { visits: [], reviews: [] };
    try {
      const due = remindersDueToday(deps.framework.id, { urn: school.urn, categoryCode: school.category?.category.code, ...h }, { today, calendar: deps.calendar, closingDays: CLOSING_DAYS });
      items.push(...due.map((r) => outboxItem(school, r, today)));
    } catch (error) {
      // A calendar that does not cover today's year: said once, by count, never by school.
      if (!(error instanceof RangeError)) throw error;
      failed++;
    }
  }
  if (failed > 0) log?.warn('visit reminders: the calendar cannot count this school year', { schools: failed });
  const added = await deps.outbox.enqueue(items);
  const wanted = new Set(items.map((i) => i.key));
  const { rows } = await deps.db.query<{ key: string }>(
    `SELECT key FROM outbox WHERE step = ANY($1::text[]) AND status = 'pending' AND school_urn = ANY($2::text[])`,
    [[...CADENCE_STEPS], known.map((s) => s.urn)],
  );
  const moot = rows.map((r) => r.key).filter((k) => !wanted.has(k));
  const cancelled = moot.length > 0 ? await deps.outbox.cancel(moot, 'visit or review recorded, or no longer due') : 0;
  return { due: items.length, added, cancelled };
}

export interface CadenceWatch {
  /** Plans now if the day or the workbook changed since the last plan. */
  check(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Plans on each new load of the workbook and once each new London day (checked every
 * `everyMs`), so the daily run needs no cron of its own and a restart plans again (harmless).
 */
export function watchCadence(options: {
  readonly directory: { current(): DirectorySnapshot };
  readonly deps: CadenceDeps;
  readonly log: Logger;
  readonly now?: () => Date;
  readonly everyMs?: number;
}): CadenceWatch {
  const now = options.now ?? (() => new Date());
  let seen: string | undefined;
  let running: Promise<void> | undefined;
  const check = async () => {
    const snapshot = options.directory.current();
    if (!snapshot.loadedAt) return;
    const at = now();
    const mark = `${londonDay(at)}|${snapshot.loadedAt.getTime()}`;
    if (mark === seen) return;
    try {
      const plan = await planCadence(options.deps, snapshot.schools, at, options.log);
      seen = mark;
      if (plan.added + plan.cancelled > 0) options.log.info('visit and review reminders planned', { ...plan });
    } catch (error) {
      options.log.error('visit and review reminders could not be planned', { error: errorFields(error) });
    }
  };
  const tick = () => (running ??= check().finally(() => (running = undefined)));
  void tick();
  const timer = setInterval(() => void tick(), options.everyMs ?? 10 * 60_000);
  timer.unref();
  return {
    check: () => tick(),
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
