import { isSuccess } from '../../advantage/variants/outcome';
import type { DrawnGroup, DrawnRow } from '../group-prompts';

/** HPT's gate (mix_trainer.py select_on_off_ada_balance): P = correct rollouts; P ≤ γ goes to SFT. */
export function routesToSft(rewards: number[], gamma: number, threshold: number): boolean {
  return rewards.filter((r) => isSuccess(r, threshold)).length <= gamma;
}

/**
 * The batch's groups after routing: an RL prompt keeps its G rollouts (GRPO advantages follow);
 * an SFT prompt drops them and contributes its one demonstration row (with its fixed advantage),
 * demoRows[k] belonging to the k-th routed prompt.
 */
export function hptGroups(groups: DrawnGroup[], sft: boolean[], demoRows: DrawnRow[], demoRewards: number[]): DrawnGroup[] {
  let k = 0;
  return groups.map((g, i) => {
    if (!sft[i]) return g;
    const row = demoRows[k];
    const reward = demoRewards[k];
    k += 1;
    return { example: g.example, rewards: [reward], rows: [row] };
  });
}
