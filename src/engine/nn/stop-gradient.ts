import * as tf from '@tensorflow/tfjs';

/**
 * Stop-gradient: the value passes through unchanged, the gradient is exactly zero. tfjs has no
 * public op for it (tensorflow/tfjs#7438), so it is an identity with a zero custom gradient.
 */
const identityWithZeroGrad = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const x = args[0] as tf.Tensor;
  return { value: x.clone(), gradFunc: (dy: tf.Tensor) => tf.zerosLike(dy) };
});

export function stopGradient<T extends tf.Tensor>(x: T): T {
  return identityWithZeroGrad(x) as T;
}
