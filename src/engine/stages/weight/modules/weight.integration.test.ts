import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import '../../../backend/register-node';
import { initBackend } from '../../../backend/backend';
import { parseRunConfig, type RunConfig, type RunConfigInput } from '../../../config/schema';
import { findPreset } from '../../../../experiments/presets';
import { Trainer } from '../../../trainer/trainer';
import type { MetricRow } from '../../../metrics/keys';
import { REGISTRY } from '../../../registry/registry';
import { WEIGHT_MODULES } from './index';

beforeAll(async () => {
  await initBackend('wasm');
});

function parse(input: RunConfigInput): RunConfig {
  const r = parseRunConfig(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.config;
}

type Ref = { id: string; params?: Record<string, unknown> };

/** A tiny language run (reverse 3 letters, random init) with the given weight modules. */
function lmConfig(weight: Ref[], aggregate = 'token-mean'): RunConfig {
  return parse({
    seed: 7,
    task: { id: 'reverse', params: { length: 3, alphabet: 5 } },
    policy: { init: 'random', transformer: { layers: 1, dModel: 16, heads: 2, context: 16 } },
    stages: {
      sample: { id: 'group-prompts', params: { prompts: 2, groupSize: 4 } },
      advantage: { id: 'grpo' },
      weight,
      surrogate: { id: 'ppo-clip' },
      aggregate: { id: aggregate },
      update: { id: 'adam', params: { lr: 1e-2, epochs: 1, minibatches: 2, normAdvantages: 'none' } },
    },
    schedule: { updates: 3, evalEvery: 0 },
  } as RunConfigInput);
}

/** Three updates: every metric finite, the weight stage reported, no tensors leaked after the first. */
async function smoke(config: RunConfig): Promise<MetricRow[]> {
  const t = await Trainer.create(config);
  const rows: MetricRow[] = [await t.step()];
  const before = tf.memory().numTensors;
  rows.push(await t.step(), await t.step());
  expect(tf.memory().numTensors).toBe(before);
  t.dispose();
  for (const row of rows) {
    for (const [k, v] of Object.entries(row)) if (typeof v === 'number') expect(Number.isFinite(v), `${k} = ${v}`).toBe(true);
    expect(row['weight/mean']).toBeTypeOf('number');
    expect(row['loss/policy']).toBeTypeOf('number');
  }
  return rows;
}

describe('weight modules in a training run (3 updates each)', () => {
  it('high-entropy-mask (80/20)', async () => {
    const rows = await smoke(lmConfig([{ id: 'high-entropy-mask' }]));
    // Roughly the top 20% of tokens keep weight 1.
    expect(rows[0]['weight/mean']).toBeGreaterThan(0.1);
    expect(rows[0]['weight/mean']).toBeLessThan(0.4);
  });
  it('empg', async () => void (await smoke(lmConfig([{ id: 'empg' }]))));
  it('agentic-aepo-entropy', async () => void (await smoke(lmConfig([{ id: 'agentic-aepo-entropy' }]))));
  it('gtpo-conflict + gtpo-entropy-filter (per-sequence token mean, as GTPO)', async () =>
    void (await smoke(lmConfig([{ id: 'gtpo-conflict' }, { id: 'gtpo-entropy-filter', params: { entropyMax: 5 } }], 'seq-mean-token-mean'))));
  it('d3s-sample + d3s-token', async () => {
    const rows = await smoke(lmConfig([{ id: 'd3s-sample' }, { id: 'd3s-token' }]));
    expect(rows[0]['weight/mean']).toBeLessThan(0.5);
  });
  it('empg on CartPole (control: one step = one action)', async () => {
    const c = structuredClone(findPreset('cartpole-grpo')!.config);
    c.task = { id: 'cartpole', params: { maxSteps: 30 } };
    c.stages.weight = [{ id: 'empg' }];
    c.schedule = { updates: 3 };
    await smoke(parse(c));
  });
});

describe('registration', () => {
  it('every module of the family is in the registry once, with defaults and described parameters', () => {
    for (const def of WEIGHT_MODULES) {
      expect((REGISTRY[def.stage] as readonly { id: string }[]).filter((d) => d.id === def.id)).toHaveLength(1);
      expect(def.explain).not.toMatch(/\n/);
      expect(() => def.schema.parse({})).not.toThrow();
      for (const [key, field] of Object.entries(def.schema.shape)) expect((field as { description?: string }).description, `${def.id}.${key}`).toBeTruthy();
    }
  });
});
