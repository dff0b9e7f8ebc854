import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import '../../../backend/register-node';
import { initBackend } from '../../../backend/backend';
import { parseRunConfig, type RunConfig, type RunConfigInput } from '../../../config/schema';
import { findPreset } from '../../../../experiments/presets';
import { Trainer } from '../../../trainer/trainer';
import type { MetricRow } from '../../../metrics/keys';
import { REGISTRY } from '../../../registry/registry';
import { REGULARISE_VARIANTS } from './index';
import type { AdaptiveEntropyState } from './adaptive-entropy.module';
import type { AepoState } from './aepo-temperature.module';

beforeAll(async () => {
  await initBackend('wasm');
});

function parse(input: RunConfigInput): RunConfig {
  const r = parseRunConfig(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.config;
}

type Ref = { id: string; params?: Record<string, unknown> };

/** A tiny language run (reverse 3 letters, random init) with the given regularisers. */
function lmConfig(regularise: Ref[]): RunConfig {
  return parse({
    seed: 7,
    task: { id: 'reverse', params: { length: 3, alphabet: 5 } },
    policy: { init: 'random', transformer: { layers: 1, dModel: 16, heads: 2, context: 16 } },
    stages: {
      sample: { id: 'group-prompts', params: { prompts: 2, groupSize: 4 } },
      advantage: { id: 'grpo' },
      surrogate: { id: 'ppo-clip' },
      regularise,
      update: { id: 'adam', params: { lr: 1e-2, epochs: 1, minibatches: 2, normAdvantages: 'none' } },
    },
    schedule: { updates: 3, evalEvery: 0 },
  } as RunConfigInput);
}

/** Three updates: every metric finite and no tensors leaked after the first. Returns the trainer's regulariser. */
async function smoke<S>(config: RunConfig): Promise<{ rows: MetricRow[]; state: S }> {
  const t = await Trainer.create(config);
  const rows: MetricRow[] = [await t.step()];
  const before = tf.memory().numTensors;
  rows.push(await t.step(), await t.step());
  expect(tf.memory().numTensors).toBe(before);
  const state = (t.pipeline.regularisers[0] as unknown as { state(): S }).state();
  t.dispose();
  for (const row of rows) {
    for (const [k, v] of Object.entries(row)) if (typeof v === 'number') expect(Number.isFinite(v), `${k} = ${v}`).toBe(true);
  }
  return { rows, state };
}

describe('entropy-control regularisers in a training run (3 updates each)', () => {
  it('adaptive-entropy: c grows by δ per optimiser step while entropy is below the target', async () => {
    // Target far above a random policy's entropy: 3 updates × 2 minibatches = 6 steps of +0.005.
    const { state } = await smoke<AdaptiveEntropyState>(lmConfig([{ id: 'adaptive-entropy', params: { target: 10 } }]));
    expect(state.coef).toBeCloseTo(0.03, 6);
    expect(state.lastEntropy).toBeGreaterThan(0);
  });

  it('aepo-temperature: a random policy sits above the 0.5 target → T_low and half weight', async () => {
    const { state } = await smoke<AepoState>(lmConfig([{ id: 'aepo-temperature' }]));
    expect(state.entropy).toBeGreaterThan(0.5);
    expect(state.temperature).toBe(0.8);
    expect(state.alpha).toBeCloseTo(0.05, 8);
  });

  it('aepo-temperature on CartPole', async () => {
    const c = structuredClone(findPreset('cartpole-grpo')!.config);
    c.task = { id: 'cartpole', params: { maxSteps: 30 } };
    c.stages.regularise = [{ id: 'aepo-temperature', params: { entropyTarget: 0.6 } }];
    c.schedule = { updates: 3 };
    const { state } = await smoke<AepoState>(parse(c));
    // A fresh two-action policy has entropy close to ln 2 = 0.693 > 0.6.
    expect(state.temperature).toBe(0.8);
  });
});

describe('registration', () => {
  it('every module of the family is in the registry once, with defaults and described parameters', () => {
    for (const def of REGULARISE_VARIANTS) {
      expect((REGISTRY[def.stage] as readonly { id: string }[]).filter((d) => d.id === def.id)).toHaveLength(1);
      expect(def.explain).not.toMatch(/\n/);
      expect(() => def.schema.parse({})).not.toThrow();
      for (const [key, field] of Object.entries(def.schema.shape)) expect((field as { description?: string }).description, `${def.id}.${key}`).toBeTruthy();
    }
  });
});
