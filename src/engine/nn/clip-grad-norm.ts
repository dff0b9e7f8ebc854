import * as tf from '@tensorflow/tfjs';
import { flattenTensors } from './flat';

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

/** The same clipping on gradients flattened into one vector: five kernels in all. */
export function clipFlatGradNorm(grads: tf.Tensor[], maxNorm: number): { clipped: tf.Tensor1D; norm: tf.Scalar } {
  return tf.tidy(() => {
    const flat = flattenTensors(grads);
    const norm = tf.sqrt(tf.sum(tf.square(flat))) as tf.Scalar;
    if (!(maxNorm > 0) || !Number.isFinite(maxNorm)) return { clipped: flat, norm };
    const scale = tf.minimum(1, tf.div(maxNorm, tf.add(norm, 1e-6)));
    return { clipped: tf.mul(flat, scale) as tf.Tensor1D, norm };
  });
}
