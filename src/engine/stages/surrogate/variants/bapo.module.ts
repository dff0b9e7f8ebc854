import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { defineModule } from '../../../registry/module';
import type { Surrogate, SurrogateInputs } from '../surrogate';
import { clippedLoss, clipSideMasks, dualClip } from './clip-util';
import { SURROGATE_PAPERS } from './papers';

export interface BapoParams {
  targetShare: number;
  lowStart: number;
  lowMax: number;
  highStart: number;
  highMax: number;
  highStep: number;
  lowStep: number;
  order: 'paper' | 'code';
  clipRatioC: number | null;
}

export interface BapoBounds {
  low: number;
  high: number;
  /** Positive share P/(P+N) of the clipped objective at the chosen bounds. */
  share: number;
}

/** P/(P+N) with P = Σ_{A>0} A·min(r, high), N = Σ_{A<0} |A|·max(r, low); 1 when both are 0. */
export function positiveShare(ratio: ArrayLike<number>, adv: ArrayLike<number>, low: number, high: number): number {
  let pos = 0;
  let neg = 0;
  for (let i = 0; i < ratio.length; i++) {
    if (adv[i] > 0) pos += adv[i] * Math.min(ratio[i], high);
    else if (adv[i] < 0) neg -= adv[i] * Math.max(ratio[i], low);
  }
  return pos + neg > 0 ? pos / (pos + neg) : 1;
}

const TOL = 1e-9;

/**
 * BAPO's bound search for one minibatch (algorithms-llm.md §8). 'paper' (Alg. 1): starting from
 * [lowStart, highStart], while the positive share is below the target, raise c_high by δ1 while it
 * stays ≤ highMax, then c_low by δ2 while it stays ≤ lowMax (Alg. 1 also stops c_high when c_low
 * starts at its maximum; here c_high still grows in that degenerate case). 'code' (WooooDyy/BAPO policy_loss.py):
 * raise c_low to its maximum first, then c_high, each step capped at its maximum, stopping as soon
 * as the target is met. Steps are counted in integers so that float drift cannot skip the last one.
 */
export function bapoBounds(ratio: ArrayLike<number>, adv: ArrayLike<number>, p: BapoParams): BapoBounds {
  let low = p.lowStart;
  let high = p.highStart;
  let share = positiveShare(ratio, adv, low, high);
  if (p.order === 'paper') {
    let nLow = 0;
    let nHigh = 0;
    const lowAt = (k: number) => p.lowStart + k * p.lowStep;
    const highAt = (k: number) => p.highStart + k * p.highStep;
    while (share < p.targetShare) {
      if (p.highStep > 0 && highAt(nHigh + 1) <= p.highMax + TOL) high = highAt(++nHigh);
      else if (p.lowStep > 0 && lowAt(nLow + 1) <= p.lowMax + TOL) low = lowAt(++nLow);
      else break;
      share = positiveShare(ratio, adv, low, high);
    }
  } else {
    while (share < p.targetShare && low < p.lowMax - TOL && p.lowStep > 0) {
      low = Math.min(low + p.lowStep, p.lowMax);
      share = positiveShare(ratio, adv, low, high);
    }
    while (share < p.targetShare && high < p.highMax - TOL && p.highStep > 0) {
      high = Math.min(high + p.highStep, p.highMax);
      share = positiveShare(ratio, adv, low, high);
    }
  }
  return { low, high, share };
}

export interface BapoSurrogate extends Surrogate {
  /** Bounds chosen for the last minibatch (null before the first loss call). */
  lastBounds(): BapoBounds | null;
  /** Means over the minibatches since the last call (one update), and the widest ceiling. */
  metrics(): Record<string, number>;
}

/**
 * BAPO's loss: §0.3 with the explicit bounds [c_low, c_high] found for this minibatch (constants,
 * read from the ratio values), dual clip c for A < 0.
 */
