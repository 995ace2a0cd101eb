/**
 * Issue 8: the pane never saves a framework it only detected, and rates each sheet with that
 * sheet's own detected framework. A workbook with a Southwark sheet (A–D) and a Reading sheet:
 * rate the Southwark one, save a setting (the header row) as an officer would, switch to the
 * Reading sheet and rate it. Through the real pane in Chromium, on the fake Excel.
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG_KEY } from '../../addin/excel/state.js';
import { getFramework } from '../../core/frameworks/index.js';
import type { CellValue } from '../../core/indicators/types.js';
import { worksheetGrid } from '../../workbook/grid.js';
import type { FakeExcel, FakeWorkbookInput } from '../fakes/excel.js';
import { hasChromium, startPaneBrowser, type PaneBrowser } from './pane-browser.js';

if (!hasChromium) console.warn('Skipping the pane framework test: no Chromium at /usr/bin/chromium (apt-get install chromium).');

const nameOf = (id: string): string => {
  const fw = getFramework(id);
  if (!fw.ok) throw new Error(fw.error);
  return fw.value.name;
};
const SOUTHWARK = nameOf('southwark');
const READING = nameOf('reading');

async function gridOf(file: string): Promise<CellValue[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error(`${file}: no sheet`);
  return worksheetGrid(ws);
}

type Fake = { __fake: FakeExcel };
const settings = (page: Page): Promise<Record<string, unknown>> => page.evaluate(() => (window as unknown as Fake).__fake.settings());
const message = (page: Page): Promise<string> => page.evaluate(() => document.getElementById('message')?.textContent ?? '');

async function rate(page: Page): Promise<string> {
  await page.evaluate(() => document.getElementById('message-box')?.replaceChildren());
  await page.click('#rate');
  await expect.poll(() => message(page), { timeout: 30_000 }).toMatch(/^Rated |Rating stopped|rror/);
  return message(page);
}

describe.skipIf(!hasChromium)('the pane rates each sheet with its own detected framework, and never saves one it detected', () => {
  let browser: PaneBrowser;
  let workbook: FakeWorkbookInput;
  beforeAll(async () => {
    browser = await startPaneBrowser();
    workbook = {
      sheets: [
        { name: 'Southwark sheet', cells: await gridOf('examples/southwark.xlsx') },
        { name: 'Reading sheet', cells: await gridOf('examples/reading.xlsx') },
      ],
      activeSheet: 'Southwark sheet',
    };
  }, 90_000);
  afterAll(() => browser?.close());

  it('rate A (Southwark) → no framework saved; select B (Reading) → rate → Reading is used and shown', async () => {
    const page = await browser.open(workbook);
    expect(await page.textContent('#fw-name')).toBe(SOUTHWARK);
    expect(await page.textContent('#fw-origin')).toMatch(/^Detected from the sheet: /);

    expect(await rate(page)).toMatch(new RegExp(`^Rated 36 schools with ${SOUTHWARK}\\.`));
    // An officer then saves a setting (the header row); the detected framework is not saved with it.
    const headerRow = await page.inputValue('#header-row');
    // The column mapping (with the header row) is a closed accordion item: open it as an officer would.
    await page.locator('#columns-item button#control').click();
    await page.fill('#header-row', headerRow);
    await page.dispatchEvent('#header-row', 'change');
    await expect.poll(() => settings(page).then((s) => s[CONFIG_KEY] !== undefined)).toBe(true);
    const saved = (await settings(page))[CONFIG_KEY] as Record<string, unknown>;
    expect(saved).toMatchObject({ headerRow: Number(headerRow) });
    expect(saved).not.toHaveProperty('framework');

    // The officer switches to the Reading sheet in Excel and rates it.
    await page.evaluate(() => (window as unknown as Fake).__fake.run((ctx) => ctx.workbook.worksheets.getItem('Reading sheet').activate()));
    expect(await rate(page)).toMatch(new RegExp(`^Rated 36 schools with ${READING}\\.`));
    expect(await page.textContent('#fw-name')).toBe(READING);
    expect(await page.textContent('#fw-origin')).toMatch(/^Detected from the sheet: /);
    expect((await settings(page))[CONFIG_KEY]).not.toHaveProperty('framework');
    await page.close();
  }, 120_000);
});
