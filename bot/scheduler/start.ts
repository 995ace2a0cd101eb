/** Wires the reminder scheduler into the bot at start-up: Teams sender, Graph e-mail, calendar, cron. */
import { readFile } from 'node:fs/promises';
import { calendarOptionsFromFile, makeCalendar, parseCalendarFile, type WorkingCalendar } from '../../core/calendar/index.js';
import type { BotConfig } from '../config.js';
import { graphCredential } from '../graph/credential.js';
import { purgeExpiredOffers } from '../files/offers.js';
import { createGraphMailer } from '../graph/mail.js';
import type { SchoolDirectory } from '../directory/directory.js';
import { confirmedHeadForEmail, headEmailsIn, workbookLoadedIn } from '../identity/identity.js';
import type { Logger } from '../log.js';
import type { Clock } from '../delivery/clock.js';
import type { Store } from '../store/store.js';
import { createTeamsSender } from '../teams/proactive.js';
import { createScheduler, type Scheduler } from './scheduler.js';

/** England and Wales bank holidays plus the LA's term holidays from WAYMARK_TERMS, if set. Throws a readable Error. */
export async function reminderCalendar(termsFile: string | undefined): Promise<WorkingCalendar> {
  if (!termsFile) return makeCalendar();
  let json: unknown;
  try {
    json = JSON.parse(await readFile(termsFile, 'utf8'));
  } catch (e) {
    throw new Error(`WAYMARK_TERMS: ${termsFile} ${e instanceof SyntaxError ? 'is not valid JSON' : 'cannot be read'}`);
  }
  const file = parseCalendarFile(json);
  if (!file.ok) throw new Error(`WAYMARK_TERMS: ${termsFile}: ${file.error.join('; ')}`);
  return makeCalendar(calendarOptionsFromFile(file.value));
}

export interface RemindersOptions {
  readonly config: BotConfig;
  readonly store: Store;
  readonly log: Logger;
  /** The workbook as loaded now: a head link counts only while its e-mail is the school's head e-mail there. */
  readonly directory: SchoolDirectory;
  /** Default: the system clock. */
  readonly clock?: Clock;
}

/** Creates the scheduler and starts its cron (WAYMARK_SCHEDULE). */
export async function startReminders({ config, store, log, directory, clock }: RemindersOptions): Promise<Scheduler> {
  const r = config.reminders;
  const calendar = await reminderCalendar(r.termsFile);
  const mail = r.mailFrom
    ? createGraphMailer({ from: r.mailFrom, baseUrl: r.graphUrl, credential: graphCredential(config.microsoftApp) })
    : undefined;
  const scheduler = createScheduler({
    store,
    calendar,
    log,
    sendRate: r.sendRate,
    ...(clock ? { clock } : {}),
    teams: createTeamsSender({ config }),
    ...(mail ? { mail } : {}),
    // Heads are known by their workbook e-mail; once an officer confirmed their account as the
    // school's head, reminders go to that account's Teams chat (never to whoever claims the e-mail,
    // nor to the old head's account once the team changed the school's head e-mail).
    aadIdForEmail: (email) => confirmedHeadForEmail(store.db, email, headEmailsIn(directory)),
    headEmailOf: headEmailsIn(directory),
    workbookLoaded: workbookLoadedIn(directory),
    teamId: config.teamId,
    // A letter offered and never answered is confidential: gone soon after its hour.
    housekeeping: async (now) => {
      const purged = await purgeExpiredOffers(store.db, now);
      if (purged > 0) log.info('expired file offers purged', { count: purged });
    },
  });
  scheduler.start(r.schedule);
  log.info('reminders scheduled', { schedule: r.schedule, sendRate: r.sendRate, email: mail !== undefined });
  return scheduler;
}
