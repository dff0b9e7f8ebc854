import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { Adam } from './adam';
import { clipGradNorm } from './clip-grad-norm';
import { orthogonalMatrix } from './orthogonal';
import { stopGradient } from './stop-gradient';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('stop-gradient (algorithms-llm.md Appendix D)', () => {
  it('passes the value unchanged and its gradient is exactly 0', () => {
    const x = tf.tensor1d([1.5, -2]);
    expect(stopGradient(x).arraySync()).toEqual([1.5, -2]);
    const g = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(stopGradient(t), t)))(x);
    // d/dx [sg(x)·x] = sg(x) = x: only the second factor carries a gradient.
    expect(g.arraySync()).toEqual([1.5, -2]);
    const g0 = tf.grad((t: tf.Tensor) => tf.sum(stopGradient(t)))(x);
    expect(g0.arraySync()).toEqual([0, 0]);
  });
});

describe('Adam', () => {
  it('first step moves each weight by lr·sign(g) (m̂ = g, v̂ = g²)', () => {
    const w = tf.variable(tf.tensor1d([1, 1]));
    const opt = new Adam([w], 0.9, 0.999, 1e-8);
    opt.step([tf.tensor1d([0.5, -3])], 0.1);
    const [a, b] = w.arraySync() as number[];
    expect(a).toBeCloseTo(0.9, 6);
    expect(b).toBeCloseTo(1.1, 6);
  });

  it('second step with g = [1] then [3]: m̂ = 2.0526, v̂ = 5.0020 → Δ = lr·0.9178', () => {
    // m1 = .1, v1 = .001; m2 = .09 + .3 = .39, v2 = .000999 + .009 = .009999
    // m̂ = .39/.19 = 2.0526, v̂ = .009999/.001999 = 5.0020, Δ = 2.0526/2.2365 = 0.9178
    const w = tf.variable(tf.tensor1d([0]));
    const opt = new Adam([w], 0.9, 0.999, 1e-8);
    opt.step([tf.tensor1d([1])], 1);
    opt.step([tf.tensor1d([3])], 1);
    expect((w.arraySync() as number[])[0]).toBeCloseTo(-1 - 0.9178, 3);
  });
});

describe('global gradient-norm clipping', () => {
  it('scales [3,4] (norm 5) to norm 0.5 and leaves a small gradient alone', () => {
    const { clipped, norm } = clipGradNorm([tf.tensor1d([3]), tf.tensor1d([4])], 0.5);
    expect(norm.arraySync()).toBeCloseTo(5, 5);
    expect(clipped[0].arraySync()).toEqual([expect.closeTo(0.3, 5)]);
    expect(clipped[1].arraySync()).toEqual([expect.closeTo(0.4, 5)]);
    const small = clipGradNorm([tf.tensor1d([0.1])], 0.5);
    expect(small.clipped[0].arraySync()).toEqual([expect.closeTo(0.1, 6)]);
  });
});

describe('orthogonal init', () => {
  it('has orthonormal columns (tall) or rows (wide), times the gain', () => {
    for (const [rows, cols] of [
      [8, 3],
      [3, 8],
    ]) {
      const w = tf.tensor2d(orthogonalMatrix(rows, cols, 2, new Rng(1)), [rows, cols]);
      const gram = (rows >= cols ? tf.matMul(w, w, true, false) : tf.matMul(w, w, false, true)).arraySync() as number[][];
      gram.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(i === j ? 4 : 0, 4)));
    }
  });
});
