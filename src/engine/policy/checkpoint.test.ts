import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadWeights, weightsToJson } from './checkpoint';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('checkpoint weights', () => {
  it('round-trip exactly through base64 float32', async () => {
    const a = [tf.variable(tf.tensor([1.5, -2.25, 3e-8, 7], [2, 2])), tf.variable(tf.tensor([0.1, 0.2, 0.3]))];
    const b = [tf.variable(tf.zeros([2, 2])), tf.variable(tf.zeros([3]))];
    loadWeights(b, await weightsToJson(a));
    expect(Array.from(b[0].dataSync())).toEqual(Array.from(a[0].dataSync()));
    expect(Array.from(b[1].dataSync())).toEqual(Array.from(a[1].dataSync()));
  });
  it('refuses a shape mismatch with the tensor named', async () => {
    const w = await weightsToJson([tf.variable(tf.zeros([2, 3]))]);
    expect(() => loadWeights([tf.variable(tf.zeros([3, 2]))], w)).toThrow(/tensor 0 has shape \[2,3\], the model \[3,2\]/);
  });
});
