/**
 * The task pane in headless Chromium at 320 x 600, as an officer opens it: the built
 * addin/dist pages, with a stub Office/Excel (the fake Excel context, bundled for the browser)
 * served in place of Microsoft's CDN. axe-core runs inside the page in the light and dark
 * themes; screenshots at 320 and 480 px are kept in .data/test-artifacts/addin/.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAddin } from '../../addin/build.js';
import { planRating, rateSheet, readSheet, resolveFramework, type ExcelContext } from '../../addin/excel/index.js';
import { LEGEND_SHEET } from '../../core/sheet/marks.js';
import type { SheetPlan } from '../../core/sheet/types.js';
import { teamGrid } from '../addin/sheets.js';
import { createFakeExcel, type FakeExcel, type FakeWorkbookInput, type SheetSnapshot } from '../fakes/excel.js';
import { decodePng } from './addin-png.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`Skipping the add-in end-to-end test: no Chromium at ${CHROMIUM} (apt-get install chromium).`);

const ARTEFACTS = path.join(import.meta.dirname, '..', '..', '.data', 'test-artifacts', 'addin');
const workbook: FakeWorkbookInput = {
  sheets: [{ name: 'Schools', cells: teamGrid({ schools: 40, seed: 5, width: 29 }), fills: { 'A4:AC4': '#D9E1F2', H8: '#FFFF00' } }],
};
const DARK = { bodyBackgroundColor: '#262626', bodyForegroundColor: '#FFFFFF', controlBackgroundColor: '#3B3B3B', controlForegroundColor: '#FFFFFF', isDarkTheme: true };
const today = (): string => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });

type Snap = Record<string, SheetSnapshot>;
type AxeResult = { violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] };

/** The plan core makes of the same workbook, outside the browser. */
async function corePlan(): Promise<SheetPlan> {
  const fake = createFakeExcel(workbook);
  const read = await fake.run((ctx) => readSheet(ctx as unknown as ExcelContext));
  if (!read.ok) throw new Error(read.error.message);
  const fw = resolveFramework(read.value.config);
  if (!fw.ok) throw new Error(fw.error.join());
  const planned = planRating(read.value, fw.value, today());
  if (!planned.ok) throw new Error(planned.error.message);
  return planned.value.plan;
}

