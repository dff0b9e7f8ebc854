/**
 * What every browser test of the lab needs: the built app served by `vite preview` on a free
 * port, Debian's Chromium driven by playwright-core, and readers for the page's data-* hooks.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const WAIT_MS = 90_000;
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--enable-unsafe-webgpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface SeriesInfo {
  run: string;
  key: string;
  points: number;
}

export interface Lab {
  baseUrl: string;
  browser: Browser;
  page: Page;
  pageErrors: string[];
  consoleErrors: string[];
  close(): Promise<void>;
}

export function freePort(): Promise<number> {
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

export async function waitForServer(url: string, ms: number): Promise<void> {
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

/** Serves dist/ (build first) and opens `path` of it in a fresh Chromium page. */
export async function openLab(path = '', viewport = { width: 1600, height: 1000 }): Promise<Lab> {
  const port = await freePort();
  const baseUrl = `http://localhost:${port}/`;
  const server: ChildProcess = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], {
    cwd: ROOT,
    stdio: 'ignore',
    detached: true, // its own process group, so close() ends npx and vite together
  });
  const stopServer = () => {
    if (!server.pid) return;
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  try {
    await waitForServer(baseUrl, 60_000);
  } catch (e) {
    stopServer();
    throw e;
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport });
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  await page.goto(baseUrl + path);
  return {
    baseUrl,
    browser,
    page,
    pageErrors,
    consoleErrors,
    async close() {
      if (consoleErrors.length) console.log('browser console errors:\n' + consoleErrors.join('\n'));
      await browser.close();
      stopServer();
    },
  };
}

export const card = (page: Page, runId: string) => page.locator(`[data-testid="run-card"][data-run="${runId}"]`);

export async function series(page: Page, chartId: string): Promise<SeriesInfo[]> {
  const raw = await page.getByTestId(`chart-${chartId}`).getAttribute('data-series');
  return JSON.parse(raw ?? '[]') as SeriesInfo[];
}

/**
 * Waits until `run` has at least `min` points drawn in the chart; fails at once, with the run
 * card's error text, if the run fails meanwhile.
 */
export async function waitForPoints(page: Page, chartId: string, run: string, min: number): Promise<void> {
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
  if ((await card(page, run).getAttribute('data-status')) === 'failed') {
    throw new Error(`run ${run} failed: ${await card(page, run).textContent()}`);
  }
}

/** Presses Start and returns the new run's id. */
export async function startRun(page: Page): Promise<string> {
  const before = await page.getByTestId('run-card').count();
  await page.getByTestId('start-button').click();
  const added = page.getByTestId('run-card').nth(before);
  await added.waitFor();
  return (await added.getAttribute('data-run')) ?? '';
}

/** Opens the lab before a test file's tests (once Start is on the page) and closes it after. */
export function labForThisFile(onReady: (lab: Lab) => void): void {
  let lab: Lab | undefined;
  beforeAll(async () => {
    lab = await openLab();
    await lab.page.getByTestId('start-button').waitFor();
    onReady(lab);
  });
  afterAll(async () => {
    await lab?.close();
  });
}
