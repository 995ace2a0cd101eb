// End to end: `npm start` starts the bot and the Microsoft 365 Agents Playground on the example
// workbook; headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core) chats
// with the bot and reads the rendered Adaptive Card.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePng } from './addin-png.js';

/** Screenshots of each answer, for a person to look at (kept under the test's data folder unless WAYMARK_E2E_SHOTS names one). */
const SHOTS = process.env.WAYMARK_E2E_SHOTS;

/** True when a screenshot shows more than one flat colour over a fair part of it. */
function notBlank(png: Buffer): boolean {
  const { width, height, rgba } = decodePng(png);
  const counts = new Map<number, number>();
  for (let i = 0; i < width * height * 4; i += 16) {
    const key = (rgba[i]! << 16) | (rgba[i + 1]! << 8) | rgba[i + 2]!;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const top = Math.max(...counts.values());
  return counts.size > 20 && top / total < 0.95;
}

/** WCAG contrast of a rendered element's text against the first opaque background behind it. */
async function contrastOf(el: Locator): Promise<number> {
  return el.evaluate((node) => {
    const parse = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    const fg = parse(getComputedStyle(node).color);
    let bg = [255, 255, 255];
    for (let n: Element | null = node; n; n = n.parentElement) {
      const c = parse(getComputedStyle(n).backgroundColor);
      if (c.length >= 3 && (c.length === 3 || c[3]! > 0.5)) {
        bg = c.slice(0, 3);
        break;
      }
    }
    const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
    return (a! + 0.05) / (b! + 0.05);
  });
}

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`${CHROMIUM} not found: skipping the Agents Playground end-to-end test (apt-get install chromium)`);

