import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { regulariserInputs } from '../../regulariser-inputs';
import { gppoSft, gppoSftLoss, type GppoSftParams } from './gppo-sft.module';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// Four steps: π = 0.5, 0.25, 0.8, 0.1; the third belongs to a wrong rollout; token-mean weights 1/4.
const probs = [0.5, 0.25, 0.8, 0.1];
const reward = [1, 1, 0, 1];
const agg = [0.25, 0.25, 0.25, 0.25];

function lossAndGrad(p: GppoSftParams, r = reward): { loss: number; grad: number[] } {
  return tf.tidy(() => {
    const f = (lp: tf.Tensor) => gppoSftLoss(lp as tf.Tensor1D, tf.tensor1d(agg), tf.tensor1d(r), p);
    const logp = tf.tensor1d(probs.map(Math.log));
    return { loss: f(logp).dataSync()[0], grad: Array.from(tf.grad(f)(logp).dataSync()) };
  });
}

describe('GPPO SFT term on correct rollouts (algorithms-llm.md §7)', () => {
  it("'all': α Σ aggW·c·(−log π) = 0.1 · 0.25 · (0.6931 + 1.3863 + 2.3026) = 0.10955; ∂/∂log π = −α·aggW·c", () => {
    const { loss, grad } = lossAndGrad({ alpha: 0.1, successThreshold: 1, normalise: 'all' });
    expect(loss).toBeCloseTo(0.10955, 4);
    [-0.025, -0.025, 0, -0.025].forEach((g, i) => expect(grad[i]).toBeCloseTo(g, 6));
  });

  it("'correct': the token mean over the 3 correct steps, 0.1 · 4.3820 / 3 = 0.14607; ∂/∂log π = −α/3 on them", () => {
    const { loss, grad } = lossAndGrad({ alpha: 0.1, successThreshold: 1, normalise: 'correct' });
    expect(loss).toBeCloseTo(0.14607, 4);
    [-0.1 / 3, -0.1 / 3, 0, -0.1 / 3].forEach((g, i) => expect(grad[i]).toBeCloseTo(g, 6));
  });

  it('no correct rollout → no term and no gradient; the module reads reward, logp and aggWeights', () => {
    const none = lossAndGrad({ alpha: 0.1, successThreshold: 1, normalise: 'correct' }, [0, 0, 0, 0]);
    expect(none.loss).toBe(0);
    expect(none.grad.map(Math.abs)).toEqual([0, 0, 0, 0]);
    const reg = gppoSft.create(gppoSft.schema.parse({}));
    const v = tf.tidy(() =>
      reg.loss(regulariserInputs({ logp: tf.tensor1d(probs.map(Math.log)), entropy: tf.zeros([4]), aggWeights: tf.tensor1d(agg), reward: tf.tensor1d(reward) })).dataSync()[0],
    );
    expect(v).toBeCloseTo(0.14607, 4);
  });
});
