import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';
import type { Surrogate, SurrogateInputs } from '../surrogate';

/** Test helper: surrogate inputs from logp and logp_old, with the ratio built as the trainer does. */
export function surrogateInputs(
  logp: tf.Tensor1D,
  logpOld: tf.Tensor1D,
  adv: tf.Tensor1D,
  seqIds?: number[],
  progress = 0,
): SurrogateInputs {
  const ids = Int32Array.from(seqIds ?? new Array<number>(logp.size).fill(0));
  return {
    logp,
    logpOld,
    ratio: tf.exp(tf.clipByValue(tf.sub(logp, logpOld), -20, 20)) as tf.Tensor1D,
    adv,
    entropy: tf.zerosLike(logp),
    seqIds: ids,
    seqCount: ids.length ? Math.max(...ids) + 1 : 0,
    progress,
  };
}

export interface Case {
  /** Importance ratios r = π/π_old per step. */
  r: number[];
  a: number[];
  /** log π_old per step (default 0, i.e. logp = log r). */
  logpOld?: number[];
  seqIds?: number[];
  /** Aggregation weights of the steps in the differentiated sum (default 1 each). */
  weights?: number[];
}

/** Per-step loss, d(Σ w·loss)/d logp per step, and the clip masks of one case. */
export function lossAndGrad(s: Surrogate, c: Case): { perStep: number[]; grad: number[]; low: number[] | null; high: number[] | null } {
  return inTidy(() => {
    const old = tf.tensor1d(c.logpOld ?? c.r.map(() => 0));
    const logp = tf.add(old, tf.tensor1d(c.r.map(Math.log))) as tf.Tensor1D;
    const adv = tf.tensor1d(c.a);
    const x = (lp: tf.Tensor) => surrogateInputs(lp as tf.Tensor1D, old as tf.Tensor1D, adv, c.seqIds);
    const perStep = Array.from(s.loss(x(logp)).dataSync());
    const w = tf.tensor1d(c.weights ?? c.r.map(() => 1));
    const grad = Array.from(tf.grad((lp: tf.Tensor) => tf.sum(tf.mul(w, s.loss(x(lp)))))(logp).dataSync());
    const masks = s.clipMasks(x(logp));
    return {
      perStep,
      grad,
      low: masks ? Array.from(masks.low.dataSync()) : null,
      high: masks ? Array.from(masks.high.dataSync()) : null,
    };
  });
}

/** Element-wise toBeCloseTo with the index in the message. */
export function close(got: ArrayLike<number>, want: number[], digits = 4): void {
  expect(got.length).toBe(want.length);
  want.forEach((w, i) => expect(got[i], `[${i}]`).toBeCloseTo(w, digits));
}

/** tf.tidy for a function returning plain arrays (tf.tidy's own type only admits tensor containers). */
export function inTidy<T>(fn: () => T): T {
  let out: T | undefined;
  tf.tidy(() => {
    out = fn();
  });
  return out as T;
}
