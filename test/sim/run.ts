/**
 * The simulated school year: meetings set up, moved to evidence and cancelled by officers at
 * their moments, and two replicas of the real scheduler ticking on the cron's 15-minute grid on
 * a fake clock, sending through the real outbox on PostgreSQL to fake Teams and Graph services
 * that throttle, fail, time out and refuse; one replica runs in a child process killed with
 * SIGKILL at random moments. The clock jumps from one moment with work to the next, so a year
 * takes minutes, not months.
 */
import pg from 'pg';
import { isWorkingDay, londonDateTime, londonDay, londonTime, workingDaysBetween } from '../../core/calendar/index.js';
import { builtInFrameworks } from '../../core/frameworks/index.js';
import { fakeClock } from '../../bot/delivery/clock.js';
import { cancelScheduledMeeting, recordEvidence, scheduleMeeting, type ActionDeps } from '../../bot/meetings/actions.js';
import { getMeeting, putSetting } from '../../bot/meetings/repo.js';
import type { MeetingServices } from '../../bot/meetings/services.js';
import { createOutbox } from '../../bot/outbox/outbox.js';
import type { Outbox } from '../../bot/outbox/types.js';
import { openStore, type Store } from '../../bot/store/store.js';
import { channelReference, userReference } from '../scheduler/helpers.js';
import { childScript, removeChildScript, startChildReplica, type ChildReplica } from './child.js';
import { DEFAULT_FAULTS, startFakeServices, type FaultRates } from './fake-services.js';
import { seededRandom } from './random.js';
import { simReplica, TEAM_ID } from './replica.js';
import { buildYear, termCalendar, type SimMeeting } from './year.js';

export interface SimOptions {
  readonly databaseUrl: string;
  readonly seed?: number;
  readonly schools?: number;
  readonly meetingsPerSchool?: number;
  /** Last meeting day (default the end of the summer term). */
  readonly to?: string;
  /** How many times the child replica is killed with SIGKILL. */
  readonly kills?: number;
  readonly faults?: FaultRates;
  /** Progress lines (default none). */
  readonly progress?: (line: string) => void;
}

export interface SimReport {
  readonly seed: number;
  readonly schools: number;
  readonly meetings: number;
  readonly meetingsCancelled: number;
  readonly evidenceReceived: number;
  readonly remindersPlanned: number;
  readonly byStatus: Record<string, number>;
  readonly delivered: number;
  readonly headsInTime: { readonly asked: number; readonly of: number; readonly notAsked: readonly string[] };
  readonly headsBlocked: number;
  readonly duplicates: readonly string[];
  readonly lost: readonly string[];
  readonly inDoubt: number;
  readonly inDoubtDelivered: number;
  readonly failed: readonly string[];
  readonly worstLatenessMs: number;
  readonly worstLate: string;
  readonly outsideHours: number;
  readonly ticks: number;
  readonly kills: number;
  readonly answers: Record<string, number>;
  readonly elapsedMs: number;
  /** Wall time spent on officers' actions and on scheduler ticks. */
  readonly split: { readonly officersMs: number; readonly ticksMs: number };
}

const QUARTER_HOUR = 15 * 60_000;
const LEASE_MS = 5 * 60_000;

/** The first slot of the default cron (every 15 minutes, 08:00-17:45, Monday to Friday, London) at or after `at`. */
export function nextCronSlot(at: Date): Date {
  let t = new Date(Math.ceil(at.getTime() / QUARTER_HOUR) * QUARTER_HOUR);
  for (;;) {
    const day = londonDay(t);
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    const time = londonTime(t);
    if (weekday === 0 || weekday === 6 || time >= '18:00') {
      // Next day at 08:00 London (a weekend's slots are skipped the same way).
      const next = new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      t = londonDateTime(next, '08:00');
      continue;
    }
    if (time < '08:00') return londonDateTime(day, '08:00');
    return t;
  }
}

/** Tags every message with its outbox key, so the fake services count deliveries per key. */
function tagged(outbox: Outbox): Outbox {
  return {
    ...outbox,
    enqueue: (items) => outbox.enqueue(items.map((i) => ({ ...i, message: { ...i.message, text: `${i.message.text}\n\nref ${i.key}` } }))),
    withTx: (tx) => tagged(outbox.withTx(tx)),
  };
}

type Event = { at: Date; kind: 'setup' | 'evidence' | 'cancel'; meeting: SimMeeting; index: number };

