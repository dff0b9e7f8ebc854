import type * as tf from '@tensorflow/tfjs';
import type { Batch } from '../core/batch';

export interface StepScores {
  /** log π_θ of the batch's chosen action/token at each requested step. */
  logp: tf.Tensor1D;
  /** Entropy of the full next-step distribution at each requested step. */
  entropy: tf.Tensor1D;
  /** Critic value at each requested step (null without a critic). */
  value: tf.Tensor1D | null;
}

/**
 * What the update stage needs from a policy, whatever it is (an MLP over observations, a
 * transformer over tokens): scores for a set of batch steps, computed inside tf.variableGrads.
 */
export interface TrainablePolicy {
  /** Minibatches split steps freely ('step') or keep whole groups together ('group'). */
  readonly minibatchUnit: 'step' | 'group';
  variables(): tf.Variable[];
  score(batch: Batch, steps: Int32Array): StepScores;
  dispose(): void;
}
