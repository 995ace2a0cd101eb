/**
 * Remakes the README screenshots in addin/docs: the task pane on the stub Office in headless
 * Chromium, rated, with a school selected. `npx tsx test/e2e/addin-screenshots.ts [width] [dark]`.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { buildAddin } from '../../addin/build.js';
import { teamGrid } from '../addin/sheets.js';
const DOCS = path.join(import.meta.dirname, '..', '..', 'addin', 'docs');
const dir = await mkdtemp(path.join(tmpdir(), 'wm-'));
await buildAddin({ outDir: dir, minify: false });
const bundled = await build({ entryPoints: [path.join(import.meta.dirname, 'addin-stub.ts')], bundle: true, format: 'iife', platform: 'browser', write: false, banner: { js: 'globalThis.Buffer={byteLength:(s)=>new TextEncoder().encode(String(s)).length};' } });
const stub = bundled.outputFiles[0]?.text ?? '';
const server = createServer((req, res) => { const f = path.join(dir, new URL(req.url ?? '/', 'http://x').pathname); readFile(f).then((d) => res.writeHead(200, { 'content-type': f.endsWith('.html') ? 'text/html' : f.endsWith('.js') ? 'text/javascript' : f.endsWith('.css') ? 'text/css' : 'image/png' }).end(d), () => res.writeHead(404).end()); });
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
const dark = process.argv.includes('dark');
const width = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 320);
const page = await browser.newPage({ viewport: { width, height: 600 } });
page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
const workbook = { sheets: [{ name: 'Schools', cells: teamGrid({ schools: 40, seed: 5, width: 29 }), fills: { 'A4:AC4': '#D9E1F2' } }] };
await page.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: stub }));
await page.addInitScript(`window.__WAYMARK_WORKBOOK__ = ${JSON.stringify(workbook)}; ${dark ? "window.__WAYMARK_THEME__ = { bodyBackgroundColor: '#262626', isDarkTheme: true };" : ''}`);
await page.goto(`${base}/taskpane.html`);
await page.waitForSelector('#columns li', { state: 'attached' });
await page.screenshot({ path: `${DOCS}/taskpane-first-screen-${width}${dark ? '-dark' : ''}.png` });
await page.click('#rate');
await page.waitForSelector('#summary:not([hidden])');
await page.evaluate(() => (window as unknown as { __selectCell(a: string): Promise<number> }).__selectCell('C8'));
await page.waitForSelector('#school-name');
await page.evaluate(() => window.scrollTo(0, 0));
await page.screenshot({ path: `${DOCS}/taskpane-rated-${width}${dark ? '-dark' : ''}.png` });
await page.locator('#school').screenshot({ path: `${DOCS}/selected-school-${width}${dark ? '-dark' : ''}.png` });
await browser.close(); server.close();
