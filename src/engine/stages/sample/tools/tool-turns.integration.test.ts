import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import '../../../backend/register-node';
import { initBackend } from '../../../backend/backend';
import { parseRunConfig, type RunConfig } from '../../../config/schema';
import { Trainer } from '../../../trainer/trainer';

beforeAll(async () => {
  await initBackend('wasm');
});

/**
 * Calc from random weights, 2 prompts × 4 transcripts, with the tool-turns sampler. A random policy
 * never answers right, so NGRPO's virtual perfect sample stands in for GRPO: it gives all-zero
 * groups a non-zero advantage, and the batch carries a gradient that the mask can change.
 */
function calcConfig(maskVoidTurns: boolean): RunConfig {
  const r = parseRunConfig({
    seed: 2,
    task: { id: 'calc' },
    policy: { init: 'random', transformer: { layers: 1, dModel: 16, heads: 2, context: 32 } },
    stages: {
      sample: { id: 'tool-turns', params: { prompts: 2, groupSize: 4, maskVoidTurns } },
      advantage: { id: 'ngrpo' },
      surrogate: { id: 'ppo-clip' },
      aggregate: { id: 'token-mean' },
      update: { id: 'adam', params: { lr: 1e-2, epochs: 1, minibatches: 1, normAdvantages: 'none' } },
    },
    schedule: { updates: 3, evalEvery: 0 },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.config;
}

async function threeUpdates(cfg: RunConfig) {
  const t = await Trainer.create(cfg);
  const rows = [await t.step()];
  const before = tf.memory().numTensors;
  rows.push(await t.step(), await t.step());
  const after = tf.memory().numTensors;
  t.dispose();
  expect(after).toBe(before);
  return rows as (Record<string, number> & { step: number })[];
}

describe('tool-turns on calc: 3 updates of a tiny random policy', () => {
  it('reports SimpleTIR’s numbers, and masking void trajectories changes the gradient of the same batch', async () => {
    const masked = await threeUpdates(calcConfig(true));
    const plainTrainer = await Trainer.create(calcConfig(false));
    const plain = [(await plainTrainer.step()) as Record<string, number> & { step: number }];
    plainTrainer.dispose();
    for (const row of [...masked, ...plain]) {
      for (const k of ['grad/norm', 'loss/policy', 'reward/mean', 'tools/turns_mean', 'tools/calls_mean']) expect(Number.isFinite(row[k]), k).toBe(true);
      expect(row['tools/void_turn_ratio']).toBeGreaterThanOrEqual(0);
      expect(row['tools/void_turn_ratio']).toBeLessThanOrEqual(1);
      expect(row['tools/turns_mean']).toBeGreaterThanOrEqual(1);
    }
    // Same seed, same first batch: only the mask differs, and a random policy writes void turns.
    expect(masked[0]['tools/void_turn_ratio']).toBe(plain[0]['tools/void_turn_ratio']);
    expect(masked[0]['tools/void_turn_ratio']).toBeGreaterThan(0);
    expect(masked[0]['grad/norm']).not.toBeCloseTo(plain[0]['grad/norm'], 6);
  });
});
