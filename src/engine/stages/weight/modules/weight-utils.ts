import type { Batch } from '../../../core/batch';
import { groupIndices } from '../../advantage/group-stats';

/** |A| below this counts as a zero advantage (a weight cannot rescale it into anything else). */
export const ZERO_ADV = 1e-8;

/** Sequence indices of each group; an ungrouped sequence (group −1) forms a group of its own. */
export function sequenceGroups(batch: Batch): number[][] {
  return groupIndices(batch.seqs.map((s, i) => (s.group < 0 ? -1 - i : s.group)));
}

/** One advantage per sequence: the mean over its steps (= A_i for outcome advantages). */
export function sequenceAdvantages(batch: Batch, advantages: Float32Array): Float64Array {
  return Float64Array.from(batch.seqs, (s) => {
    let sum = 0;
    for (let t = s.start; t < s.start + s.length; t++) sum += advantages[t];
    return s.length ? sum / s.length : 0;
  });
}

/** Mean entropy of each sequence's steps (H̄_i). */
export function sequenceEntropies(batch: Batch): Float64Array {
  return Float64Array.from(batch.seqs, (s) => {
    let sum = 0;
    for (let t = s.start; t < s.start + s.length; t++) sum += batch.entropy[t];
    return s.length ? sum / s.length : 0;
  });
}

/**
 * The weight w that turns an advantage A into A' (w·A = A'). A zero advantage keeps weight 1:
 * no weight can give it a non-zero value, so an additive term on it is lost.
 */
export function ratioWeight(modified: number, original: number): number {
  return Math.abs(original) > ZERO_ADV ? modified / original : 1;
}

/** torch.quantile with linear interpolation (q in [0, 1]). */
export function quantile(values: ArrayLike<number>, q: number): number {
  const sorted = Float64Array.from(values).sort();
  if (sorted.length === 0) return NaN;
  const pos = Math.min(Math.max(q, 0), 1) * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
}

/** 0/1 mask of the k largest scores; ties go to the earlier index. */
export function topKMask(scores: ArrayLike<number>, k: number): Float32Array {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
  const mask = new Float32Array(n);
  for (let i = 0; i < Math.min(k, n); i++) mask[order[i]] = 1;
  return mask;
}

export type RampShape = 'constant' | 'linear' | 'cosine';

/**
 * A keep ratio that moves from `start` to `end` over the first `rampEnd` of the run (progress in
 * [0, 1]) and stays at `end` afterwards; 'constant' stays at `start`.
 */
export function ramp(shape: RampShape, start: number, end: number, rampEnd: number, progress: number): number {
  if (shape === 'constant') return start;
  const u = rampEnd <= 0 ? 1 : Math.min(Math.max(progress / rampEnd, 0), 1);
  const f = shape === 'linear' ? u : (1 - Math.cos(Math.PI * u)) / 2;
  return start + (end - start) * f;
}
