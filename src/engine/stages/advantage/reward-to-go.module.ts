import { z } from 'zod';
import { PAPERS } from '../../registry/papers';
import { defineModule } from '../../registry/module';
import { rewardToGo } from './returns';
import { meanStd } from './group-stats';
import type { AdvantageEstimator } from './advantage';

/** REINFORCE's return estimators (algorithms-control.md D.1). */
export const rewardToGoAdvantage = defineModule({
  id: 'reward-to-go',
  stage: 'advantage',
  label: 'Return (REINFORCE)',
  explain: 'Each action is credited with the return that followed it (or the whole episode return), minus an optional baseline.',
  formula: 'A_t = \\sum_{k\\ge t} \\gamma^{k-t} r_k - b(s_t)',
  paper: PAPERS.reinforce,
  schema: z.object({
    gamma: z.number().min(0).max(1).default(0.99).describe('Discount γ'),
    credit: z
      .enum(['reward-to-go', 'total'])
      .default('reward-to-go')
      .describe('reward-to-go: G_t from step t on; total: the whole episode return G_0 on every step'),
    baseline: z
      .enum(['none', 'batch-mean', 'value'])
      .default('none')
      .describe('Subtracted from the return: nothing, the batch mean, or a learned V(s)'),
    normalize: z.boolean().default(false).describe('Divide by the batch standard deviation'),
    bootstrapTruncated: z.boolean().default(false).describe('Add γ^(T−t)·V(s_T) after a time-limit cut'),
  }),
  create: (p): AdvantageEstimator => ({
    needsCritic: p.baseline === 'value',
    needsGroups: false,
    compute(batch) {
      const g = rewardToGo(batch, p.gamma, p.bootstrapTruncated);
      const returns = g.slice();
      if (p.credit === 'total') {
        for (const s of batch.seqs) g.fill(g[s.start], s.start, s.start + s.length);
      }
      const adv = g;
      if (p.baseline === 'batch-mean') {
        const { mean } = meanStd(adv);
        for (let i = 0; i < adv.length; i++) adv[i] -= mean;
      } else if (p.baseline === 'value') {
        if (!batch.values) throw new Error('a value baseline needs critic values');
        for (let i = 0; i < adv.length; i++) adv[i] -= batch.values[i];
      }
      if (p.normalize) {
        const { mean, std } = meanStd(adv);
        const center = p.baseline === 'none' ? mean : 0;
        for (let i = 0; i < adv.length; i++) adv[i] = (adv[i] - center) / (std + 1e-8);
      }
      return { advantages: adv, returns };
    },
  }),
});
