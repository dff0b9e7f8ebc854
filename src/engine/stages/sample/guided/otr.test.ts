import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { vanillaPgSurrogate } from '../../surrogate/vanilla-pg.module';
import { tokenMean } from '../../aggregate/aggregation';
import { surrogateInputs } from '../../surrogate/variants/test-inputs';
import { assembleLanguageBatch } from '../group-prompts';
import { EOS, encode } from '../../../tasks/language/vocab';
import type { SampledCompletions } from '../../../policy/transformer/kv-sampler';
import { otrAdvantage, otrGroups, otrHitFrac, otrPositions } from './otr-positions';
import { fixtureExample } from './drawn-fixtures';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const [a, b, c] = encode('abc');

/** One-step candidates as the KV sampler returns them. */
function sampled(tokens: number[], probs: number[]): SampledCompletions {
  return {
    rows: tokens.length,
    steps: 1,
    tokens: Int32Array.from(tokens),
    logp: Float32Array.from(probs, Math.log),
    entropy: new Float32Array(tokens.length),
    lengths: new Int32Array(tokens.length).fill(1),
  };
}

describe('OTR one-token rollouts (algorithms-llm.md §23)', () => {
  it('each position t is a state (x, y*_<t) after the prompt’s <sep>, its target y*_t, <eos> included', () => {
    const ex = fixtureExample('ab', 'ba');
    const demo = [...encode('ba'), EOS];
    const pos = otrPositions([ex], [demo]);
    expect(pos.map((p) => p.prompt)).toEqual([ex.prompt, [...ex.prompt, demo[0]], [...ex.prompt, demo[0], demo[1]]]);
    expect(pos.map((p) => p.truth)).toEqual(demo);
  });

  it('§23 example: y*_t = b, candidates [b, a, b, c], β = 0.1, π(b) = 0.5, π(a) = 0.3, π(c) = 0.1 → L_t = 0.2589', () => {
    expect([b, a, b, c].map((x) => otrAdvantage(x, b, 0.1))).toEqual([1, -0.1, 1, -0.1]);
    const ex = fixtureExample('x', 'b');
    const groups = otrGroups([{ example: ex, prompt: ex.prompt, truth: b }], sampled([b, a, b, c], [0.5, 0.3, 0.5, 0.1]), 4, 0.1);
    const batch = assembleLanguageBatch(groups, 1, 40, 4, 1);
    expect(batch.seqs.map((s) => s.advantage)).toEqual([1, -0.1, 1, -0.1]);
    expect(batch.seqs.map((s) => s.reward)).toEqual([1, 0, 1, 0]);
    expect(batch.lm!.steps).toBe(1);

    // The trainer's math: vanilla-pg per step, token-mean weights over the 4 one-token rollouts.
    const adv = Float32Array.from(batch.seqs, (s) => s.advantage!);
    const w = tf.tensor1d(tokenMean.create({}).weights(batch.seqId, 8));
    const pg = vanillaPgSurrogate.create({});
    const loss = (lp: tf.Tensor) => tf.sum(tf.mul(w, pg.loss(surrogateInputs(lp as tf.Tensor1D, tf.tensor1d(batch.logpOld), tf.tensor1d(adv))))) as tf.Scalar;
    const logp = tf.tensor1d(batch.logpOld);
    expect(loss(logp).dataSync()[0]).toBeCloseTo(0.2589, 4);
    // dL/dlog π(a_k) = −ρ_k / K
    const grad = Array.from(tf.grad(loss)(logp).dataSync());
    [-0.25, 0.025, -0.25, 0.025].forEach((g, i) => expect(grad[i]).toBeCloseTo(g, 6));
  });

  it('hit_frac counts positions where a sampled candidate matched; a forced ground truth does not count', () => {
    const ex = fixtureExample('x', 'ab');
    const pos = otrPositions([ex], [[a, b]]);
    const groups = otrGroups(pos, sampled([a, c, c, c], [0.5, 0.5, 0.5, 0.5]), 2, 0.1);
    expect(otrHitFrac(groups)).toBe(0.5);
    // With "always include ground truth" the first candidate is y*_t, forced.
    const forced = Int32Array.of(a, -1, b, -1);
    const withTruth = otrGroups(pos, sampled([a, c, b, c], [0.5, 0.5, 0.5, 0.5]), 2, 0.1, forced);
    expect(withTruth.map((g) => g.rewards)).toEqual([[1, 0], [1, 0]]);
    expect(otrHitFrac(withTruth)).toBe(0);
  });
});
