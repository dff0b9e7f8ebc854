/**
 * Browser test of the lab page: the built app (vite preview) in Debian's Chromium, training on
 * the wasm and the WebGPU (SwiftShader here) backends, read back through the charts' data-* hooks.
 * Run with `npx vite build && npx vitest run --project e2e`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SCREENSHOT = resolve(ROOT, 'test-results/lab.png');
const WAIT_MS = 90_000;

interface SeriesInfo {
  run: string;
  key: string;
  points: number;
}

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

async function series(chartId: string): Promise<SeriesInfo[]> {
  const raw = await page.getByTestId(`chart-${chartId}`).getAttribute('data-series');
  return JSON.parse(raw ?? '[]') as SeriesInfo[];
}

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
    args: [
      '--headless=new',
      '--no-sandbox',
      '--enable-unsafe-webgpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
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

describe('PG Lab in Chromium', () => {
  it('(d) shows a field error and disables Start for an invalid value', async () => {
    await page.getByTestId('preset-select').selectOption('cartpole-ppo');
    const start = page.getByTestId('start-button');
    await expect.poll(() => start.isEnabled()).toBe(true);

    const clip = 'stages.surrogate.params.clipRatioLow';
    await page.getByTestId(`field-${clip}`).fill('-1');
    await page.getByTestId(`error-${clip}`).waitFor();
    expect(await page.getByTestId(`error-${clip}`).textContent()).toMatch(/>=\s*0|too small/i);
    expect(await start.isDisabled()).toBe(true);
    await page.getByTestId(`field-${clip}`).fill('0.2');
    await page.getByTestId(`error-${clip}`).waitFor({ state: 'detached' });
    expect(await start.isEnabled()).toBe(true);

    const lr = 'stages.update.params.lr';
    await page.getByTestId(`field-${lr}`).fill('abc');
    await page.getByTestId(`error-${lr}`).waitFor();
    expect(await page.getByTestId(`error-${lr}`).textContent()).toContain('expected number');
    expect(await start.isDisabled()).toBe(true);
    // Loading the preset again restores every field.
    await page.getByTestId('preset-select').selectOption('cartpole-reinforce');
    await page.getByTestId('preset-select').selectOption('cartpole-ppo');
    expect(await page.getByTestId(`field-${lr}`).inputValue()).toBe('0.001');
    expect(await start.isEnabled()).toBe(true);
  });

  it('(a) trains PPO on wasm and draws return and entropy curves', async () => {
    await page.getByTestId('field-backend').selectOption('wasm');
    const run = await startRun();
    await waitForPoints('episode/return_mean', run, 3);
    await waitForPoints('policy/entropy', run, 3);
    expect(await card(run).getAttribute('data-backend')).toBe('wasm');
    expect(await page.getByTestId('chart-episode/return_mean').getAttribute('data-finite')).toBe('true');
    expect(await page.getByTestId('chart-policy/entropy').getAttribute('data-finite')).toBe('true');
  });

  it('(b) overlays a second run (seed 2) on the return chart', async () => {
    await page.getByTestId('field-seed').fill('2');
    const run = await startRun();
    await waitForPoints('episode/return_mean', run, 3);
    const drawn = (await series('episode/return_mean')).filter((s) => s.points > 0);
    expect(drawn.map((s) => s.run).sort()).toHaveLength(2);
    expect(await card(run).textContent()).toContain('seed 2');
  });

  it('(e) saves a screenshot of the lab with two runs', async () => {
    const runs = (await series('episode/return_mean')).map((s) => s.run);
    for (const r of runs) await waitForPoints('episode/return_mean', r, 10);
    await page.getByTestId('cartpole-canvas').waitFor();
    await page.getByTestId(`formula-toggle-surrogate-ppo-clip`).click();
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    expect(await page.getByTestId('run-card').count()).toBe(2);
  });

  it('pauses every run, then steps each by exactly one update', async () => {
    const runs = await page.getByTestId('run-card').evaluateAll((els) => els.map((e) => e.getAttribute('data-run') ?? ''));
    await page.getByTestId('pause-button').click();
    for (const r of runs) await page.waitForSelector(`[data-testid="run-card"][data-run="${r}"][data-status="paused"]`);
    const before = await Promise.all(runs.map(async (r) => Number(await card(r).getAttribute('data-step'))));
    await page.getByTestId('step-button').click();
    for (const [i, r] of runs.entries()) {
      await page.waitForSelector(`[data-testid="run-card"][data-run="${r}"][data-status="paused"][data-step="${before[i] + 1}"]`);
    }
    await page.getByTestId('resume-button').click();
    for (const r of runs) await page.waitForSelector(`[data-testid="run-card"][data-run="${r}"][data-status="running"]`);
  });

  it('(c) trains the bandit on WebGPU with finite metrics', async () => {
    await page.getByTestId('reset-button').click();
    await expect.poll(() => page.getByTestId('run-card').count()).toBe(0);

    await page.getByTestId('preset-select').selectOption('bandit-reinforce');
    await page.getByTestId('field-backend').selectOption('webgpu');
    await page.getByTestId('field-schedule.updates').fill('5');
    const run = await startRun();
    await page.waitForSelector(`[data-testid="run-card"][data-run="${run}"][data-status="done"], [data-testid="run-card"][data-run="${run}"][data-status="failed"]`, {
      timeout: WAIT_MS,
    });
    expect(await card(run).getAttribute('data-status'), (await card(run).textContent()) ?? '').toBe('done');
    expect(await card(run).getAttribute('data-backend')).toBe('webgpu');
    await waitForPoints('policy/entropy', run, 3);
    for (const id of ['policy/entropy', 'episode/return_mean', 'adv', 'grad/norm']) {
      expect(await page.getByTestId(`chart-${id}`).getAttribute('data-finite'), id).toBe('true');
    }
    await page.getByTestId('bandit-bars').waitFor();
    expect(pageErrors).toEqual([]);
  });
});
