import * as tf from '@tensorflow/tfjs';
import { regulariserInputs } from '../regulariser-inputs';
import { beforeAll, describe, expect, it } from 'vitest';
import { aepoTemperature } from './aepo-temperature.module';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const make = () => aepoTemperature.create(aepoTemperature.schema.parse({}));
const entropyOf = (p: number[]) => -p.reduce((a, x) => a + x * Math.log(x), 0);

/**
 * One state with a softmax over three actions, every action listed once with aggregation weight
 * π(a): the exact expectation of the sampled estimator. There p·ŵ = π^{1/T}/Σπ^{1/T} = π^T, so
 * the loss is α·CE(π^T, π) and its gradient moves π toward π^T.
 */
function enumerated(reg: ReturnType<typeof make>, logits: tf.Tensor1D, meanEntropy: number) {
  const probs = tf.softmax(logits);
  const aggWeights = probs as tf.Tensor1D;
  const entropy = tf.fill([3], meanEntropy) as tf.Tensor1D;
  return reg.loss(regulariserInputs({ logp: tf.logSoftmax(logits) as tf.Tensor1D, entropy, aggWeights: tf.tensor1d(aggWeights.dataSync()) }));
}

describe('AEPO temperature regulariser (algorithms-llm.md §10, Appendix C)', () => {
  const logits = () => tf.tensor1d([0.7, 0.2, 0.1].map(Math.log));

  it('H = 0.42 ≤ 0.5 → T = 1.2 with the full weight; next H = 0.61 > 0.5 → T = 0.8 with half', () => {
    const reg = make();
    tf.tidy(() => enumerated(reg, logits(), 0.42));
    expect(reg.state()).toEqual({ entropy: expect.closeTo(0.42, 6), temperature: 1.2, alpha: 0.1 });
    tf.tidy(() => enumerated(reg, logits(), 0.61));
    expect(reg.state()).toEqual({ entropy: expect.closeTo(0.61, 6), temperature: 0.8, alpha: 0.05 });
  });

  it('π = [0.7, 0.2, 0.1]: loss = α·CE(π^T, π) = 0.1·0.88939 at T = 1.2 and 0.05·0.69028 at T = 0.8', () => {
    // π^1.2 ∝ π^{1/1.2} = [0.64531, 0.22718, 0.12750]; CE = −Σ π^T log π = 0.88939.
    // π^0.8 = [0.77118, 0.16109, 0.06773]; CE = 0.69028.
    const reg = make();
    expect(tf.tidy(() => enumerated(reg, logits(), 0.42).dataSync()[0])).toBeCloseTo(0.088939, 5);
    expect(tf.tidy(() => enumerated(reg, logits(), 0.61).dataSync()[0])).toBeCloseTo(0.034514, 5);
  });

  it('the gradient w.r.t. the logits is α(π − π^T): the importance weight carries none', () => {
    const reg = make();
    const g = tf.tidy(() => [...(tf.grad((x: tf.Tensor) => enumerated(reg, x as tf.Tensor1D, 0.42))(logits()).dataSync() as Float32Array)]);
    [0.1 * (0.7 - 0.64531), 0.1 * (0.2 - 0.22718), 0.1 * (0.1 - 0.1275)].forEach((w, i) => expect(g[i]).toBeCloseTo(w, 5));
  });

  it('a gradient step raises the entropy below the target and lowers it above', () => {
    const reg = make();
    const h0 = entropyOf([0.7, 0.2, 0.1]);
    for (const [measured, sign] of [[0.42, 1], [0.61, -1]] as const) {
      const after = tf.tidy(() => {
        const z = logits();
        const g = tf.grad((x: tf.Tensor) => enumerated(reg, x as tf.Tensor1D, measured))(z);
        return [...(tf.softmax(tf.sub(z, tf.mul(5, g))).dataSync() as Float32Array)];
      });
      expect(Math.sign(entropyOf(after) - h0)).toBe(sign);
    }
  });
});
