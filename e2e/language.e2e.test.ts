/**
 * Browser test of a language run: GRPO on "reverse" (a tiny transformer from its base checkpoint,
 * public/models/reverse.json) on wasm, with the held-out pass@1 chart and the rollout inspector.
 * Run with `npx vite build && npx vitest run --project e2e e2e/language.e2e.test.ts`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SCREENSHOT = resolve(ROOT, 'test-results/language.png');
const WAIT_MS = 90_000;

let server: ChildProcess | undefined;
let browser: Browser | undefined;
let page: Page;
let baseUrl = '';
const pageErrors: string[] = [];
const consoleErrors: string[] = [];

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => ok(port));
    });
  });
}

async function waitForServer(url: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`vite preview did not answer at ${url}`);
}

const card = (runId: string) => page.locator(`[data-testid="run-card"][data-run="${runId}"]`);

/**
 * Waits until `run` has at least `min` points drawn in the chart; fails at once, with the run
 * card's error text, if the run fails meanwhile.
 */
async function waitForPoints(chartId: string, run: string, min: number): Promise<void> {
  await page.waitForFunction(
    ([id, r, n]) => {
      const runCard = document.querySelector(`[data-testid="run-card"][data-run="${r}"]`);
      if (runCard?.getAttribute('data-status') === 'failed') return true;
      const el = document.querySelector(`[data-testid="chart-${id}"]`);
      const s = JSON.parse(el?.getAttribute('data-series') ?? '[]') as { run: string; points: number }[];
      return s.some((x) => x.run === r && x.points >= n);
    },
    [chartId, run, min] as const,
    { timeout: WAIT_MS, polling: 250 },
  );
  if ((await card(run).getAttribute('data-status')) === 'failed') {
    throw new Error(`run ${run} failed: ${await card(run).textContent()}`);
  }
}

async function startRun(): Promise<string> {
  const before = await page.getByTestId('run-card').count();
  await page.getByTestId('start-button').click();
  const added = page.getByTestId('run-card').nth(before);
  await added.waitFor();
  return (await added.getAttribute('data-run')) ?? '';
}

beforeAll(async () => {
  const port = await freePort();
  baseUrl = `http://localhost:${port}/`;
  server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], {
    cwd: ROOT,
    stdio: 'ignore',
    detached: true, // its own process group, so afterAll can end npx and vite together
  });
  await waitForServer(baseUrl, 60_000);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  await page.goto(baseUrl);
  await page.getByTestId('start-button').waitFor();
});

afterAll(async () => {
  if (consoleErrors.length) console.log('browser console errors:\n' + consoleErrors.join('\n'));
  await browser?.close();
  if (server?.pid) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
});

describe('a language run in Chromium', () => {
  let run = '';

  it('trains GRPO on reverse (wasm) and draws held-out pass@1', async () => {
    await page.getByTestId('preset-select').selectOption('lm-reverse-grpo');
    await page.getByTestId('field-backend').selectOption('wasm');
    await page.getByTestId('field-schedule.updates').fill('6');
    await page.getByTestId('field-schedule.evalEvery').fill('2');
    // A smaller held-out set keeps each evaluation short on a slow machine.
    await page.getByTestId('field-schedule.evalK').fill('4');
    await page.getByTestId('field-schedule.evalSamples').fill('4');
    await page.getByTestId('field-schedule.evalPrompts').fill('8');
    const start = page.getByTestId('start-button');
    await expect.poll(() => start.isEnabled()).toBe(true);
    run = await startRun();
    await waitForPoints('eval', run, 1);
    expect(await card(run).getAttribute('data-backend')).toBe('wasm');
    expect(await page.getByTestId('chart-eval').getAttribute('data-finite')).toBe('true');
  });

  it('shows the rollout inspector instead of the CartPole view', async () => {
    const inspector = page.getByTestId('rollout-inspector');
    await inspector.waitFor({ timeout: WAIT_MS });
    await expect.poll(() => page.getByTestId('inspector-completion').count(), { timeout: WAIT_MS }).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId('cartpole-canvas').count()).toBe(0);
    // Every completion row has tokens; a reverse completion ends with <eos> unless it was cut off.
    const rows = page.getByTestId('inspector-completion');
    for (let i = 0; i < (await rows.count()); i++) {
      expect(await rows.nth(i).getByTestId('inspector-token').count()).toBeGreaterThan(0);
    }
    expect(await page.locator('[data-testid="inspector-token"][data-label="<eos>"]').count()).toBeGreaterThan(0);
    const prompt = await page.getByTestId('inspector-prompt').locator('[data-label]').evaluateAll((els) => els.map((e) => e.getAttribute('data-label')).join(''));
    expect(prompt).toMatch(/^<bos>[a-z]+\?<sep>$/);
  });

  it('switches the colour mode to entropy and shows a token tooltip with 5 alternatives', async () => {
    const token = page.getByTestId('inspector-token').first();
    const advantageColour = await token.evaluate((el) => getComputedStyle(el).backgroundColor);
    await page.getByTestId('inspector-mode-entropy').click();
    expect(await page.getByTestId('rollout-inspector').getAttribute('data-mode')).toBe('entropy');
    expect(await page.getByTestId('inspector-mode-entropy').getAttribute('aria-pressed')).toBe('true');
    const entropyColour = await token.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(entropyColour).not.toBe(advantageColour);

    const box = await token.boundingBox();
    await token.hover();
    const tooltip = page.getByTestId('inspector-tooltip');
    await tooltip.waitFor();
    expect(await tooltip.getByTestId('inspector-alternative').count()).toBe(5);
    expect(await tooltip.textContent()).toMatch(/probability[\s\S]*entropy[\s\S]*advantage/);
    // Hovering moves nothing.
    expect(await token.boundingBox()).toEqual(box);

    // Leaving hides it; keyboard focus shows it again.
    await page.mouse.move(5, 5);
    await tooltip.waitFor({ state: 'detached' });
    await token.focus();
    await tooltip.waitFor();
    await token.blur();
    await tooltip.waitFor({ state: 'detached' });

    expect(pageErrors).toEqual([]);
  });

  it('finishes its 6 updates and saves a screenshot of the inspector with a tooltip open', async () => {
    await page.waitForSelector(`[data-testid="run-card"][data-run="${run}"]:is([data-status="done"], [data-status="failed"])`, { timeout: WAIT_MS });
    expect(await card(run).getAttribute('data-status'), (await card(run).textContent()) ?? '').toBe('done');
    // Held-out evaluations at updates 1, 2, 4 and 6.
    await waitForPoints('eval', run, 4);
    for (const id of ['eval', 'reward/mean', 'policy/entropy', 'kl', 'grad/norm']) {
      expect(await page.getByTestId(`chart-${id}`).getAttribute('data-finite'), id).toBe('true');
    }
    expect(await page.getByTestId('rollout-inspector').textContent()).toMatch(/Update \d+ · \d+ completions of one prompt/);

    await page.getByTestId('inspector-token').nth(2).hover();
    await page.getByTestId('inspector-tooltip').waitFor();
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    expect(pageErrors).toEqual([]);
  });
});
