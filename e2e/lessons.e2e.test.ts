/**
 * Browser test of the lessons gallery: open it, open the "prefix-grouper" lesson (two language
 * runs on "count", on wasm) and watch its claim chart (time/update_s) fill for both runs.
 * Run with `npx vite build && npx vitest run --project e2e e2e/lessons.e2e.test.ts`.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../src/experiments/lessons/lessons';
import { ROOT, WAIT_MS, card, labForThisFile, series, waitForPoints, type Lab } from './lab-harness';

const SCREENSHOT = resolve(ROOT, 'test-results/lessons.png');
const LESSON = LESSONS.find((l) => l.id === 'prefix-grouper');

let lab: Lab;
let page: Page;

labForThisFile((l) => {
  lab = l;
  page = l.page;
});

describe('the lessons gallery', () => {
  let runs: string[] = [];

  it('lists every lesson as a card', async () => {
    await page.getByTestId('lessons-button').click();
    await page.getByTestId('lesson-gallery').waitFor();
    const ids = await page.getByTestId('lesson-card').evaluateAll((els) => els.map((e) => e.getAttribute('data-lesson')));
    expect(ids.length).toBeGreaterThanOrEqual(4);
    expect(ids).toEqual(LESSONS.map((l) => l.id));
    const card = page.locator('[data-testid="lesson-card"][data-lesson="prefix-grouper"]');
    const text = (await card.textContent()) ?? '';
    expect(text).toContain(LESSON?.title);
    expect(text).toContain(`${LESSON?.paper.short} · ${LESSON?.paper.year}`);
    expect(await card.getByTestId('lesson-kind').textContent()).toMatch(/^(mechanism|what this scale shows)$/);
    // Escape closes the gallery; the button opens it again.
    await page.keyboard.press('Escape');
    await page.getByTestId('lesson-gallery').waitFor({ state: 'detached' });
  });

  it('opens prefix-grouper on wasm: a banner with the formula and its two runs, labelled', async () => {
    await page.getByTestId('field-backend').selectOption('wasm');
    await page.getByTestId('lessons-button').click();
    await page.locator('[data-testid="lesson-card"][data-lesson="prefix-grouper"]').getByTestId('open-lesson').click();
    await page.getByTestId('lesson-gallery').waitFor({ state: 'detached' });

    const banner = page.getByTestId('lesson-banner');
    await banner.waitFor();
    expect(await banner.getAttribute('data-lesson')).toBe('prefix-grouper');
    expect(await banner.locator('.katex').count()).toBeGreaterThan(0);
    expect(await banner.locator('.katex-error').count()).toBe(0);
    const text = (await banner.textContent()) ?? '';
    expect(text).toContain(LESSON?.title);
    expect(text).toContain(`Watch: ${LESSON?.watch}`);
    expect(text).toContain(LESSON?.claim.text);
    expect(await banner.getByTestId('lesson-paper').getAttribute('href')).toBe(LESSON?.paper.url);

    const cards = page.getByTestId('run-card');
    await expect.poll(() => cards.count()).toBe(2);
    runs = await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-run') ?? ''));
    const labels = await page.locator('[data-testid="run-card"] .run-label').allTextContents();
    expect(labels).toEqual(LESSON?.runs.map((r) => r.label));
  });

  it('marks the claim chart (time/update_s, added for the lesson) and fills it for both runs', async () => {
    const chart = page.getByTestId('chart-time/update_s');
    await chart.waitFor();
    expect(await chart.getAttribute('data-claim')).toBe('true');
    expect(await chart.getByTestId('claim-tag').count()).toBe(1);
    for (const r of runs) await waitForPoints(page, 'time/update_s', r, 1);
    for (const r of runs) await waitForPoints(page, 'time/update_s', r, 2);
    const drawn = (await series(page, 'time/update_s')).filter((s) => s.points >= 2).map((s) => s.run);
    expect(drawn.sort()).toEqual([...runs].sort());
    expect(await chart.getAttribute('data-finite')).toBe('true');
    for (const r of runs) expect(await card(page, r).getAttribute('data-backend')).toBe('wasm');

    // No tooltip from where the pointer last clicked.
    await page.mouse.move(1, 1);
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
  });

  it('closes the banner (the runs stay), then the reset button stops the runs', async () => {
    await page.getByTestId('lesson-close').click();
    await page.getByTestId('lesson-banner').waitFor({ state: 'detached' });
    await page.getByTestId('chart-time/update_s').waitFor({ state: 'detached' });
    expect(await page.getByTestId('run-card').count()).toBe(2);

    await page.getByTestId('reset-button').click();
    await expect.poll(() => page.getByTestId('run-card').count(), { timeout: WAIT_MS }).toBe(0);
    expect(lab.pageErrors).toEqual([]);
  });
});
