import { z } from 'zod';
import { PAPERS } from '../../registry/papers';
import { defineModule } from '../../registry/module';
import { groupIndices } from '../advantage/group-stats';
import type { Selector } from './select';

/**
 * The filter half of DAPO's dynamic sampling: a group whose rewards are all equal has zero
 * advantage everywhere and only dilutes the batch, so it is dropped. (Re-sampling until the
 * batch is full is the other half.)
 */
export const dropZeroAdvGroups = defineModule({
  id: 'drop-zero-adv-groups',
  stage: 'select',
  label: 'Drop zero-advantage groups',
  explain: 'Drop every group whose rewards are all equal: such groups carry no gradient signal.',
  formula: '\\text{keep } q \\iff 0 < |\\{o_i : R_i = \\max R\\}| < G',
  paper: PAPERS.dapo,
  schema: z.object({
    tolerance: z.number().min(0).max(1e6).default(0).describe('Rewards closer than this count as equal'),
  }),
  create: (p): Selector => ({
    keep(batch) {
      const groups = batch.seqs.map((s, i) => (s.group < 0 ? -1 - i : s.group));
      const kept: number[] = [];
      for (const idx of groupIndices(groups)) {
        const r = idx.map((i) => batch.seqs[i].reward);
        if (Math.max(...r) - Math.min(...r) > p.tolerance) kept.push(...idx);
      }
      return kept.sort((a, b) => a - b);
    },
  }),
});
