import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { klConvex, klConvexLoss } from './kl-convex.module';
import { regulariserInputs } from '../../regulariser-inputs';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const value = (f: () => tf.Scalar) => tf.tidy(() => f().dataSync()[0]);

describe('ReMix KL-Convex (algorithms-llm.md §24, k3 of §0.5)', () => {
  // Step 1: π = 0.5, π_base = 0.4, μ = 0.25. k3(π‖π_base) = 0.8 + ln 1.25 − 1 = 0.023144;
  // k3(π‖μ) = 0.5 + ln 2 − 1 = 0.193147. Step 2: all three equal, both k3 = 0.
  const x = () => ({
    logp: tf.tensor1d([Math.log(0.5), Math.log(0.3)]),
    refLogp: tf.tensor1d([Math.log(0.4), Math.log(0.3)]),
    logpOld: tf.tensor1d([Math.log(0.25), Math.log(0.3)]),
    aggWeights: tf.tensor1d([0.5, 0.5]),
  });

  it('λ = 0.5, β = 1: 0.5·(0.5·0.023144 + 0.5·0.193147) = 0.054073', () => {
    expect(value(() => klConvexLoss(x(), { beta: 1, lambda: 0.5 }))).toBeCloseTo(0.054073, 5);
  });

  it('λ = 1 is k3 to the base alone (0.011572), λ = 0 k3 to the behaviour policy alone (0.096574); β scales', () => {
    expect(value(() => klConvexLoss(x(), { beta: 1, lambda: 1 }))).toBeCloseTo(0.011572, 5);
    expect(value(() => klConvexLoss(x(), { beta: 1, lambda: 0 }))).toBeCloseTo(0.096574, 5);
    expect(value(() => klConvexLoss(x(), { beta: 1e-3, lambda: 0.5 }))).toBeCloseTo(0.054073e-3, 8);
  });

  it('the module uses the reference and logpOld inputs with its defaults β = 1e-3, λ = 0.5', () => {
    const reg = klConvex.create(klConvex.schema.parse({}));
    expect(reg.needsReference).toBe(true);
    const v = value(() => {
      const { logp, refLogp, logpOld, aggWeights } = x();
      return reg.loss(regulariserInputs({ logp, refLogp, logpOld, aggWeights, entropy: tf.zerosLike(logp) }));
    });
    expect(v).toBeCloseTo(0.054073e-3, 8);
  });

  it('gradient at one step: β[λ(1 − π_base/π) + (1 − λ)(1 − μ/π)] per unit weight = 0.5·0.2 + 0.5·0.5 = 0.35', () => {
    // d k3/d logp = 1 − e^{−Δ}: 1 − 0.8 = 0.2 to the base, 1 − 0.5 = 0.5 to μ.
    const g = tf.tidy(() => {
      const refLogp = tf.tensor1d([Math.log(0.4)]);
      const logpOld = tf.tensor1d([Math.log(0.25)]);
      const aggWeights = tf.tensor1d([1]);
      const f = (lp: tf.Tensor) => klConvexLoss({ logp: lp as tf.Tensor1D, refLogp, logpOld, aggWeights }, { beta: 1, lambda: 0.5 });
      return tf.grad(f)(tf.tensor1d([Math.log(0.5)])).dataSync()[0];
    });
    expect(g).toBeCloseTo(0.35, 5);
  });

  it('reincarnation: the reference is re-copied after update round(T_r·N) only', () => {
    const reg = klConvex.create(klConvex.schema.parse({ reincarnateAt: 0.5 }));
    const steps = Array.from({ length: 20 }, (_, i) => i + 1).filter((s) => reg.refreshReferenceAfter!(s, 20));
    expect(steps).toEqual([10]);
    const never = klConvex.create(klConvex.schema.parse({ reincarnateAt: null }));
    expect(Array.from({ length: 20 }, (_, i) => never.refreshReferenceAfter!(i + 1, 20)).some(Boolean)).toBe(false);
  });
});
