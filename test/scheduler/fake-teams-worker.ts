/**
 * The limit-enforcing fake Bot Connector in a worker thread, so its clock and arrival times
 * are not skewed by the sender's event loop (the benchmark runs both in one process).
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { startFakeTeams, type FakeTeamsOptions } from './fake-teams.js';

export interface RemoteFakeTeams {
  readonly serviceUrl: string;
  /** Delivered count per outbox key, and how many requests were answered 429. */
  results(): Promise<{ counts: Map<string, number>; throttled: number }>;
  close(): Promise<void>;
}

export async function startFakeTeamsWorker(options: FakeTeamsOptions): Promise<RemoteFakeTeams> {
  // Load this file in the worker through tsx's loader (a worker does not inherit it).
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const worker = new Worker(boot, { eval: true, workerData: options });
  const next = () => new Promise<Record<string, unknown>>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const { serviceUrl } = (await next()) as { serviceUrl: string };
  return {
    serviceUrl,
    async results() {
      const reply = next();
      worker.postMessage('results');
      const r = (await reply) as { counts: [string, number][]; throttled: number };
      return { counts: new Map(r.counts), throttled: r.throttled };
    },
    async close() {
      await worker.terminate();
    },
  };
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  const teams = await startFakeTeams(workerData as FakeTeamsOptions);
  port.on('message', () => {
    port.postMessage({ counts: [...teams.counts()], throttled: teams.received.filter((r) => r.status === 429).length });
  });
  port.postMessage({ serviceUrl: teams.serviceUrl });
}
