import type { Rng } from '../../../core/rng';
import type { LanguagePolicy } from '../../../policy/language-policy';
import type { SamplingParams } from '../../../policy/transformer/sampling-filters';
import type { LanguageExample, LanguageTaskSpec } from '../../../tasks/language/language-task';
import { isSuccess } from '../../advantage/variants/outcome';
import { drawGroups } from '../group-prompts';

/** Successes among one group's rewards (R ≥ threshold). */
export function countSuccesses(rewards: number[], threshold: number): number {
  return rewards.reduce((n, r) => n + (isSuccess(r, threshold) ? 1 : 0), 0);
}

/**
 * n fresh rollouts of each example by the current policy, drawn in one KV-cached pass (a scoring
 * pass: nothing here is trained on). Returns each example's successes and the tokens it cost.
 */
export async function scoreExamples(
  task: LanguageTaskSpec,
  policy: LanguagePolicy,
  examples: readonly LanguageExample[],
  n: number,
  sampling: SamplingParams,
  rng: Rng,
  threshold: number,
): Promise<{ successes: number[]; sampledTokens: number }> {
  const drawn = await drawGroups(task, policy, examples.slice(), new Array<number>(examples.length).fill(n), sampling, rng);
  return { successes: drawn.groups.map((g) => countSuccesses(g.rewards, threshold)), sampledTokens: drawn.sampledTokens };
}
