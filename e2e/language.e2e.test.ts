/**
 * Browser test of a language run: GRPO on "reverse" (a tiny transformer from its base checkpoint,
 * public/models/reverse.json) on wasm, with the held-out pass@1 chart and the rollout inspector.
 * Run with `npx vite build && npx vitest run --project e2e e2e/language.e2e.test.ts`.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT, WAIT_MS, card as cardOf, labForThisFile, startRun as start, waitForPoints as waitFor, type Lab } from './lab-harness';

const SCREENSHOT = resolve(ROOT, 'test-results/language.png');

let lab: Lab;
let page: Page;

const card = (runId: string) => cardOf(page, runId);
const waitForPoints = (chartId: string, run: string, min: number) => waitFor(page, chartId, run, min);
const startRun = () => start(page);

labForThisFile((l) => {
  lab = l;
  page = l.page;
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

    expect(lab.pageErrors).toEqual([]);
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
    expect(lab.pageErrors).toEqual([]);
  });
});
