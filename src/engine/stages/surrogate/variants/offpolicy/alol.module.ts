import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { defineModule } from '../../../../registry/module';
import type { Surrogate, SurrogateInputs } from '../../surrogate';
import { OFFPOLICY_PAPERS } from '../../../sample/offpolicy/papers';

export type AlolMode = 'seq' | 'token' | 'ref-free';

export interface AlolParams {
  mode: AlolMode;
  epsilon: number;
}

/**
 * The importance weight of each step before clipping, as numbers (a constant: LoL-RL computes it
 * under no_grad): 'seq' exp(Σ_t logp − Σ_t logp_old) over the steps of the step's sequence present
 * in the minibatch (language minibatches keep whole sequences); 'token' exp(logp_t − logp_old_t);
 * 'ref-free' 1.
 */
export function alolRawWeights(mode: AlolMode, logp: ArrayLike<number>, logpOld: ArrayLike<number>, seqIds: Int32Array, seqCount: number): Float64Array {
  const n = logp.length;
  const w = new Float64Array(n).fill(1);
  if (mode === 'ref-free') return w;
  if (mode === 'token') {
    for (let t = 0; t < n; t++) w[t] = Math.exp(logp[t] - logpOld[t]);
    return w;
  }
  const seqLogRatio = new Float64Array(Math.max(seqCount, 1));
  for (let t = 0; t < n; t++) seqLogRatio[seqIds[t]] += logp[t] - logpOld[t];
  for (let t = 0; t < n; t++) w[t] = Math.exp(seqLogRatio[seqIds[t]]);
  return w;
}

/**
 * A-LoL's loss per step (algorithms-llm.md §25; LoL-RL a_lol, a_lol_seq, a_lol_ref_free):
 * l_t = A · sg(w_t) · (−log π_θ(y_t)), w clipped to [1−ε, 1+ε]. With seq-mean-token-sum
 * aggregation this is mean_batch(A⁺ · w · NLL(y)).
 */
export function alol(p: AlolParams): Surrogate & { metrics(): Record<string, number> } {
  const lo = 1 - p.epsilon;
  const hi = 1 + p.epsilon;
  let sum = 0;
  let count = 0;
  const raw = (x: SurrogateInputs) =>
    p.mode === 'ref-free' ? new Float64Array(x.seqIds.length).fill(1) : alolRawWeights(p.mode, x.logp.dataSync(), x.logpOld.dataSync(), x.seqIds, x.seqCount);
  return {
    loss(x: SurrogateInputs) {
      const w = raw(x).map((v) => Math.min(Math.max(v, lo), hi));
      if (p.mode !== 'ref-free') {
        sum += w.reduce((a, b) => a + b, 0);
        count += w.length;
      }
      return tf.tidy(() => tf.neg(tf.mul(tf.mul(x.adv, tf.tensor1d(Float32Array.from(w))), x.logp)) as tf.Tensor1D);
    },
    clipMasks(x: SurrogateInputs) {
      if (p.mode === 'ref-free') return null;
      const w = raw(x);
      return tf.tidy(() => ({
        low: tf.tensor1d(Float32Array.from(w, (v) => (v < lo ? 1 : 0))),
        high: tf.tensor1d(Float32Array.from(w, (v) => (v > hi ? 1 : 0))),
      }));
    },
    // Mean clipped weight over the steps trained since the last row (1 for ref-free).
    metrics() {
      const out = { 'alol/ratio_mean': count ? sum / count : 1 };
      sum = 0;
      count = 0;
      return out;
    },
  };
}

export const alolSurrogate = defineModule({
  id: 'alol',
  stage: 'surrogate',
  label: 'A-LoL weighted likelihood',
  explain:
    'Offline policy gradient: the negative log-likelihood of each dataset response, weighted by its advantage and by a detached importance weight π_θ/π_ref clipped to [1−ε, 1+ε] (per sequence, per token, or none); pair with seq-mean-token-sum.',
  formula:
    'l_{t} = -A^{+}\\,\\mathrm{sg}(w)\\,\\log\\pi_\\theta(y_t\\mid x, y_{<t}),\\; w = \\mathrm{clip}\\Big(\\exp\\big(\\textstyle\\sum_t \\log\\pi_\\theta - \\sum_t \\log\\pi_{ref}\\big), 1-\\epsilon, 1+\\epsilon\\Big)\\ \\text{(seq)},\\; \\mathrm{clip}\\big(\\tfrac{\\pi_\\theta(y_t)}{\\pi_{ref}(y_t)}, 1-\\epsilon, 1+\\epsilon\\big)\\ \\text{(token)},\\; 1\\ \\text{(ref-free)}',
  paper: OFFPOLICY_PAPERS.alol,
  schema: z.object({
    mode: z
      .enum(['seq', 'token', 'ref-free'])
      .default('seq')
      .describe('seq: A-LoL (one ratio per response); token: A-LoL seq (ratio per token); ref-free: A-LoL ref-free (no ratio). LoL-RL algorithm, paper main method a_lol'),
    epsilon: z.number().min(0).max(1).default(0.9).describe('ε: the weight is clipped to [1−ε, 1+ε] (LoL-RL ppo_clip 0.9)'),
  }),
  create: (p) => alol(p),
});
