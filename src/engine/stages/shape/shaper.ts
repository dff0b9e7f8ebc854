import type { Batch } from '../../core/batch';

/** A reward-shaping term: changes sequence rewards (and the last step's reward) in place. */
export interface Shaper {
  /** The term reads log π_ref at the sampled steps (batch.refLogp). */
  readonly needsReferenceLogp?: boolean;
  apply(batch: Batch, maxLength: number): void;
}

/** Adds delta to a sequence's reward and to its last step's reward, keeping the two in step. */
export function addToReward(batch: Batch, seq: number, delta: number): void {
  const s = batch.seqs[seq];
  s.reward += delta;
  batch.rewards[s.start + s.length - 1] += delta;
}
