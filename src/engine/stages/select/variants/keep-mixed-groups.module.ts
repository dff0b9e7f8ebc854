import { z } from 'zod';
import { defineModule } from '../../../registry/module';
import { batchGroups, isSuccess, successThresholdParam } from '../../advantage/variants/outcome';
import { VARIANT_PAPERS } from '../../advantage/variants/papers';
import type { Selector } from '../select';

/**
 * DRPO keeps only groups with at least one correct and one incorrect sample (algorithms-llm.md
 * §18): the discriminative objective needs both. On 0/1 rewards this is DAPO's filter; on graded
 * returns the success predicate decides.
 */
export const keepMixedGroups = defineModule({
  id: 'keep-mixed-groups',
  stage: 'select',
  label: 'Keep mixed groups (DRPO)',
  explain: 'Keep only the groups that have both a correct and an incorrect sample.',
  formula: '\\text{keep } q \\iff \\exists i: R_i \\text{ success} \\wedge \\exists j: R_j \\text{ failure}',
  paper: VARIANT_PAPERS.drpo,
  schema: z.object({ successThreshold: successThresholdParam }),
  create: (p): Selector => ({
    keep(batch) {
      const kept: number[] = [];
      for (const idx of batchGroups(batch)) {
        const ok = idx.map((i) => isSuccess(batch.seqs[i].reward, p.successThreshold));
        if (ok.includes(true) && ok.includes(false)) kept.push(...idx);
      }
      return kept.sort((a, b) => a - b);
    },
  }),
});
