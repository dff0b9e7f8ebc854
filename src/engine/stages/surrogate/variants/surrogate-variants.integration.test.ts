import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import '../../../backend/register-node';
import { initBackend } from '../../../backend/backend';
import { parseRunConfig, type RunConfig, type RunConfigInput } from '../../../config/schema';
import { findPreset } from '../../../../experiments/presets';
import { Trainer } from '../../../trainer/trainer';
import { SURROGATE_VARIANTS } from './index';

beforeAll(async () => {
  await initBackend('wasm');
});

/** A tiny language run (as language-trainer.test.ts) with the surrogate under test; 2 epochs so r ≠ 1. */
function lmConfig(surrogate: { id: string; params?: Record<string, unknown> }, aggregate = 'token-mean'): RunConfig {
  const r = parseRunConfig({
    seed: 4,
    task: { id: 'reverse', params: { length: 3, alphabet: 5 } },
    policy: { init: 'random', transformer: { layers: 1, dModel: 16, heads: 2, context: 16 } },
    stages: {
      sample: { id: 'group-prompts', params: { prompts: 3, groupSize: 4 } },
      advantage: { id: 'grpo' },
      surrogate,
      aggregate: { id: aggregate },
      update: { id: 'adam', params: { lr: 1e-2, epochs: 2, minibatches: 2, normAdvantages: 'none' } },
    },
    schedule: { updates: 3, evalEvery: 100 },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.config;
}

const KEYS = ['loss/policy', 'loss/total', 'ratio/mean', 'ratio/max', 'clip/frac_low', 'clip/frac_high', 'kl/old', 'grad/norm'] as const;

async function threeUpdates(cfg: RunConfig, make: (c: RunConfig) => Promise<Trainer> | Trainer) {
  const t = await make(cfg);
  const rows = [await t.step()];
  const before = tf.memory().numTensors;
  rows.push(await t.step(), await t.step());
  const after = tf.memory().numTensors;
  t.dispose();
  for (const row of rows) for (const k of KEYS) expect(Number.isFinite(row[k]), `${k} = ${row[k]}`).toBe(true);
  expect(after).toBe(before);
  return rows;
}

describe('surrogate variants: 3 updates of a small language run each', () => {
  const aggregateFor: Record<string, string> = { gspo: 'seq-mean-token-mean', sapo: 'seq-mean-token-mean' };
  for (const def of SURROGATE_VARIANTS) {
    it(`${def.id}: finite metrics, no tensor growth`, async () => {
      const params = def.id === 'gspo' ? { clipRatioLow: 0.2, clipRatioHigh: 0.2 } : undefined;
      await threeUpdates(lmConfig({ id: def.id, params }, aggregateFor[def.id]), (c) => Trainer.create(c));
    });
  }
});

describe('surrogate variants on control (cartpole-grpo, steps split across minibatches)', () => {
  for (const id of ['gspo', 'bapo', 'clip-cov']) {
    it(`${id}: finite metrics, no tensor growth`, async () => {
      const c = structuredClone(findPreset('cartpole-grpo')!.config) as RunConfigInput;
      c.task = { id: 'cartpole', params: { maxSteps: 30 } };
      c.schedule = { updates: 3 };
      c.stages.surrogate = { id };
      const r = parseRunConfig(c);
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      await threeUpdates(r.config, (cfg) => new Trainer(cfg));
    });
  }
});

describe('surrogate variants report their own numbers into the metric rows', () => {
  it('BAPO charts the bounds it chose; Clip-Cov the share of tokens it detached', async () => {
    const bapoRows = await threeUpdates(lmConfig({ id: 'bapo' }), (c) => Trainer.create(c));
    for (const row of bapoRows) {
      const r = row as Record<string, number>;
      expect(r['bapo/clip_low']).toBeLessThan(1);
      expect(r['bapo/clip_high']).toBeGreaterThan(1);
      expect(r['bapo/positive_share']).toBeGreaterThanOrEqual(0);
    }
    const covRows = await threeUpdates(lmConfig({ id: 'clip-cov' }), (c) => Trainer.create(c));
    for (const row of covRows) expect((row as Record<string, number>)['cov/detached_frac']).toBeGreaterThanOrEqual(0);
  });
});
