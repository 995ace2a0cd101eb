/**
 * The task pane in headless Chromium, as test/e2e/addin.test.ts opens it: the built addin/dist
 * pages, with test/e2e/addin-stub.ts (an Office global and the fake Excel, bundled for the
 * browser) served in place of Microsoft's CDN, on the workbook a test gives.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildAddin } from '../../addin/build.js';
import type { FakeWorkbookInput } from '../fakes/excel.js';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

export interface PaneBrowser {
  /** Opens the pane on `workbook` and waits until it has read the active sheet. */
  open(workbook: FakeWorkbookInput): Promise<Page>;
  close(): Promise<void>;
}

export async function startPaneBrowser(): Promise<PaneBrowser> {
  const dir = await mkdtemp(path.join(tmpdir(), 'waymark-pane-'));
  await buildAddin({ outDir: dir });
  const bundled = await build({
    entryPoints: [path.join(import.meta.dirname, '..', 'e2e', 'addin-stub.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    write: false,
    // The fake sizes requests with Buffer.byteLength; the browser has TextEncoder.
    banner: { js: 'globalThis.Buffer={byteLength:(s)=>new TextEncoder().encode(String(s)).length};' },
    logLevel: 'warning',
  });
  const stub = bundled.outputFiles[0]?.text ?? '';
  const server: Server = createServer((req, res) => {
    const rel = new URL(req.url ?? '/', 'http://x').pathname;
    const file = path.resolve(dir, `.${rel}`);
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    const type = file.endsWith('.html') ? 'text/html' : file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'image/png';
    readFile(file).then(
      (data) => res.writeHead(200, { 'content-type': type }).end(data),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return {
    async open(workbook) {
      const page = await browser.newPage({ viewport: { width: 320, height: 600 } });
      await page.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: stub }));
      await page.addInitScript(`window.__WAYMARK_WORKBOOK__ = ${JSON.stringify(workbook)};`);
      await page.goto(`${base}/taskpane.html`);
      await page.waitForFunction(() => document.getElementById('app')?.getAttribute('aria-busy') === 'false');
      return page;
    },
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
