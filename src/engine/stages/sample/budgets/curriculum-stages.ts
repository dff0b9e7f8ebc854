/**
 * CRAFT-GUI's difficulty curriculum as the lab reconstructs it (algorithms-llm.md §27, [inferred]):
 * difficulty d = 1 − p̂ from the initial policy, equal-size buckets from easy to hard, and stage s
 * training on buckets ≤ s.
 */

/** d(q) = 1 − p̂(q). */
export function difficulty(passRate: number): number {
  return 1 - passRate;
}

/**
 * Bucket of each prompt (0 = easiest): prompts ranked by difficulty (ties in pool order) and cut
 * into `buckets` equal-size quantiles. Ranks rather than thresholds, so that a pool where many
 * prompts tie (all unsolved) still fills every bucket and no stage is empty.
 */
export function difficultyBuckets(difficulties: ArrayLike<number>, buckets: number): Int32Array {
  const n = difficulties.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => difficulties[a] - difficulties[b] || a - b);
  const out = new Int32Array(n);
  order.forEach((i, rank) => (out[i] = Math.floor((rank * buckets) / n)));
  return out;
}

/** Stage after `update` updates: one more bucket every `stageUpdates` updates (may be fractional), up to the last. */
export function curriculumStage(update: number, stageUpdates: number, buckets: number): number {
  return Math.min(buckets - 1, Math.floor(update / stageUpdates + 1e-9));
}

/** N_s: the given number of updates per stage, or else an equal share of the run, total/K. */
export function stageLength(stageUpdates: number | null, totalUpdates: number | null, buckets: number): number {
  if (stageUpdates !== null) return stageUpdates;
  if (totalUpdates === null) throw new Error('curriculum: the run length is unknown here; set stageUpdates');
  return totalUpdates / buckets;
}

/** Pool positions a stage trains on: buckets ≤ stage. */
export function stagePrompts(bucketOf: Int32Array, stage: number): number[] {
  const out: number[] = [];
  bucketOf.forEach((b, i) => b <= stage && out.push(i));
  return out;
}
