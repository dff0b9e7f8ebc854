import * as tf from '@tensorflow/tfjs';

/**
 * Shared pieces of the clipped surrogates (algorithms-llm.md §0.3), with bounds given as tensors
 * (per-step, e.g. DCPO's probability-dependent bounds) or numbers.
 */

/** max(−A·r, −A·clamp(r, lo, hi)): zero gradient on the clipped branch. */
export function clippedLoss(ratio: tf.Tensor1D, adv: tf.Tensor1D, lo: tf.Tensor | number, hi: tf.Tensor | number): tf.Tensor1D {
  const clamped = tf.minimum(tf.maximum(ratio, lo), hi);
  return tf.maximum(tf.neg(tf.mul(adv, ratio)), tf.neg(tf.mul(adv, clamped))) as tf.Tensor1D;
}

/** Dual clip (§0.3): for A < 0 the loss is capped at −A·c (null: off). */
export function dualClip(l: tf.Tensor1D, adv: tf.Tensor1D, c: number | null): tf.Tensor1D {
  if (c === null) return l;
  return tf.where(tf.less(adv, 0), tf.minimum(l, tf.mul(tf.neg(adv), c)), l) as tf.Tensor1D;
}

/** The steps a clip bound acts on: A < 0 below the floor (low), A > 0 above the ceiling (high). */
export function clipSideMasks(
  ratio: tf.Tensor1D,
  adv: tf.Tensor1D,
  lo: tf.Tensor | number,
  hi: tf.Tensor | number,
): { low: tf.Tensor1D; high: tf.Tensor1D } {
  return tf.tidy(() => ({
    low: tf.logicalAnd(tf.less(adv, 0), tf.less(ratio, lo)).toFloat() as tf.Tensor1D,
    high: tf.logicalAnd(tf.greater(adv, 0), tf.greater(ratio, hi)).toFloat() as tf.Tensor1D,
  }));
}

/**
 * Per-token covariance of (logp, A) over the steps given (algorithms-llm.md §9, verl
 * compute_policy_loss_clip_cov / kl_cov): Cov_t = (A_t − mean A)·(logp_t − mean logp), logp detached.
 * Its mean is the `cov/logp_adv` metric.
 */
export function tokenCovariance(logp: ArrayLike<number>, adv: ArrayLike<number>): Float64Array {
  const n = logp.length;
  let ml = 0;
  let ma = 0;
  for (let i = 0; i < n; i++) {
    ml += logp[i];
    ma += adv[i];
  }
  ml /= Math.max(n, 1);
  ma /= Math.max(n, 1);
  const cov = new Float64Array(n);
  for (let i = 0; i < n; i++) cov[i] = (adv[i] - ma) * (logp[i] - ml);
  return cov;
}
