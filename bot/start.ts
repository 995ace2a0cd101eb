/** Start-up shared by `npm run bot` and `npm run chat`: config → workbook → store → server. */
import { stat } from 'node:fs/promises';
import { loadFramework, loadSheetConfig } from '../workbook/config-files.js';
import { withThresholds } from '../core/frameworks/index.js';
import type { BotConfig } from './config.js';
import { recordLoad } from './history/history.js';
import { openDirectory, type OnLoad, type WorkbookDirectory } from './directory/directory.js';
import type { SheetOptions } from '../workbook/source/file.js';
import { detectWorkbookFramework, frameworkDetector, logFrameworkDetected, logFrameworkNotDetected, type FrameworkDetector } from './directory/detect-framework.js';
import { openRemoteDirectory } from '../workbook/source/drive-directory.js';
import { graphClient } from './graph/client.js';
import { graphCredential } from './graph/credential.js';
import { createDriveReader } from '../workbook/source/drive.js';
import { createCalendarReader } from './graph/calendar.js';
import { watchCalendar, type CalendarWatch } from './calendar/watch.js';
import type { Framework } from '../core/frameworks/index.js';
import { configWarnings, loadConfig } from './config.js';
import { createLogger, errorFields, type Logger } from './log.js';
import { DataDirLockedError } from './store/lock.js';
import { openStore, type Store } from './store/store.js';
import type { Scheduler } from './scheduler/scheduler.js';
import type { Clock } from './delivery/clock.js';
import { reminderCalendar, startReminders } from './scheduler/start.js';
import { watchMeetingsSheet } from './meetings/import-command.js';
import { watchCadence } from './cadence/plan.js';
import type { MeetingServices } from './meetings/services.js';
import { createOutbox } from './outbox/outbox.js';
import { createRouter } from './delivery/route.js';
import { confirmedHeadForEmail, headEmailsIn, workbookLoadedIn } from './identity/identity.js';
import { startServer, type RunningServer } from './teams/server.js';

export interface RunningBot {
  readonly config: BotConfig;
  readonly store: Store;
  readonly server: RunningServer;
  readonly directory: WorkbookDirectory;
  /** The reminder scheduler (its cron runs by itself; tools and tests may tick it now). */
  readonly reminders: Scheduler;
  /** Stops the server, then closes the store (releasing the data-directory lock) and stops watching the workbook. */
  close(): Promise<void>;
}

/** A start-up failure the user can fix; the message is enough, no stack trace. */
export class StartupError extends Error {
  override name = 'StartupError';
}

export interface StartOptions {
  /** The reminder scheduler's clock (default: the system's); tests pass a working day. */
  readonly clock?: Clock;
}

