/**
 * An exclusive lock file for the embedded database directory. PGlite lets two processes
 * open one directory and then silently loses writes, so only one Waymark process may hold
 * `<dataDir>/waymark.lock` (created with `wx`, containing the holder's pid). A lock left
 * by a dead process is taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = 'waymark.lock';

export class DataDirLockedError extends Error {
  constructor(
    readonly pid: number,
    readonly dataDir: string,
  ) {
    super(`Another Waymark process (pid ${pid}) is using ${dataDir}; stop it or set WAYMARK_DATA_DIR`);
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  readonly path: string;
  /** Removes the lock file if this process still owns it. Idempotent. */
  release(): void;
}

/** Locks held by this process, so a second open in the same process is refused too. */
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPid(path: string): number | undefined {
  try {
    const n = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    return Number.isInteger(n) && n > 0 ? n : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the lock or throws {@link DataDirLockedError}. Creates `dataDir` if needed. */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o644);
      try {
        writeSync(fd, `${process.pid}\n`);
      } finally {
        closeSync(fd);
      }
      return hold(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const pid = readPid(path);
    if (pid !== undefined && (heldHere.has(path) || (pid !== process.pid && isAlive(pid)))) {
      throw new DataDirLockedError(pid, dataDir);
    }
    if (pid === undefined) {
      // Another process may be between `wx` and writing its pid: give it a moment.
      const written = waitForPid(path);
      if (written !== undefined && written !== process.pid && isAlive(written)) {
        throw new DataDirLockedError(written, dataDir);
      }
    }
    // Stale: the holder is dead (or it is our own pid left over from a previous run).
    try {
      unlinkSync(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  throw new DataDirLockedError(readPid(path) ?? 0, dataDir);
}

function waitForPid(path: string): number | undefined {
  const until = Date.now() + 200;
  while (Date.now() < until) {
    const pid = readPid(path);
    if (pid !== undefined) return pid;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
  }
  return undefined;
}

function hold(path: string): DataDirLock {
  heldHere.add(path);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    heldHere.delete(path);
    process.removeListener('exit', release);
    if (readPid(path) === process.pid) {
      try {
        unlinkSync(path);
      } catch {
        // Already gone: nothing to release.
      }
    }
  };
  process.on('exit', release);
  return { path, release };
}
