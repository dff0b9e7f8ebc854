import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import '../backend/register-node';
import { initBackend } from '../backend/backend';
import { matMul, matMulBT, tanh } from './fast-ops';

const maxDiff = (a: tf.Tensor, b: tf.Tensor) => tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);

beforeAll(async () => {
  await initBackend('wasm');
});

describe('fast ops give tfjs values and gradients', () => {
  it('matMul: value and both gradients equal tf.matMul’s (2-D and batched)', () => {
    for (const [sa, sb] of [
      [[5, 3], [3, 4]],
      [[2, 5, 3], [2, 3, 4]],
    ]) {
      const a = tf.randomNormal(sa, 0, 1, 'float32', 1);
      const b = tf.randomNormal(sb, 0, 1, 'float32', 2);
      const w = tf.randomNormal([...sa.slice(0, -1), sb[sb.length - 1]], 0, 1, 'float32', 3);
      const ref = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.mul(tf.matMul(x, y), w)))([a, b]);
      const got = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.mul(matMul(x, y), w)))([a, b]);
      expect(maxDiff(matMul(a, b), tf.matMul(a, b))).toBeLessThan(1e-5);
      expect(maxDiff(got[0], ref[0])).toBeLessThan(1e-5);
      expect(maxDiff(got[1], ref[1])).toBeLessThan(1e-5);
    }
  });

  it('matMulBT equals a·bᵀ with the transpose flag', () => {
    const a = tf.randomNormal([2, 3, 4, 5], 0, 1, 'float32', 4);
    const b = tf.randomNormal([2, 3, 6, 5], 0, 1, 'float32', 5);
    expect(maxDiff(matMulBT(a, b), tf.matMul(a, b, false, true))).toBeLessThan(1e-5);
  });

  it('tanh: tanh(0.5) = 0.462117, gradient 1 − tanh² = 0.786448; agrees with tf.tanh to 1e-6 on [−8, 8]', () => {
    const x = tf.linspace(-8, 8, 101);
    expect(maxDiff(tanh(x), tf.tanh(x))).toBeLessThan(1e-6);
    expect(tanh(tf.scalar(0.5)).dataSync()[0]).toBeCloseTo(0.462117, 5);
    expect(tf.grad((v: tf.Tensor) => tanh(v))(tf.scalar(0.5)).dataSync()[0]).toBeCloseTo(0.786448, 5);
  });
});
