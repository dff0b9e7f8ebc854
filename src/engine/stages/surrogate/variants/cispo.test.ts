import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cispo, cispoSurrogate } from './cispo.module';
import { close, lossAndGrad } from './test-inputs';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const trl = cispoSurrogate.create(cispoSurrogate.schema.parse({}));
const verl = cispo({ convention: 'verl', epsilonMax: 5, clipRatioLow: 0.2, clipRatioHigh: 0.28 });
// log π_old = −1, so log π ≠ 0 and a weight that leaked gradient would change the result.
const c = { r: [1.5, 0.5, 7], a: [1, -1, 1], logpOld: [-1, -1, -1] };

describe('CISPO (grpo-libraries.md §1.4, T2)', () => {
  it('weight at r = 1.5: TRL (cap 5) 1.5, verl (clip [0.8, 1.28]) 1.28; at r = 0.5: 0.5 and 0.8', () => {
    // ∇l = −sg(w)·A·∇log π, so the gradient per step is −w·A.
    close(lossAndGrad(trl, c).grad, [-1.5, 0.5, -5], 5);
    close(lossAndGrad(verl, c).grad, [-1.28, 0.8, -1.28], 5);
  });

  it('value is −w·A·log π: r = 1.5 (log π = −1 + ln 1.5) → 0.891802 under TRL', () => {
    const logp = -1 + Math.log(1.5);
    close(lossAndGrad(trl, c).perStep, [-1.5 * logp, 0.5 * (-1 + Math.log(0.5)), -5 * (-1 + Math.log(7))], 5);
    expect(-1.5 * logp).toBeCloseTo(0.891802, 5);
  });

  it('flags the steps whose weight is capped (they keep a gradient)', () => {
    expect(lossAndGrad(trl, c).high).toEqual([0, 0, 1]);
    expect(lossAndGrad(verl, c).high).toEqual([1, 0, 1]);
    expect(lossAndGrad(verl, c).low).toEqual([0, 1, 0]);
  });
});