export function bapo(p: BapoParams): BapoSurrogate {
  let last: BapoBounds | null = null;
  let acc = { low: 0, high: 0, share: 0, maxHigh: -Infinity, n: 0 };
  const boundsFor = (x: SurrogateInputs) => {
    last = bapoBounds(x.ratio.dataSync(), x.adv.dataSync(), p);
    acc = { low: acc.low + last.low, high: acc.high + last.high, share: acc.share + last.share, maxHigh: Math.max(acc.maxHigh, last.high), n: acc.n + 1 };
    return last;
  };
  const cache = new WeakMap<SurrogateInputs, BapoBounds>();
  return {
    loss(x: SurrogateInputs) {
      const b = boundsFor(x);
      cache.set(x, b);
      return tf.tidy(() => dualClip(clippedLoss(x.ratio, x.adv, b.low, b.high), x.adv, p.clipRatioC));
    },
    clipMasks(x: SurrogateInputs) {
      const b = cache.get(x) ?? boundsFor(x);
      return clipSideMasks(x.ratio, x.adv, b.low, b.high);
    },
    lastBounds: () => last,
    metrics: (): Record<string, number> => {
      if (acc.n === 0) return {};
      const out = { 'bapo/clip_low': acc.low / acc.n, 'bapo/clip_high': acc.high / acc.n, 'bapo/clip_high_max': acc.maxHigh, 'bapo/positive_share': acc.share / acc.n };
      acc = { low: 0, high: 0, share: 0, maxHigh: -Infinity, n: 0 };
      return out;
    },
  };
}

export const bapoSurrogate = defineModule({
  id: 'bapo',
  stage: 'surrogate',
  label: 'BAPO adaptive clip',
  explain: 'Per minibatch, widen the clip bounds until positive-advantage tokens carry a target share of the objective.',
  formula:
    'l_t = \\max\\big(-A_t r_t, -A_t\\,\\mathrm{clip}(r_t, c_{low}, c_{high})\\big),\\; \\text{grow } c_{high}, c_{low} \\text{ until } \\frac{\\sum_{A>0} A\\min(r,c_{high})}{\\sum_{A>0} A\\min(r,c_{high}) + \\sum_{A<0}|A|\\max(r,c_{low})} \\ge \\rho_0',
  paper: SURROGATE_PAPERS.bapo,
  schema: z.object({
    targetShare: z
      .number()
      .min(0)
      .max(1)
      .default(0.4)
      .describe('ρ0: target positive share P/(P+N); paper 0.4 (released script: P/N = 0.5, i.e. share 1/3; verl recipe adv_ratio_target is P/N)'),
    lowStart: z.number().min(0).max(1).default(0.6).describe('a−: starting c_low (BAPO ratio_lower_start); paper 0.6'),
    lowMax: z.number().min(0).max(1).default(0.9).describe('b−: largest c_low (ratio_lower_max); paper 0.9, script 0.8'),
    highStart: z.number().min(1).max(10).default(1.2).describe('a+: starting c_high (ratio_upper_start); paper 1.2'),
    highMax: z.number().min(1).max(10).default(3).describe('b+: largest c_high (ratio_upper_max); paper 3.0, script 2.0'),
    highStep: z.number().min(0).max(1).default(0.05).describe('δ1: c_high step (ratio_upper_step); paper 0.05'),
    lowStep: z.number().min(0).max(1).default(0.02).describe('δ2: c_low step (ratio_lower_step); paper 0.02, script 0.05'),
    order: z
      .enum(['paper', 'code'])
      .default('paper')
      .describe("Search order: 'paper' (Alg. 1) raises c_high first, then c_low; 'code' (released policy_loss.py) raises c_low first"),
    clipRatioC: z
      .number()
      .min(1)
      .max(100)
      .nullable()
      .default(3)
      .describe('Dual-clip bound c for A<0 (verl clip_ratio_c, 3.0); empty = off'),
  }),
  create: (p): Surrogate => bapo(p),
});
