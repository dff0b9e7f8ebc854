import * as tf from '@tensorflow/tfjs';

export type KlEstimator = 'k1' | 'k2' | 'k3';

/**
 * Per-step estimators of KL(π_θ ‖ π_ref) from Δ = logp − logp_ref (verl kl_penalty_forward,
 * algorithms-llm.md §0.5): k1 = Δ; k2 = ½Δ²; k3 = e^{−Δ} + Δ − 1 with −Δ clamped to [−20, 20]
 * and k3 to [−10, 10].
 */
export function klPerStep(estimator: KlEstimator, logp: tf.Tensor1D, refLogp: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    const delta = tf.sub(logp, refLogp);
    if (estimator === 'k1') return delta as tf.Tensor1D;
    if (estimator === 'k2') return tf.mul(0.5, tf.square(delta)) as tf.Tensor1D;
    const negDelta = tf.clipByValue(tf.neg(delta), -20, 20);
    return tf.clipByValue(tf.sub(tf.sub(tf.exp(negDelta), negDelta), 1), -10, 10) as tf.Tensor1D;
  });
}
