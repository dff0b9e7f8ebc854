import { z } from 'zod';
import { defineModule } from '../../../registry/module';
import { broadcastToSteps, type AdvantageEstimator } from '../advantage';
import { meanStd } from '../group-stats';
import { sequenceRewards } from '../grpo.module';
import { batchGroups, promptKeys, startStateGridParam, type PersistentState } from './outcome';
import { VARIANT_PAPERS } from './papers';

/** Cumulative reward statistics of one prompt over its visits so far. */
export interface SasStats {
  mean: number;
  std: number;
  visits: number;
}

/** A std below this counts as zero: that standardisation gives A = 0. */
const ZERO_STD = 1e-6;

/**
 * DCPO's smooth advantage standardisation for one visit of a prompt (lime-RL/DCPO
 * compute_dcpo_outcome_advantage; algorithms-llm.md §6): the current group's standardised reward
 * and the one under the prompt's cumulative statistics, mixed by visit count; the smaller in size
 * of the two mixtures is used.
 */
export function dcpoSmoothAdvantages(rewards: number[], prev: SasStats | undefined): { advantages: number[]; next: SasStats } {
  const { mean: muNew, std: sdNew } = meanStd(rewards);
  let muTot = muNew;
  let sdTot = sdNew;
  if (prev) {
    const n = prev.visits;
    muTot = (n * prev.mean + muNew) / (n + 1);
    const varTot = (n * prev.std ** 2 + sdNew ** 2 + (n / (n + 1)) * (muNew - prev.mean) ** 2) / (n + 1);
    sdTot = Math.sqrt(varTot);
  }
  const i = (prev?.visits ?? 0) + 1;
  const advantages = rewards.map((r) => {
    const aNew = sdNew < ZERO_STD ? 0 : (r - muNew) / sdNew;
    const aTot = sdTot < ZERO_STD ? 0 : (r - muTot) / sdTot;
    const saNew = ((i - 1) / i) * aNew + (1 / i) * aTot;
    const saTot = (1 / i) * aNew + ((i - 1) / i) * aTot;
    return Math.abs(saNew) < Math.abs(saTot) ? saNew : saTot;
  });
  return { advantages, next: { mean: muTot, std: sdTot, visits: i } };
}

export type DcpoState = Record<string, SasStats>;

export const dcpoSasAdvantage = defineModule({
  id: 'dcpo-sas',
  stage: 'advantage',
  label: 'DCPO smooth standardisation',
  explain:
    "A group's rewards standardised by its own stats and by the prompt's stats over all its visits, blended by visit count: repeats of a solved prompt still get signal.",
  formula:
    'SA^{new}_j = \\tfrac{i-1}{i}A^{new}_j + \\tfrac{1}{i}A^{tot}_j,\\; SA^{tot}_j = \\tfrac{1}{i}A^{new}_j + \\tfrac{i-1}{i}A^{tot}_j,\\; A_j = \\arg\\min_{|\\cdot|}(SA^{new}_j, SA^{tot}_j)',
  paper: VARIANT_PAPERS.dcpo,
  schema: z.object({
    startStateGrid: startStateGridParam,
  }),
  create: (p): AdvantageEstimator & PersistentState<DcpoState> => {
    // Per-prompt (mean, std, visits), kept for the whole run.
    const table = new Map<string, SasStats>();
    return {
      needsCritic: false,
      needsGroups: true,
      compute(batch) {
        const { rewards } = sequenceRewards(batch);
        const keys = promptKeys(batch, p.startStateGrid);
        const adv = new Float64Array(rewards.length);
        // Groups in batch order; a prompt drawn twice in one batch counts as two visits.
        for (const idx of batchGroups(batch)) {
          const key = keys[idx[0]];
          const { advantages, next } = dcpoSmoothAdvantages(idx.map((i) => rewards[i]), table.get(key));
          idx.forEach((i, j) => (adv[i] = advantages[j]));
          table.set(key, next);
        }
        return { advantages: broadcastToSteps(batch, adv), returns: null };
      },
      saveState: () => Object.fromEntries([...table].map(([k, s]) => [k, { ...s }])),
      loadState(state) {
        table.clear();
        for (const [k, s] of Object.entries(state)) table.set(k, { ...s });
      },
    };
  },
});
