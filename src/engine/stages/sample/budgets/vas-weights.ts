import type { Rng } from '../../../core/rng';
import { uniformDistinct, weightedWithReplacement } from './pool-draws';

/**
 * MMR1's Variance-Aware Sampling weights (algorithms-llm.md §16; LengSicong/MMR1
 * verl/curriculum): the released config scores prompts by outcome variance only (VPS = OVS).
 */

/** OVS(x) = p_x(1 − p_x): the Bernoulli variance of the prompt's reward (code metric "learnability"). */
export function outcomeVariance(p: number): number {
  return p * (1 - p);
}

/** w ← μ·w_old + (1 − μ)·VPS; the first refresh (no w_old) takes VPS as it is. */
export function vasMomentum(old: Float64Array | null, vps: Float64Array, momentum: number): Float64Array {
  return old ? vps.map((v, i) => momentum * old[i] + (1 - momentum) * v) : Float64Array.from(vps);
}

/**
 * Chance that one batch slot holds each prompt when a share λ of the slots is drawn ∝ w and the
 * rest uniformly over the N prompts: λ·w_i/Σw + (1 − λ)/N (all-zero weights: uniform).
 */
export function vasSlotProbabilities(weights: ArrayLike<number>, lambda: number): number[] {
  const n = weights.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += weights[i];
  return Array.from(weights, (w) => lambda * (sum > 0 ? w / sum : 1 / n) + (1 - lambda) / n);
}

/** ⌊λ·B⌋ slots of a batch of B are drawn by weight. */
export function weightedSlots(batch: number, lambda: number): number {
  return Math.floor(lambda * batch);
}

/** One batch of pool positions: ⌊λ·B⌋ drawn ∝ w with replacement, then B − ⌊λ·B⌋ uniform without replacement (MMR1 MixedCurriculumSampler). */
export function drawVasBatch(weights: ArrayLike<number>, batch: number, lambda: number, rng: Rng): number[] {
  const k = weightedSlots(batch, lambda);
  return [...weightedWithReplacement(weights, k, rng), ...uniformDistinct(weights.length, batch - k, rng)];
}
