import type { Batch } from '../../core/batch';

/**
 * Discounted reward-to-go per step, G_t = Σ_{k≥t} γ^{k−t} r_k, within each sequence.
 * A sequence that did not terminate adds γ^{T−t}·V(s_T) when bootstrap is on (fragments cut by
 * the batch always bootstrap; time-limit truncations only when bootstrapTruncated).
 */
export function rewardToGo(batch: Batch, gamma: number, bootstrapTruncated: boolean): Float32Array {
  const out = new Float32Array(batch.n);
  for (const s of batch.seqs) {
    let g = tailValue(s, bootstrapTruncated);
    for (let t = s.start + s.length - 1; t >= s.start; t--) {
      g = batch.rewards[t] + gamma * g;
      out[t] = g;
    }
  }
  return out;
}

export function tailValue(
  s: { terminated: boolean; truncated: boolean; bootstrapValue: number },
  bootstrapTruncated: boolean,
): number {
  if (s.terminated) return 0;
  if (s.truncated) return bootstrapTruncated ? s.bootstrapValue : 0;
  return s.bootstrapValue;
}

/**
 * Generalised advantage estimation (Schulman et al. 2016), per sequence:
 * δ_t = r_t + γ V(s_{t+1}) − V(s_t);  A_t = δ_t + γλ A_{t+1};  value target R_t = A_t + V(s_t).
 */
export function gae(
  batch: Batch,
  values: Float32Array,
  gamma: number,
  lambda: number,
  bootstrapTruncated: boolean,
): { advantages: Float32Array; returns: Float32Array } {
  const adv = new Float32Array(batch.n);
  const ret = new Float32Array(batch.n);
  for (const s of batch.seqs) {
    const end = s.start + s.length - 1;
    let next = 0;
    for (let t = end; t >= s.start; t--) {
      const nextValue = t === end ? tailValue(s, bootstrapTruncated) : values[t + 1];
      const delta = batch.rewards[t] + gamma * nextValue - values[t];
      next = delta + gamma * lambda * (t === end ? 0 : next);
      adv[t] = next;
      ret[t] = next + values[t];
    }
  }
  return { advantages: adv, returns: ret };
}
