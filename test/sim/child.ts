/** Drives replica-child.ts: start it, ask it to tick, kill it with SIGKILL. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface ChildReplica {
  /** Ticks at `at`; resolves with the report, or 'killed' if it was killed first. */
  tick(at: Date): Promise<'killed' | Record<string, unknown>>;
  kill(): Promise<void>;
  exit(): Promise<void>;
}

const script = fileURLToPath(new URL('./replica-child.ts', import.meta.url));

export async function startChildReplica(args: { url: string; schema: string; graphUrl: string; id: string }): Promise<ChildReplica> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script, args.url, args.schema, args.graphUrl, args.id], {
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
