import * as tf from '@tensorflow/tfjs';

export interface SamplingParams {
  temperature: number;
  /** Keep the k most likely tokens (0 = off). */
  topK: number;
  /** Keep the smallest set of tokens whose probability reaches p (1 = off). */
  topP: number;
  /** Keep tokens with p ≥ minP · p_max (0 = off). */
  minP: number;
}

/**
 * The sampling distribution from raw logits [B, V], on the device: temperature, then top-k,
 * top-p and min-p, each computed over the full vocabulary; returns renormalised probabilities.
 * Truncation only zeroes probabilities; it never re-ranks or drops part of the vocabulary first.
 */
export function samplingProbs(logits: tf.Tensor2D, p: SamplingParams): tf.Tensor2D {
  return tf.tidy(() => {
    const vocab = logits.shape[1];
    let probs = tf.softmax(tf.div(logits, p.temperature)) as tf.Tensor2D;
    let keep = tf.onesLike(probs);
    if (p.topK > 0 && p.topK < vocab) {
      const kth = tf.topk(probs, p.topK).values.slice([0, p.topK - 1], [-1, 1]);
      keep = tf.mul(keep, tf.cast(tf.greaterEqual(probs, kth), 'float32'));
    }
    if (p.topP < 1) {
      const sorted = tf.topk(probs, vocab).values;
      // Mass strictly before each sorted token; a token is kept while that mass is below p.
      const before = tf.sub(tf.cumsum(sorted, 1), sorted);
      const keptSorted = tf.cast(tf.less(before, p.topP), 'float32');
      // The smallest kept probability is the threshold in the unsorted order.
      const threshold = tf.min(tf.add(tf.mul(sorted, keptSorted), tf.mul(tf.sub(1, keptSorted), 2)), 1, true);
      keep = tf.mul(keep, tf.cast(tf.greaterEqual(probs, threshold), 'float32'));
    }
    if (p.minP > 0) {
      const floor = tf.mul(tf.max(probs, 1, true), p.minP);
      keep = tf.mul(keep, tf.cast(tf.greaterEqual(probs, floor), 'float32'));
    }
    probs = tf.mul(probs, keep) as tf.Tensor2D;
    return tf.div(probs, tf.sum(probs, 1, true)) as tf.Tensor2D;
  });
}

/**
 * Inverse-CDF draw, on the device: for each row, the first index whose cumulative probability
 * exceeds u (uniforms come from the run's generator, so sampling stays reproducible).
 */
export function drawFromProbs(probs: tf.Tensor2D, uniforms: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    const vocab = probs.shape[1];
    const cdf = tf.cumsum(probs, 1);
    const below = tf.sum(tf.cast(tf.lessEqual(cdf, tf.expandDims(uniforms, 1)), 'int32'), 1);
    return tf.cast(tf.minimum(below, tf.scalar(vocab - 1, 'int32')), 'int32') as tf.Tensor1D;
  });
}
