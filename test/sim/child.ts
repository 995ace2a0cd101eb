/** Drives replica-child.ts: start it, ask it to tick, kill it with SIGKILL. */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export interface ChildReplica {
  /** Ticks at `at`; resolves with the report, or 'killed' if it was killed first. */
  tick(at: Date): Promise<'killed' | Record<string, unknown>>;
  kill(): Promise<void>;
  exit(): Promise<void>;
}

const script = fileURLToPath(new URL('./replica-child.ts', import.meta.url));
const root = fileURLToPath(new URL('../../', import.meta.url));

let bundled: Promise<string> | undefined;
const bundleDir = (): string => path.join(root, 'node_modules', '.cache', `waymark-sim-${process.pid}`);
/**
 * replica-child.ts and the project's modules it imports, compiled once (esbuild, ~0.1 s) into one
 * file; packages are loaded by Node as usual. A child started with `--import tsx` spent ~3 s of
 * CPU with every module, packages included, going through tsx's hooks, once per kill; compiled,
 * ~1.4 s. On a shared 2-core machine that CPU was most of a year's simulation. The code run is
 * the same. The file lives under node_modules/.cache (so the packages resolve) until
 * {@link removeChildScript} or the end of this process.
 */
export function childScript(): Promise<string> {
  bundled ??= (async () => {
    const dir = bundleDir();
    const outfile = path.join(dir, 'replica-child.mjs');
    // A test worker may be ended without an 'exit' event: runSimulation also removes it.
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    await build({
      entryPoints: [script],
      outfile,
      bundle: true,
      packages: 'external',
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'warning',
    });
    return outfile;
  })();
  return bundled;
}

/** Removes the compiled child script (once no child runs it); the next childScript() compiles it again. */
export async function removeChildScript(): Promise<void> {
  if (!bundled) return;
  await bundled.catch(() => {});
  bundled = undefined;
  rmSync(bundleDir(), { recursive: true, force: true });
}

export async function startChildReplica(args: { url: string; schema: string; graphUrl: string; id: string }): Promise<ChildReplica> {
  const child: ChildProcess = spawn(process.execPath, [await childScript(), args.url, args.schema, args.graphUrl, args.id], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const lines = createInterface({ input: child.stdout! });
  let waiting: ((line: string | undefined) => void) | undefined;
  lines.on('line', (line) => waiting?.(line));
  void exited.then(() => waiting?.(undefined));
  const nextLine = () => new Promise<string | undefined>((resolve) => (waiting = resolve));
  const first = await nextLine();
  if (first !== 'ready') throw new Error(`replica child did not start (${first ?? 'exited'})`);
  return {
    async tick(at) {
      const line = nextLine();
      child.stdin!.write(`tick ${at.toISOString()}\n`);
      const answer = await line;
      if (answer === undefined) return 'killed';
      return JSON.parse(answer.slice('done '.length)) as Record<string, unknown>;
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async exit() {
      child.stdin!.end('exit\n');
      await exited;
    },
  };
}
