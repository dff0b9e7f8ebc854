import * as tf from '@tensorflow/tfjs';

/** All tensors as one 1-D vector, in order (one concat kernel). */
export function flattenTensors(xs: tf.Tensor[]): tf.Tensor1D {
  return tf.tidy(() => (xs.length === 1 ? xs[0].reshape([-1]) : tf.concat(xs.map((x) => x.reshape([-1]))))) as tf.Tensor1D;
}
