import * as tf from '@tensorflow/tfjs';
import type { Transformer } from './transformer/transformer';
import { completionLogits } from './transformer/completion-logits';

/**
 * Supervised next-token loss on demonstrations: mean −log π(target) over the target tokens of
 * each completion (<eos> included, <pad> after it excluded). Used to make base checkpoints and
 * by hybrid methods with an SFT term.
 */
export function sftLoss(model: Transformer, prompts: number[][], targets: Int32Array, steps: number, padId: number): tf.Scalar {
  return tf.tidy(() => {
    const n = prompts.length;
    const logits = completionLogits(model, prompts, targets, 1, steps, padId, 'plain');
    const t = tf.tensor2d(targets, [n, steps], 'int32');
    const logp = tf.sum(tf.mul(tf.logSoftmax(logits), tf.oneHot(t, model.vocabSize)), 2);
    const mask = tf.cast(tf.notEqual(t, padId), 'float32');
    return tf.div(tf.neg(tf.sum(tf.mul(logp, mask))), tf.maximum(tf.sum(mask), 1)) as tf.Scalar;
  });
}
