import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { alol, alolSurrogate } from './alol.module';
import { close, lossAndGrad, surrogateInputs } from '../test-inputs';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('A-LoL weighted likelihood (algorithms-llm.md §25, Appendix C)', () => {
  // Sequence 0: two tokens with log-ratios 0.5 and 0.3 (sum 0.8); sequence 1: one token, log-ratio −3.
  // logp = logp_old + log r = [−0.5, −1.7, −3.5]; A⁺ = 0.3 on every step.
  const c = { r: [Math.exp(0.5), Math.exp(0.3), Math.exp(-3)], a: [0.3, 0.3, 0.3], logpOld: [-1, -2, -0.5], seqIds: [0, 0, 1] };

  it('seq: log-ratio 0.8 → e^0.8 = 2.226 → w = 1.9; −3 → 0.050 → w = 0.1; l = −A·w·logp', () => {
    const s = alol({ mode: 'seq', epsilon: 0.9 });
    const { perStep, grad, low, high } = lossAndGrad(s, c);
    close(perStep, [0.3 * 1.9 * 0.5, 0.3 * 1.9 * 1.7, 0.3 * 0.1 * 3.5], 5); // 0.285, 0.969, 0.105
    close(grad, [-0.57, -0.57, -0.03], 5); // w is detached: ∂l/∂logp = −A·w
    expect(high).toEqual([1, 1, 0]);
    expect(low).toEqual([0, 0, 1]);
  });

  it('token (A-LoL seq): each token its own clipped ratio: e^0.5 = 1.6487, e^0.3 = 1.3499, e^−3 → 0.1', () => {
    const { grad, low, high } = lossAndGrad(alol({ mode: 'token', epsilon: 0.9 }), c);
    close(grad, [-0.3 * 1.64872, -0.3 * 1.34986, -0.03], 5);
    expect(high).toEqual([0, 0, 0]);
    expect(low).toEqual([0, 0, 1]);
  });

  it('ref-free: A·NLL, no weight and no clip flags', () => {
    const { perStep, grad, low } = lossAndGrad(alol({ mode: 'ref-free', epsilon: 0.9 }), c);
    close(perStep, [0.15, 0.51, 1.05], 5);
    close(grad, [-0.3, -0.3, -0.3], 5);
    expect(low).toBeNull();
  });

  it('alol/ratio_mean: mean clipped weight over the steps since the last row, (1.9 + 1.9 + 0.1)/3 = 1.3', () => {
    const s = alol({ mode: 'seq', epsilon: 0.9 });
    tf.tidy(() => {
      const old = tf.tensor1d(c.logpOld);
      const logp = tf.add(old, tf.tensor1d(c.r.map(Math.log))) as tf.Tensor1D;
      s.loss(surrogateInputs(logp, old as tf.Tensor1D, tf.tensor1d(c.a), c.seqIds));
    });
    expect(s.metrics()['alol/ratio_mean']).toBeCloseTo(1.3, 5);
    expect(s.metrics()['alol/ratio_mean']).toBe(1); // reset after each read
  });

  it('defaults: mode seq, ε = 0.9 (LoL-RL ppo_clip)', () => {
    expect(alolSurrogate.schema.parse({})).toEqual({ mode: 'seq', epsilon: 0.9 });
  });
});
