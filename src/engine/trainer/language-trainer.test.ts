import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import '../backend/register-node';
import { initBackend } from '../backend/backend';
import { parseRunConfig, type RunConfig } from '../config/schema';
import { Trainer } from './trainer';

beforeAll(async () => {
  await initBackend('wasm');
});

function lmConfig(prefixMode: 'plain' | 'shared-prefix', extra: Record<string, unknown> = {}): RunConfig {
  const r = parseRunConfig({
    seed: 4,
    task: { id: 'reverse', params: { length: 3, alphabet: 5 } },
    policy: { init: 'random', prefixMode, transformer: { layers: 1, dModel: 32, heads: 2, context: 16 } },
    stages: {
      sample: { id: 'group-prompts', params: { prompts: 4, groupSize: 4 } },
      advantage: { id: 'grpo' },
      surrogate: { id: 'ppo-clip' },
      regularise: [{ id: 'kl-ref', params: { beta: 0.04 } }, { id: 'entropy-bonus', params: { coef: 0.01 } }],
      update: { id: 'adam', params: { lr: 1e-2, epochs: 2, minibatches: 2, normAdvantages: 'none' } },
    },
    schedule: { updates: 30, evalEvery: 2, evalPrompts: 4, evalSamples: 4, evalK: 4 },
    ...extra,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.config;
}

describe('language runs', () => {
  it('score at the sampling temperature: the first update starts at ratio 1 (T = 0.6)', async () => {
    const cfg = lmConfig('plain');
    cfg.stages.sample.params = { ...(cfg.stages.sample.params as object), temperature: 0.6 };
    cfg.stages.update.params = { ...(cfg.stages.update.params as object), epochs: 1, minibatches: 1 };
    cfg.stages.regularise = [];
    cfg.schedule = { ...cfg.schedule, evalEvery: 0 };
    const t = await Trainer.create(cfg);
    const row = await t.step();
    t.dispose();
    expect(Math.abs(row['ratio/mean']! - 1)).toBeLessThan(1e-4);
    expect(Math.abs(row['kl/old']!)).toBeLessThan(1e-5);
  });

  it('report pass@k, tokens and language metrics, and leak no tensors across updates', async () => {
    const t = await Trainer.create(lmConfig('shared-prefix'));
    const first = await t.step();
    expect(first['eval/pass@1']).toBeTypeOf('number');
    expect(first['eval/k']).toBe(4);
    expect(first.tokens).toBeGreaterThan(0);
    expect(first['completion/length_mean']).toBeGreaterThan(0);
    await t.step();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 8; i++) await t.step();
    expect(tf.memory().numTensors).toBe(before);
    t.dispose();
  });

  it('give the same curves with the shared-prefix forward as with the plain one', async () => {
    const curve = async (mode: 'plain' | 'shared-prefix') => {
      const t = await Trainer.create(lmConfig(mode));
      const rows = [];
      for (let i = 0; i < 3; i++) rows.push(await t.step());
      t.dispose();
      return rows;
    };
    const plain = await curve('plain');
    const shared = await curve('shared-prefix');
    for (let i = 0; i < 3; i++) {
      for (const k of ['loss/policy', 'kl/old', 'kl/ref', 'reward/mean', 'policy/entropy'] as const) {
        expect(Math.abs((plain[i][k] ?? 0) - (shared[i][k] ?? 0)), `${k} at update ${i + 1}`).toBeLessThan(1e-4);
      }
    }
  });

  it('shows one group token by token for the rollout inspector', async () => {
    const t = await Trainer.create(lmConfig('plain'));
    await t.step();
    const g = await t.inspect();
    t.dispose();
    expect(g).not.toBeNull();
    expect(g!.prompt).toMatch(/^<bos>[a-e]{3}\?<sep>$/);
    expect(g!.completions).toHaveLength(4);
    for (const c of g!.completions) {
      for (const tok of c.tokens) {
        expect(tok.prob).toBeGreaterThan(0);
        expect(tok.prob).toBeLessThanOrEqual(1);
        expect(tok.top).toHaveLength(5);
        expect(tok.top[0].prob).toBeGreaterThanOrEqual(tok.top[4].prob);
        expect(tok.advantage).toBeCloseTo(c.advantage, 6);
      }
    }
  });

  it('runs REINFORCE++ with its KL in the reward, and KL-in-reward shaping under GRPO', async () => {
    for (const stages of [
      { advantage: { id: 'reinforce-pp', params: { klCoef: 0.1 } }, regularise: [] },
      { shape: [{ id: 'kl-reward', params: { beta: 0.1, estimator: 'k3' } }], regularise: [] },
    ]) {
      const base = lmConfig('plain');
      const cfg = parseRunConfig({ ...base, stages: { ...base.stages, ...stages } });
      if (!cfg.ok) throw new Error(JSON.stringify(cfg.errors));
      const t = await Trainer.create(cfg.config);
      for (let i = 0; i < 3; i++) {
        const row = await t.step();
        expect(Number.isFinite(row['loss/policy'])).toBe(true);
      }
      t.dispose();
    }
  });

  it('refuses a base checkpoint made for other task params, naming them', async () => {
    const fake = async () => ({ format: 'pg-lab-checkpoint', version: 1, task: 'reverse', taskParams: { length: 5, alphabet: 26, graded: false }, transformer: { layers: 1, dModel: 32, heads: 2, context: 16, mlpRatio: 4 }, vocabSize: 51, made: { by: 'test', seed: 1, steps: 1, demoNoise: 0, lr: 1, batch: 1 }, eval: { prompts: 1, samples: 1, passAt1: 0, passAtK: 0, k: 1 }, weights: [] });
    const cfg = lmConfig('plain', { policy: { init: 'checkpoint', transformer: { layers: 1, dModel: 32, heads: 2, context: 16 } } });
    await expect(Trainer.create(cfg, { checkpoints: fake })).rejects.toThrow(/made with task params .*"length":5/);
  });
});
