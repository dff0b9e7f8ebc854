/**
 * Browser test of the lab page: the built app (vite preview) in Debian's Chromium, training on
 * the wasm and the WebGPU (SwiftShader here) backends, read back through the charts' data-* hooks.
 * Run with `npx vite build && npx vitest run --project e2e`.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT, WAIT_MS, card as cardOf, labForThisFile, series as seriesOf, startRun as start, waitForPoints as waitFor, type Lab } from './lab-harness';

const SCREENSHOT = resolve(ROOT, 'test-results/lab.png');

let lab: Lab;
let page: Page;

const card = (runId: string) => cardOf(page, runId);
const series = (chartId: string) => seriesOf(page, chartId);
const waitForPoints = (chartId: string, run: string, min: number) => waitFor(page, chartId, run, min);
const startRun = () => start(page);

labForThisFile((l) => {
  lab = l;
  page = l.page;
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

  it('the entropy panel switches an entropy bonus and Clip-Cov into the pipeline, and back', async () => {
    await page.getByTestId('preset-select').selectOption('lm-reverse-grpo');
    const panel = page.getByTestId('entropy-panel');
    const regularisers = () => page.locator('[data-stage="regularise"] .module-label').allTextContents();
    const before = await regularisers();
    await panel.getByTestId('entropy-entropy-bonus').locator('input[type=checkbox]').check();
    expect(await regularisers()).toEqual([...before, 'Entropy bonus']);
    // Its coefficient is editable from the panel and lands in the same config field.
    await page.getByTestId('field-entropy/stages.regularise.1.params.coef').fill('0.02');
    expect(await page.getByTestId('field-stages.regularise.1.params.coef').inputValue()).toBe('0.02');
    await panel.getByTestId('entropy-surrogate').getByLabel('Clip-Cov').check();
    expect(await page.locator('[data-stage="surrogate"] select').first().inputValue()).toBe('clip-cov');
    await panel.getByTestId('entropy-entropy-bonus').locator('input[type=checkbox]').uncheck();
    expect(await regularisers()).toEqual(before);
    expect(await page.getByTestId('start-button').isEnabled()).toBe(true);
    await page.getByTestId('preset-select').selectOption('cartpole-ppo'); // what the next tests train
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
    expect(lab.pageErrors).toEqual([]);
  });
});
