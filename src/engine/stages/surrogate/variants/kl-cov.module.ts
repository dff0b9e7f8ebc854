import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { defineModule } from '../../../registry/module';
import type { Surrogate, SurrogateInputs } from '../surrogate';
import { tokenCovariance } from './clip-util';
import { SURROGATE_PAPERS } from './papers';

export interface KlCovParams {
  klCovRatio: number;
  ppoKlCoef: number;
}

/**
 * KL-Cov's selection (algorithms-llm.md §9, verl compute_policy_loss_kl_cov): the top
 * max(⌊klCovRatio·N⌋, 1) tokens by Cov = (A − Ā)(logp − mean logp), largest first (ties: lower index).
 */
export function klCovSelect(logp: ArrayLike<number>, adv: ArrayLike<number>, klCovRatio: number): { cov: Float64Array; penalised: number[] } {
  const cov = tokenCovariance(logp, adv);
  const n = cov.length;
  if (n === 0 || klCovRatio === 0) return { cov, penalised: [] }; // verl skips the penalty when the ratio is 0
  const k = Math.min(Math.max(Math.floor(klCovRatio * n), 1), n);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => cov[b] - cov[a] || a - b);
  return { cov, penalised: order.slice(0, k) };
}

export interface KlCovSurrogate extends Surrogate {
  /** Tokens penalised in the last minibatch (null before the first loss call), for charts. */
  lastPenalised(): number[] | null;
  metrics(): Record<string, number>;
}

/**
 * KL-Cov: l = −A·r for every token (no ratio clipping at all), plus β·|logp − logp_old| on the
 * top-covariance tokens.
 */
export function klCov(p: KlCovParams): KlCovSurrogate {
  let last: number[] | null = null;
  return {
    loss(x: SurrogateInputs) {
      last = klCovSelect(x.logp.dataSync(), x.adv.dataSync(), p.klCovRatio).penalised;
      const sel = new Float32Array(x.logp.size);
      for (const i of last) sel[i] = p.ppoKlCoef;
      return tf.tidy(() => {
        const absKl = tf.abs(tf.clipByValue(tf.sub(x.logp, x.logpOld), -20, 20));
        return tf.add(tf.neg(tf.mul(x.adv, x.ratio)), tf.mul(tf.tensor1d(sel), absKl)) as tf.Tensor1D;
      });
    },
    clipMasks: () => null,
    lastPenalised: () => last,
    metrics: (): Record<string, number> => {
      const pen = last as number[] | null;
      return pen ? { 'cov/penalised_count': pen.length } : {};
    },
  };
}

export const klCovSurrogate = defineModule({
  id: 'kl-cov',
  stage: 'surrogate',
  label: 'KL-Cov',
  explain: 'No ratio clipping; the tokens with the largest (logp, A) covariance get a |log r| penalty instead.',
  formula:
    'l_t = -A_t r_t + \\beta\\,|\\log\\pi_\\theta(a_t|s_t) - \\log\\pi_{old}(a_t|s_t)|\\cdot\\mathbb{1}[t \\in \\text{top-}\\max(\\lfloor kN\\rfloor,1) \\text{ by } \\mathrm{Cov}_t],\\; \\mathrm{Cov}_t = (A_t-\\bar A)(\\log\\pi_t-\\overline{\\log\\pi})',
  paper: SURROGATE_PAPERS.entropyMechanism,
  schema: z.object({
    klCovRatio: z
      .number()
      .min(0)
      .max(1)
      .default(0.02)
      .describe('k: fraction of tokens penalised (verl kl_cov_ratio). Paper value 2e-3 (7B) / 2e-4 (32B); 0.02 is the lab scaling for a visible effect'),
    ppoKlCoef: z.number().min(0).max(100).default(1).describe('β: weight of |log r| on the selected tokens (verl ppo_kl_coef; paper 1, verl yaml 0.1)'),
  }),
  create: (p): Surrogate => klCov(p),
});