export async function runSimulation(options: SimOptions): Promise<SimReport> {
  const started = Date.now();
  const seed = options.seed ?? 2026;
  const random = seededRandom(seed + 1);
  const say = options.progress ?? (() => {});
  const year = buildYear({ seed, schools: options.schools ?? 60, meetingsPerSchool: options.meetingsPerSchool ?? 6, ...(options.to ? { to: options.to } : {}) });
  const calendar = termCalendar();
  const framework = builtInFrameworks.find((f) => f.id === 'reading')!;
  const rap = framework.meetings.find((m) => m.id === 'rap')!;
  const schema = `waymark_sim_${process.pid}_${Date.now().toString(36)}`;
  // The child replica's script compiles while the schema and the fakes are set up.
  const compiled = childScript();
  compiled.catch(() => {}); // awaited (and its failure reported) when the first child starts
  const services = await startFakeServices({ seed: seed + 2, faults: options.faults ?? DEFAULT_FAULTS });
  const stores: Store[] = [];
  let child: ChildReplica | undefined;
  let standby: Promise<ChildReplica> | undefined;
  try {
    const store = await openStore({ dataDir: '/nonexistent', databaseUrl: options.databaseUrl, schema });
    stores.push(store);
    const storeB = await openStore({ dataDir: '/nonexistent', databaseUrl: options.databaseUrl, schema });
    stores.push(storeB);

    // The team channel, the heads' chats (one blocked) and e-mail addresses.
    await store.conversations.save(TEAM_ID, 'channel', { ...channelReference(services.serviceUrl, TEAM_ID), team: { id: TEAM_ID } });
    await putSetting(store.db, 'team-channel', TEAM_ID, 'simulation');
    for (const s of year.schools) {
      if (s.headRoute === 'email') continue;
      const aad = `aad-head-${s.index + 1}`;
      await store.conversations.save(aad, 'user', userReference(services.serviceUrl, `a:head-${s.index + 1}`, aad));
      await store.users.remember(aad, [s.headEmail]);
      if (s.headRoute === 'blocked') services.block(`a:head-${s.index + 1}`);
    }

    const clock = fakeClock('2026-09-01T07:00:00Z');
    const replicaA = simReplica(store, clock, 'replica-a', services.graphUrl);
    const meetingServices: MeetingServices = { outbox: tagged(createOutbox(store.db)), calendar, framework };
    const deps = (): ActionDeps => ({ db: store.db, services: meetingServices, now: clock.now() });

    const events: Event[] = year.meetings
      .flatMap((meeting, index): Event[] => [
        { at: meeting.setUpAt, kind: 'setup', meeting, index },
        ...(meeting.evidenceAt ? [{ at: meeting.evidenceAt, kind: 'evidence' as const, meeting, index }] : []),
        ...(meeting.cancelAt ? [{ at: meeting.cancelAt, kind: 'cancel' as const, meeting, index }] : []),
      ])
      .sort((a, b) => a.at.getTime() - b.at.getTime() || a.index - b.index);
    const meetingIds = new Map<number, string>();
    const inTime = new Map<string, { school: (typeof year.schools)[number]; day: string }>();
    let evidenceReceived = 0;
    let cancelled = 0;

    async function handle(e: Event): Promise<void> {
      const m = e.meeting;
      if (e.kind === 'setup') {
        const r = await scheduleMeeting(deps(), {
          school: { name: m.school.name, urn: m.school.urn, head: m.school.head, headEmail: m.school.headEmail, officer: m.school.officer },
          type: rap,
          frameworkId: framework.id,
          startsAt: m.startsAt,
          createdBy: m.school.officer,
        });
        if (r.status !== 'scheduled') throw new Error(`meeting ${m.school.name} ${m.startsAt} was not scheduled: ${r.status === 'refused' ? r.reason : r.status}`);
        meetingIds.set(e.index, r.meeting.id);
        const request = r.steps.find((s) => s.step === 'evidence-request');
        if (request && !request.late) inTime.set(r.meeting.id, { school: m.school, day: m.startsAt.slice(0, 10) });
        return;
      }
      const id = meetingIds.get(e.index);
      const row = id ? await getMeeting(store.db, id) : undefined;
      if (!row || row.status !== 'scheduled') return;
      if (e.kind === 'evidence') {
        await recordEvidence(deps(), { row, type: rap, recordedBy: `aad-head-${m.school.index + 1}`, byWords: 'the headteacher', how: 'button', detail: {} });
        evidenceReceived++;
      } else {
        const r = await cancelScheduledMeeting(deps(), { row, type: rap, people: { head: m.school.head, headEmail: m.school.headEmail, officer: m.school.officer } });
        if (r.status === 'cancelled') {
          cancelled++;
          inTime.delete(row.id);
        }
      }
    }

    /** The next moment a replica has work: a due pending row, or a claim whose lease ran out. */
    async function nextDue(): Promise<Date | undefined> {
      const { rows } = await store.db.query<{ due: Date | null }>(
        `SELECT LEAST(
           (SELECT min(GREATEST(send_at, COALESCE(not_before, send_at))) FROM outbox WHERE status = 'pending'),
           (SELECT min(claimed_at) + interval '${LEASE_MS / 1000} seconds' FROM deliveries WHERE outcome IS NULL)) AS due`,
      );
      return rows[0]?.due ? new Date(rows[0].due) : undefined;
    }

    const spawnChild = () => startChildReplica({ url: options.databaseUrl, schema, graphUrl: services.graphUrl, id: `replica-b-${random.int(1, 1e6)}` });
    // A standby child starts while the current one works, so a restart after a kill costs no
    // start-up time (node and tsx take seconds to start on a busy machine).
    standby = spawnChild();
    const takeStandby = async () => {
      const next = await standby!;
      standby = undefined;
      return next;
    };
    child = await takeStandby();
    const kills = options.kills ?? 12;
    let killed = 0;
    const firstDay = Date.parse('2026-09-07T00:00:00Z');
    const lastDay = Date.parse(`${year.meetings.reduce((a, m) => (m.startsAt > a ? m.startsAt : a), '2026-09-07').slice(0, 10)}T00:00:00Z`);
    const killDates = Array.from({ length: kills }, (_, k) => firstDay + ((k + random.next()) * (lastDay - firstDay)) / kills);
    let ticks = 0;
    let lastTick = new Date(0);
    let nextEvent = 0;
    let timeOfficers = 0;
    let timeTicks = 0;
    for (;;) {
      const due = await nextDue();
      const event = events[nextEvent];
      const slot = due ? nextCronSlot(new Date(Math.max(due.getTime(), lastTick.getTime() + 1, clock.now().getTime()))) : undefined;
            if (event && (!slot || event.at.getTime() < slot.getTime())) {
        if (event.at.getTime() > clock.now().getTime()) clock.set(event.at);
        const t0 = Date.now();
        await handle(event);
        timeOfficers += Date.now() - t0;
        nextEvent++;
        continue;
      }
      if (!slot) break;
      clock.set(slot);
      lastTick = slot;
      ticks++;
      // Kill the child at a random moment of a tick with plenty to send, spread over the year.
      // Kills are spread over the year: the k-th at the first tick with work after its date.
      let killThis = false;
      if (killed < kills && slot.getTime() >= killDates[killed]! && isWorkingDay(londonDay(slot), calendar)) {
        const { rows: dueRows } = await store.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE status = 'pending' AND send_at <= $1`, [slot]);
        killThis = (dueRows[0]?.n ?? 0) >= 4;
      }
      const b = child ? child.tick(slot) : Promise.resolve('killed' as const);
      let killing: Promise<void> = Promise.resolve();
      if (killThis && child) {
        const victim = child;
        killing = new Promise((r) => setTimeout(r, random.int(5, 120))).then(() => victim.kill());
      }
      const t0 = Date.now();
      const [reportA] = await Promise.all([replicaA.tick(), b, killing]);
      timeTicks += Date.now() - t0;
      // A closed day (weekend, bank holiday, the LA's holidays): the scheduler said so and sent
      // nothing; its remaining quarter-hours would say the same, so the clock skips to tomorrow.
      if (!reportA.ran) lastTick = new Date(londonDateTime(londonDay(slot), '23:59').getTime());
      if (killThis) {
        killed++;
        say(`  ${slot.toISOString()}: replica B killed with SIGKILL (${killed}/${kills}); restarting it`);
        child = await takeStandby();
      }
      if (!standby && killed < kills) standby = spawnChild();
      if (ticks % 200 === 0) say(`  ${londonDay(slot)}: ${ticks} ticks, ${nextEvent}/${events.length} officer actions, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
    await child?.exit();
    child = undefined;
    if (standby) await (await standby).exit();
    standby = undefined;
    return await measure();

    async function measure(): Promise<SimReport> {
      const { rows } = await store.db.query<{
        key: string; meeting_id: string; step: string; recipient_role: string; status: string; send_at: Date; sent_at: Date | null; last_error: string | null;
      }>('SELECT key, meeting_id, step, recipient_role, status, send_at, sent_at, last_error FROM outbox');
      const byStatus: Record<string, number> = {};
      for (const r of rows) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
      const delivered = services.delivered;
      const duplicates = [...delivered.entries()].filter(([, n]) => n > 1).map(([k, n]) => `${k} ×${n}`);
      const isInDoubt = (r: (typeof rows)[number]) => r.status === 'failed' && (r.last_error ?? '').startsWith('in doubt');
      const lost: string[] = [];
      let inDoubt = 0;
      let inDoubtDelivered = 0;
      const failed: string[] = [];
      let worst = 0;
      let worstLate = '';
      let outsideHours = 0;
      for (const r of rows) {
        const n = delivered.get(r.key) ?? 0;
        if (r.status === 'pending' || r.status === 'claimed') lost.push(`${r.key}: still ${r.status}`);
        else if (r.status === 'sent' && n === 0) lost.push(`${r.key}: recorded sent, never reached Teams or Graph`);
        else if (isInDoubt(r)) {
          inDoubt++;
          if (n > 0) inDoubtDelivered++;
        } else if (r.status !== 'sent' && n > 0) lost.push(`${r.key}: delivered but recorded ${r.status}`);
        else if (r.status === 'failed') failed.push(`${r.key}: ${r.last_error}`);
        if (r.status === 'sent' && r.sent_at) {
          // Against the first moment the cron could send it: a notice arising on a Saturday or
          // in the Easter holiday is not late for going on the next working morning.
          let earliest = nextCronSlot(new Date(r.send_at));
          while (!isWorkingDay(londonDay(earliest), calendar)) earliest = nextCronSlot(new Date(earliest.getTime() + 12 * 3_600_000));
          const late = new Date(r.sent_at).getTime() - earliest.getTime();
          if (late > worst) {
            worst = late;
            worstLate = `${r.step} to ${r.recipient_role}, planned ${new Date(r.send_at).toISOString()}, sent ${new Date(r.sent_at).toISOString()}`;
          }
          const t = londonTime(new Date(r.sent_at));
          if (t < '08:00' || t >= '18:00') outsideHours++;
        }
      }
      const notAsked: string[] = [];
      let asked = 0;
      let blocked = 0;
      for (const [id, m] of inTime) {
        const request = rows.find((r) => r.meeting_id === id && r.step === 'evidence-request' && r.recipient_role === 'head');
        if (request?.status === 'blocked') {
          blocked++;
          continue;
        }
        const ahead = request?.sent_at ? workingDaysBetween(londonDay(new Date(request.sent_at)), m.day, calendar) : -1;
        if (ahead >= 10) asked++;
        else notAsked.push(`${m.school.name} ${m.day}: ${request?.status ?? 'no request'}${ahead >= 0 ? `, ${ahead} working days ahead` : ''}`);
      }
      return {
        seed,
        schools: year.schools.length,
        meetings: meetingIds.size,
        meetingsCancelled: cancelled,
        evidenceReceived,
        remindersPlanned: rows.length,
        byStatus,
        delivered: [...delivered.values()].reduce((a, b) => a + b, 0),
        headsInTime: { asked, of: inTime.size - blocked, notAsked },
        headsBlocked: blocked,
        duplicates,
        lost,
        inDoubt,
        inDoubtDelivered,
        failed,
        worstLatenessMs: worst,
        worstLate,
        outsideHours,
        ticks,
        kills: killed,
        answers: Object.fromEntries(services.answers),
        elapsedMs: Date.now() - started,
        split: { officersMs: timeOfficers, ticksMs: timeTicks },
      };
    }
  } finally {
    if (child) await child.kill().catch(() => {});
    if (standby) await standby.then((c) => c.kill()).catch(() => {});
    await removeChildScript();
    for (const s of stores) await s.close().catch(() => {});
    await services.close();
    const c = new pg.Client({ connectionString: options.databaseUrl });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await c.end();
  }
}