describe.skipIf(!haveChromium)('npm start in the Agents Playground', () => {
  let chat: ChildProcess;
  let output = '';
  let playgroundUrl: string;
  let dataDir: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'waymark-e2e-'));
    // Its own process group, so the test can press "Ctrl-C" on the whole of `npm start`.
    chat = spawn('npm', ['start', '--silent'], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PORT: '0', WAYMARK_PLAYGROUND_PORT: '0', WAYMARK_DATA_DIR: dataDir },
    });
    chat.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    chat.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    playgroundUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start did not start in time:\n${output}`)), 150_000);
      const check = () => {
        const m = /Agents Playground:\s+(http:\/\/localhost:\d+)/.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      };
      chat.stdout!.on('data', check);
      chat.once('exit', (code) => reject(new Error(`npm start exited (${code}):\n${output}`)));
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage();
  }, 200_000);

  afterAll(async () => {
    await browser?.close();
    const running = () => chat?.pid !== undefined && chat.exitCode === null && chat.signalCode === null;
    if (running()) {
      const exited = new Promise((r) => chat.once('exit', r));
      process.kill(-chat.pid!, 'SIGINT');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (running()) process.kill(-chat.pid!, 'SIGKILL');
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('prints both addresses and the all-interfaces warning', () => {
    expect(output).toMatch(/Waymark bot:\s+http:\/\/127\.0\.0\.1:\d+\/api\/messages \(local mode\)/);
    expect(output).toMatch(/Workbook:\s+examples\/reading\.xlsx \(36 schools\)/);
    expect(output).toContain('listens on ALL network interfaces');
  });

  it('loads the page and answers "help" in the personal chat', async () => {
    const started = performance.now();
    await page.goto(playgroundUrl, { waitUntil: 'load' });
    const box = page.locator('[data-lexical-editor="true"]');
    await box.click();
    await page.keyboard.type('help');
    await page.keyboard.press('Enter');
    await page.getByText("I'm Waymark.").first().waitFor({ timeout: 15_000 });
    // The card's buttons may render a moment after its first words: wait for them (fails if never).
    await page.getByText('category of 101234').first().waitFor({ state: 'visible', timeout: 15_000 });
    console.log(`playground: page load + help reply in ${Math.round(performance.now() - started)} ms`);
  }, 30_000);

  it("answers a category question in the personal chat with a rendered card", async () => {
    const started = performance.now();
    const box = page.locator('[data-lexical-editor="true"]');
    await box.click();
    await page.keyboard.type("what is Oakfield Primary School's category?");
    await page.keyboard.press('Enter');
    // The Adaptive Card as the page renders it (the adaptivecards renderer's own classes).
    const card = page.locator('.ac-adaptiveCard').filter({ hasText: 'Oakfield Primary School (URN 101234)' }).last();
    await card.waitFor({ timeout: 15_000 });
    const category = card.getByText('G — Strengthening Good Schools', { exact: true });
    expect(await category.count()).toBeGreaterThan(0);
    expect(await card.getByText('A. Patel').count()).toBeGreaterThan(0);
    expect(await card.getByText(/^\d{1,2} [A-Z][a-z]+ \d{4}$/).count()).toBeGreaterThan(0);
    console.log(`playground: category question answered and rendered in ${Math.round(performance.now() - started)} ms`);
  }, 30_000);

  /** Types a question in the current chat and waits for a card containing `expect`. */
  async function askAndSee(question: string, expectText: string): Promise<Locator> {
    const box = page.locator('[data-lexical-editor="true"]').first();
    await box.click();
    await page.keyboard.type(question);
    await page.keyboard.press('Enter');
    const card = page.locator('.ac-adaptiveCard').filter({ hasText: expectText }).last();
    await card.waitFor({ timeout: 20_000 });
    return card;
  }

  async function shoot(name: string): Promise<void> {
    const png = await page.screenshot({ fullPage: false });
    expect(notBlank(png), `${name} screenshot is blank`).toBe(true);
    const dir = SHOTS ?? join(dataDir, 'screenshots');
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}.png`), png);
  }

  it('shows help as a card (not Markdown), one message, with its examples as buttons', async () => {
    const card = page.locator('.ac-adaptiveCard').filter({ hasText: 'What I can do' }).first();
    expect(await card.count()).toBe(1);
    expect(await page.getByText('**I').count()).toBe(0);
    expect(await card.getByRole('button', { name: 'summary' }).count()).toBe(1);
    // Later answers are below it: bring the help card itself into view for the screenshot.
    await card.scrollIntoViewIfNeeded();
    await shoot('help');
  }, 30_000);

  it('draws the RAG words readably (WCAG AA) on the category card', async () => {
    const card = page.locator('.ac-adaptiveCard').filter({ hasText: 'Oakfield Primary School (URN 101234)' }).last();
    for (const word of ['Green', 'Amber', 'Red']) {
      const el = card.getByText(word, { exact: true }).first();
      if ((await el.count()) === 0) continue;
      const ratio = await contrastOf(el);
      console.log(`playground: "${word}" contrast ${ratio.toFixed(2)}:1`);
      expect(ratio).toBeGreaterThanOrEqual(4.5);
    }
    expect(await card.getByText('Amber', { exact: true }).count()).toBeGreaterThan(0);
    await shoot('category');
  }, 30_000);

  it('answers a disambiguation button click (no "Cannot add property msTeams")', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const choose = await askAndSee('category of st marys', 'Which school did you mean by "st marys"?');
    await choose.getByRole('button', { name: "St Mary's CE Primary (URN 110053)" }).click();
    await page.locator('.ac-adaptiveCard').filter({ hasText: "St Mary's CE Primary (URN 110053)" }).filter({ hasText: 'Indicators' }).last().waitFor({ timeout: 20_000 });
    expect(errors.filter((e) => /msTeams/.test(e))).toEqual([]);
    await shoot('disambiguation');
  }, 45_000);

  it('answers "why" as a follow-up about the last school, with the deciding rule', async () => {
    const card = await askAndSee('why is it in that category?', "Why St Mary's CE Primary (URN 110053)");
    expect(await card.getByText(/says: "/).count()).toBeGreaterThan(0);
    await shoot('why');
  }, 45_000);

  it('answers "what would move it up?" from a card button', async () => {
    const card = page.locator('.ac-adaptiveCard').filter({ hasText: "Why St Mary's CE Primary (URN 110053)" }).last();
    await card.getByRole('button', { name: 'What would move it up?' }).click();
    const moved = page.locator('.ac-adaptiveCard').filter({ hasText: "What would move St Mary's CE Primary (URN 110053)" }).last();
    await moved.waitFor({ timeout: 20_000 });
    expect(await moved.getByText(/to reach [A-Z]: |it would fall to [A-Z]|only a new .* can lift|already the best/).count()).toBeGreaterThan(0);
    await shoot('move');
  }, 45_000);

  it('answers the summary', async () => {
    const card = await askAndSee('how are we doing?', 'Team summary');
    expect(await card.getByText(/Categories \(36 schools\)/).count()).toBeGreaterThan(0);
    await shoot('summary');
  }, 45_000);

  it('answers an @mention in the General channel, and ignores a post without one', async () => {
    await page.getByText('General', { exact: true }).click();
    const box = page.locator('[data-lexical-editor="true"]').first();
    await box.click();
    await page.keyboard.type('@');
    await page.getByRole('menuitem').filter({ hasText: 'Test Bot' }).first().click();
    await page.keyboard.type(' help');
    await page.keyboard.press('Enter');
    // The reply's example line (the log panel truncates replies well before it).
    const reply = page.getByText('category of 101234');
    await reply.first().waitFor({ timeout: 15_000 });
    expect(await page.getByText('Invalid message').count()).toBe(0);
    const shown = await reply.count();
    const answered = () => output.split('\n').filter((l) => l.includes('"msg":"answered"') && l.includes('"conversationType":"channel"')).length;
    // The page can show the reply a moment before the bot logs that it was delivered.
    await expect.poll(answered, { timeout: 5_000 }).toBe(1);

    await page.locator('[data-lexical-editor="true"]').first().click();
    await page.keyboard.type('help (no mention)');
    await page.keyboard.press('Enter');
    await page.getByText('help (no mention)').first().waitFor({ timeout: 5_000 });
    await page.waitForTimeout(1_500);
    expect(await reply.count()).toBe(shown);
    expect(answered()).toBe(1);
  }, 40_000);

  it('stops the bot and the playground on Ctrl-C and releases the data lock', async () => {
    const exited = new Promise<string>((r) => chat.once('exit', (code, signal) => r(`${code ?? signal}`)));
    process.kill(-chat.pid!, 'SIGINT');
    // npm re-raises the signal its script received; the bot itself exits 0 after closing.
    expect(['0', 'SIGINT', '130']).toContain(await exited);
    expect(output).toContain('"msg":"stopping"');
    expect(existsSync(join(dataDir, 'waymark.lock'))).toBe(false);
    expect(existsSync(join(dataDir, 'playground', 'devTools'))).toBe(true);
    const res = await fetch(playgroundUrl).catch(() => undefined);
    expect(res).toBeUndefined();
  }, 20_000);
});
