import { z } from 'zod';
import { defineModule } from '../../../registry/module';
import type { Batch } from '../../../core/batch';
import type { Weighter } from '../weighter';
import { WEIGHT_PAPERS } from './papers';
import { sequenceAdvantages, sequenceGroups } from './weight-utils';

export interface GtpoConflicts {
  /** λ_{i,t} = λ^fwd·λ^bwd per step. */
  lambda: Float32Array;
  /** 1 where the step is a forward or backward conflict token. */
  conflict: Uint8Array;
  /** Number of conflict tokens of each sequence. */
  nConflict: Int32Array;
}

/**
 * GTPO's conflict tokens (winstonsmith1897/GTPO build_conflict_mask; algorithms-llm.md §13).
 * Within a group, P = completions with A > 0, N = those with A < 0. The token at position t
 * (counted from the start, or from the end for the backward pass) is a conflict when the same
 * token sits at that position in some completion of P and some of N, and every earlier position
 * of the run is a conflict too (only the shared leading / trailing run counts). On a conflict,
 * λ = W for a completion of P and 0 for one of N; elsewhere λ = 1. Completions with A = 0 are
 * left alone. Tokens are the steps' actions, so this reads language and control batches alike.
 */
export function gtpoConflicts(batch: Batch, advantages: Float32Array, w: number): GtpoConflicts {
  const lambda = new Float32Array(batch.n).fill(1);
  const conflict = new Uint8Array(batch.n);
  const nConflict = new Int32Array(batch.seqs.length);
  const seqAdv = sequenceAdvantages(batch, advantages);
  for (const group of sequenceGroups(batch)) {
    const pos = group.filter((i) => seqAdv[i] > 0);
    const neg = group.filter((i) => seqAdv[i] < 0);
    if (pos.length === 0 || neg.length === 0) continue;
    for (const fromEnd of [false, true]) {
      // Position (from the start or from the end) of step k of sequence i.
      const stepAt = (i: number, k: number) => {
        const s = batch.seqs[i];
        return fromEnd ? s.start + s.length - 1 - k : s.start + k;
      };
      const seen = (set: number[]) => {
        const keys = new Set<string>();
        for (const i of set) for (let k = 0; k < batch.seqs[i].length; k++) keys.add(`${k}:${batch.actions[stepAt(i, k)]}`);
        return keys;
      };
      const inP = seen(pos);
      const inN = seen(neg);
      for (const i of [...pos, ...neg]) {
        const factor = seqAdv[i] > 0 ? w : 0;
        for (let k = 0; k < batch.seqs[i].length; k++) {
          const t = stepAt(i, k);
          const key = `${k}:${batch.actions[t]}`;
          if (!inP.has(key) || !inN.has(key)) break;
          lambda[t] *= factor;
          conflict[t] = 1;
        }
      }
    }
    for (const i of [...pos, ...neg]) {
      const s = batch.seqs[i];
      for (let t = s.start; t < s.start + s.length; t++) nConflict[i] += conflict[t];
    }
  }
  return { lambda, conflict, nConflict };
}

export const gtpoConflict = defineModule({
  id: 'gtpo-conflict',
  stage: 'weight',
  label: 'GTPO conflict tokens',
  explain:
    'Tokens that correct and wrong completions of a group share at the start or end (format tokens) get no negative update and a doubled positive one.',
  formula:
    '\\lambda_{i,t} = \\lambda^{\\mathrm{fwd}}_{i,t}\\,\\lambda^{\\mathrm{bwd}}_{i,t},\\; \\lambda = \\begin{cases} W & \\text{conflict}, A_i > 0 \\\\ 0 & \\text{conflict}, A_i < 0 \\\\ 1 & \\text{otherwise} \\end{cases},\\; w_{i,t} = \\frac{\\lambda_{i,t}}{\\max(1, n^{\\mathrm{conf}}_i)}',
  paper: WEIGHT_PAPERS.gtpo,
  schema: z.object({
    conflictWeight: z
      .number()
      .min(0)
      .max(10)
      .default(2)
      .describe('W: weight of a conflict token in a positive completion (GTPO W_RAW = 2; a negative completion gets 0)'),
    divideByConflicts: z
      .boolean()
      .default(true)
      .describe("Divide each completion's loss by max(1, its number of conflict tokens), as the released code does (divide_by_conflicts)"),
  }),
  create: (p): Weighter => ({
    weights(batch, advantages) {
      const { lambda, nConflict } = gtpoConflicts(batch, advantages, p.conflictWeight);
      if (p.divideByConflicts) {
        batch.seqs.forEach((s, i) => {
          const d = Math.max(1, nConflict[i]);
          for (let t = s.start; t < s.start + s.length; t++) lambda[t] /= d;
        });
      }
      return lambda;
    },
  }),
});
