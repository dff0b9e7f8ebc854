import type { Rng } from '../core/rng';
import type { PolicyConfig } from './policy-config';
import type { TaskSpec } from '../tasks/task-spec';
import { CategoricalMlpPolicy } from './categorical-mlp';
import { LanguagePolicy } from './language-policy';
import { VOCAB_SIZE } from '../tasks/language/vocab';

export type AnyPolicy = CategoricalMlpPolicy | LanguagePolicy;

/** The policy a task calls for: an MLP over observations, or a transformer over tokens. */
export function makePolicy(task: TaskSpec, config: PolicyConfig, withCritic: boolean, rng: Rng, name = 'policy'): AnyPolicy {
  if (task.kind === 'control') return new CategoricalMlpPolicy(task.obsDim, task.nActions, config, withCritic, rng, name);
  if (withCritic) throw new Error('language policies have no critic here');
  return new LanguagePolicy(config.transformer, VOCAB_SIZE, config.prefixMode, rng, name);
}

/** Copies the policy's weights (not a critic's) into a reference of the same shape. */
export function copyPolicy(from: AnyPolicy, to: AnyPolicy): void {
  if (from instanceof CategoricalMlpPolicy && to instanceof CategoricalMlpPolicy) from.copyActorTo(to);
  else if (from instanceof LanguagePolicy && to instanceof LanguagePolicy) from.copyTo(to);
  else throw new Error('policy and reference differ in kind');
}
