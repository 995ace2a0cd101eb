/**
 * The school directory from a workbook in SharePoint or OneDrive, read through Microsoft Graph:
 * the link is resolved once, then the item's eTag is checked every WAYMARK_WORKBOOK_POLL_SECONDS
 * and the file read again only when it changed, into the same core path as a local file
 * (loadWorkbookBytes). A read that fails keeps the last good copy and records why, exactly as
 * the file watcher does, so an officer who asks is told.
 *
 * Without WAYMARK_FRAMEWORK the framework is chosen from the workbook on the first good read
 * (as a local file's is at start-up) and kept: a later copy written in another framework is
 * still rated in the first, with a warning to officers and in the log, never a silent switch.
 *
 * The last good copy is also written to a private local file (`file`), which the "Meetings"
 * sheet import reads; it is replaced atomically and only by a copy that loaded.
 */
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Framework } from '../../core/frameworks/index.js';
import { makeSchoolIndex } from '../../core/schools/findSchools.js';
import { GraphCallFailed, withGraphRetry, type RetryOptions } from '../../bot/graph/retry.js';
import { driveFailureReason, isTransient, type DriveItemInfo, type DriveReader } from './drive.js';
import type { WorkbookLocation } from './location.js';
import type { Logger } from '../../bot/log.js';
import {
  frameworkMismatchNotice,
  logFrameworkDetected,
  logFrameworkNotDetected,
  type FrameworkDetector,
} from '../../bot/directory/detect-framework.js';
import { notifyLoad, type DirectorySnapshot, type OnLoad, type WorkbookDirectory } from '../../bot/directory/directory.js';
import { loadWorkbookBytes, type SheetOptions } from './file.js';

export interface RemoteDirectoryOptions {
  readonly location: Exclude<WorkbookLocation, { kind: 'file' }>;
  readonly reader: DriveReader;
  /** The framework to rate in; with `detectFramework`, the fallback when the first read shows none. */
  readonly framework: Framework;
  /** No framework named: choose it from the first good read (then keep it), and check each later read. */
  readonly detectFramework?: FrameworkDetector;
  readonly sheet?: SheetOptions;
  readonly log: Logger;
  readonly now?: () => Date;
  /** Check the eTag this often (WAYMARK_WORKBOOK_POLL_SECONDS; default 60 s). 0: only when asked. */
  readonly pollMs?: number;
  /** Folder for the private copy of the last good workbook (default: a new folder in the OS temp dir). */
  readonly copyDir?: string;
  /** Retry settings; tests pass a recording sleep. */
  readonly retry?: RetryOptions;
  /** Called after each successful load (category history); a failure is logged, never fatal. */
  readonly onLoad?: OnLoad;
}

export interface RemoteWorkbookDirectory extends WorkbookDirectory {
  /** Checks the eTag now and reads the file if it changed (the poll calls this). */
  check(): Promise<void>;
  /** The resolved drive item, once the link has been resolved. */
  item(): DriveItemInfo | undefined;
  /** The framework the workbook is rated in: fixed once the directory is open. */
  framework(): Framework;
}

const EMPTY_INDEX = makeSchoolIndex([]);

