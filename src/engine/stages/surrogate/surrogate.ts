import type * as tf from '@tensorflow/tfjs';

export interface SurrogateInputs {
  /** log π_θ(a|s) of the trained steps (carries the gradient). */
  logp: tf.Tensor1D;
  /** exp(logp − logp_old), log-ratio clamped to [−20, 20] as verl does. */
  ratio: tf.Tensor1D;
  adv: tf.Tensor1D;
  /** log π_old of the trained steps (a constant). */
  logpOld: tf.Tensor1D;
  /** Entropy of the full distribution at each trained step (carries the gradient). */
  entropy: tf.Tensor1D;
  /** Sequence index of each trained step within the minibatch (0..seqCount−1), for sequence-level ratios. */
  seqIds: Int32Array;
  seqCount: number;
  /** Fraction of the run's updates done, for schedules (0 at the start, → 1 at the end). */
  progress: number;
}

export interface Surrogate {
  /** Per-step loss to minimise. */
  loss(x: SurrogateInputs): tf.Tensor1D;
  /** 0/1 per step: steps on the zero-gradient clipped branch, low side and high side. */
  clipMasks(x: SurrogateInputs): { low: tf.Tensor1D; high: tf.Tensor1D } | null;
}
