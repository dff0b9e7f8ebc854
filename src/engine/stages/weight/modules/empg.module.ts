import { z } from 'zod';
import { defineModule } from '../../../registry/module';
import type { Batch } from '../../../core/batch';
import { meanStd } from '../../advantage/group-stats';
import type { Weighter } from '../weighter';
import { WEIGHT_PAPERS } from './papers';
import { ratioWeight } from './weight-utils';

export interface EmpgParams {
  k: number;
  kFuture: number;
  zeta: number;
  step: 'token' | 'sequence';
  renormalise: boolean;
}

/**
 * EMPG's modulated advantage of every step of the batch (algorithms-llm.md §12):
 * H_norm = (H − min H)/(max H − min H + 1e-8) over the batch's EMPG steps,
 * g = exp(−k·H_norm)/mean exp(−k·H_norm), f = exp(−k_f·H_norm),
 * A_mod(i, t) = g(H_{i,t})·A_{i,t} + ζ·f(H_{i,t+1}) (no bonus on a sequence's last step).
 * An EMPG step is one action/token, or ('sequence') a whole sequence with its mean entropy.
 */
export function empgModulated(batch: Batch, advantages: Float32Array, p: EmpgParams): Float64Array {
  // Units: the EMPG steps, each a run of batch steps with one entropy and a successor (or none).
  const unitOfStep = new Int32Array(batch.n);
  const unitH: number[] = [];
  const nextUnit: number[] = [];
  for (const s of batch.seqs) {
    if (p.step === 'sequence') {
      let sum = 0;
      for (let t = s.start; t < s.start + s.length; t++) {
        sum += batch.entropy[t];
        unitOfStep[t] = unitH.length;
      }
      unitH.push(s.length ? sum / s.length : 0);
      nextUnit.push(-1);
    } else {
      for (let t = s.start; t < s.start + s.length; t++) {
        unitOfStep[t] = unitH.length;
        unitH.push(batch.entropy[t]);
        nextUnit.push(t + 1 < s.start + s.length ? unitH.length : -1);
      }
    }
  }
  const nU = unitH.length;
  let lo = Infinity;
  let hi = -Infinity;
  for (const h of unitH) {
    lo = Math.min(lo, h);
    hi = Math.max(hi, h);
  }
  const hNorm = unitH.map((h) => (h - lo) / (hi - lo + 1e-8));
  const gRaw = hNorm.map((h) => Math.exp(-p.k * h));
  const gMean = gRaw.reduce((a, b) => a + b, 0) / Math.max(nU, 1);
  const g = gRaw.map((x) => x / gMean);
  const f = hNorm.map((h) => Math.exp(-p.kFuture * h));

  const out = new Float64Array(batch.n);
  for (let t = 0; t < batch.n; t++) {
    const u = unitOfStep[t];
    const next = nextUnit[u];
    out[t] = g[u] * advantages[t] + (next >= 0 ? p.zeta * f[next] : 0);
  }
  if (p.renormalise) {
    const { std } = meanStd(out);
    if (std > 0) for (let t = 0; t < out.length; t++) out[t] /= std;
  }
  return out;
}

export const empg = defineModule({
  id: 'empg',
  stage: 'weight',
  label: 'EMPG entropy modulation',
  explain:
    'Approximation of EMPG: scales each step by how confident the policy was there (confident steps count more, uncertain ones less) and adds a bonus for leading into a confident next step.',
  formula:
    'w_{i,t} = \\frac{g(H_{i,t})\\,A_i + \\zeta f(H_{i,t+1})}{A_i},\\; g(H) = \\frac{e^{-k \\hat H}}{\\mathrm{mean}_B\\, e^{-k \\hat H}},\\; f(H) = e^{-k_f \\hat H},\\; \\hat H = \\frac{H - \\min_B H}{\\max_B H - \\min_B H}',
  paper: WEIGHT_PAPERS.empg,
  schema: z.object({
    k: z.number().min(0).max(20).default(1).describe('k: how steeply the weight g(H) falls with normalised step entropy (EMPG pseudocode k = 1)'),
    kFuture: z.number().min(0).max(20).default(1).describe('k_f: steepness of the future-clarity bonus f(H) of the next step (EMPG k_f = 1)'),
    zeta: z.number().min(0).max(10).default(0.1).describe('ζ: weight of the future-clarity bonus (EMPG ζ = 0.1; 0 turns it off)'),
    step: z
      .enum(['token', 'sequence'])
      .default('token')
      .describe("What one EMPG step is: each action/token, or a whole sequence (one agent turn; then there is no next-step bonus)"),
    renormalise: z
      .boolean()
      .default(false)
      .describe('Divide the modulated advantages by their batch std (unverified option from write-ups; the mean shift of a full re-normalisation cannot be expressed as a weight)'),
  }),
  create: (p): Weighter => ({
    weights(batch, advantages) {
      const mod = empgModulated(batch, advantages, p);
      // w·A = A_mod wherever A ≠ 0; the bonus on zero-advantage steps cannot be carried by a weight.
      return Float32Array.from(mod, (m, t) => ratioWeight(m, advantages[t]));
    },
  }),
});
