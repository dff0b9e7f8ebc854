import * as tf from '@tensorflow/tfjs';

/**
 * Global gradient-norm clipping over all parameters together (torch clip_grad_norm_):
 * every gradient is scaled by min(1, maxNorm / (‖g‖₂ + 1e-6)). Returns the clipped gradients
 * and the norm before clipping, all as tensors (no read-back).
 */
export function clipGradNorm(
  grads: tf.Tensor[],
  maxNorm: number,
): { clipped: tf.Tensor[]; norm: tf.Scalar } {
  return tf.tidy(() => {
    const norm = tf.sqrt(tf.addN(grads.map((g) => tf.sum(tf.square(g))))) as tf.Scalar;
    if (!(maxNorm > 0) || !Number.isFinite(maxNorm)) return { clipped: grads.map((g) => g.clone()), norm };
    const scale = tf.minimum(1, tf.div(maxNorm, tf.add(norm, 1e-6)));
    return { clipped: grads.map((g) => tf.mul(g, scale)), norm };
  });
}
