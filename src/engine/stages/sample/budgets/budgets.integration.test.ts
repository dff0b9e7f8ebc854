import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import '../../../backend/register-node';
import { initBackend } from '../../../backend/backend';
import { parseRunConfig, type RunConfig } from '../../../config/schema';
import type { MetricRow } from '../../../metrics/keys';
import { Trainer } from '../../../trainer/trainer';
import { nodeCheckpoints } from '../../../../cli/node-checkpoints';

beforeAll(async () => {
  await initBackend('wasm');
});

/**
 * A small language run with a budgets sampler, from parity's base checkpoint (pass@1 ≈ 0.19), so
 * that prompts have different pass rates from the first update.
 */
function budgetConfig(sampleId: string, params: Record<string, unknown>, opts: { advantage?: string; prefixMode?: 'plain' | 'shared-prefix' } = {}): RunConfig {
  const r = parseRunConfig({
    seed: 3,
    task: { id: 'parity' },
    policy: { init: 'checkpoint', prefixMode: opts.prefixMode ?? 'shared-prefix' },
    stages: {
      sample: { id: sampleId, params },
      advantage: { id: opts.advantage ?? 'grpo' },
      surrogate: { id: 'ppo-clip' },
      update: { id: 'adam', params: { lr: 1e-3, epochs: 2, minibatches: 2, normAdvantages: 'none' } },
    },
    schedule: { updates: 3, evalEvery: 0 },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.config;
}

async function threeUpdates(cfg: RunConfig): Promise<Record<string, number>[]> {
  const t = await Trainer.create(cfg, { checkpoints: nodeCheckpoints });
  const rows: MetricRow[] = [await t.step()];
  const before = tf.memory().numTensors;
  rows.push(await t.step(), await t.step());
  const after = tf.memory().numTensors;
  t.dispose();
  for (const row of rows) for (const k of ['loss/policy', 'grad/norm', 'reward/mean'] as const) expect(Number.isFinite(row[k]), `${k} = ${row[k]}`).toBe(true);
  expect(after).toBe(before);
  return rows as Record<string, number>[];
}


describe('budgets samplers: 3 updates of a small language run each', () => {
  it('knapsack: spends at most Q·G rollouts, unevenly once prompts have been seen (plain forward)', async () => {
    const rows = await threeUpdates(
      budgetConfig('knapsack', { prompts: 3, groupSize: 4, poolSize: 3, budgetHigh: 8 }, { prefixMode: 'plain' }),
    );
    // update 1: all prompts unseen (p = 0.5), G each; later: the knapsack moves rollouts
    expect(rows[0]['knapsack/max_n']).toBe(4);
    expect(Math.max(rows[1]['knapsack/max_n'], rows[2]['knapsack/max_n'])).toBeGreaterThan(4);
    for (const r of rows) {
      expect(r['knapsack/budget_used']).toBeLessThanOrEqual(1);
      expect(r['knapsack/effective_frac']).toBeGreaterThanOrEqual(0);
    }
  });

  it('vas: the scoring pass every T_update updates is paid for in tokens', async () => {
    const rows = await threeUpdates(budgetConfig('vas', { prompts: 3, groupSize: 4, poolSize: 6, updateEvery: 2, scoringRollouts: 4 }));
    const spent = rows.map((r, i) => r.tokens - (i ? rows[i - 1].tokens : 0));
    // updates 1 and 3 rescore 6 prompts × 4 rollouts on top of the 12 trained completions; update 2 does not
    expect(spent[0]).toBeGreaterThan(1.5 * spent[1]);
    expect(spent[2]).toBeGreaterThan(1.5 * spent[1]);
    for (const r of rows) {
      expect(r['vas/weighted_frac']).toBeCloseTo(1 / 3, 10);
      expect(r['vas/vps_mean']).toBeGreaterThanOrEqual(0);
      expect(r['vas/vps_mean']).toBeLessThanOrEqual(0.25);
    }
    // the 'seen' estimate samples nothing extra
    const seen = await threeUpdates(budgetConfig('vas', { prompts: 3, groupSize: 4, poolSize: 6, updateEvery: 2, scoring: 'seen' }));
    expect(seen[0].tokens).toBeLessThan(rows[0].tokens);
  });

  it('curriculum: one more bucket per third of the run, the easiest first', async () => {
    const rows = await threeUpdates(budgetConfig('curriculum', { prompts: 2, groupSize: 4, poolSize: 6, scoringRollouts: 4 }));
    expect(rows.map((r) => r['curriculum/stage'])).toEqual([1, 2, 3]);
    expect(rows.map((r) => r['curriculum/eligible_frac'])).toEqual([2 / 6, 4 / 6, 1]);
    expect(rows[0]['curriculum/batch_difficulty']).toBeLessThanOrEqual(rows[2]['curriculum/batch_difficulty'] + 1e-9);
  });

  it('spo-sampling with the spo advantage: one response per prompt, trackers initialised offline', async () => {
    const rows = await threeUpdates(budgetConfig('spo-sampling', { prompts: 6, poolSize: 8, offlineSamples: 4 }, { advantage: 'spo' }));
    for (const r of rows) {
      expect(r['spo/pool_p_hat']).toBeGreaterThan(0);
      expect(r['spo/pool_p_hat']).toBeLessThan(1);
      expect(r['spo/batch_p_hat']).toBeGreaterThanOrEqual(0);
    }
    // groups of one: GRPO-style group statistics do not exist, the tracker supplies the baseline
    expect(rows.some((r) => r['adv/nonzero_frac'] > 0)).toBe(true);
  });
});
