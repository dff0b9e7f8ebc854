import type { ModuleDef, StageName } from './module';
import { ADVANTAGE_VARIANTS } from '../stages/advantage/variants';
import { SURROGATE_VARIANTS } from '../stages/surrogate/variants';
import { WEIGHT_MODULES } from '../stages/weight/modules';
import { REGULARISE_VARIANTS } from '../stages/regularise/variants';
import { SHAPE_VARIANTS } from '../stages/shape/variants';
import { SELECT_VARIANTS } from '../stages/select/variants';
import { familyModules } from './families';
import { cartpoleTask } from '../tasks/cartpole.task';
import { banditTask } from '../tasks/bandit.task';
import { LANGUAGE_TASKS } from '../tasks/language';
import { groupPromptsSampler } from '../stages/sample/group-prompts';
import { vectorRolloutSampler } from '../stages/sample/vector-rollout';
import { episodesSampler } from '../stages/sample/episodes';
import { groupEpisodesSampler } from '../stages/sample/group-episodes';
import { dropZeroAdvGroups } from '../stages/select/drop-zero-adv-groups.module';
import { gaeAdvantage } from '../stages/advantage/gae.module';
import { rewardToGoAdvantage } from '../stages/advantage/reward-to-go.module';
import { grpoAdvantage } from '../stages/advantage/grpo.module';
import { rlooAdvantage } from '../stages/advantage/rloo.module';
import { reinforcePlusPlusAdvantage } from '../stages/advantage/reinforce-pp.module';
import { overlongPenaltyShaper } from '../stages/shape/overlong-penalty.module';
import { klRewardShaper } from '../stages/shape/kl-reward.module';
import { vanillaPgSurrogate } from '../stages/surrogate/vanilla-pg.module';
import { ppoClipSurrogate } from '../stages/surrogate/ppo-clip.module';
import { seqMeanTokenMean, seqMeanTokenSum, seqMeanTokenSumNorm, tokenMean } from '../stages/aggregate/aggregation';
import { entropyBonus } from '../stages/regularise/entropy-bonus.module';
import { klToReference } from '../stages/regularise/kl-ref.module';
import { adamUpdate } from '../stages/update/adam.module';

/**
 * Every module of the lab, by stage. The UI builds its controls from this table, the config
 * schema validates against it, and `lab list` prints it. Adding a method = adding a module here.
 */
export const REGISTRY = {
  task: [cartpoleTask, banditTask, ...LANGUAGE_TASKS, ...familyModules('task')],
  sample: [vectorRolloutSampler, episodesSampler, groupEpisodesSampler, groupPromptsSampler, ...familyModules('sample')],
  shape: [overlongPenaltyShaper, klRewardShaper, ...SHAPE_VARIANTS, ...familyModules('shape')],
  select: [dropZeroAdvGroups, ...SELECT_VARIANTS, ...familyModules('select')],
  advantage: [gaeAdvantage, rewardToGoAdvantage, grpoAdvantage, rlooAdvantage, reinforcePlusPlusAdvantage, ...ADVANTAGE_VARIANTS, ...familyModules('advantage')],
  weight: [...WEIGHT_MODULES, ...familyModules('weight')],
  surrogate: [ppoClipSurrogate, vanillaPgSurrogate, ...SURROGATE_VARIANTS, ...familyModules('surrogate')],
  aggregate: [tokenMean, seqMeanTokenMean, seqMeanTokenSum, seqMeanTokenSumNorm, ...familyModules('aggregate')],
  regularise: [entropyBonus, klToReference, ...REGULARISE_VARIANTS, ...familyModules('regularise')],
  update: [adamUpdate],
} as const satisfies Record<StageName, readonly ModuleDef<any, any>[]>;

export function findModule(stage: StageName, id: string): ModuleDef<any, any> {
  const def = (REGISTRY[stage] as readonly ModuleDef<any, any>[]).find((m) => m.id === id);
  if (!def) throw new Error(`no ${stage} module "${id}"`);
  return def;
}

export function listRegistry() {
  return Object.fromEntries(
    Object.entries(REGISTRY).map(([stage, defs]) => [
      stage,
      (defs as readonly ModuleDef<any, any>[]).map((d) => ({
        id: d.id,
        label: d.label,
        explain: d.explain,
        paper: d.paper,
      })),
    ]),
  );
}
