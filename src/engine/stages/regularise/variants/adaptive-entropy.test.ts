import * as tf from '@tensorflow/tfjs';
import { regulariserInputs } from '../regulariser-inputs';
import { beforeAll, describe, expect, it } from 'vitest';
import { adaptiveEntropy } from './adaptive-entropy.module';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** One optimiser step's loss with token-mean weights over the given entropies. */
function step(reg: ReturnType<typeof adaptiveEntropy.create>, h: number[]): number {
  return tf.tidy(() => {
    const entropy = tf.tensor1d(h);
    const aggWeights = tf.fill([h.length], 1 / h.length) as tf.Tensor1D;
    return reg.loss(regulariserInputs({ logp: tf.zerosLike(entropy), entropy, aggWeights })).dataSync()[0];
  });
}

describe('adaptive entropy bonus (grpo-libraries.md §1.7 and T5: TRL use_adaptive_entropy, Skywork-OR1)', () => {
  it('c = 0, δ = 0.005, target 0.2: H = 0.15 gives c = 0.005 next step, applied because H ≤ target; H̄ = 1.2 with c = 0.01 gives −0.012', () => {
    const reg = adaptiveEntropy.create(adaptiveEntropy.schema.parse({}));
    expect(reg.state()).toEqual({ coef: 0, lastEntropy: Infinity });
    // Step 1: no measurement yet → no bonus; H = 0.15 ≤ 0.2 raises c to 0.005.
    expect(step(reg, [0.1, 0.2])).toBeCloseTo(0, 8);
    expect(reg.state().coef).toBeCloseTo(0.005, 8);
    // Step 2: last H ≤ target → bonus −0.005·0.15; c → 0.01.
    expect(step(reg, [0.15, 0.15])).toBeCloseTo(-0.00075, 7);
    expect(reg.state().coef).toBeCloseTo(0.01, 8);
    // Step 3: c = 0.01 applied (last H = 0.15), H̄ = 1.2 → −0.012; H > target lowers c to 0.005.
    expect(step(reg, [1.2, 1.2, 1.2])).toBeCloseTo(-0.012, 7);
    expect(reg.state()).toEqual({ coef: expect.closeTo(0.005, 8), lastEntropy: expect.closeTo(1.2, 6) });
    // Step 4: last H = 1.2 > target → the bonus is off even though c > 0.
    expect(step(reg, [0.1])).toBeCloseTo(0, 8);
    expect(reg.state().coef).toBeCloseTo(0.01, 8);
  });

  it('keeps c within [c_min, c_max]', () => {
    const reg = adaptiveEntropy.create(adaptiveEntropy.schema.parse({ initCoef: 0.02, coefMin: 0.01, coefMax: 0.03, delta: 0.02 }));
    step(reg, [0.1]);
    expect(reg.state().coef).toBeCloseTo(0.03, 8);
    step(reg, [5]);
    step(reg, [5]);
    expect(reg.state().coef).toBeCloseTo(0.01, 8);
  });

  it('the bonus carries the gradient of −c·agg(H) and nothing else', () => {
    const reg = adaptiveEntropy.create(adaptiveEntropy.schema.parse({ initCoef: 0.5, target: 1 }));
    step(reg, [0.5]); // measured 0.5 ≤ 1: the next step applies c = 0.505
    const g = tf.tidy(() =>
      tf.grad((h: tf.Tensor) => reg.loss(regulariserInputs({ logp: tf.zerosLike(h) as tf.Tensor1D, entropy: h as tf.Tensor1D, aggWeights: tf.tensor1d([0.25, 0.75]) })))(tf.tensor1d([0.4, 0.6])).arraySync() as number[],
    );
    expect(g[0]).toBeCloseTo(-0.505 * 0.25, 6);
    expect(g[1]).toBeCloseTo(-0.505 * 0.75, 6);
  });
});
