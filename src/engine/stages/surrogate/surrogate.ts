import type * as tf from '@tensorflow/tfjs';

export interface SurrogateInputs {
  /** log π_θ(a|s) of the trained steps (carries the gradient). */
  logp: tf.Tensor1D;
  /** exp(logp − logp_old), log-ratio clamped to [−20, 20] as verl does. */
  ratio: tf.Tensor1D;
  adv: tf.Tensor1D;
  /** Fraction of the run's updates done, for schedules (0 at the start, → 1 at the end). */
  progress: number;
}

export interface Surrogate {
  /** Per-step loss to minimise. */
  loss(x: SurrogateInputs): tf.Tensor1D;
  /** 0/1 per step: steps on the zero-gradient clipped branch, low side and high side. */
  clipMasks(x: SurrogateInputs): { low: tf.Tensor1D; high: tf.Tensor1D } | null;
}
