import { z } from 'zod';
import { PAPERS } from '../../registry/papers';
import { defineModule } from '../../registry/module';
import { addToReward, type Shaper } from './shaper';

/**
 * DAPO's soft overlong punishment (verl reward_manager/dapo.py; algorithms-llm.md §1.3d):
 * 0 up to L_max − L_cache, then linearly down to −1 at L_max.
 */
export function overlongPenalty(length: number, lMax: number, lCache: number): number {
  const start = lMax - lCache;
  if (length <= start) return 0;
  if (length > lMax) return -1;
  return (start - length) / lCache;
}

export const overlongPenaltyShaper = defineModule({
  id: 'overlong-penalty',
  stage: 'shape',
  label: 'Overlong penalty (DAPO)',
  explain: 'A soft length penalty inside a buffer before the length limit, so truncation is not a cliff.',
  formula: 'R_{len} = \\min\\Big(0, \\frac{(L_{max} - L_{cache}) - |o|}{L_{cache}}\\Big)',
  paper: PAPERS.dapo,
  schema: z.object({
    lCache: z.number().int().min(1).max(100_000).default(4).describe('L_cache: buffer before the limit (paper 4096; lab 4 tokens)'),
    penaltyFactor: z.number().min(0).max(10).default(1).describe('Weight of the penalty (verl overlong_penalty_factor)'),
  }),
  create: (p): Shaper => ({
    apply(batch, maxLength) {
      batch.seqs.forEach((s, i) => {
        const pen = overlongPenalty(s.length, maxLength, Math.min(p.lCache, maxLength));
        if (pen !== 0) addToReward(batch, i, p.penaltyFactor * pen);
      });
    },
  }),
});
