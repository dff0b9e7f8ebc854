import { z } from 'zod';
import { defineModule } from '../../../registry/module';
import { batchGroups, isSuccess, successThresholdParam } from '../../advantage/variants/outcome';
import { VARIANT_PAPERS } from '../../advantage/variants/papers';
import type { Selector } from '../select';

/**
 * NGRPO's filter (filter_groups.strategy = all_correct; algorithms-llm.md §2): only groups in
 * which every sample succeeded are dropped; all-wrong groups stay, since NGRPO's calibrated
 * advantage gives them a negative signal.
 */
export const dropAllCorrectGroups = defineModule({
  id: 'drop-all-correct-groups',
  stage: 'select',
  label: 'Drop all-correct groups (NGRPO)',
  explain: 'Drop only the groups where every sample succeeded; all-wrong groups are kept, unlike DAPO.',
  formula: '\\text{keep } q \\iff \\exists i: R_i < R_{succ}',
  paper: VARIANT_PAPERS.ngrpo,
  schema: z.object({ successThreshold: successThresholdParam }),
  create: (p): Selector => ({
    keep(batch) {
      const kept: number[] = [];
      for (const idx of batchGroups(batch)) {
        if (!idx.every((i) => isSuccess(batch.seqs[i].reward, p.successThreshold))) kept.push(...idx);
      }
      return kept.sort((a, b) => a - b);
    },
  }),
});
