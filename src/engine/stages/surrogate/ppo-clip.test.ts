import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ppoClip } from './ppo-clip.module';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Surrogate inputs; logpOld and entropy are unused by PPO's clip and set to zeros. */
function inputs(logp: tf.Tensor, ratio: tf.Tensor, adv: tf.Tensor, progress = 0) {
  return { logp: logp as tf.Tensor1D, ratio: ratio as tf.Tensor1D, adv: adv as tf.Tensor1D, logpOld: tf.zerosLike(logp) as tf.Tensor1D, entropy: tf.zerosLike(logp) as tf.Tensor1D, progress, seqIds: new Int32Array(logp.size), seqCount: 1 };
}

function lossAndGrad(r: number[], a: number[], params: Parameters<typeof ppoClip>[0]) {
  const s = ppoClip(params);
  const adv = tf.tensor1d(a);
  const logRatio = tf.tensor1d(r.map(Math.log));
  const f = (lr: tf.Tensor) => tf.sum(s.loss(inputs(lr, tf.exp(lr), adv)));
  const perStep = s.loss(inputs(logRatio, tf.exp(logRatio), adv)).arraySync();
  const grad = tf.grad(f)(logRatio).arraySync() as number[];
  const masks = s.clipMasks(inputs(logRatio, tf.exp(logRatio), adv))!;
  return { perStep, grad, low: masks.low.arraySync(), high: masks.high.arraySync() };
}

describe('PPO clipped surrogate (algorithms-llm.md §0.3, Appendix C)', () => {
  const params = { clipRatioLow: 0.2, clipRatioHigh: 0.28, clipRatioC: 3, clipSchedule: 'constant' as const };
  const r = [1.3, 1.3, 0.7, 0.7, 4.0];
  const a = [1, -1, -1, 1, -1];

  it('gives −1.28, 1.30, 0.80, −0.70, 3.00 with ε = (0.2, 0.28), c = 3', () => {
    const { perStep } = lossAndGrad(r, a, params);
    [-1.28, 1.3, 0.8, -0.7, 3.0].forEach((w, i) => expect(perStep[i]).toBeCloseTo(w, 5));
  });

  it('zeroes the gradient exactly on the clipped and dual-clipped branches', () => {
    const { grad } = lossAndGrad(r, a, params);
    expect(grad[0]).toBe(0); // clip high (A>0, r>1.28)
    expect(grad[1]).toBeCloseTo(1.3, 5); // unclipped: d(−A r)/dlog r = −A r
    expect(grad[2]).toBe(0); // clip low
    expect(grad[3]).toBeCloseTo(-0.7, 5);
    expect(grad[4]).toBe(0); // dual clip
  });

  it('flags clip-low and clip-high steps for the metrics', () => {
    const { low, high } = lossAndGrad(r, a, params);
    expect(low).toEqual([0, 0, 1, 0, 0]);
    expect(high).toEqual([1, 0, 0, 0, 0]);
  });

  it('CleanRL examples with ε = 0.2: (1.3,+1) → −1.2, (0.7,−1) → 0.8, (1.1,+2) → −2.2', () => {
    const { perStep } = lossAndGrad([1.3, 0.7, 1.1], [1, -1, 2], { ...params, clipRatioHigh: 0.2, clipRatioC: null });
    [-1.2, 0.8, -2.2].forEach((w, i) => expect(perStep[i]).toBeCloseTo(w, 5));
  });

  it('a linear clip schedule narrows the band as the run progresses', () => {
    const s = ppoClip({ ...params, clipRatioHigh: 0.2, clipRatioC: null, clipSchedule: 'linear' });
    const x = inputs(tf.tensor1d([0]), tf.tensor1d([1.15]), tf.tensor1d([1]), 0.5);
    expect(s.loss(x).arraySync()[0]).toBeCloseTo(-1.1, 5); // band is now [0.9, 1.1]
  });
});
