import type { Advantages, Batch } from '../../core/batch';

export interface AdvantageEstimator {
  /** The estimator reads critic values (the policy is built with a value network). */
  readonly needsCritic: boolean;
  /** The estimator compares sequences within a group (the sampler must draw groups). */
  readonly needsGroups: boolean;
  /** The estimator reads log π_ref at the sampled steps (KL in the reward). */
  readonly needsReferenceLogp?: boolean;
  compute(batch: Batch): Advantages;
}

/** Broadcasts one value per sequence to every step of it. */
export function broadcastToSteps(batch: Batch, perSeq: ArrayLike<number>): Float32Array {
  const out = new Float32Array(batch.n);
  batch.seqs.forEach((s, i) => out.fill(perSeq[i], s.start, s.start + s.length));
  return out;
}
