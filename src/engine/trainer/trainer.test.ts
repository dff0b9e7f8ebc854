import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import '../backend/register-node';
import { initBackend } from '../backend/backend';
import { parseRunConfig, type RunConfig, type RunConfigInput } from '../config/schema';
import { findPreset } from '../../experiments/presets';
import { Trainer } from './trainer';
import { PipelineError } from './pipeline-error';
import { Rng } from '../core/rng';
import type { CategoricalMlpPolicy } from '../policy/categorical-mlp';
import { METRIC_KEYS } from '../metrics/keys';

beforeAll(async () => {
  await initBackend('wasm');
});

function config(input: RunConfigInput): RunConfig {
  const r = parseRunConfig(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.config;
}

/** A preset shrunk to a few fast updates. */
function small(id: string, updates: number, patch: (c: RunConfigInput) => void = () => {}): RunConfig {
  const c = structuredClone(findPreset(id)!.config);
  c.schedule = { updates };
  patch(c);
  return config(c);
}

describe('Trainer', () => {
  it('leaks no tensors across 50 updates (PPO with critic, GRPO with a KL reference)', async () => {
    const ppo = small('cartpole-ppo', 60, (c) => {
      c.stages.sample = { id: 'vector-rollout', params: { numEnvs: 4, numSteps: 16 } };
      c.stages.update = { id: 'adam', params: { epochs: 2, minibatches: 2 } };
    });
    const grpo = small('cartpole-grpo', 60, (c) => {
      c.task = { id: 'cartpole', params: { maxSteps: 30 } };
      c.stages.regularise = [{ id: 'kl-ref', params: { beta: 0.04 } }, { id: 'entropy-bonus', params: { coef: 0.01 } }];
    });
    for (const cfg of [ppo, grpo]) {
      const t = new Trainer(cfg);
      for (let i = 0; i < 10; i++) await t.step();
      const before = tf.memory().numTensors;
      for (let i = 0; i < 50; i++) await t.step();
      expect(tf.memory().numTensors).toBe(before);
      t.dispose();
    }
  });

  it('gives the same curves for the same config and seed, and others for another seed', async () => {
    // Everything but the clock readings.
    const strip = (rows: Record<string, number>[]) =>
      rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'wall_s' && !k.startsWith('speed/') && !k.startsWith('time/'))));
    const run = async (seed: number) => {
      const t = new Trainer({ ...small('cartpole-ppo', 3), seed });
      const rows = [];
      for (let i = 0; i < 3; i++) rows.push(await t.step());
      t.dispose();
      return strip(rows as Record<string, number>[]);
    };
    const a = await run(5);
    expect(await run(5)).toEqual(a);
    expect(await run(6)).not.toEqual(a);
  });

  it('reports the DESIGN.md metric keys that apply to a PPO run', async () => {
    const t = new Trainer(small('cartpole-ppo', 2));
    const row = await t.step();
    t.dispose();
    // Everything in DESIGN.md's table except what a PPO run on CartPole cannot measure in its
    // first update: kl/ref (no reference), reward and episode means (no episode has ended yet),
    // and the language-only keys (tokens, eval/*).
    const required = [
      'step', 'wall_s', 'env_steps', 'policy/entropy', 'kl/old', 'clip/frac_low', 'clip/frac_high',
      'ratio/mean', 'ratio/max', 'adv/mean', 'adv/std', 'adv/min', 'adv/max', 'group/zero_adv_frac',
      'select/keep_frac', 'cov/logp_adv', 'grad/norm', 'lr', 'speed/env_steps_per_s',
    ] as const;
    for (const k of required) expect(row[k], k).toBeTypeOf('number');
    for (const k of Object.keys(row)) expect(METRIC_KEYS as readonly string[], `${k} is a declared key`).toContain(k);
    expect(row.env_steps).toBe(256);
  });

  it('stops with the stage, the update and the reason when the policy turns NaN', async () => {
    const t = new Trainer(small('cartpole-reinforce', 5));
    await t.step();
    const w = (t.policy as CategoricalMlpPolicy).actor.weights[0];
    w.assign(tf.fill(w.shape, NaN));
    const err = await t.step().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PipelineError);
    expect((err as PipelineError).stage).toBe('sample');
    expect((err as PipelineError).step).toBe(2);
    expect((err as PipelineError).message).toMatch(/non-finite/);
    t.dispose();
  });

  it('GRPO on CartPole draws G episodes from each start state; the advantages of each group sum to 0', async () => {
    const t = new Trainer(small('cartpole-grpo', 1));
    const { sampler, task, advantage } = t.pipeline;
    const batch = await sampler.collect({ task, policy: t.policy, rng: new Rng(9) });
    t.dispose();
    expect(batch.seqs.length).toBe(4 * 8);
    const firstObs = (s: number) => Array.from(batch.obs.subarray(batch.seqs[s].start * 4, batch.seqs[s].start * 4 + 4));
    const adv = advantage.compute(batch).advantages;
    for (let g = 0; g < 4; g++) {
      const members = batch.seqs.map((s, i) => [s, i] as const).filter(([s]) => s.group === g);
      expect(members.length).toBe(8);
      for (const [, i] of members) expect(firstObs(i)).toEqual(firstObs(members[0][1]));
      const sum = members.reduce((acc, [s]) => acc + adv[s.start], 0);
      expect(sum).toBeCloseTo(0, 4);
    }
  });
});
