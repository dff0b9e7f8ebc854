import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import '../../../backend/register-node';
import { initBackend } from '../../../backend/backend';
import { parseRunConfig, type RunConfig, type RunConfigInput } from '../../../config/schema';
import { findModule } from '../../../registry/registry';
import { Rng } from '../../../core/rng';
import { LanguagePolicy } from '../../../policy/language-policy';
import { TransformerConfigSchema } from '../../../policy/transformer/transformer-config';
import { reverseTask } from '../../../tasks/language/reverse.task';
import { EOS, VOCAB_SIZE } from '../../../tasks/language/vocab';
import { Trainer } from '../../../trainer/trainer';
import type { MetricRow } from '../../../metrics/keys';
import type { Sampler } from '../sampler';

beforeAll(async () => {
  await initBackend('wasm');
});

const TINY = { layers: 1, dModel: 16, heads: 2, context: 16 };
const task = reverseTask.create(reverseTask.schema.parse({ length: 3, alphabet: 5 }));

/** A random tiny policy whose output bias makes every freely sampled token <eos> (an empty, wrong answer). */
function eosPolicy(): LanguagePolicy {
  const policy = new LanguagePolicy(TransformerConfigSchema.parse(TINY), VOCAB_SIZE, 'plain', new Rng(7));
  favourEos(policy);
  return policy;
}

function favourEos(policy: LanguagePolicy): void {
  const headBias = policy.variables().at(-1)!; // the output layer's bias, [vocab]
  tf.tidy(() => headBias.assign(tf.oneHot(tf.tensor1d([EOS], 'int32'), VOCAB_SIZE).reshape([VOCAB_SIZE]).mul(30)));
}

function sampler(id: string, params: Record<string, unknown>): Sampler & { metrics(): Record<string, number> } {
  const def = findModule('sample', id);
  return def.create(def.schema.parse(params)) as Sampler & { metrics(): Record<string, number> };
}

describe('guided samplers on a policy that always answers <eos> at once', () => {
  it('igpo-hints with η = 1: every group is all wrong and is rescued by n_max fully hinted responses', async () => {
    const policy = eosPolicy();
    const s = sampler('igpo-hints', { prompts: 3, groupSize: 4, etaLow: 1, etaHigh: 1, maxReplacements: 2 });
    const batch = await s.collect({ task, policy, rng: new Rng(1) });
    expect(s.metrics()).toEqual({ 'igpo/all_wrong_frac': 1, 'igpo/rescued_frac': 1, 'igpo/mean_eta': 1, 'igpo/hint_tokens': 18 });
    batch.seqs.forEach((seq, i) => {
      const hinted = i % 4 < 2;
      expect(seq.reward).toBe(hinted ? 1 : 0);
      expect(seq.length).toBe(hinted ? 4 : 1);
      expect(Array.from(batch.forced!.subarray(seq.start, seq.start + seq.length))).toEqual(hinted ? [1, 1, 1, 0] : [0]);
    });
    policy.dispose();
  });

  it('igpo-hints with partial hints: hint + <eos> is still wrong, so nothing is swapped in', async () => {
    const policy = eosPolicy();
    const s = sampler('igpo-hints', { prompts: 3, groupSize: 4, maxResamples: 1 });
    const batch = await s.collect({ task, policy, rng: new Rng(1) });
    expect(s.metrics()).toEqual({ 'igpo/all_wrong_frac': 1, 'igpo/rescued_frac': 0, 'igpo/hint_tokens': 0 });
    expect(batch.forced).toBeUndefined();
    expect(batch.seqs.every((seq) => seq.reward === 0)).toBe(true);
    policy.dispose();
  });

  it('hpt: every prompt is routed to SFT; its demonstration is forced, with the model’s own log-probs and A = c_SFT', async () => {
    const policy = eosPolicy();
    const s = sampler('hpt', { prompts: 3, groupSize: 4, sftAdvantage: 0.5 });
    const batch = await s.collect({ task, policy, rng: new Rng(1) });
    expect(s.metrics()).toEqual({ 'hpt/sft_frac': 1, 'hpt/rollout_reward_mean': 0 });
    expect(batch.seqs).toHaveLength(3);
    for (const [i, seq] of batch.seqs.entries()) {
      expect(seq).toMatchObject({ length: 4, reward: 1, advantage: 0.5 });
      expect(Array.from(batch.actions.subarray(seq.start, seq.start + 3)).every((t) => t !== EOS)).toBe(true);
      expect(batch.actions[seq.start + 3]).toBe(EOS);
      expect(Array.from(batch.lm!.completions.subarray(i * 4, i * 4 + 4))).toEqual(Array.from(batch.actions.subarray(seq.start, seq.start + 4)));
      // Forced characters are unlikely under this policy, the forced <eos> is near certain.
      for (let t = seq.start; t < seq.start + 3; t++) expect(batch.logpOld[t]).toBeLessThan(-20);
      expect(batch.logpOld[seq.start + 3]).toBeGreaterThan(-1e-3);
    }
    expect(Array.from(batch.forced!)).toEqual(new Array(12).fill(1));
    policy.dispose();
  });

  it('otr: K one-token candidates per position; only the <eos> position is hit', async () => {
    const policy = eosPolicy();
    const s = sampler('otr', { prompts: 2, candidates: 3, beta: 0.1 });
    const batch = await s.collect({ task, policy, rng: new Rng(1) });
    // 2 demonstrations × 4 positions (3 characters + <eos>), 3 candidates each, all sampled as <eos>.
    expect(batch.seqs).toHaveLength(24);
    expect(batch.lm!.steps).toBe(1);
    expect(s.metrics()).toEqual({ 'otr/hit_frac': 0.25 });
    batch.seqs.forEach((seq, i) => {
      const position = Math.floor(i / 3) % 4;
      expect(batch.actions[seq.start]).toBe(EOS);
      expect(seq.advantage).toBeCloseTo(position === 3 ? 1 : -0.1, 6);
      // The state is the prompt (ending in <sep>) followed by the demonstration so far.
      expect(batch.lm!.prompts[i].length).toBe(batch.lm!.prompts[i - (i % 12)].length + position);
    });
    const withTruth = sampler('otr', { prompts: 2, candidates: 3, includeTruth: true });
    const b2 = await withTruth.collect({ task, policy, rng: new Rng(1) });
    expect(b2.seqs.filter((_, i) => i % 3 === 0).every((seq) => seq.reward === 1 && seq.advantage === 1)).toBe(true);
    expect(Array.from(b2.forced!).filter(Boolean)).toHaveLength(8);
    policy.dispose();
  });
});