describe.skipIf(!hasChromium)('the task pane in Chromium at 320 x 600', () => {
  let dir: string;
  let server: Server;
  let base: string;
  let browser: Browser;
  let page: Page;
  let stub: string;
  let axeSource: string;
  const pageErrors: string[] = [];

  async function open(options: { width?: number; theme?: typeof DARK } = {}): Promise<Page> {
    const p = await browser.newPage({ viewport: { width: options.width ?? 320, height: 600 } });
    p.on('pageerror', (e) => pageErrors.push(e.message));
    await p.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: stub }));
    await p.addInitScript(`window.__WAYMARK_WORKBOOK__ = ${JSON.stringify(workbook)};${options.theme ? ` window.__WAYMARK_THEME__ = ${JSON.stringify(options.theme)};` : ''}`);
    await p.goto(`${base}/taskpane.html`);
    await p.waitForSelector('#columns li', { state: 'attached' });
    await p.waitForFunction(() => document.getElementById('app')?.getAttribute('aria-busy') === 'false');
    return p;
  }

  /** axe-core inside the page; returns the serious and critical violations, printing counts. */
  async function axe(p: Page, label: string): Promise<string[]> {
    await p.addScriptTag({ content: axeSource });
    const result = (await p.evaluate(() => (window as unknown as { axe: { run(ctx: Document): Promise<unknown> } }).axe.run(document))) as AxeResult;
    const count = (impact: string) => result.violations.filter((v) => v.impact === impact).length;
    console.log(`axe (${label}): ${count('critical')} critical, ${count('serious')} serious, ${count('moderate')} moderate, ${count('minor')} minor violations`);
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
  }

  /** A screenshot that is not blank, kept as an artefact. */
  async function shot(p: Page, name: string, width: number): Promise<void> {
    const png = await p.screenshot({ fullPage: true });
    await mkdir(ARTEFACTS, { recursive: true });
    await writeFile(path.join(ARTEFACTS, name), png);
    const img = decodePng(png);
    expect(img.width).toBe(width);
    const bg = [img.rgba[0] as number, img.rgba[1] as number, img.rgba[2] as number];
    let differing = 0;
    for (let i = 0; i < img.rgba.length; i += 4) {
      if (Math.abs((img.rgba[i] as number) - bg[0]!) + Math.abs((img.rgba[i + 1] as number) - bg[1]!) + Math.abs((img.rgba[i + 2] as number) - bg[2]!) > 60) differing += 1;
    }
    // Text, bars and buttons: a blank or unstyled page has next to nothing off its background.
    expect(differing / (img.width * img.height)).toBeGreaterThan(0.03);
  }

  /** Opens or closes a Fluent accordion item by its heading button (inside its shadow root). */
  const toggle = (p: Page, id: string): Promise<void> => p.locator(`#${id} button#control`).click();
  const snapshot = (p: Page = page): Promise<Snap> => p.evaluate(() => (window as unknown as { __fake: FakeExcel }).__fake.snapshot());
  const syncs = (p: Page = page): Promise<number> => p.evaluate(() => (window as unknown as { __fake: FakeExcel }).__fake.stats.syncs);
  const selectCell = (address: string, p: Page = page): Promise<number> =>
    p.evaluate((a) => (window as unknown as { __selectCell(a: string): Promise<number> }).__selectCell(a), address);

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
    axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
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
    page = await open();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('shows the framework and the Rate button on the first screen, with nothing clipped', async () => {
    const rate = await page.locator('#rate').boundingBox();
    expect(rate).not.toBeNull();
    expect((rate?.y ?? 999) + (rate?.height ?? 0)).toBeLessThanOrEqual(600);
    expect(await page.textContent('#fw-name')).toBe('Reading School Improvement Framework');
    expect(await page.locator('#rate').getAttribute('appearance')).toBe('primary');
    // No sideways scrolling, and no line of text cut short.
    const overflow = await page.evaluate(() => {
      const out: string[] = [];
      if (document.documentElement.scrollWidth > window.innerWidth) out.push(`page ${document.documentElement.scrollWidth}px wide`);
      for (const el of document.querySelectorAll<HTMLElement>('main p, main span, main label, main h2, main h3, main li, main button')) {
        if (el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow !== 'visible') out.push(el.textContent ?? '');
      }
      return out;
    });
    expect(overflow).toEqual([]);
  });

  it('collapses the column mapping to one line and opens it with the uncertain columns first', async () => {
    const plan = await corePlan();
    const heading = (await page.textContent('#columns-heading')) ?? '';
    // What needs a look is core's call: not recognised, to confirm, or matched with less than high confidence.
    const headed = plan.columns.accounts.filter((a) => a.header.trim() !== '');
    const look = headed.filter((a) => a.status === 'confirm' || a.status === 'unknown' || (a.status === 'indicator' && (a.confidence === 'medium' || a.confidence === 'low'))).length;
    const understood = headed.length - look;
    expect(heading).toBe(`${understood} columns understood${look > 0 ? ` · ${look} need${look === 1 ? 's' : ''} a look` : ''}`);
    expect(await page.isVisible('#columns')).toBe(false);
    await toggle(page, 'columns-item');
    await expect.poll(() => page.isVisible('#columns')).toBe(true);
    const classes = await page.locator('#columns li').evaluateAll((lis) => lis.map((li) => li.className));
    // Uncertain columns first, then the rest.
    expect(classes.slice(0, look).every((c) => c === 'needs-look')).toBe(true);
    expect(classes.slice(look).some((c) => c === 'needs-look')).toBe(false);
    if (look > 0) expect(await page.locator('#columns li').first().textContent()).toContain('Needs a look');
    expect(await page.inputValue('#header-row')).toBe('4');
    // Every drop-down shows its choice whole at 320 px (the old pane cut "KS2 RWM expe…").
    await page.selectOption('select[data-letter="H"]', 'ks2-rwm');
    const cut = await page.evaluate(() => {
      const ctx = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
      const out: string[] = [];
      for (const sel of document.querySelectorAll<HTMLSelectElement>('#columns select')) {
        const cs = getComputedStyle(sel);
        ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
        const text = sel.selectedOptions[0]?.text ?? '';
        // Padding, border and the arrow take about 36 px.
        if (ctx.measureText(text).width > sel.clientWidth - 36) out.push(text);
      }
      return out;
    });
    expect(cut).toEqual([]);
    await page.selectOption('select[data-letter="H"]', '__auto');
    await toggle(page, 'columns-item');
  });

  it('can be driven by keyboard alone: Tab reaches Change and Rate sheet, Enter opens the framework list', async () => {
    // Start from the top, as after opening the pane.
    await page.click('.pane-header h1');
    const seen: string[] = [];
    for (let i = 0; i < 4 && !seen.includes('rate'); i++) {
      await page.keyboard.press('Tab');
      seen.push(await page.evaluate(() => document.activeElement?.id ?? ''));
    }
    expect(seen).toContain('fw-change');
    expect(seen).toContain('rate');
    // The focused button shows it: an outline or a focus ring, not only a colour change.
    const ring = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const cs = getComputedStyle(el);
      return { outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 1, shadow: cs.boxShadow !== 'none' };
    });
    expect(ring.outline || ring.shadow).toBe(true);
    const unfocused = await page.evaluate(() => {
      const cs = getComputedStyle(document.getElementById('clear') as HTMLElement);
      return (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 1) || cs.boxShadow !== 'none';
    });
    expect(unfocused).toBe(false);
    await page.focus('#fw-change');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.isVisible('#fw-picker')).toBe(true);
    expect(await page.getAttribute('#fw-change', 'aria-expanded')).toBe('true');
    expect(await page.locator('#framework input[type=radio]').count()).toBe(6);
    await page.keyboard.press('Enter');
    await page.click('#fw-change');
    await expect.poll(() => page.isHidden('#fw-picker')).toBe(true);
  });

  it('rates the sheet: the same workbook as the adapter alone, and the chart counts core’s', async () => {
    await page.click('#rate');
    await page.waitForSelector('#summary:not([hidden])');
    expect(await page.textContent('#message')).toContain('Rated 40 schools');
    expect(await page.getAttribute('#progressbar', 'value')).toBe('100');

    const plan = await corePlan();
    const chart = await page.$$eval('#chart li', (lis) => lis.map((li) => ({ code: li.getAttribute('data-code'), count: li.querySelector('.count')?.textContent })));
    expect(chart).toEqual([
      ...plan.summary.byCategory.map((c) => ({ code: c.code, count: String(c.count) })),
      { code: '', count: String(plan.summary.insufficientData) },
    ]);
    expect(plan.summary.byCategory.reduce((n, c) => n + c.count, 0) + plan.summary.insufficientData).toBe(40);

    const reference = createFakeExcel(workbook);
    const r = await reference.run((ctx) => rateSheet(ctx as unknown as ExcelContext, { today: today() }));
    expect(r.ok).toBe(true);
    const after = await snapshot();
    expect(after.Schools?.fills).toEqual(reference.snapshot().Schools?.fills);
    expect(after.Schools?.cells).toEqual(reference.snapshot().Schools?.cells);
    expect(after.Schools?.cells[3]?.slice(-2)).toEqual(['Suggested category', 'Why']);
    expect(await page.evaluate(() => (window as unknown as { __fake: FakeExcel }).__fake.sheetNames())).toEqual(['Schools', LEGEND_SHEET]);
  });

  it('lists the schools whose officer’s category differs, each a link that selects its row', async () => {
    const plan = await corePlan();
    const differ = plan.rows.filter((r) => r.officerCategory?.category && r.suggestion.status === 'category' && r.officerCategory.category.code !== r.suggestion.category.code);
    expect(differ.length).toBeGreaterThan(0);
    const items = page.locator('#disagreements li');
    expect(await items.count()).toBe(differ.length);
    const first = differ[0]!;
    const text = (await items.first().textContent()) ?? '';
    expect(text).toContain(first.school);
    expect(text).toContain(`Officer ${first.officerCategory?.category?.code}, suggested ${first.suggestion.status === 'category' ? first.suggestion.category.code : ''}`);
    await items.first().locator('button').click();
    await expect.poll(() => page.textContent('#school-name')).toBe(first.school);
    const selected = await page.evaluate(() =>
      (window as unknown as { Excel: { run: <T>(f: (c: unknown) => Promise<T>) => Promise<T> } }).Excel.run(async (ctx) => {
        const range = (ctx as { workbook: { getSelectedRange(): { load(p: string): void; address: string } } }).workbook.getSelectedRange();
        range.load('address');
        await (ctx as { sync(): Promise<void> }).sync();
        return range.address;
      }),
    );
    expect(selected).toMatch(new RegExp(`^Schools!A${first.sheetRow}:[A-Z]+${first.sheetRow}$`));
  });

  it('explains the selected school with one read per selection change, and writes nothing', async () => {
    const plan = await corePlan();
    const row = plan.rows.find((r) => r.sheetRow === 8)!;
    const before = await snapshot();
    const atSelect = await selectCell('C8');
    await expect.poll(() => page.textContent('#school-name')).toBe(row.school);
    expect((await syncs()) - atSelect).toBe(1);
    const suggested = row.suggestion.status === 'category' ? `${row.suggestion.category.code} — ${row.suggestion.category.label}` : 'Insufficient data';
    expect(await page.textContent('#school-suggested')).toBe(suggested);
    expect(await page.textContent('#school-rule')).toMatch(/\w/);
    const indicators = await page.locator('#school-indicators li').allTextContents();
    expect(indicators).toHaveLength(row.cells.length);
    // Every RAG in words, not only in colour.
    for (const c of row.cells.filter((x) => x.rag)) {
      const word = { G: 'green', A: 'amber', R: 'red' }[c.rag!];
      expect(indicators.some((t) => t.endsWith(word))).toBe(true);
    }
    expect(await page.textContent('#school-better')).toMatch(/^Up: (to reach|To move to|only a new|only the next|.*already the best)/i);
    expect(await page.textContent('#school-worse')).toMatch(/^Down: /);
    expect(await snapshot()).toEqual(before);

    // A burst of selections costs one read, for the last one.
    const burstStart = await selectCell('C9');
    await selectCell('C10');
    const last = await selectCell('C11');
    const eleventh = plan.rows.find((r) => r.sheetRow === 11);
    await expect.poll(() => page.textContent('#school-name')).toBe(eleventh?.school);
    expect((await syncs()) - last).toBe(1);
    expect((await syncs()) - burstStart).toBe(3);

    await selectCell('B4');
    await expect.poll(() => page.textContent('#school-body')).toContain('Row 4 is not a school’s row');
  });

  it('says the thresholds in words', async () => {
    await toggle(page, 'thresholds-item');
    await expect.poll(() => page.isVisible('#threshold-rows')).toBe(true);
    const text = (await page.textContent('#threshold-rows')) ?? '';
    expect(text).toMatch(/Persistent absence\s*Primary: green at or below [\d.]+%, amber up to [\d.]+%, red above\s*Secondary: green at or below/);
    expect(text).toMatch(/Attendance\s*Primary: green at [\d.]+% or above, amber down to [\d.]+%, red below/);
    expect(text).toMatch(/Permanent exclusions\s*Green at or below 0, amber up to 1, red above/);
    expect(text).not.toContain('Green from');
  });

  it('has no serious or critical accessibility violations in the light theme', async () => {
    await toggle(page, 'columns-item');
    expect(await axe(page, 'light, rated, school selected, panels open')).toEqual([]);
  }, 60_000);

  it('is not blank at 320 and 480 px wide', async () => {
    await shot(page, 'taskpane-320.png', 320);
    const wide = await open({ width: 480 });
    await wide.click('#rate');
    await wide.waitForSelector('#summary:not([hidden])');
    await selectCell('C8', wide);
    await wide.waitForSelector('#school-name');
    await shot(wide, 'taskpane-480.png', 480);
    await wide.close();
  }, 60_000);

  it('clears the marks: everything is back as it was', async () => {
    const original = createFakeExcel(workbook).snapshot();
    await page.click('#clear');
    await expect.poll(() => page.textContent('#message')).toContain('Cleared Waymark marks');
    const after = await snapshot();
    expect(after.Schools?.fills).toEqual(original.Schools?.fills);
    expect(after.Schools?.cells).toEqual(original.Schools?.cells);
    expect(await page.evaluate(() => (window as unknown as { __fake: FakeExcel }).__fake.sheetNames())).toEqual(['Schools']);
    expect(await page.isHidden('#summary')).toBe(true);
  });

  it('follows Office’s dark theme, legibly', async () => {
    const dark = await open({ theme: DARK });
    expect(await dark.getAttribute('html', 'data-theme')).toBe('dark');
    const bg = await dark.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = (bg.match(/\d+/g) ?? []).map(Number);
    expect((r ?? 255) + (g ?? 255) + (b ?? 255)).toBeLessThan(200);
    await dark.click('#rate');
    await dark.waitForSelector('#summary:not([hidden])');
    await selectCell('C8', dark);
    await dark.waitForSelector('#school-name');
    await toggle(dark, 'columns-item');
    await toggle(dark, 'thresholds-item');
    expect(await axe(dark, 'dark, rated, school selected, panels open')).toEqual([]);
    await shot(dark, 'taskpane-320-dark.png', 320);
    await dark.close();
  }, 60_000);

  it('keeps the choices in the workbook and reports no page errors', async () => {
    await page.selectOption('select[data-letter="AA"]', 'ignore');
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __fake: FakeExcel }).__fake.settings()['waymark.config']))
      .toMatchObject({ columns: { AA: 'ignore' } });
    expect(pageErrors).toEqual([]);
  });
});
