import * as tf from '@tensorflow/tfjs';

/**
 * The mean of a tensor as a number, read back on a detached copy: the read is not part of any
 * loss, so a controller can update its state from it while the loss is being built (one small
 * synchronous read per call).
 */
export function readMean(x: tf.Tensor): number {
  if (x.size === 0) return NaN;
  const m = tf.tidy(() => tf.mean(x));
  const v = m.dataSync()[0];
  m.dispose();
  return v;
}
