import type * as tf from '@tensorflow/tfjs';

export interface RegulariserInputs {
  logp: tf.Tensor1D;
  /** log π_ref(a|s), present when a regulariser asks for a reference policy. */
  refLogp: tf.Tensor1D | null;
  /** Entropy of the full action distribution per step. */
  entropy: tf.Tensor1D;
  /** Aggregation weights (the same as the policy loss's). */
  aggWeights: tf.Tensor1D;
}

export interface Regulariser {
  readonly needsReference: boolean;
  /** Re-copy the policy into the reference every N updates (0: never). */
  readonly refRefreshEvery: number;
  loss(x: RegulariserInputs): tf.Scalar;
}
