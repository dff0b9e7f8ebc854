import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { klPerStep } from './kl-estimators';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('KL estimators (algorithms-llm.md §0.5)', () => {
  const logp = tf.tensor1d([Math.log(0.5)]);
  const ref = tf.tensor1d([Math.log(0.4)]);
  it('p = 0.5, p_ref = 0.4: k1 0.22314, k2 0.02490, k3 0.02314', () => {
    expect(klPerStep('k1', logp, ref).arraySync()[0]).toBeCloseTo(0.22314, 5);
    expect(klPerStep('k2', logp, ref).arraySync()[0]).toBeCloseTo(0.0249, 5);
    expect(klPerStep('k3', logp, ref).arraySync()[0]).toBeCloseTo(0.02314, 5);
  });
  it('k3 is clamped to 10 for a huge gap', () => {
    expect(klPerStep('k3', tf.tensor1d([-50]), tf.tensor1d([0])).arraySync()[0]).toBe(10);
  });
});
