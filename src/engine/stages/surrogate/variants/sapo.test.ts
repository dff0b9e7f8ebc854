import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { sapoSurrogate } from './sapo.module';
import { close, lossAndGrad } from './test-inputs';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const s = sapoSurrogate.create(sapoSurrogate.schema.parse({}));

describe('SAPO soft gate (grpo-libraries.md §1.4, T2: f(r) = sigmoid(τ(r−1))·4/τ)', () => {
  // (r, A): τ = 1 for A > 0, 1.05 for A < 0.
  const c = { r: [1, 1, 1.5, 1.5, 3], a: [1, -1, 1, -1, 1] };

  it('f(1) = 2 (τ 1) or 1.904762 (τ 1.05); f(1.5) = 2.489837 / 2.393585; f(3) = 3.523188', () => {
    close(lossAndGrad(s, c).perStep, [-2, 1.904762, -2.489837, 2.393585, -3.523188], 5);
  });

  it("gradient −A·f'(r)·r: f'(1) = 1; f'(1.5) = 0.940015 / 0.934140; f'(3) = 0.419974 — it fades, never cut", () => {
    close(lossAndGrad(s, c).grad, [-1, 1, -0.940015 * 1.5, 0.93414 * 1.5, -0.419974 * 3], 5);
  });

  it('has no hard clip to report', () => {
    expect(lossAndGrad(s, c).low).toBeNull();
  });
});
