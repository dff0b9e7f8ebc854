import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import '../../backend/register-node';
import { initBackend } from '../../backend/backend';
import { Rng } from '../../core/rng';
import { Transformer } from './transformer';
import { TransformerConfigSchema } from './transformer-config';
import { sampleWithKvCache } from './kv-sampler';
import { completionLogits } from './completion-logits';

const V = 12;
const IDS = { pad: 0, eos: 1 };
const PLAIN = { temperature: 1, topK: 0, topP: 1, minP: 0 };
let model: Transformer;

beforeAll(async () => {
  await initBackend('wasm');
  model = new Transformer(TransformerConfigSchema.parse({ layers: 1, dModel: 16, heads: 2, context: 24 }), V, new Rng(3));
});

describe('KV sampler: forced and stop tokens', () => {
  const prompts = [
    [2, 3, 4],
    [5, 6],
  ];

  it('emits forced tokens (an <eos> among them does not end the row) and scores them as a full forward does', async () => {
    const S = 6;
    const forced = new Int32Array(2 * S).fill(-1);
    forced.set([7, IDS.eos, 8], 0); // row 0: a forced prefix with an <eos> inside
    forced.set([9, 9, 9, 9, 9, 9], S); // row 1: a whole demonstration
    const before = tf.memory().numTensors;
    const out = await sampleWithKvCache(model, prompts, S, PLAIN, new Rng(4), IDS, { forced });
    expect(tf.memory().numTensors).toBe(before);
    expect(Array.from(out.tokens.subarray(0, 3))).toEqual([7, IDS.eos, 8]);
    expect(Array.from(out.tokens.subarray(S, 2 * S))).toEqual([9, 9, 9, 9, 9, 9]);
    expect(out.lengths[1]).toBe(S);
    expect(out.lengths[0]).toBeGreaterThanOrEqual(4);
    const logits = completionLogits(model, prompts, out.tokens, 1, S, IDS.pad, 'plain');
    const logp = tf.tidy(() => tf.sum(tf.mul(tf.logSoftmax(logits), tf.oneHot(tf.tensor2d(out.tokens, [2, S], 'int32'), V)), 2));
    const full = logp.dataSync();
    for (let r = 0; r < 2; r++) for (let s = 0; s < out.lengths[r]; s++) expect(Math.abs(full[r * S + s] - out.logp[r * S + s])).toBeLessThan(1e-4);
    logits.dispose();
    logp.dispose();
  });

  it('a sampled stop token ends its row like <eos>; pads follow', async () => {
    const S = 8;
    // Every free token is a stop token: each row stops at its first sampled step.
    const stops = Array.from({ length: V }, (_, i) => i).filter((t) => t !== IDS.pad);
    const forced = new Int32Array(2 * S).fill(-1);
    forced.set([4, 4], 0);
    const out = await sampleWithKvCache(model, prompts, S, PLAIN, new Rng(5), IDS, { forced, stopTokens: stops });
    expect(out.lengths[0]).toBe(3);
    expect(out.lengths[1]).toBe(1);
    expect(Array.from(out.tokens.subarray(3, S)).every((t) => t === IDS.pad)).toBe(true);
  });

  it('without forced tokens the draws are those of the plain sampler', async () => {
    const a = await sampleWithKvCache(model, prompts, 5, PLAIN, new Rng(6), IDS);
    const b = await sampleWithKvCache(model, prompts, 5, PLAIN, new Rng(6), IDS, { forced: new Int32Array(10).fill(-1) });
    expect(Array.from(b.tokens)).toEqual(Array.from(a.tokens));
  });
});
