import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { defineModule } from '../../../registry/module';
import { Rng } from '../../../core/rng';
import type { Surrogate, SurrogateInputs } from '../surrogate';
import { clippedLoss, clipSideMasks, tokenCovariance } from './clip-util';
import { SURROGATE_PAPERS } from './papers';

export interface ClipCovParams {
  clipCovRatio: number;
  clipCovLb: number;
  clipCovUb: number;
  clipRatioLow: number;
  clipRatioHigh: number;
  seed: number;
}

export interface ClipCovSelection {
  /** Per-token covariance (A − Ā)(logp − mean logp). */
  cov: Float64Array;
  /** Candidates: lb < Cov < ub and not already on PPO's clipped branch. */
  candidates: number[];
  /** The n_clip = max(⌊ratio·N⌋, 1) candidates drawn at random whose loss is zeroed. */
  detached: number[];
}

/**
 * Clip-Cov's token selection (algorithms-llm.md §9, verl compute_policy_loss_clip_cov): candidates
 * are the tokens with lb < Cov < ub that PPO's clip has not already cut (−A·clip(r) > −A·r); of them
 * max(⌊clipCovRatio·N⌋, 1) are chosen uniformly at random (a seeded permutation, like torch.randperm).
 */
export function clipCovSelect(
  logp: ArrayLike<number>,
  adv: ArrayLike<number>,
  ratio: ArrayLike<number>,
  p: ClipCovParams,
  rng: Rng,
): ClipCovSelection {
  const n = logp.length;
  const cov = tokenCovariance(logp, adv);
  const lo = 1 - p.clipRatioLow;
  const hi = 1 + p.clipRatioHigh;
  const candidates: number[] = [];
  for (let i = 0; i < n; i++) {
    const l1 = -adv[i] * ratio[i];
    const l2 = -adv[i] * Math.min(Math.max(ratio[i], lo), hi);
    if (l2 > l1) continue;
    if (cov[i] > p.clipCovLb && cov[i] < p.clipCovUb) candidates.push(i);
  }
  const nClip = Math.max(Math.floor(p.clipCovRatio * n), 1);
  const detached: number[] = [];
  if (candidates.length > 0) {
    const perm = rng.permutation(candidates.length);
    for (let k = 0; k < Math.min(nClip, candidates.length); k++) detached.push(candidates[perm[k]]);
  }
  return { cov, candidates, detached };
}

export interface ClipCovSurrogate extends Surrogate {
  /** Selection of the last minibatch (null before the first loss call), for charts. */
  lastSelection(): ClipCovSelection | null;
  metrics(): Record<string, number>;
}

/**
 * Clip-Cov: PPO's clipped loss (no dual clip, as verl's clip_cov) times corr, where corr = 0 for
 * the randomly chosen high-covariance tokens: their loss and gradient are removed.
 */
export function clipCov(p: ClipCovParams): ClipCovSurrogate {
  const rng = new Rng(p.seed);
  let last: ClipCovSelection | null = null;
  const lo = 1 - p.clipRatioLow;
  const hi = 1 + p.clipRatioHigh;
  return {
    loss(x: SurrogateInputs) {
      last = clipCovSelect(x.logp.dataSync(), x.adv.dataSync(), x.ratio.dataSync(), p, rng);
      const corr = new Float32Array(x.logp.size).fill(1);
      for (const i of last.detached) corr[i] = 0;
      return tf.tidy(() => tf.mul(clippedLoss(x.ratio, x.adv, lo, hi), tf.tensor1d(corr)) as tf.Tensor1D);
    },
    clipMasks: ({ ratio, adv }: SurrogateInputs) => clipSideMasks(ratio, adv, lo, hi),
    lastSelection: () => last,
    metrics: (): Record<string, number> => {
      const sel = last as ClipCovSelection | null;
      return sel ? { 'cov/detached_frac': sel.detached.length / Math.max(1, sel.cov.length) } : {};
    },
  };
}

export const clipCovSurrogate = defineModule({
  id: 'clip-cov',
  stage: 'surrogate',
  label: 'Clip-Cov',
  explain: 'Detach a few random tokens whose (logp, A) covariance is high, the tokens that drive entropy collapse.',
  formula:
    '\\mathrm{Cov}_t = (A_t-\\bar A)(\\log\\pi_t - \\overline{\\log\\pi}),\\; l_t = \\max\\big(-A_t r_t, -A_t\\,\\mathrm{clip}(r_t,1-\\epsilon_{low},1+\\epsilon_{high})\\big)\\cdot \\mathbb{1}[t \\notin \\text{random } \\max(\\lfloor \\rho N \\rfloor,1) \\text{ of } \\{\\omega_{low}<\\mathrm{Cov}_t<\\omega_{high}\\}]',
  paper: SURROGATE_PAPERS.entropyMechanism,
  schema: z.object({
    clipCovRatio: z
      .number()
      .min(0)
      .max(1)
      .default(0.02)
      .describe('Fraction of tokens detached (verl clip_cov_ratio). Paper value 2e-4 (1 token at toy scale); 0.02 is the lab scaling for a visible effect'),
    clipCovLb: z.number().min(-100).max(100).default(1).describe('ω_low: covariance lower bound of the candidates (verl clip_cov_lb, 1.0)'),
    clipCovUb: z.number().min(-100).max(100).default(5).describe('ω_high: covariance upper bound of the candidates (verl clip_cov_ub, 5.0)'),
    clipRatioLow: z.number().min(0).max(1).default(1).describe('ε_low of the standard clip (verl clip_ratio_low); paper 7B script 1 (ratio floor 0), verl default 0.2'),
    clipRatioHigh: z.number().min(0).max(10).default(1).describe('ε_high of the standard clip (verl clip_ratio_high); paper 7B script 1 (ceiling 2), verl default 0.2'),
    seed: z
      .number()
      .int()
      .min(0)
      .default(0)
      .describe("Seed of this module's own generator for the random subset (the surrogate stage is not given the run's generator)"),
  }),
  create: (p): Surrogate => clipCov(p),
});
