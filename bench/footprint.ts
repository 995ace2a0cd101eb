/**
 * `npm run bench -- footprint`: the deployed start (compiled by `npm run build`, run with plain
 * node): cold start to /healthz on PostgreSQL and on an existing PGlite directory, RSS after
 * 1,000 questions, and the compiled CLI against exceljs load+save of the same workbook.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { startFakeConnector } from '../test/fakes/bot-connector.js';
import { messageActivity } from '../test/bot/helpers.js';
import { mib, ms, percentile, table } from './lib.js';

const PG_ADMIN = process.env.WAYMARK_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const QUESTIONS = 1_000;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

function rssOf(pid: number | undefined): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : undefined;
  } catch {
    return undefined; // not Linux
  }
}

interface Started {
  readonly child: ChildProcess;
  readonly url: string;
  readonly readyMs: number;
  stop(): Promise<void>;
}

/**
 * The node options of `npm run start:prod` (what App Service runs), so that the figures are the
 * deployed start's: e.g. `--optimize-for-size --max-semi-space-size=1`.
 */
function startProdArgs(): string[] {
  const script = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts['start:prod'] ?? '';
  const [node, ...args] = script.split(/\s+/).filter(Boolean);
  if (node !== 'node' || args.at(-1) !== 'dist/bot/main.js') throw new Error(`start:prod is not "node [options] dist/bot/main.js": ${script}`);
  return args;
}

/** `npm run start:prod`'s node command, run directly; ms from spawn until /healthz answers 200. */
async function startCompiled(env: Record<string, string>): Promise<Started> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, startProdArgs(), {
    env: { ...process.env, MicrosoftAppId: '', MicrosoftAppPassword: '', DATABASE_URL: '', ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  let exited = false;
  child.once('exit', () => (exited = true));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (exited) throw new Error(`bot exited before /healthz answered:\n${err}`);
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    if (performance.now() - t0 > 120_000) throw new Error(`bot did not answer /healthz in 120 s:\n${err}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  const readyMs = performance.now() - t0;
  return {
    child,
    url,
    readyMs,
    stop: async () => {
      if (exited) return;
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await gone;
    },
  };
}

/** 1,000 category questions over HTTP, answered through a fake Bot Connector; RSS after. */
async function ask(bot: Started): Promise<{ rss: number | undefined; p50: number }> {
  const connector = await startFakeConnector();
  const texts = ['101234', "what is Oakfield Primary School's category?", 'category of st marys', 'show oakfeld', 'category of Nowhere Academy'];
  const times: number[] = [];
  try {
    for (let i = 0; i < QUESTIONS; i++) {
      const t0 = performance.now();
      const res = await fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(messageActivity({ text: texts[i % texts.length]!, serviceUrl: connector.serviceUrl })),
      });
      await res.arrayBuffer();
      times.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`question ${i} answered ${res.status}`);
    }
  } finally {
    await connector.close();
  }
  times.sort((a, b) => a - b);
  return { rss: rssOf(bot.child.pid), p50: percentile(times, 50) };
}

async function withDatabase<T>(fn: (url: string) => Promise<T>): Promise<T | undefined> {
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  try {
    await admin.connect();
  } catch {
    console.log(`\nfootprint: no PostgreSQL at ${PG_ADMIN}; PostgreSQL figures skipped`);
    return undefined;
  }
  const name = `waymark_footprint_${process.pid}`;
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(PG_ADMIN);
    url.pathname = `/${name}`;
    return await fn(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

async function timeChild(args: string[]): Promise<number> {
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const c = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    c.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    c.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited ${code}: ${err}`))));
  });
  return performance.now() - t0;
}

export async function benchFootprint(): Promise<void> {
  console.log('\nfootprint: npm run build');
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  const rows: [string, string][] = [];
  const common = { WAYMARK_WORKBOOK: 'examples/reading.xlsx' };

  const pgFigures = await withDatabase(async (url) => {
    // The first start creates the tables; the cold start measured is a later one, as on a redeploy.
    await (await startCompiled({ ...common, DATABASE_URL: url })).stop();
    const bot = await startCompiled({ ...common, DATABASE_URL: url });
    try {
      return { readyMs: bot.readyMs, startRss: rssOf(bot.child.pid), ...(await ask(bot)) };
    } finally {
      await bot.stop();
    }
  });
  if (pgFigures) {
    rows.push(['PostgreSQL: cold start to /healthz', `${ms(pgFigures.readyMs)} (target < 2 s)`]);
    rows.push(['PostgreSQL: RSS at /healthz', pgFigures.startRss ? mib(pgFigures.startRss) : 'n/a']);
    rows.push([`PostgreSQL: RSS after ${QUESTIONS} questions`, `${pgFigures.rss ? mib(pgFigures.rss) : 'n/a'} (target < 150 MB; median answer ${ms(pgFigures.p50)})`]);
  }

  const dataDir = await mkdtemp(path.join(tmpdir(), 'waymark-footprint-'));
  try {
    await (await startCompiled({ ...common, WAYMARK_DATA_DIR: dataDir })).stop();
    const bot = await startCompiled({ ...common, WAYMARK_DATA_DIR: dataDir });
    try {
      const startRss = rssOf(bot.child.pid);
      const asked = await ask(bot);
      rows.push(['PGlite (existing dir): cold start to /healthz', `${ms(bot.readyMs)} (target < 2 s)`]);
      rows.push(['PGlite: RSS at /healthz', startRss ? mib(startRss) : 'n/a']);
      rows.push([`PGlite: RSS after ${QUESTIONS} questions`, `${asked.rss ? mib(asked.rss) : 'n/a'} (target < 300 MB; median answer ${ms(asked.p50)})`]);
    } finally {
      await bot.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }

  // The CLI, compiled, against exceljs alone loading and saving the same workbook, each in a fresh process.
  const dir = await mkdtemp(path.join(tmpdir(), 'waymark-footprint-cli-'));
  try {
    const script = path.join(dir, 'exceljs-only.mjs');
    const exceljsUrl = import.meta.resolve('exceljs');
    await import('node:fs/promises').then((fs) =>
      fs.writeFile(
        script,
        `import ExcelJS from ${JSON.stringify(exceljsUrl)};\nconst wb = new ExcelJS.Workbook();\nawait wb.xlsx.readFile(process.argv[2]);\nawait wb.xlsx.writeFile(process.argv[3]);\n`,
      ),
    );
    const runs = 3;
    const cli: number[] = [];
    const plain: number[] = [];
    for (let i = 0; i < runs; i++) {
      plain.push(await timeChild([script, 'examples/reading.xlsx', path.join(dir, 'plain.xlsx')]));
      cli.push(await timeChild(['dist/cli/rate.js', 'examples/reading.xlsx', '--out', path.join(dir, 'rated.xlsx'), '--today', '2026-11-24']));
    }
    cli.sort((a, b) => a - b);
    plain.sort((a, b) => a - b);
    const ratio = percentile(cli, 50) / percentile(plain, 50);
    rows.push(['exceljs load+save (node, examples/reading.xlsx)', ms(percentile(plain, 50))]);
    rows.push(['node dist/cli/rate.js (same file)', `${ms(percentile(cli, 50))}: ${ratio.toFixed(2)}x (target <= 1.3x)`]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  table(`footprint: compiled bot (node ${startProdArgs().join(' ')}) and CLI, median where repeated`, rows);
}
