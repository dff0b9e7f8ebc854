import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import '../../../backend/register-node';
import { initBackend } from '../../../backend/backend';
import { parseRunConfig, type RunConfig } from '../../../config/schema';
import { Rng } from '../../../core/rng';
import { LanguagePolicy } from '../../../policy/language-policy';
import { TransformerConfigSchema } from '../../../policy/transformer/transformer-config';
import { calcTask } from '../../../tasks/language/calc.task';
import { VOCAB_SIZE, encode } from '../../../tasks/language/vocab';
import { Trainer } from '../../../trainer/trainer';
import { aepoBranchingSampler, aepoDrawnGroups, aepoRound } from './aepo-branching.module';
import type { TaskTool } from './task-tools';

beforeAll(async () => {
  await initBackend('wasm');
});

const K = 4;
const EQ = encode('=')[0];
/** A tool a random model calls often: any turn that ends with "=" gets "77" back. */
const echoTool: TaskTool = { callEnd: EQ, answerMarker: encode('>')[0], call: (turn) => (turn.at(-1) === EQ ? encode('77') : null) };

/** Calc from random weights, 2 prompts × k = 4, NGRPO so all-zero groups still carry a gradient. */
function calcConfig(): RunConfig {
  const r = parseRunConfig({
    seed: 5,
    task: { id: 'calc' },
    policy: { init: 'random', transformer: { layers: 1, dModel: 16, heads: 2, context: 32 } },
    stages: {
      sample: { id: 'aepo-branching', params: { prompts: 2, groupSize: K } },
      advantage: { id: 'ngrpo' },
      surrogate: { id: 'ppo-clip' },
      aggregate: { id: 'token-mean' },
      update: { id: 'adam', params: { lr: 1e-2, epochs: 1, minibatches: 1, normAdvantages: 'none' } },
    },
    schedule: { updates: 2, evalEvery: 0 },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.config;
}

describe('aepo-branching on calc (tiny random policy)', () => {
  it('gives every prompt exactly k transcripts, with branch prefixes masked', async () => {
    const task = calcTask.create(calcTask.schema.parse({}));
    const policy = new LanguagePolicy(TransformerConfigSchema.parse({ layers: 1, dModel: 16, heads: 2, context: 32 }), VOCAB_SIZE, 'plain', new Rng(3));
    // A low threshold so branches happen whenever a tool call is made.
    const sampler = aepoBranchingSampler.create(aepoBranchingSampler.schema.parse({ prompts: 3, groupSize: K, branchThreshold: 0.05 }));
    const rng = new Rng(11);
    for (let u = 0; u < 2; u++) {
      const batch = await sampler.collect({ task, policy, rng });
      const perGroup = [0, 0, 0];
      for (const s of batch.seqs) perGroup[s.group] += 1;
      expect(perGroup).toEqual([K, K, K]);
      expect(batch.lossMask).toBeDefined();
      const m = sampler.metrics();
      expect(m['aepo/global_frac']).toBeGreaterThan(0);
      expect(m['aepo/global_frac']).toBeLessThanOrEqual(1);
      expect(m['aepo/branch_max']).toBeLessThanOrEqual(K - 1);
      expect(m['aepo/branches_mean']).toBeLessThanOrEqual(m['aepo/branch_max']);
      for (const v of Object.values(m)) expect(Number.isFinite(v)).toBe(true);
    }
    policy.dispose();
  });

  it('branches copy the parent up to the tool output, re-sample the rest, and mask the copy', async () => {
    const task = calcTask.create(calcTask.schema.parse({}));
    const policy = new LanguagePolicy(TransformerConfigSchema.parse({ layers: 1, dModel: 16, heads: 2, context: 32 }), VOCAB_SIZE, 'plain', new Rng(3));
    const p = aepoBranchingSampler.schema.parse({ prompts: 4, groupSize: 6, branchThreshold: 0, maskVoidTurns: false });
    const rng = new Rng(7);
    const examples = Array.from({ length: p.prompts }, () => task.sample(rng));
    const { groups } = await aepoRound(task, echoTool, policy, examples, p, rng);
    policy.dispose();
    expect(groups.every((g) => g.transcripts.length === 6 && g.rewards.length === 6)).toBe(true);
    // τ = 0: every answered call branches until the k − m budget is spent.
    expect(groups.reduce((a, g) => a + g.branches, 0)).toBeGreaterThan(0);
    const drawn = aepoDrawnGroups(groups, p);
    groups.forEach((g, gi) => {
      expect(g.globals + g.branches).toBeLessThanOrEqual(6);
      g.transcripts.forEach((t, i) => {
        const mask = drawn[gi].rows[i].lossMask!;
        if (t.copied === 0) return;
        expect(t.length).toBeGreaterThan(t.copied);
        expect(Array.from(mask.subarray(0, t.copied)).every((x) => x === 0)).toBe(true);
        expect(t.forced[t.copied - 1]).toBe(1); // the copy ends with tool output
        const parent = g.transcripts.find((o) => o !== t && Array.from(o.tokens.subarray(0, t.copied)).join() === Array.from(t.tokens.subarray(0, t.copied)).join());
        expect(parent).toBeDefined();
      });
    });
  });

  it('runs 2 Trainer updates with finite numbers and no tensor growth', async () => {
    const t = await Trainer.create(calcConfig());
    const rows = [(await t.step()) as Record<string, number>];
    const before = tf.memory().numTensors;
    rows.push((await t.step()) as Record<string, number>);
    const after = tf.memory().numTensors;
    t.dispose();
    expect(after).toBe(before);
    for (const row of rows) {
      for (const k of ['grad/norm', 'loss/policy', 'reward/mean', 'tools/turns_mean', 'aepo/global_frac', 'aepo/branches_mean', 'aepo/branch_max']) {
        expect(Number.isFinite(row[k]), k).toBe(true);
      }
      expect(row['aepo/global_frac'] * K + row['aepo/branches_mean']).toBeLessThanOrEqual(K + 1e-9);
    }
  });
});
