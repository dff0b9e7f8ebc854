import { z } from 'zod';
import { defineModule } from '../../../registry/module';
import { isSuccess, successThresholdParam } from '../../advantage/variants/outcome';
import { VARIANT_PAPERS } from '../../advantage/variants/papers';
import type { Selector } from '../select';

/**
 * The PSR / NSR subsets (TianHongZXY/RLVR-Decomposed; algorithms-llm.md §3): the reference code
 * removes the other samples from the batch, so the token mean is over the kept tokens only.
 */
export const psrNsrSubset = defineModule({
  id: 'psr-nsr-subset',
  stage: 'select',
  label: 'PSR / NSR subset',
  explain: 'Keep only the correct samples (PSR) or only the incorrect ones (NSR), as the paper trains on them.',
  formula: '\\text{PSR: keep } o_i \\iff R_i \\text{ success};\\quad \\text{NSR: keep } o_i \\iff R_i \\text{ failure}',
  paper: VARIANT_PAPERS.psrNsr,
  schema: z.object({
    mode: z.enum(['psr', 'nsr']).default('nsr').describe('PSR: keep successes; NSR: keep failures (pair with the w-reinforce advantage in the same mode)'),
    successThreshold: successThresholdParam,
  }),
  create: (p): Selector => ({
    keep(batch) {
      const kept: number[] = [];
      batch.seqs.forEach((s, i) => {
        if (isSuccess(s.reward, p.successThreshold) === (p.mode === 'psr')) kept.push(i);
      });
      return kept;
    },
  }),
});
