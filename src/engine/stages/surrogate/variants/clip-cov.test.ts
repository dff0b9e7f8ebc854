import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../../core/rng';
import { clipCov, clipCovSelect, clipCovSurrogate, type ClipCovParams } from './clip-cov.module';
import { tokenCovariance } from './clip-util';
import { close, inTidy, surrogateInputs } from './test-inputs';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// algorithms-llm.md §9 worked example.
const logp = [0.9, 0.2, 0.6, 0.05, 0.7, 0.3].map(Math.log);
const adv = [1, 1, 1, -1, -1, -1];
const ones = adv.map(() => 1);
const params: ClipCovParams = { clipCovRatio: 2e-4, clipCovLb: 1, clipCovUb: 5, clipRatioLow: 0.2, clipRatioHigh: 0.2, seed: 3 };

describe('token covariance of (logp, A) (algorithms-llm.md §9, Appendix C)', () => {
  it('Cov = [1.0250, −0.4791, 0.6195, 1.8654, −0.7737, 0.0736], mean 0.3885, max at token 4', () => {
    const cov = tokenCovariance(logp, adv);
    close(cov, [1.025, -0.4791, 0.6195, 1.8654, -0.7737, 0.0736], 4);
    expect(cov.reduce((s, c) => s + c, 0) / cov.length).toBeCloseTo(0.3885, 4);
    expect(cov.indexOf(Math.max(...cov))).toBe(3); // token 4, 1-based
  });
});

describe('Clip-Cov selection and loss', () => {
  it('candidates with 1 < Cov < 5 are tokens 1 and 4; n_clip = max(⌊2e-4·6⌋, 1) = 1 of them is detached', () => {
    const sel = clipCovSelect(logp, adv, ones, params, new Rng(1));
    expect(sel.candidates).toEqual([0, 3]);
    expect(sel.detached).toHaveLength(1);
    expect([0, 3]).toContain(sel.detached[0]);
  });

  it('draws from its seeded generator: the same seed repeats, and both candidates come up over draws', () => {
    const draw = (seed: number) => {
      const rng = new Rng(seed);
      return Array.from({ length: 20 }, () => clipCovSelect(logp, adv, ones, params, rng).detached[0]);
    };
    expect(draw(7)).toEqual(draw(7));
    expect(new Set(draw(7))).toEqual(new Set([0, 3]));
  });

  it('never picks a token already cut by the PPO clip', () => {
    const r = [2.5, 1, 1, 1, 1, 1]; // token 1: A > 0, r > 1.2 → on the clipped branch
    for (let seed = 0; seed < 5; seed++) expect(clipCovSelect(logp, adv, r, params, new Rng(seed)).detached).toEqual([3]);
  });

  it('zeroes the loss and gradient of the detached token only (r = 1: l = −A, ∇ = −A elsewhere)', () => {
    const s = clipCov(params);
    const out = inTidy(() => {
      const old = tf.tensor1d(logp);
      const a = tf.tensor1d(adv);
      const x = (lp: tf.Tensor) => surrogateInputs(lp as tf.Tensor1D, old, a);
      const perStep = Array.from(s.loss(x(tf.tensor1d(logp))).dataSync());
      const first = s.lastSelection()!.detached[0];
      const grad = Array.from(tf.grad((lp: tf.Tensor) => tf.sum(s.loss(x(lp))))(tf.tensor1d(logp)).dataSync());
      return { perStep, first, second: s.lastSelection()!.detached[0], grad };
    });
    const want = (d: number) => adv.map((v, i) => (i === d ? 0 : -v));
    close(out.perStep, want(out.first), 6);
    close(out.grad, want(out.second), 6);
  });

  it('shows the paper value beside the scaled default', () => {
    expect(clipCovSurrogate.schema.parse({}).clipCovRatio).toBe(0.02);
    expect(clipCovSurrogate.schema.shape.clipCovRatio.description).toMatch(/2e-4/);
  });
});
