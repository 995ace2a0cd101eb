/**
 * `npm start` (and `npm run chat`): the bot plus the Microsoft 365 Agents Playground (a local Teams-like chat),
 * so you can talk to Waymark without a tenant. Ctrl-C stops both.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createLogger, errorFields } from './log.js';
import type { DirectorySnapshot } from './directory/directory.js';
import { closeOnSignals, startBot, StartupError, stopWhenOrphaned } from './start.js';

const PLAYGROUND_BIN = resolve('node_modules/.bin/agentsplayground');

export interface Playground {
  readonly child: ChildProcess;
  /** The port it really listens on (a taken port silently becomes a random one). */
  readonly port: number;
  readonly url: string;
}

/** Starts the Agents Playground against `endpoint`, waiting for its "Listening on" line. */
export function startPlayground(options: {
  endpoint: string;
  cwd: string;
  port?: number;
  channel?: string;
  timeoutMs?: number;
}): Promise<Playground> {
  mkdirSync(options.cwd, { recursive: true });
  const args = ['--dt', '-e', options.endpoint, '-c', options.channel ?? 'msteams', '-p', String(options.port ?? 56150)];
  const child = spawn(PLAYGROUND_BIN, args, {
    // It writes devTools/ into its working folder; keep that out of the repository.
    cwd: options.cwd,
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolvePromise, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`Agents Playground did not report "Listening on" within ${options.timeoutMs ?? 30_000} ms:\n${out}`));
    }, options.timeoutMs ?? 30_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /Listening on (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        // Keep draining its output so the pipe never fills.
        child.stdout?.resume();
        const port = Number(m[1]);
        resolvePromise({ child, port, url: `http://localhost:${port}` });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Agents Playground exited (code ${code}) before listening:\n${out}`));
    });
  });
}

function schoolsLine(d: DirectorySnapshot): string {
  if (d.error && !d.loadedAt) return `could not be read: ${d.error.reason}`;
  return `${d.schools.length} schools`;
}

async function main() {
  const log = createLogger({ base: { component: 'chat' } });
  const bot = await startBot(process.env, log);
  let playground: Playground;
  try {
    playground = await startPlayground({
      endpoint: `${bot.server.url}/api/messages`,
      cwd: join(resolve(bot.config.dataDir), 'playground'),
      port: Number(process.env.WAYMARK_PLAYGROUND_PORT ?? 56150),
      channel: process.env.WAYMARK_PLAYGROUND_CHANNEL ?? 'msteams',
    });
  } catch (err) {
    await bot.close();
    throw err;
  }
  const { child } = playground;
  const stopPlayground = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3_000).unref();
    });
  child.once('exit', (code, signal) => {
    if (stopping) return;
    log.error('Agents Playground stopped unexpectedly; stopping the bot', { code, signal });
    void bot.close().finally(() => process.exit(1));
  });
  let stopping = false;
  const stop = closeOnSignals(async () => {
    stopping = true;
    await Promise.all([stopPlayground(), bot.close()]);
  }, log);
  stopWhenOrphaned(stop);

  console.log(
    [
      '',
      `  Waymark bot:        ${bot.server.url}/api/messages (${bot.server.mode} mode)`,
      `  Agents Playground:  ${playground.url}   <- open this in a browser`,
      `  Workbook:           ${bot.config.workbook} (${schoolsLine(bot.directory.current())})`,
      '',
      '  Try: "what is Oakfield Primary School\'s category?", "category of st marys", "101234" or "help".',
      '',
      `  Warning: the Agents Playground listens on ALL network interfaces (port ${playground.port}).`,
      '  Anyone who can reach this machine can chat with the bot, as an officer. Use a trusted network.',
      '  Press Ctrl-C to stop both.',
      '',
    ].join('\n'),
  );
}

main().catch((err: unknown) => {
  if (err instanceof StartupError) console.error(`waymark: ${err.message}`);
  else createLogger().error('chat failed to start', { error: errorFields(err) });
  process.exitCode = 1;
});
