import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import '../../backend/register-node';
import { initBackend } from '../../backend/backend';
import { Rng } from '../../core/rng';
import { Transformer } from './transformer';
import { TransformerConfigSchema } from './transformer-config';
import { drawFromProbs, samplingProbs } from './sampling-filters';
import { sampleWithKvCache } from './kv-sampler';
import { completionLogits } from './completion-logits';

const V = 12;
const IDS = { pad: 0, eos: 1 };
let model: Transformer;

beforeAll(async () => {
  await initBackend('wasm');
  model = new Transformer(TransformerConfigSchema.parse({ layers: 2, dModel: 32, heads: 4, context: 24 }), V, new Rng(1));
});

const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};

describe('sampling filters over the full vocabulary', () => {
  const base = { temperature: 1, topK: 0, topP: 1, minP: 0 };
  const probs = (p: Partial<typeof base>) => Array.from(samplingProbs(tf.log(tf.tensor2d([[0.5, 0.3, 0.15, 0.05]])) as tf.Tensor2D, { ...base, ...p }).dataSync());
  const close = (got: number[], want: number[]) => want.forEach((w, i) => expect(got[i]).toBeCloseTo(w, 5));

  it('top-k 2 keeps 0.5 and 0.3, renormalised to 0.625 and 0.375', () => close(probs({ topK: 2 }), [0.625, 0.375, 0, 0]));
  it('top-p 0.8 stops once 0.8 is reached; top-p 0.85 keeps a third token', () => {
    close(probs({ topP: 0.8 }), [0.625, 0.375, 0, 0]);
    close(probs({ topP: 0.85 }), [0.5 / 0.95, 0.3 / 0.95, 0.15 / 0.95, 0]);
  });
  it('min-p 0.2 drops tokens below 0.2 × 0.5 = 0.1', () => close(probs({ minP: 0.2 }), [0.5 / 0.95, 0.3 / 0.95, 0.15 / 0.95, 0]));
  it('temperature 2 flattens: p ∝ √p', () => {
    const r = [0.5, 0.3, 0.15, 0.05].map(Math.sqrt);
    const z = r.reduce((a, b) => a + b);
    close(probs({ temperature: 2 }), r.map((x) => x / z));
  });
  it('draws by inverse CDF: u 0.1 → 0, 0.25 → 1, 0.6 → 2, 0.999 → 2', () => {
    const p = tf.tensor2d([[0.2, 0.3, 0.5], [0.2, 0.3, 0.5], [0.2, 0.3, 0.5], [0.2, 0.3, 0.5]]);
    expect(Array.from(drawFromProbs(p, tf.tensor1d([0.1, 0.25, 0.6, 0.999])).dataSync())).toEqual([0, 1, 2, 2]);
  });
});

describe('tiny transformer', () => {
  const prompts = [
    [2, 3, 4, 5, 6],
    [7, 8, 9],
    [3, 3, 10, 11],
  ];

  it('KV-cached sampling scores tokens exactly as a full forward does', async () => {
    const before = tf.memory().numTensors;
    const out = await sampleWithKvCache(model, prompts, 8, { temperature: 1, topK: 0, topP: 1, minP: 0 }, new Rng(5), IDS);
    expect(tf.memory().numTensors).toBe(before);
    const logits = completionLogits(model, prompts, out.tokens, 1, 8, IDS.pad, 'plain');
    const logp = tf.tidy(() => tf.sum(tf.mul(tf.logSoftmax(logits), tf.oneHot(tf.tensor2d(out.tokens, [3, 8], 'int32'), V)), 2));
    const full = logp.dataSync();
    for (let r = 0; r < 3; r++) {
      for (let s = 0; s < out.lengths[r]; s++) expect(Math.abs(full[r * 8 + s] - out.logp[r * 8 + s])).toBeLessThan(1e-4);
    }
    logits.dispose();
    logp.dispose();
  });

  it('the same generator seed draws the same completions', async () => {
    const a = await sampleWithKvCache(model, prompts, 6, { temperature: 1, topK: 0, topP: 1, minP: 0 }, new Rng(9), IDS);
    const b = await sampleWithKvCache(model, prompts, 6, { temperature: 1, topK: 0, topP: 1, minP: 0 }, new Rng(9), IDS);
    expect(Array.from(a.tokens)).toEqual(Array.from(b.tokens));
  });

  it('the shared-prefix forward gives the plain forward loss and gradients (max diff ≤ 1e-5)', () => {
    const g = 4;
    const s = 6;
    const rng = new Rng(3);
    const completions = Int32Array.from({ length: prompts.length * g * s }, () => 2 + rng.int(V - 2));
    const weights = tf.tensor3d(Float32Array.from({ length: prompts.length * g * s * V }, () => rng.normal()), [prompts.length * g, s, V]);
    const loss = (mode: 'plain' | 'shared-prefix') => () =>
      tf.mean(tf.mul(tf.logSoftmax(completionLogits(model, prompts, completions, g, s, IDS.pad, mode)), weights)) as tf.Scalar; // a token-mean loss, as training uses
    const plain = tf.variableGrads(loss('plain'), model.variables());
    const shared = tf.variableGrads(loss('shared-prefix'), model.variables());
    expect(Math.abs(plain.value.dataSync()[0] - shared.value.dataSync()[0])).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(plain.value.dataSync()[0])));
    let worst = 0;
    for (const v of model.variables()) worst = Math.max(worst, maxAbsDiff(plain.grads[v.name].dataSync(), shared.grads[v.name].dataSync()));
    console.log(`prefix grouper: max |grad diff| = ${worst.toExponential(2)}`);
    expect(worst).toBeLessThanOrEqual(1e-5);
  });
});