export async function startBot(env: Record<string, string | undefined>, log: Logger = createLogger(), options: StartOptions = {}): Promise<RunningBot> {
  const result = loadConfig(env);
  if (!result.ok) throw new StartupError(`Invalid configuration:\n  ${result.errors.join('\n  ')}`);
  for (const warning of configWarnings(result.config)) log.warn(warning);
  // The same per-workbook mappings and thresholds `npm run rate --config` takes.
  const sheetConfig = await loadSheetConfig(result.config.sheetConfig);
  if (!sheetConfig.ok) throw new StartupError(`WAYMARK_SHEET_CONFIG: ${sheetConfig.error}`);
  const sheet = {
    columns: sheetConfig.value.columns,
    ...(sheetConfig.value.headerRow !== undefined && { headerRow: sheetConfig.value.headerRow }),
  };
  const chosen = await chooseFramework(result.config, sheetConfig.value.framework, sheet, log);
  let config = chosen.config;
  const loaded = await loadFramework(config.framework);
  if (!loaded.ok) throw new StartupError(`WAYMARK_FRAMEWORK: ${loaded.error}`);
  const thresholds = withThresholds(loaded.value, sheetConfig.value.thresholds);
  if (!thresholds.ok) throw new StartupError(`WAYMARK_SHEET_CONFIG: invalid thresholds: ${thresholds.error.join('; ')}`);
  let framework = thresholds.value;
  // A local file must exist at start; a SharePoint/OneDrive workbook that cannot be read yet
  // does not stop start-up (officers are told why, and it is checked again).
  if (config.workbookLocation.kind === 'file') {
    try {
      const info = await stat(config.workbook);
      if (!info.isFile()) throw new StartupError(`WAYMARK_WORKBOOK: ${config.workbook} is not a file`);
    } catch (err) {
      if (err instanceof StartupError) throw err;
      throw new StartupError(`WAYMARK_WORKBOOK: cannot read ${config.workbook} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  let store: Store;
  try {
    store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  } catch (err) {
    if (err instanceof DataDirLockedError) throw new StartupError(err.message);
    if (config.databaseUrl) throw new StartupError(`Cannot open the PostgreSQL database in DATABASE_URL: ${errorFields(err).message}`);
    throw err;
  }
  // A workbook that exists but cannot be read does not stop start-up: officers are told why.
  // Each good load records category history; changes go to the team channel through the outbox.
  const onLoad: OnLoad = (schools, loadedAt) => recordLoad(store.db, schools, loadedAt, createOutbox(store.db));
  const detect = chosen.detect ? frameworkDetector(sheet, sheetConfig.value.thresholds) : undefined;
  const opened = await openWorkbook(config, framework, sheet, log, onLoad, detect);
  const directory = opened.directory;
  // A SharePoint/OneDrive workbook's framework is chosen on its first read (kept from then on).
  if (opened.framework !== framework) {
    framework = opened.framework;
    config = { ...config, framework: framework.id };
  }
  // Meeting commands plan on the same calendar the scheduler sends on, into the real outbox.
  let meetings: MeetingServices;
  try {
    // Replies say who can be reached with the router the scheduler sends by, on the same options.
    const route = createRouter({
      store,
      db: store.db,
      mail: Boolean(config.reminders.mailFrom),
      aadIdForEmail: (email) => confirmedHeadForEmail(store.db, email, headEmailsIn(directory)),
      headEmailOf: headEmailsIn(directory),
      workbookLoaded: workbookLoadedIn(directory),
      teamId: config.teamId,
    });
    meetings = { outbox: createOutbox(store.db), calendar: await reminderCalendar(config.reminders.termsFile), framework, workbookFile: directory.file, route };
  } catch (err) {
    await store.close();
    await directory.close();
    throw new StartupError(String(errorFields(err).message));
  }
  let server: RunningServer;
  try {
    server = await startServer({ config, store, log, directory, meetings });
  } catch (err) {
    await store.close();
    await directory.close();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new StartupError(`Port ${config.port} is already in use; stop the other program or set PORT`);
    throw err;
  }
  let reminders: Scheduler;
  try {
    reminders = await startReminders({ config, store, log, directory, ...(options.clock && { clock: options.clock }) });
  } catch (err) {
    await server.close().finally(() => store.close()).finally(() => directory.close());
    throw new StartupError(String(errorFields(err).message));
  }
  // The workbook's "Meetings" sheet is imported at start and on every reload (idempotent).
  const meetingsSheet = watchMeetingsSheet({ directory, services: meetings, db: store.db, log });
  // Visit and review reminders: planned on each load of the workbook and each new day.
  const cadence = watchCadence({ directory, deps: { db: store.db, outbox: meetings.outbox, calendar: meetings.calendar, framework: meetings.framework }, log });
  // WAYMARK_CALENDAR: meetings from the team's Outlook calendar too, re-planned as it changes.
  const calendar: CalendarWatch | undefined = config.calendar.mailbox
    ? watchCalendar({
        mailbox: config.calendar.mailbox,
        officers: config.officers,
        reader: createCalendarReader(graphClient({ baseUrl: config.reminders.graphUrl, credential: graphCredential(config.microsoftApp) })),
        directory,
        services: meetings,
        db: store.db,
        log,
        pollMs: config.calendar.pollSeconds * 1000,
      })
    : undefined;
  if (calendar) log.info('calendar import on', { everySeconds: config.calendar.pollSeconds });
  let closing: Promise<void> | undefined;
  return {
    config,
    store,
    server,
    directory,
    reminders,
    close() {
      closing ??= meetingsSheet
        .stop()
        .finally(() => { cadence.stop(); calendar?.stop(); })
        .finally(() => reminders.stop())
        .finally(() => server.close())
        .finally(() => store.close())
        .finally(() => directory.close());
      return closing;
    },
  };
}

/**
 * WAYMARK_FRAMEWORK, else the sheet config's framework, else the built-in framework the
 * workbook's own category column is written in (logged with the reason), else Reading, with a
 * warning: the bot never rates a team's sheet in another LA's framework without saying so.
 * A local file is read here; a SharePoint/OneDrive workbook on its first read (`detect`).
 */
async function chooseFramework(
  config: BotConfig,
  fromSheetConfig: string | undefined,
  sheet: SheetOptions,
  log: Logger,
): Promise<{ config: BotConfig; detect: boolean }> {
  if (config.frameworkNamed) return { config, detect: false };
  if (fromSheetConfig !== undefined) return { config: { ...config, framework: fromSheetConfig }, detect: false };
  if (config.workbookLocation.kind !== 'file') return { config, detect: true };
  const choice = await detectWorkbookFramework(config.workbook, sheet);
  if (choice) {
    logFrameworkDetected(log, choice);
    return { config: { ...config, framework: choice.framework.id }, detect: false };
  }
  logFrameworkNotDetected(log, config.framework);
  return { config, detect: false };
}

/**
 * The workbook in WAYMARK_WORKBOOK: a local file (watched) or a SharePoint/OneDrive item
 * (polled through Graph), and the framework it is rated in (chosen on the first read when
 * `detect` is given).
 */
async function openWorkbook(
  config: BotConfig,
  framework: Framework,
  sheet: SheetOptions,
  log: Logger,
  onLoad: OnLoad,
  detect: FrameworkDetector | undefined,
): Promise<{ directory: WorkbookDirectory; framework: Framework }> {
  const location = config.workbookLocation;
  if (location.kind === 'file') return { directory: await openDirectory({ file: config.workbook, framework, sheet, log, onLoad }), framework };
  const client = graphClient({ baseUrl: config.reminders.graphUrl, credential: graphCredential(config.microsoftApp) });
  const directory = await openRemoteDirectory({
    location,
    reader: createDriveReader(client),
    framework,
    sheet,
    log,
    pollMs: config.workbookPollSeconds * 1000,
    onLoad,
    ...(detect && { detectFramework: detect }),
  });
  return { directory, framework: directory.framework() };
}

/**
 * Closes `bot` on SIGINT/SIGTERM (a second signal exits at once) and then exits. Returns a
 * function that starts the same shutdown for another reason (e.g. the parent went away).
 */
export function closeOnSignals(close: () => Promise<void>, log: Logger): (reason: string) => void {
  let stopping = false;
  const stop = (reason: string, signalled = false) => {
    if (stopping) {
      // Only a second signal from a person forces the exit; anything else waits for the close.
      if (!signalled) return;
      log.warn('second signal: exiting now', { signal: reason });
      process.exit(1);
    }
    stopping = true;
    log.info('stopping', { signal: reason });
    close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error('error while stopping', { error: errorFields(err) });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT', true));
  process.on('SIGTERM', () => stop('SIGTERM', true));
  return (reason) => stop(reason);
}

/**
 * Stops when the process that started this one exits. `npm start` runs the script through a
 * shell; a SIGTERM sent to npm alone (as CI runners and process managers do) kills npm and the
 * shell but would leave this process, and the Playground it started, running.
 */
export function stopWhenOrphaned(stop: (reason: string) => void, everyMs = 1_000): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parent) {
      clearInterval(timer);
      stop('parent exited');
    }
  }, everyMs);
  timer.unref();
}
