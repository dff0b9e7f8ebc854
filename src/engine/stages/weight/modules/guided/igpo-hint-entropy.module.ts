import { z } from 'zod';
import { defineModule } from '../../../../registry/module';
import type { Batch } from '../../../../core/batch';
import { GUIDED_PAPERS } from '../../../sample/guided/papers';
import type { Weighter } from '../../weighter';
import { topKMask } from '../weight-utils';

export type HintScope = 'batch' | 'sequence';

/**
 * IGPO's entropy filter on injected tokens (trainer_igpo.py, algorithms-llm.md §20): among the
 * forced (hint) tokens, only the top κ by entropy keep loss weight 1 — max(1, ⌊κ·n⌋) of the n
 * candidates — the rest get 0; sampled tokens always keep 1. Candidates are the batch's hint tokens
 * together ('batch') or each response's own ('sequence', as the released trainer loops).
 */
export function hintEntropyWeights(batch: Batch, kappa: number, scope: HintScope): Float32Array {
  const out = new Float32Array(batch.n).fill(1);
  const forced = batch.forced;
  if (!forced) return out;
  const sets: number[][] = [];
  if (scope === 'batch') sets.push([]);
  for (const s of batch.seqs) {
    if (scope === 'sequence') sets.push([]);
    for (let t = s.start; t < s.start + s.length; t++) if (forced[t]) sets[sets.length - 1].push(t);
  }
  for (const steps of sets) {
    if (steps.length === 0) continue;
    const keep = Math.max(1, Math.floor(kappa * steps.length + 1e-9));
    const mask = topKMask(steps.map((t) => batch.entropy[t]), keep);
    steps.forEach((t, i) => (out[t] = mask[i]));
  }
  return out;
}

export const igpoHintEntropy = defineModule({
  id: 'igpo-hint-entropy',
  stage: 'weight',
  label: 'IGPO hint-token entropy filter',
  explain:
    'Hint tokens forced from the reference answer keep their gradient only where the policy was most uncertain (top κ by entropy, over the batch or per response as IGPO’s code ranks them); sampled tokens always keep theirs.',
  formula:
    'w_t = \\begin{cases} 1 & t \\text{ sampled} \\\\ \\mathbb{1}\\big[H_t \\in \\text{top-}\\max(1, \\lfloor\\kappa n\\rfloor) \\text{ of the } n \\text{ hint tokens}\\big] & t \\text{ forced} \\end{cases}',
  paper: GUIDED_PAPERS.igpo,
  schema: z.object({
    kappa: z.number().min(0).max(1).default(0.2).describe('κ: share of hint tokens, by entropy, that keep their gradient (IGPO entropy_clipping_ratio_inpaint 0.2)'),
    scope: z
      .enum(['batch', 'sequence'])
      .default('batch')
      .describe("Rank hint tokens over the whole batch (algorithms-llm.md §20) or within each response ('sequence', as trainer_igpo.py does)"),
  }),
  create: (p): Weighter & { metrics(): Record<string, number> } => {
    let kept: { hint: number; kept: number } = { hint: 0, kept: 0 };
    return {
      weights(batch) {
        const w = hintEntropyWeights(batch, p.kappa, p.scope);
        kept = { hint: 0, kept: 0 };
        batch.forced?.forEach((f, t) => {
          if (!f) return;
          kept.hint += 1;
          kept.kept += w[t];
        });
        return w;
      },
      // Defined only when the batch had hint tokens.
      metrics: (): Record<string, number> => (kept.hint > 0 ? { 'igpo/hint_keep_frac': kept.kept / kept.hint } : {}),
    };
  },
});
