import type * as tf from '@tensorflow/tfjs';

export interface RegulariserInputs {
  logp: tf.Tensor1D;
  /** log π_ref(a|s), present when a regulariser asks for a reference policy. */
  refLogp: tf.Tensor1D | null;
  /** Entropy of the full action distribution per step. */
  entropy: tf.Tensor1D;
  /** Aggregation weights (the same as the policy loss's). */
  aggWeights: tf.Tensor1D;
  /** log π_old of each step (a constant). */
  logpOld: tf.Tensor1D;
  /** The advantage each step is trained with (after any minibatch normalisation). */
  adv: tf.Tensor1D;
  /** The reward of the sequence each step belongs to (outcome; 1 = correct on 0/1 tasks). */
  reward: tf.Tensor1D;
  /** Fraction of the run's updates done. */
  progress: number;
}

export interface Regulariser {
  readonly needsReference: boolean;
  /** Re-copy the policy into the reference every N updates (0: never). */
  readonly refRefreshEvery: number;
  /** Re-copy the policy into the reference after this update (1-based step) when true (ReMix's reincarnation). */
  refreshReferenceAfter?(step: number, totalUpdates: number): boolean;
  loss(x: RegulariserInputs): tf.Scalar;
}
