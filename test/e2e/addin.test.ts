/**
 * The task pane in headless Chromium: the built addin/dist pages, with a stub Office/Excel
 * (the fake Excel context, bundled for the browser) served in place of Microsoft's CDN.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAddin } from '../../addin/build.js';
import { rateSheet, type ExcelContext } from '../../addin/excel/index.js';
import { LEGEND_SHEET } from '../../core/sheet/marks.js';
import { teamGrid } from '../addin/sheets.js';
import { createFakeExcel, type FakeExcel, type FakeWorkbookInput, type SheetSnapshot } from '../fakes/excel.js';
import { decodePng } from './addin-png.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`Skipping the add-in end-to-end test: no Chromium at ${CHROMIUM} (apt-get install chromium).`);

const workbook: FakeWorkbookInput = {
  sheets: [{ name: 'Schools', cells: teamGrid({ schools: 40, seed: 5, width: 29 }), fills: { 'A4:AC4': '#D9E1F2', H8: '#FFFF00' } }],
};

type Snap = Record<string, SheetSnapshot>;

describe.skipIf(!hasChromium)('the task pane in Chromium', () => {
  let dir: string;
  let server: Server;
  let base: string;
  let browser: Browser;
  let page: Page;
  let stub: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'waymark-addin-'));
    await buildAddin({ outDir: dir });
    const bundled = await build({
      entryPoints: [path.join(import.meta.dirname, 'addin-stub.ts')],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2020',
      write: false,
      // The fake sizes requests with Buffer.byteLength; the browser has TextEncoder.
      banner: { js: 'globalThis.Buffer={byteLength:(s)=>new TextEncoder().encode(String(s)).length};' },
      logLevel: 'warning',
    });
    stub = bundled.outputFiles[0]?.text ?? '';
    server = createServer((req, res) => {
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
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 320, height: 900 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: stub }));
    await page.addInitScript(`window.__WAYMARK_WORKBOOK__ = ${JSON.stringify(workbook)};`);
    await page.goto(`${base}/taskpane.html`);
    await page.waitForSelector('#columns tbody tr');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const snapshot = (): Promise<Snap> => page.evaluate(() => (window as unknown as { __fake: FakeExcel }).__fake.snapshot());
  const sheetNames = (): Promise<string[]> => page.evaluate(() => (window as unknown as { __fake: FakeExcel }).__fake.sheetNames());

  it('shows the detected header row and the column mapping', async () => {
    expect(await page.inputValue('#header-row')).toBe('4');
    expect(await page.textContent('#sheet-info')).toContain('40 schools');
    const rows = await page.locator('#columns tbody tr').count();
    expect(rows).toBe(29);
    // A column Waymark reads past says so in words (notes are the team's own).
    await expect.poll(() => page.locator('#columns tbody tr', { hasText: 'Notes 1' }).textContent()).toContain('Left alone on purpose');
  });

  it('rates the sheet: the same fills, labels and columns as the adapter on its own, and a summary', async () => {
    const before = await snapshot();
    await page.click('#rate');
    await page.waitForSelector('#summary:not([hidden])');
    const message = await page.textContent('#message');
    expect(message).toContain('Rated 40 schools');
    const summary = (await page.textContent('#summary')) ?? '';
    expect(summary).toMatch(/S — System Leaders: \d+/);
    expect(summary).toContain('Insufficient data: 0');
    expect(summary).toContain('Columns not rated');
    expect(await page.getAttribute('#progressbar', 'aria-valuenow')).toBe('100');

    // The same rating through the adapter in Node gives the same workbook.
    const reference = createFakeExcel(workbook);
    const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
    const r = await reference.run((ctx) => rateSheet(ctx as unknown as ExcelContext, { today }));
    expect(r.ok).toBe(true);
    const after = await snapshot();
    expect(after.Schools?.fills).toEqual(reference.snapshot().Schools?.fills);
    expect(after.Schools?.cells).toEqual(reference.snapshot().Schools?.cells);
    expect(Object.keys(after.Schools?.fills ?? {}).length).toBeGreaterThan(Object.keys(before.Schools?.fills ?? {}).length + 200);
    expect(after.Schools?.cells[3]?.slice(-2)).toEqual(['Suggested category', 'Why']);
    expect(await sheetNames()).toEqual(['Schools', LEGEND_SHEET]);
  });

  it('selects a cell from the summary', async () => {
    await page.locator('#summary button', { hasText: 'Notes 1' }).first().click();
    const selected = await expect
      .poll(() =>
        page.evaluate(() =>
          (window as unknown as { Excel: { run: <T>(f: (c: unknown) => Promise<T>) => Promise<T> } }).Excel.run(async (ctx) => {
            const range = (ctx as { workbook: { getSelectedRange(): { load(p: string): void; address: string } } }).workbook.getSelectedRange();
            range.load('address');
            await (ctx as { sync(): Promise<void> }).sync();
            return range.address;
          }),
        ),
      )
      .toBe('Schools!AA4');
    void selected;
  });

  it('is not blank', async () => {
    const shot = await page.screenshot({ fullPage: false });
    if (process.env.WAYMARK_SCREENSHOT) await writeFile(process.env.WAYMARK_SCREENSHOT, shot);
    const png = decodePng(shot);
    expect(png.width).toBe(320);
    let coloured = 0;
    for (let i = 0; i < png.rgba.length; i += 4) {
      if ((png.rgba[i] as number) < 235 || (png.rgba[i + 1] as number) < 235 || (png.rgba[i + 2] as number) < 235) coloured += 1;
    }
    expect(coloured / (png.width * png.height)).toBeGreaterThan(0.05);
    const blank = await browser.newPage({ viewport: { width: 320, height: 900 } });
    await blank.setContent('<html><body></body></html>');
    const empty = await blank.screenshot();
    await blank.close();
    expect(shot.length).toBeGreaterThan(empty.length * 5);
  });

  it('clears the marks: everything is back as it was', async () => {
    const original = createFakeExcel(workbook).snapshot();
    await page.click('#clear');
    await expect.poll(() => page.textContent('#message')).toContain('Cleared Waymark marks');
    const after = await snapshot();
    expect(after.Schools?.fills).toEqual(original.Schools?.fills);
    expect(after.Schools?.cells).toEqual(original.Schools?.cells);
    expect(await sheetNames()).toEqual(['Schools']);
    expect(await page.isHidden('#summary')).toBe(true);
  });

  it('keeps the choices in the workbook and reports no page errors', async () => {
    await page.selectOption('select[data-letter="AA"]', 'ignore');
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __fake: FakeExcel }).__fake.settings()['waymark.config']))
      .toMatchObject({ columns: { AA: 'ignore' } });
    expect(pageErrors).toEqual([]);
  });
});
