import type { Batch } from '../core/batch';
import type { Aggregator } from '../stages/aggregate/aggregation';

/** Sequences with an advantage fixed by the sampler (demonstrations, offline data) keep it. */
export function applyFixedAdvantages(batch: Batch, adv: Float32Array): void {
  for (const s of batch.seqs) if (s.advantage !== undefined) adv.fill(s.advantage, s.start, s.start + s.length);
}

/**
 * Aggregation over the unmasked steps only (verl's response_mask): masked steps get weight 0 and
 * leave every denominator.
 */
export function maskedAggregation(aggregator: Aggregator, seqIds: Int32Array, mask: Float32Array, lNorm: number): Float32Array {
  const keep: number[] = [];
  mask.forEach((m, i) => m > 0 && keep.push(i));
  const out = new Float32Array(seqIds.length);
  if (keep.length === 0) return out;
  const w = aggregator.weights(Int32Array.from(keep, (i) => seqIds[i]), lNorm);
  keep.forEach((i, k) => (out[i] = w[k] * mask[i]));
  return out;
}


/** The batch's loss mask with the dropped steps set to 0 (null when neither exists). */
export function combineMasks(lossMask: Float32Array | null, dropped: Uint8Array | null): Float32Array | null {
  if (!dropped) return lossMask;
  const out = lossMask ? lossMask.slice() : new Float32Array(dropped.length).fill(1);
  for (let i = 0; i < dropped.length; i++) if (dropped[i]) out[i] = 0;
  return out;
}