/** A tiny random-init run with guided modules in the stages it names. */
function guidedConfig(stages: Partial<RunConfigInput['stages']>, prefixMode: 'plain' | 'shared-prefix' = 'shared-prefix'): RunConfig {
  const r = parseRunConfig({
    seed: 3,
    task: { id: 'reverse', params: { length: 3, alphabet: 5 } },
    policy: { init: 'random', prefixMode, transformer: TINY },
    stages: {
      sample: { id: 'group-prompts', params: { prompts: 3, groupSize: 4 } },
      advantage: { id: 'grpo' },
      surrogate: { id: 'ppo-clip' },
      update: { id: 'adam', params: { lr: 1e-2, epochs: 2, minibatches: 2, normAdvantages: 'none' } },
      ...stages,
    },
    schedule: { updates: 3, evalEvery: 100 },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.config;
}

const KEYS = ['loss/policy', 'loss/total', 'ratio/mean', 'kl/old', 'grad/norm', 'adv/mean'] as const;

async function threeUpdates(config: RunConfig, before?: (t: Trainer) => void): Promise<Record<string, number>[]> {
  const t = await Trainer.create(config);
  before?.(t);
  const rows: MetricRow[] = [await t.step()];
  const tensors = tf.memory().numTensors;
  rows.push(await t.step(), await t.step());
  const after = tf.memory().numTensors;
  t.dispose();
  for (const row of rows) for (const k of KEYS) expect(Number.isFinite(row[k]), `${k} = ${row[k]}`).toBe(true);
  expect(after).toBe(tensors);
  return rows as Record<string, number>[];
}

describe('guided modules: 3 updates of a tiny language run each', () => {
  it('igpo-hints + igpo-hint-entropy: the rescue and the hint filter report every update', async () => {
    const rows = await threeUpdates(
      guidedConfig({ sample: { id: 'igpo-hints', params: { prompts: 3, groupSize: 4, etaLow: 1, etaHigh: 1, maxReplacements: 2 } }, weight: [{ id: 'igpo-hint-entropy' }] }),
      (t) => favourEos(t.policy as LanguagePolicy),
    );
    expect(rows[0]['igpo/rescued_frac']).toBe(1);
    expect(rows[0]['igpo/hint_keep_frac']).toBeCloseTo(Math.floor(0.2 * rows[0]['igpo/hint_tokens']) / rows[0]['igpo/hint_tokens'], 6);
    // Rescued groups have reward variance, so GRPO's advantages are no longer all zero.
    expect(rows[0]['group/zero_adv_frac']).toBe(0);
  });

  it('hpt (vanilla-pg, constant normaliser, plain forward): SFT on demonstrations lowers their NLL update by update', async () => {
    const rows = await threeUpdates(
      guidedConfig(
        { sample: { id: 'hpt', params: { prompts: 3, groupSize: 4 } }, surrogate: { id: 'vanilla-pg' }, aggregate: { id: 'seq-mean-token-sum-norm' } },
        'plain',
      ),
      (t) => favourEos(t.policy as LanguagePolicy),
    );
    for (const row of rows) expect(row['hpt/sft_frac']).toBe(1);
    // Only demonstrations (A = 1) are trained: the policy loss is their scaled NLL, and it falls.
    expect(rows[2]['loss/policy']).toBeLessThan(rows[0]['loss/policy']);
  });

  it('otr (vanilla-pg, token-mean, shared prefix): one-token groups train', async () => {
    const rows = await threeUpdates(guidedConfig({ sample: { id: 'otr', params: { prompts: 2, candidates: 4 } }, surrogate: { id: 'vanilla-pg' } }));
    for (const row of rows) expect(row['otr/hit_frac']).toBeGreaterThanOrEqual(0);
    expect(rows[0]['completion/length_mean']).toBe(1);
  });

  it('gppo-sft beside a GRPO run: the total loss carries the NLL term', async () => {
    const rows = await threeUpdates(guidedConfig({ regularise: [{ id: 'gppo-sft', params: { alpha: 1, successThreshold: 0 } }] }));
    // With every rollout counted correct (threshold 0), the term is the batch NLL > 0.
    for (const row of rows) expect(row['loss/total'] - row['loss/policy']).toBeGreaterThan(0);
  });
});
