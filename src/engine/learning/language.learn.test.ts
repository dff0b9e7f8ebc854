import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runHeadless } from '../../cli/run-headless';
import { parseRunConfig } from '../config/schema';
import { findPreset } from '../../experiments/presets';
import type { MetricRow } from '../metrics/keys';

/**
 * GRPO raises held-out pass@1 by at least 0.15 absolute over the base checkpoint (seed 1, wasm).
 * The base figure is the one the checkpoint's manifest states, measured the same way (64
 * held-out prompts × 16 samples); the run's own first evaluation is also reported.
 */
async function gain(presetId: string, updates: number) {
  const raw = structuredClone(findPreset(presetId)!.config);
  raw.schedule = { ...raw.schedule, updates, evalEvery: updates, evalPrompts: 64, evalSamples: 16, evalK: 16 };
  const parsed = parseRunConfig({ ...raw, backend: 'wasm' });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const task = parsed.config.task.id;
  const base = JSON.parse(readFileSync(new URL(`../../../public/models/${task}.json`, import.meta.url), 'utf8')).eval;
  const t0 = performance.now();
  const { rows } = await runHeadless(parsed.config);
  const evals = rows.filter((r): r is MetricRow & { 'eval/pass@1': number } => r['eval/pass@1'] !== undefined);
  const first = evals[0];
  const last = evals.at(-1)!;
  console.log(
    `${presetId}: base pass@1 ${base.passAt1.toFixed(3)} (manifest), ${first['eval/pass@1'].toFixed(3)} measured by the run before its first update; ` +
      `after ${updates} updates ${last['eval/pass@1'].toFixed(3)}, pass@16 ${last['eval/pass@k']!.toFixed(3)}; ` +
      `${((performance.now() - t0) / 1000).toFixed(0)} s wall`,
  );
  return { base: base.passAt1 as number, first: first['eval/pass@1'], after: last['eval/pass@1'], rows };
}

describe('GRPO-family methods on language tasks (seed 1, wasm, base checkpoints from public/models)', () => {
  it('reverse: held-out pass@1 rises ≥ 0.15 over the base within 25 updates', async () => {
    const r = await gain('lm-reverse-grpo', 25);
    expect(r.after - r.base).toBeGreaterThanOrEqual(0.15);
  });

  it('sort (DAPO): pass@1 rises ≥ 0.15 within 25 updates; no trained group has all-zero advantages', async () => {
    const r = await gain('lm-sort-dapo', 25);
    expect(r.after - r.base).toBeGreaterThanOrEqual(0.15);
    expect(r.rows.map((row) => row['group/zero_adv_frac'])).toEqual(r.rows.map(() => 0));
    expect(Math.max(...r.rows.map((row) => row['select/gen_rounds']!))).toBeGreaterThan(1); // it did draw extra rounds
  });
});
