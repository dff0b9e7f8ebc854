import type { ModuleDef, StageName } from '../../engine/registry/module';
import { REGISTRY } from '../../engine/registry/registry';

/** Stages that take exactly one module, and stages that take a list of them. */
export const SINGLE_STAGES = ['task', 'sample', 'advantage', 'surrogate', 'aggregate', 'update'] as const;
export const LIST_STAGES = ['shape', 'select', 'weight', 'regularise'] as const;
export type SingleStage = (typeof SINGLE_STAGES)[number];
export type ListStage = (typeof LIST_STAGES)[number];

/** What each stage is for, in the words shown above its control. */
export const STAGE_TITLES: Record<StageName, string> = {
  task: 'Task',
  sample: 'Sample',
  shape: 'Shape rewards',
  select: 'Select',
  advantage: 'Advantage',
  weight: 'Weight',
  surrogate: 'Surrogate',
  aggregate: 'Aggregate',
  regularise: 'Regularise',
  update: 'Update',
};

export const STAGE_QUESTIONS: Record<StageName, string> = {
  task: 'What should the policy learn?',
  sample: 'How are episodes drawn each update?',
  shape: 'Which reward terms are added to the verifier\'s score?',
  select: 'Which samples are dropped before the update?',
  advantage: 'How good was each action, compared with what?',
  weight: 'Which steps count more or less?',
  surrogate: 'Which loss turns advantages into a gradient?',
  aggregate: 'How are per-step losses averaged?',
  regularise: 'What keeps the policy from collapsing or drifting?',
  update: 'How are the weights moved?',
};

export function stageModules(stage: StageName): readonly ModuleDef[] {
  return REGISTRY[stage] as readonly ModuleDef[];
}

export function findStageModule(stage: StageName, id: string): ModuleDef {
  const def = stageModules(stage).find((m) => m.id === id);
  if (!def) throw new Error(`no ${stage} module "${id}"`);
  return def;
}
