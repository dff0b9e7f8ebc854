import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { gppo } from './gppo.module';
import { ppoClip } from '../ppo-clip.module';
import { close, lossAndGrad } from './test-inputs';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const base = { clipRatioLow: 0.2, clipRatioHigh: 0.28, beta1: 1, beta2: 1, clipRatioC: 10 };
const ppo = ppoClip({ clipRatioLow: 0.2, clipRatioHigh: 0.28, clipRatioC: 10, clipSchedule: 'constant' });

describe('GPPO gradient-preserving clip (algorithms-llm.md §7, Appendix C)', () => {
  // (r, A): above the ceiling; below the floor; inside the band.
  const c = { r: [1.5, 0.5, 1.1], a: [1, -1, 1], logpOld: [-2, -0.3, -1] };

  it('has the same forward value as PPO clip: −1.28, 0.80, −1.10', () => {
    close(lossAndGrad(gppo(base), c).perStep, [-1.28, 0.8, -1.1], 5);
    close(lossAndGrad(ppo, c).perStep, [-1.28, 0.8, -1.1], 5);
  });

  it('r = 1.5, A = +1 → gradient factor 1.28 where PPO gives 0 (and 0.8 vs 0 at r = 0.5, A = −1)', () => {
    // ∇l = −F·A·∇log π: F = 1.28, 0.8, 1.1.
    close(lossAndGrad(gppo(base), c).grad, [-1.28, 0.8, -1.1], 5);
    close(lossAndGrad(ppo, c).grad, [0, 0, -1.1], 5);
  });

  it('β1 = 0.25 scales the low-side factor to 0.2 (value −β1(1−ε_low)A)', () => {
    const { perStep, grad } = lossAndGrad(gppo({ ...base, beta1: 0.25 }), { r: [0.5], a: [-1] });
    close(perStep, [0.2], 5);
    close(grad, [0.2], 5);
  });

  it('flags the clipped steps (which still carry gradient) and keeps the dual clip', () => {
    const { low, high } = lossAndGrad(gppo(base), c);
    expect(low).toEqual([0, 1, 0]);
    expect(high).toEqual([1, 0, 0]);
    const dual = lossAndGrad(gppo(base), { r: [12], a: [-1] });
    close(dual.perStep, [10], 5);
    close(dual.grad, [0], 5);
  });
});
