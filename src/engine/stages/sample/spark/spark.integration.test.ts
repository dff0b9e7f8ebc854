import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import '../../../backend/register-node';
import { initBackend } from '../../../backend/backend';
import { parseRunConfig, type RunConfig } from '../../../config/schema';
import { Trainer } from '../../../trainer/trainer';

beforeAll(async () => {
  await initBackend('wasm');
});

/** A tiny reverse run with SPARK's sampler: Q = 3 task groups and round(0.67·3) = 2 judge groups of G = 4. */
function sparkConfig(prefixMode: 'plain' | 'shared-prefix'): RunConfig {
  const r = parseRunConfig({
    seed: 3,
    task: { id: 'reverse', params: { length: 3, alphabet: 5 } },
    policy: { init: 'random', prefixMode, transformer: { layers: 1, dModel: 16, heads: 2, context: 16 } },
    stages: {
      sample: { id: 'spark', params: { prompts: 3, groupSize: 4, auxFraction: 0.67 } },
      advantage: { id: 'grpo' },
      surrogate: { id: 'ppo-clip' },
      aggregate: { id: 'token-mean' },
      update: { id: 'adam', params: { lr: 1e-2, epochs: 2, minibatches: 2, normAdvantages: 'none' } },
    },
    schedule: { updates: 3, evalEvery: 100 },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.config;
}

describe('SPARK with the Trainer: 3 updates of a tiny language run', () => {
  for (const mode of ['plain', 'shared-prefix'] as const) {
    it(`${mode} scoring: judge groups train beside task groups, finite metrics, no tensor growth`, async () => {
      const t = await Trainer.create(sparkConfig(mode));
      const rows = [await t.step()];
      const before = tf.memory().numTensors;
      rows.push(await t.step(), await t.step());
      const after = tf.memory().numTensors;
      // The inspector shows the batch's first group: a task group, its prompt the task's own.
      const inspected = await t.inspect();
      t.dispose();
      expect(after).toBe(before);
      expect(inspected!.prompt).toMatch(/^<bos>[a-e]{3}\?<sep>$/);
      for (const row of rows) {
        const r = row as Record<string, number>;
        for (const k of ['loss/policy', 'grad/norm', 'kl/old', 'reward/mean']) expect(Number.isFinite(r[k]), `${k} = ${r[k]}`).toBe(true);
        expect(r['spark/aux_frac']).toBeCloseTo(2 / 5, 12);
        expect(r['spark/judge_acc']).toBeGreaterThanOrEqual(0);
        expect(r['spark/judge_acc']).toBeLessThanOrEqual(1);
        expect(r['spark/judge_valid']).toBeGreaterThanOrEqual(r['spark/judge_acc']);
      }
    });
  }
});
