/**
 * The bot's school directory: the workbook in WAYMARK_WORKBOOK, read through the core and
 * read again whenever the file changes, without a restart. A file that cannot be read (being
 * saved, damaged, replaced) keeps the last good copy; the failure is kept so that an officer
 * who asks is told.
 */
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { Framework } from '../../core/frameworks/index.js';
import type { WorkbookProblem } from '../../core/messages/workbookNotice.js';
import { makeSchoolIndex, type SchoolIndex } from '../../core/schools/findSchools.js';
import type { SchoolRecord } from '../../core/schools/types.js';
import type { Logger } from '../log.js';
import { fileSignature, loadWorkbook, type SheetOptions } from '../../workbook/source/file.js';

export interface DirectorySnapshot {
  readonly index: SchoolIndex;
  readonly schools: readonly SchoolRecord[];
  /** When the copy in use was read; undefined while no copy could be read. */
  readonly loadedAt: Date | undefined;
  /** The sheet the schools came from. */
  readonly sheet?: string;
  /** The latest attempt failed: answers come from the copy loaded at `loadedAt`. */
  readonly error?: WorkbookProblem;
  /** Something officers should know about the copy in use (e.g. it looks written in another framework). */
  readonly warning?: string;
}

/** What commands see: the copy in use, at the moment of asking. */
export interface SchoolDirectory {
  current(): DirectorySnapshot;
}

export interface WorkbookDirectory extends SchoolDirectory {
  readonly file: string;
  /** Reads the file now (changes are picked up by themselves; tests and tools call this). */
  reload(): Promise<void>;
  /** Stops watching. */
  close(): Promise<void>;
}

export interface DirectoryOptions {
  readonly file: string;
  readonly framework: Framework;
  /** Column mappings and header row from the workbook's sheet config. */
  readonly sheet?: SheetOptions;
  readonly log: Logger;
  readonly now?: () => Date;
  /** Wait this long after the last change before reading (saves come in bursts). Default 300 ms. */
  readonly debounceMs?: number;
  /** Also check the file's time and size this often, for file systems where watching fails. Default 2 s. */
  readonly pollMs?: number;
  /** Watch the folder with fs.watch (default true); polling runs either way. */
  readonly watch?: boolean;
  /** Called after each successful load (category history); a failure is logged, never fatal. */
  readonly onLoad?: OnLoad;
}

/** What a directory calls after each successful load (category history, change alerts). */
export type OnLoad = (schools: readonly SchoolRecord[], loadedAt: Date) => Promise<unknown>;

/** Runs `onLoad` for a good load; its failure is logged by name only, never fatal to the load. */
export async function notifyLoad(onLoad: OnLoad | undefined, schools: readonly SchoolRecord[], loadedAt: Date, log: Logger, workbook: string): Promise<void> {
  if (!onLoad) return;
  await onLoad(schools, loadedAt).catch((error: unknown) => {
    log.error('could not record category history', { workbook, error: error instanceof Error ? error.name : 'error' });
  });
}

const EMPTY_INDEX = makeSchoolIndex([]);

/** A directory with no schools, for tests and tools that need none. */
export function emptyDirectory(): SchoolDirectory {
  const snapshot: DirectorySnapshot = { index: EMPTY_INDEX, schools: [], loadedAt: undefined };
  return { current: () => snapshot };
}

/** A fixed directory of `schools`, for tests and benchmarks. */
export function staticDirectory(schools: readonly SchoolRecord[], loadedAt = new Date(0)): SchoolDirectory {
  const snapshot: DirectorySnapshot = { index: makeSchoolIndex(schools), schools, loadedAt };
  return { current: () => snapshot };
}

/**
 * Reads the workbook once, then keeps watching it. Never throws for a bad file: the first
 * failure leaves an empty directory with its error, later ones keep the last good copy.
 */
export async function openDirectory(options: DirectoryOptions): Promise<WorkbookDirectory> {
  const file = resolve(options.file);
  const name = basename(file);
  const now = options.now ?? (() => new Date());
  const { log, framework } = options;
  const debounceMs = options.debounceMs ?? 300;
  const pollMs = options.pollMs ?? 2_000;

  let snapshot: DirectorySnapshot = { index: EMPTY_INDEX, schools: [], loadedAt: undefined };
  /** Signature of the file at the last attempt, so an unchanged file is not read again. */
  let attempted: string | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;
  let debounce: NodeJS.Timeout | undefined;

  async function loadOnce(force: boolean): Promise<void> {
    const seen = await fileSignature(file);
    if (!force && seen === attempted) return;
    const started = performance.now();
    const result = await loadWorkbook(file, { framework, now: now(), ...(options.sheet && { sheet: options.sheet }) });
    if (result.ok) {
      attempted = result.value.signature;
      snapshot = { index: makeSchoolIndex(result.value.schools), schools: result.value.schools, loadedAt: now(), sheet: result.value.sheet };
      log.info('workbook loaded', { workbook: name, schools: result.value.schools.length, ms: Math.round(performance.now() - started) });
      await notifyLoad(options.onLoad, result.value.schools, snapshot.loadedAt ?? now(), log, name);
      return;
    }
    if (result.error === 'the file changed while it was being read') {
      // Still being written: try again once it settles, without reporting a failure.
      schedule();
      return;
    }
    attempted = seen;
    const { loadedAt } = snapshot;
    snapshot = { ...snapshot, error: { at: now(), reason: result.error } };
    log.warn(loadedAt ? 'workbook could not be reloaded; keeping the last good copy' : 'workbook could not be loaded', {
      workbook: name,
      reason: result.error,
      ...(loadedAt ? { copyLoadedAt: loadedAt.toISOString() } : {}),
    });
  }

  function reload(force = true): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await loadOnce(force);
        } while (again && !closed);
      } catch (error) {
        log.error('workbook reload failed unexpectedly', { workbook: name, error: error instanceof Error ? error.name : 'error' });
      } finally {
        running = undefined;
      }
    })();
    return running;
  }

  function schedule(): void {
    if (closed) return;
    clearTimeout(debounce);
    debounce = setTimeout(() => void reload(false), debounceMs);
    debounce.unref();
  }

  await reload(true);

  // Editors save by writing a temporary file and renaming it over the old one, which a watch
  // on the file itself would miss: watch the folder and pick out this file's name.
  let watcher: FSWatcher | undefined;
  if (options.watch ?? true) {
    try {
      watcher = watch(dirname(file), { persistent: false }, (_event, changed) => {
        if (!changed || changed.toString() === name) schedule();
      });
      watcher.on('error', (error) => {
        log.warn('cannot watch the workbook folder; polling only', { error: error.name });
        watcher?.close();
        watcher = undefined;
      });
    } catch (error) {
      log.warn('cannot watch the workbook folder; polling only', { error: (error as Error).name });
    }
  }
  const poll = setInterval(() => {
    void fileSignature(file).then((s) => {
      if (s !== attempted) schedule();
    });
  }, pollMs);
  poll.unref();

  return {
    file,
    current: () => snapshot,
    reload: () => reload(true),
    async close() {
      closed = true;
      clearTimeout(debounce);
      clearInterval(poll);
      watcher?.close();
      await running;
    },
  };
}
