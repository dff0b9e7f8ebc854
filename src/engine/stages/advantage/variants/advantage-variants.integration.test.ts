import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import '../../../backend/register-node';
import { initBackend } from '../../../backend/backend';
import { parseRunConfig, type RunConfig, type RunConfigInput } from '../../../config/schema';
import { findPreset } from '../../../../experiments/presets';
import type { MetricRow } from '../../../metrics/keys';
import { Trainer } from '../../../trainer/trainer';
import { REGISTRY } from '../../../registry/registry';
import { ADVANTAGE_VARIANTS } from './index';
import { SELECT_VARIANTS } from '../../select/variants';

/**
 * Smoke runs of every module of the advantage / normalisation family (advantage and select
 * variants): 3 updates each of a tiny language or CartPole config, finite metrics, no tensor leak.
 */
beforeAll(async () => {
  await initBackend('wasm');
});

type Stages = Partial<RunConfigInput['stages']>;

function parse(input: RunConfigInput): RunConfig {
  const r = parseRunConfig(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.config;
}

function language(stages: Stages, opts: { groupSize?: number; graded?: boolean } = {}): RunConfig {
  return parse({
    seed: 3,
    task: { id: 'reverse', params: { length: 3, alphabet: 5, graded: opts.graded ?? false } },
    policy: { init: 'random', transformer: { layers: 1, dModel: 16, heads: 2, context: 16 } },
    stages: {
      sample: { id: 'group-prompts', params: { prompts: 4, groupSize: opts.groupSize ?? 4 } },
      advantage: { id: 'grpo' },
      surrogate: { id: 'ppo-clip' },
      update: { id: 'adam', params: { lr: 1e-2, epochs: 1, minibatches: 1, normAdvantages: 'none' } },
      ...stages,
    },
    schedule: { updates: 3, evalEvery: 0 },
  });
}

function cartpole(stages: Stages, groupSize = 8): RunConfig {
  const c = structuredClone(findPreset('cartpole-grpo')!.config);
  c.task = { id: 'cartpole', params: { maxSteps: 30 } };
  c.schedule = { updates: 3 };
  c.stages = { ...c.stages, sample: { id: 'group-episodes', params: { groups: 3, groupSize } }, regularise: [], ...stages };
  c.stages.update = { id: 'adam', params: { lr: 3e-3, epochs: 1, minibatches: 1, normAdvantages: 'none' } };
  return parse(c);
}

/** Three updates; every metric finite; the tensor count flat over the last update. */
async function smoke(cfg: RunConfig): Promise<MetricRow[]> {
  const t = await Trainer.create(cfg);
  const rows: MetricRow[] = [];
  try {
    rows.push(await t.step());
    rows.push(await t.step());
    const before = tf.memory().numTensors;
    rows.push(await t.step());
    expect(tf.memory().numTensors).toBe(before);
  } finally {
    t.dispose();
  }
  for (const row of rows) {
    for (const [k, v] of Object.entries(row)) if (typeof v === 'number') expect(Number.isFinite(v), `${k} = ${v}`).toBe(true);
  }
  return rows;
}

const trained = (rows: MetricRow[]) => rows.some((r) => typeof r['loss/policy'] === 'number');

describe('advantage / normalisation variants: registry entries', () => {
  it('are registered, kebab-case, with defaults and a description for every parameter', () => {
    for (const def of [...ADVANTAGE_VARIANTS, ...SELECT_VARIANTS]) {
      expect(def.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect((REGISTRY[def.stage] as readonly unknown[]).filter((d) => (d as { id: string }).id === def.id)).toHaveLength(1);
      expect(() => def.schema.parse({})).not.toThrow();
      for (const [name, field] of Object.entries(def.schema.shape)) expect((field as { description?: string }).description, `${def.id}.${name}`).toBeTruthy();
    }
  });
});

describe('advantage / normalisation variants: 3-update smoke runs', () => {
  it('ngrpo + drop-all-correct-groups, asymmetric clip (language) and max_reward 30 (CartPole)', async () => {
    const lm = await smoke(
      language({
        advantage: { id: 'ngrpo' },
        select: [{ id: 'drop-all-correct-groups' }],
        surrogate: { id: 'ppo-clip', params: { clipRatioLow: 0.16, clipRatioHigh: 0.24 } },
      }),
    );
    // A random policy rarely solves the task, so the all-wrong groups get a negative advantage.
    expect(trained(lm)).toBe(true);
    expect(lm.some((r) => (r['adv/mean'] ?? 0) < 0)).toBe(true);
    expect(trained(await smoke(cartpole({ advantage: { id: 'ngrpo', params: { maxReward: 30 } }, select: [{ id: 'drop-all-correct-groups', params: { successThreshold: 30 } }] })))).toBe(true);
  });

  it('w-reinforce (language) and PSR with psr-nsr-subset (CartPole, success R ≥ 20)', async () => {
    expect(trained(await smoke(language({ advantage: { id: 'w-reinforce', params: { lambda: 0.1 } } })))).toBe(true);
    const rows = await smoke(
      cartpole({
        advantage: { id: 'w-reinforce', params: { mode: 'nsr', successThreshold: 20 } },
        select: [{ id: 'psr-nsr-subset', params: { mode: 'nsr', successThreshold: 20 } }],
      }),
    );
    expect(trained(rows)).toBe(true);
    for (const r of rows) if (r['adv/max'] !== undefined) expect(r['adv/max']).toBe(-1);
  });

  it('bnpo (graded language rewards; CartPole rescaled by [0, 30])', async () => {
    expect(trained(await smoke(language({ advantage: { id: 'bnpo' } }, { graded: true })))).toBe(true);
    expect(trained(await smoke(cartpole({ advantage: { id: 'bnpo', params: { minValue: 0, maxValue: 30 } } })))).toBe(true);
  });

  it('spo: one completion per prompt (language); start states on a grid (CartPole)', async () => {
    expect(trained(await smoke(language({ advantage: { id: 'spo' } }, { groupSize: 1 })))).toBe(true);
    const cp = cartpole({ advantage: { id: 'spo', params: { successThreshold: 20, startStateGrid: 0.05 } } });
    expect(trained(await smoke(cp))).toBe(true);
  });

  it('dcpo-sas (language, CartPole)', async () => {
    expect(trained(await smoke(language({ advantage: { id: 'dcpo-sas' }, aggregate: { id: 'seq-mean-token-sum' } })))).toBe(true);
    expect(trained(await smoke(cartpole({ advantage: { id: 'dcpo-sas', params: { startStateGrid: 0.05 } } })))).toBe(true);
  });

  it('copo (language: answers from completions; CartPole: answers from returns)', async () => {
    expect(trained(await smoke(language({ advantage: { id: 'copo', params: { k: 5, b: 1 } }, aggregate: { id: 'seq-mean-token-mean' } }, { graded: true })))).toBe(true);
    expect(trained(await smoke(cartpole({ advantage: { id: 'copo' } })))).toBe(true);
  });

  it('drpo + keep-mixed-groups with vanilla-pg and seq-mean-token-sum (graded language; CartPole)', async () => {
    const stages = (successThreshold: number, lMax: number | null): Stages => ({
      advantage: { id: 'drpo', params: { successThreshold, lMax } },
      select: [{ id: 'keep-mixed-groups', params: { successThreshold } }],
      surrogate: { id: 'vanilla-pg' },
      aggregate: { id: 'seq-mean-token-sum' },
    });
    await smoke(language(stages(0.3, null), { graded: true }));
    expect(trained(await smoke(cartpole(stages(20, 30))))).toBe(true);
  });
});