/** Opens the directory: resolves and reads once, then polls. Never throws for Graph or file problems. */
export async function openRemoteDirectory(options: RemoteDirectoryOptions): Promise<RemoteWorkbookDirectory> {
  const { reader, log, location } = options;
  let framework = options.framework;
  /** Whether the framework is fixed: named, detected on the first read, or the fallback once open. */
  let settled = options.detectFramework === undefined;
  /** Officers' standing warning: the latest copy looks written in another framework. */
  let warning: string | undefined;
  const now = options.now ?? (() => new Date());
  const pollMs = options.pollMs ?? 60_000;
  const ownsCopyDir = options.copyDir === undefined;
  const copyDir = options.copyDir ?? (await mkdtemp(join(tmpdir(), 'waymark-workbook-')));
  const file = join(copyDir, 'workbook.xlsx');

  let snapshot: DirectorySnapshot = { index: EMPTY_INDEX, schools: [], loadedAt: undefined };
  let item: DriveItemInfo | undefined;
  /** eTag of the last version tried (loaded, or refused for a reason the same version keeps). */
  let attempted: string | undefined;
  let notBefore: Date | undefined;
  let running: Promise<void> | undefined;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  const abort = new AbortController();
  const retry: RetryOptions = {
    now,
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        // Closing cuts a wait short; the call then fails and the check ends.
        const t = setTimeout(resolve, ms);
        abort.signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
      }),
    ...options.retry,
  };

  function failed(reason: string): void {
    const { loadedAt } = snapshot;
    const { warning: _previous, ...kept } = snapshot;
    snapshot = { ...kept, error: { at: now(), reason }, ...(warning ? { warning } : {}) };
    log.warn(loadedAt ? 'workbook could not be reloaded; keeping the last good copy' : 'workbook could not be loaded', {
      workbook: item?.name ?? 'SharePoint/OneDrive',
      reason,
      ...(loadedAt ? { copyLoadedAt: loadedAt.toISOString() } : {}),
    });
  }

  async function checkOnce(force: boolean): Promise<void> {
    if (!force && notBefore && now() < notBefore) return;
    notBefore = undefined;
    let current: DriveItemInfo;
    let bytes: Uint8Array;
    try {
      const ref = item;
      current = await withGraphRetry(() => (ref ? reader.item(ref) : reader.resolve(location)), retry);
      item = current;
      if (!force && current.eTag === attempted) return;
      if (current.isFolder) {
        attempted = current.eTag;
        return failed('the link points at a folder, not a file; set WAYMARK_WORKBOOK to the link of the .xlsx workbook itself');
      }
      if (!/\.xlsx$/i.test(current.name)) {
        attempted = current.eTag;
        return failed(`the file is "${current.name.slice(-60)}", not an .xlsx workbook; save it as an Excel Workbook (.xlsx) and point WAYMARK_WORKBOOK at that`);
      }
      bytes = await withGraphRetry(() => reader.content(current), retry);
    } catch (error) {
      if (!(error instanceof GraphCallFailed)) throw error;
      if (error.notBefore) notBefore = error.notBefore;
      // A problem of this version of the file (403, 404) is reported once per version; busy
      // or unreachable is tried again at the next check.
      if (!isTransient(error.failure) && item) attempted = item.eTag;
      return failed(driveFailureReason(error.failure));
    }
    if (options.detectFramework) await chooseOrCheckFramework(options.detectFramework, bytes, current.name);
    const started = performance.now();
    const modified = Number.isNaN(current.lastModified.getTime()) ? now() : current.lastModified;
    const result = await loadWorkbookBytes(bytes, { framework, now: now(), modified, signature: current.eTag, ...(options.sheet && { sheet: options.sheet }) });
    attempted = current.eTag;
    if (!result.ok) return failed(result.error);
    // Keep a private copy for the "Meetings" sheet import: written beside, then renamed over.
    const partial = `${file}.partial`;
    await writeFile(partial, bytes, { mode: 0o600 });
    await rename(partial, file);
    snapshot = {
      index: makeSchoolIndex(result.value.schools),
      schools: result.value.schools,
      loadedAt: now(),
      sheet: result.value.sheet,
      ...(warning ? { warning } : {}),
    };
    log.info('workbook loaded', { workbook: current.name, source: 'graph', schools: result.value.schools.length, ms: Math.round(performance.now() - started) });
    await notifyLoad(options.onLoad, result.value.schools, snapshot.loadedAt ?? now(), log, current.name);
  }

  async function chooseOrCheckFramework(detect: FrameworkDetector, bytes: Uint8Array, workbook: string): Promise<void> {
    const detected = await detect(bytes);
    if (!settled) {
      if (!detected) return;
      framework = detected.framework;
      settled = true;
      logFrameworkDetected(log, detected);
      return;
    }
    if (!detected || detected.framework.id === framework.id) {
      warning = undefined;
      return;
    }
    warning = frameworkMismatchNotice(framework, detected.framework);
    log.warn('workbook looks written in another framework; keeping the first', { workbook, framework: framework.id, detected: detected.framework.id, reason: detected.reason });
  }

  function run(force: boolean): Promise<void> {
    running ??= checkOnce(force)
      .catch((error: unknown) => {
        log.error('workbook check failed unexpectedly', { error: error instanceof Error ? error.name : 'error' });
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  function schedule(): void {
    if (closed || pollMs <= 0) return;
    timer = setTimeout(() => void run(false).finally(schedule), pollMs);
    timer.unref();
  }

  await run(true);
  if (!settled) {
    // The first read failed or showed no framework: the fallback from now on, said once.
    settled = true;
    logFrameworkNotDetected(log, framework.id);
  }
  schedule();

  return {
    file,
    current: () => snapshot,
    item: () => item,
    framework: () => framework,
    check: async () => {
      await running;
      await run(false);
    },
    reload: async () => {
      await running;
      await run(true);
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      abort.abort();
      await running;
      if (ownsCopyDir) await rm(copyDir, { recursive: true, force: true });
    },
  };
}
