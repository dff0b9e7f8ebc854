import type { Rng } from '../../../core/rng';

/**
 * How a sampler picks pool positions for one round: uniformly, in proportion to weights, or in
 * passes over the whole pool.
 */

/** k distinct positions of 0..n−1, uniformly; when k > n, every position once and the rest uniform repeats. */
export function uniformDistinct(n: number, k: number, rng: Rng): number[] {
  const perm = Array.from(rng.permutation(n));
  const out = perm.slice(0, Math.min(k, n));
  while (out.length < k) out.push(rng.int(n));
  return out;
}

/** k positions drawn ∝ weights, with replacement; all-zero weights draw uniformly. */
export function weightedWithReplacement(weights: ArrayLike<number>, k: number, rng: Rng): number[] {
  const w = total(weights) > 0 ? weights : new Float64Array(weights.length).fill(1);
  return Array.from({ length: k }, () => rng.categorical(w));
}

/**
 * k distinct positions drawn ∝ weights, one after another, each draw removing its pick (torch
 * multinomial without replacement); a pool smaller than k is drawn with replacement instead.
 * Zero-weight positions come last, uniformly, once the weighted ones are used up.
 */
export function weightedWithoutReplacement(weights: ArrayLike<number>, k: number, rng: Rng): number[] {
  const n = weights.length;
  if (k > n) return weightedWithReplacement(weights, k, rng);
  const w = Float64Array.from(weights);
  const out: number[] = [];
  for (let d = 0; d < k; d++) {
    const i = total(w) > 0 ? rng.categorical(w) : pickRemaining(w, out, rng);
    out.push(i);
    w[i] = 0;
  }
  return out;
}

function pickRemaining(w: Float64Array, taken: number[], rng: Rng): number {
  const used = new Set(taken);
  const free = Array.from({ length: w.length }, (_, i) => i).filter((i) => !used.has(i));
  return free[rng.int(free.length)];
}

function total(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s;
}

/** Epoch-style passes over the pool: each pass a fresh shuffle, so every prompt comes back once per pass. */
export class EpochCursor {
  private order: number[] = [];
  private at = 0;

  next(n: number, k: number, rng: Rng): number[] {
    const out: number[] = [];
    while (out.length < k) {
      if (this.at >= this.order.length) {
        this.order = Array.from(rng.permutation(n));
        this.at = 0;
      }
      out.push(this.order[this.at++]);
    }
    return out;
  }
}
