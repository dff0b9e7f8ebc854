import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import '../../../backend/register-node';
import { initBackend } from '../../../backend/backend';
import { parseRunConfig, type RunConfig, type RunConfigInput } from '../../../config/schema';
import type { MetricRow } from '../../../metrics/keys';
import { Trainer } from '../../../trainer/trainer';
import { nodeCheckpoints } from '../../../../cli/node-checkpoints';

beforeAll(async () => {
  await initBackend('wasm');
});

/**
 * A small language run from the reverse base checkpoint (so that rewards differ within a prompt
 * and advantages are not all zero) with the given sampler.
 */
function config(sampler: { id: string; params: Record<string, unknown> }, stages: Partial<RunConfigInput['stages']>, updates: number): RunConfig {
  const r = parseRunConfig({
    seed: 3,
    task: { id: 'reverse' },
    policy: { init: 'checkpoint' },
    stages: {
      sample: sampler,
      advantage: { id: 'grpo' },
      surrogate: { id: 'ppo-clip' },
      update: { id: 'adam', params: { lr: 1e-2, epochs: 1, minibatches: 1, normAdvantages: 'none' } },
      ...stages,
    },
    schedule: { updates, evalEvery: 0 },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.config;
}

async function run(cfg: RunConfig): Promise<Record<string, number>[]> {
  const t = await Trainer.create(cfg, { checkpoints: nodeCheckpoints });
  const rows: MetricRow[] = [await t.step()];
  const before = tf.memory().numTensors;
  while (!t.done) rows.push(await t.step());
  expect(tf.memory().numTensors).toBe(before);
  t.dispose();
  return rows as Record<string, number>[];
}

describe('ReMix: remix sampler + kl-convex, 3 updates with T_r = 0.5 (reincarnation after update round(1.5) = 2)', () => {
  it('replays half the groups with their behaviour log-probs, then reincarnates on-policy with a fresh base', async () => {
    const rows = await run(
      config(
        { id: 'remix', params: { prompts: 4, groupSize: 4, replayFrac: 0.5, bufferVersions: 2, reincarnateAt: 0.5 } },
        { regularise: [{ id: 'kl-convex', params: { beta: 0.1, reincarnateAt: 0.5 } }] },
        3,
      ),
    );
    const col = (k: string) => rows.map((r) => r[k]);
    // Update 1: empty buffer; 2: 2 of 4 groups replayed from version 0 (staleness 1, mean over all 0.5); 3: on-policy.
    expect(col('remix/replay_frac')).toEqual([0, 0.5, 0]);
    expect(col('remix/staleness_mean')).toEqual([0, 0.5, 0]);
    // kl/old = mean(logμ − logp) on one epoch: ~0 on fresh data, not on replayed data.
    expect(Math.abs(rows[0]['kl/old'])).toBeLessThan(1e-4);
    expect(Math.abs(rows[1]['kl/old'])).toBeGreaterThan(10 * Math.abs(rows[0]['kl/old']));
    expect(Math.abs(rows[2]['kl/old'])).toBeLessThan(1e-4);
    // The base moved to the policy after update 2: KL to it is 0 again at update 3.
    expect(rows[1]['kl/ref']).toBeGreaterThan(1e-6);
    expect(rows[2]['kl/ref']).toBeLessThan(1e-7);
    // Replayed groups cost no sampled tokens.
    const sampled = rows.map((r, i) => r.tokens - (i ? rows[i - 1].tokens : 0));
    expect(sampled[1]).toBeLessThan(sampled[0]);
    for (const r of rows) for (const k of ['loss/total', 'grad/norm', 'ratio/mean']) expect(Number.isFinite(r[k]), k).toBe(true);
  });
});

describe('A-LoL: alol-offline sampler + alol surrogate, 3 updates', () => {
  for (const mode of ['seq', 'ref-free'] as const) {
    it(`${mode}: samples once, trains on A⁺ > 0 only, weights within [0.1, 1.9]`, async () => {
      const rows = await run(
        config(
          { id: 'alol-offline', params: { poolPrompts: 6, k: 4, batchSize: 6 } },
          {
            advantage: { id: 'reward-to-go' },
            surrogate: { id: 'alol', params: { mode } },
            aggregate: { id: 'seq-mean-token-sum' },
            update: { id: 'adam', params: { lr: 1e-2, epochs: 2, minibatches: 2, normAdvantages: 'none' } },
          },
          3,
        ),
      );
      expect(rows[0].tokens).toBeGreaterThan(0);
      expect(rows.map((r) => r.tokens)).toEqual([rows[0].tokens, rows[0].tokens, rows[0].tokens]);
      for (const r of rows) {
        expect(r['alol/leftover_frac']).toBeGreaterThan(0);
        expect(r['alol/leftover_frac']).toBeLessThan(1);
        expect(r['adv/min']).toBeGreaterThan(0);
        expect(r['alol/ratio_mean']).toBeGreaterThanOrEqual(0.1);
        expect(r['alol/ratio_mean']).toBeLessThanOrEqual(1.9);
        expect(Number.isFinite(r['loss/total'])).toBe(true);
      }
      if (mode === 'ref-free') expect(rows.every((r) => r['alol/ratio_mean'] === 1)).toBe(true);
      else expect(rows[2]['alol/ratio_mean']).not.toBe(1);
    });
  }
});
