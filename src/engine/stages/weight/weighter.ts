import type { Batch } from '../../core/batch';

export interface WeightContext {
  /** Fraction of the run's updates done (for schedules such as D³S's). */
  progress: number;
  /** The run's generator, for modules that select at random (Clip-Cov's random subset). */
  random: () => number;
}

/**
 * A per-step weight or mask, computed from the sampled batch before the update (entropy
 * modulation, conflict tokens, covariance selection, token down-sampling). Weights of several
 * modules multiply; a 0 removes a step from the policy loss. The aggregation normaliser is not
 * changed, so a mask lowers the loss scale rather than re-spreading it (verl's behaviour).
 */
export interface Weighter {
  /**
   * True for modules that select samples (D³S's sample level, GTPO's entropy filter): a step they
   * weight 0 is dropped, leaving the aggregation denominators as if it had not been sampled.
   */
  readonly dropsZeroSteps?: boolean;
  weights(batch: Batch, advantages: Float32Array, ctx: WeightContext): Float32Array;
}
